import { expect, test, type Page } from '@playwright/test';
import { notesPackage } from './anki-package';
import { press } from './helpers';

/** Someone's vocabulary note type: asked from English, Korean first among its fields. */
const KOREAN = {
	id: 70,
	name: 'Korean vocab',
	cloze: false,
	fields: ['Korean', 'English', 'Romanised'],
	templates: ['Recognition'],
	formats: [
		{
			qfmt: '{{English}}',
			afmt: '{{FrontSide}}<hr id=answer>{{Korean}}{{#Romanised}}<br>({{Romanised}}){{/Romanised}}'
		}
	]
};

/** Edit card, from the study screen's More menu. */
async function openEditor(page: Page) {
	await press(page, page.locator('summary', { hasText: 'More' }));
	await press(page, page.getByRole('button', { name: 'Edit card' }));
}

test('a card from Anki is edited as its note: one box per field, and the card is rendered again from its template', async ({
	page
}) => {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'korean.apkg',
		mimeType: 'application/octet-stream',
		buffer: await notesPackage({ deck: 'Korean', noteType: KOREAN, notes: [['밥', 'rice', '']] })
	});
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await press(page, page.getByRole('link', { name: 'Study', exact: true }));
	await expect(page.locator('.front')).toHaveText('rice');

	await openEditor(page);
	const form = page.getByRole('form', { name: 'Edit card' });
	await expect(form.getByRole('textbox', { name: 'Korean' })).toHaveValue('밥');
	await expect(form.getByRole('textbox', { name: 'English' })).toHaveValue('rice');
	await form.getByRole('textbox', { name: 'English' }).fill('cooked rice');
	await form.getByRole('textbox', { name: 'Romanised' }).fill('bap');
	await press(page, form.getByRole('button', { name: 'Save card' }));

	await expect(page.locator('.front')).toHaveText('cooked rice');
	await press(page, page.getByRole('button', { name: 'Show answer' }));
	// The template's conditional section shows now that its field has text.
	await expect(page.locator('.back')).toContainText('밥(bap)');

	// Opened again, the editor shows the note as saved.
	await openEditor(page);
	await expect(
		page.getByRole('form', { name: 'Edit card' }).getByRole('textbox', { name: 'Romanised' })
	).toHaveValue('bap');
});
