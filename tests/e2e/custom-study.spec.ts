import { expect, test, type Page } from '@playwright/test';
import { answerByTapping, BUILTIN_DECK_ID, counts, press, STUDY_MORNING } from './helpers';

/** The built-in deck with one new card a day, that card answered Easy: done for today. */
async function doneForToday(page: Page) {
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await page.getByLabel('Own value for “New cards per day”').check();
	await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('1');
	await press(page, page.getByRole('button', { name: 'Save deck options' }));
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	const first = await answerByTapping(page, 'Easy');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await page.getByText('Custom study', { exact: true }).click();
	return first;
}

test('custom study: more new cards today than the deck’s limit', async ({ page, context }) => {
	await context.clock.install({ time: STUDY_MORNING });
	await doneForToday(page);
	await page.getByLabel('Extra new cards').fill('2');
	await press(page, page.getByRole('button', { name: 'Study 2 more new' }));
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	expect((await counts(page)).newCards).toBe(2);
	await answerByTapping(page, 'Easy');
	await answerByTapping(page, 'Easy');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	// The deck's own limit is unchanged: tomorrow is one new card again.
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await expect(page.getByRole('spinbutton', { name: 'New cards per day' })).toHaveValue('1');
});

test('custom study: review ahead brings tomorrow’s reviews to today', async ({ page, context }) => {
	await context.clock.install({ time: STUDY_MORNING });
	const first = await doneForToday(page);
	await page.getByLabel('Days ahead').fill('60');
	await press(page, page.getByRole('button', { name: 'Review 60 days’ cards' }));
	await expect(page.locator('.front')).toHaveText(first);
	expect((await counts(page)).reviews).toBe(1);
});
