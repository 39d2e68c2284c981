import { expect, test } from '@playwright/test';
import {
	answerByKeyboard,
	BUILTIN_DECK_ID,
	countStored,
	openBuiltinDeck,
	press,
	STUDY_MORNING
} from './helpers';

test('a card deleted in Browse comes back with their history when Undo is tapped', async ({
	page
}) => {
	await page.clock.install({ time: STUDY_MORNING });
	await openBuiltinDeck(page);
	await answerByKeyboard(page, '3');
	const cards = await countStored(page, 'cards');
	expect(await countStored(page, 'reviewLogs')).toBe(1);

	// The card just answered is the deck's one learning card: delete it.
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
	await page.getByRole('combobox', { name: 'State' }).selectOption('learning');
	await expect(page.getByTestId('browse-row')).toHaveCount(1);
	await press(page, page.getByTestId('browse-row').getByRole('checkbox'));
	await expect(page.getByText('1 selected')).toBeVisible();
	await press(page, page.getByRole('button', { name: 'Delete', exact: true }));
	const confirm = page.getByRole('alertdialog', { name: 'Confirm delete' });
	await expect(confirm).toHaveText(/Delete 1 card and its review history\?/);
	await expect(confirm).not.toContainText('cannot be undone');
	await press(page, confirm.getByRole('button', { name: 'Delete it' }));

	const status = page.locator('.last-action');
	await expect(status).toContainText('Deleted 1 card.');
	await expect.poll(() => countStored(page, 'cards')).toBe(cards - 1);
	expect(await countStored(page, 'reviewLogs')).toBe(0);

	await press(page, status.getByRole('button', { name: 'Undo' }));
	await expect(status).toHaveCount(0);
	await expect.poll(() => countStored(page, 'cards')).toBe(cards);
	expect(await countStored(page, 'reviewLogs')).toBe(1);
	await page.getByRole('combobox', { name: 'State' }).selectOption('learning');
	await expect(page.getByTestId('browse-row')).toHaveCount(1);
});
