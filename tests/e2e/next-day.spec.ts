import { expect, test } from '@playwright/test';
import { answerByKeyboard, counts, openBuiltinDeck } from './helpers';

test('daily new-card limit from settings, done screen, and a fresh allowance the next day', async ({
	page
}) => {
	await page.clock.install({ time: new Date('2026-11-28T10:00:00') });
	await page.goto('/settings');
	await page.getByLabel('New cards per day').fill('3');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await openBuiltinDeck(page);
	await expect.poll(() => counts(page)).toEqual({ newCards: 3, learning: 0, reviews: 0 });
	for (let i = 0; i < 3; i++) await answerByKeyboard(page, '4');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await expect(page.getByText(/The next card is due tomorrow at 0?4:00/)).toBeVisible();

	// 04:00 the next morning starts a new study day.
	await page.clock.setFixedTime(new Date('2026-11-29T04:00:01'));
	await page.reload();
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await expect.poll(() => counts(page)).toEqual({ newCards: 3, learning: 0, reviews: 0 });
});
