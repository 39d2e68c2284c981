import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { notesPackage } from './anki-package';
import { press } from './helpers';

/** Anki's stock "Basic (type in the answer)" note type. */
const TYPE_IN = {
	id: 12,
	name: 'Basic (type in the answer)',
	cloze: false,
	fields: ['Front', 'Back'],
	templates: ['Card 1'],
	formats: [
		{
			qfmt: '{{Front}}\n\n{{type:Back}}',
			afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}'
		}
	]
};

/** Imports a deck of type-in notes (front, back) through the screen and starts studying it. */
async function importAndStudy(page: Page, notes: string[][]) {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'capitals.apkg',
		mimeType: 'application/octet-stream',
		buffer: await notesPackage({ deck: 'Capitals', noteType: TYPE_IN, notes })
	});
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await press(page, page.getByRole('link', { name: 'Study', exact: true }));
}

test('an Anki type-in card: the answer is typed in its box (Enter shows the answer) and compared character by character', async ({
	page
}) => {
	await importAndStudy(page, [['Capital of France?', 'Paris']]);

	const box = page.getByRole('textbox', { name: 'Type the answer' });
	// The box takes the keyboard at once, and Space types a space rather than showing the answer.
	await expect(box).toBeFocused();
	// A tap in the box is for the box: it does not show the answer as a tap on the card does.
	await press(page, box);
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	await page.keyboard.type('Pa ris');
	await expect(box).toHaveValue('Pa ris');
	await expect(page.getByRole('button', { name: 'Show answer' })).toBeVisible();
	// Enter shows the answer, with what was typed compared character by character.
	await page.keyboard.press('Enter');
	const compared = page.locator('.back .type-compare');
	await expect(compared).toContainText('You typed: Pa ris');
	await expect(compared.locator('.typed-bad')).toHaveText(' ');
	await expect(compared).toContainText('The answer: Paris');
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
});

test('a later type-in card keeps the keyboard in its box while the screen refreshes after the previous answer', async ({
	page
}) => {
	await importAndStudy(page, [
		['Capital of France?', 'Paris'],
		['Capital of Italy?', 'Rome']
	]);

	// The first card loads the code HTML cards need; the second is shown with it at hand.
	const box = page.getByRole('textbox', { name: 'Type the answer' });
	await expect(box).toBeFocused();
	await page.keyboard.type('Paris');
	await page.keyboard.press('Enter');
	await press(page, page.getByRole('button', { name: /^Good\b/ }));
	await expect(page.locator('.front')).toContainText('Capital of Italy?');
	await expect(box).toBeFocused();
	// Every letter reaches the box ("e" alone would open the editor), however the screen
	// refreshes around it after the previous answer.
	await page.keyboard.type('Rime');
	await expect(box).toHaveValue('Rime');
	await page.keyboard.press('Enter');
	const compared = page.locator('.back .type-compare');
	await expect(compared).toContainText('You typed: Rime');
	await expect(compared).toContainText('The answer: Rome');
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
});
