import { expect, test } from '@playwright/test';
import { answerByKeyboard, BUILTIN_DECK_ID, openBuiltinDeck, press } from './helpers';

test('card info: from study by its key and from the browser, with the card’s reviews', async ({
	page
}) => {
	await openBuiltinDeck(page);
	const answered = await answerByKeyboard(page, '3');

	// In study, "i" opens the info of the card on screen (new: no memory yet); Escape closes it.
	await page.keyboard.press('i');
	const dialog = page.getByRole('dialog', { name: 'Card info' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('definition').nth(3)).toHaveText('New');
	// Keys are the dialog's while it is open: "3" grades nothing behind it.
	await page.keyboard.press('3');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();

	// In the browser, the card just answered: one review, Good, as a new card.
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
	await page.getByRole('searchbox', { name: 'Search cards' }).fill(answered.slice(0, 40));
	await press(page, page.getByRole('button', { name: /^Card info: / }).first());
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Reviews 1 Lapses 0');
	const rows = dialog.getByRole('table', { name: 'Reviews, newest first' }).getByRole('row');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1)).toContainText('Good (new)');
	await press(page, dialog.getByRole('button', { name: 'Close' }));
	await expect(dialog).toBeHidden();
});
