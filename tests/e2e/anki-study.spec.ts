import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID, press, waitForServiceWorker } from './helpers';

const FRONT = 'What does REST stand for?';
const BACK = 'Representational State Transfer';

const DAYS_PER = { d: 1, mo: 30, y: 365 } as Record<string, number>;

/** The Easy button's interval in days ("12d", "1.5mo"), once the answer is shown. */
async function easyDays(page: Page): Promise<number> {
	const name = await page.getByRole('button', { name: /^Easy\b/ }).innerText();
	const [, amount, unit] = /([\d.]+)(d|mo|y)/.exec(name) ?? [];
	expect(unit, `Easy interval in days or more: ${name}`).toBeDefined();
	return Number(amount) * (DAYS_PER[unit as string] ?? NaN);
}

test('add a card, find it in the browser, edit it in study, bury it until tomorrow, and retune retention, offline', async ({
	page,
	context
}) => {
	await page.clock.install({ time: new Date('2026-11-28T10:00:00') });
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study What Does A Backend/ })).toBeVisible();
	await waitForServiceWorker(page);
	await context.setOffline(true);

	// Add a "Basic (and reversed)" card from the deck page.
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await press(page, page.getByRole('link', { name: 'Add card' }));
	await page.getByLabel('Type').selectOption('reversed');
	// Nothing (such as a long deck name) makes the page wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= screen.width)).toBe(
		true
	);
	await page.getByLabel('Front').fill(FRONT);
	await page.getByLabel('Back').fill(BACK);
	await page.getByLabel(/^Tags/).fill('api web');
	await press(page, page.getByRole('button', { name: 'Add card' }));
	await expect(page.getByText(/Added 2 cards to “What Does A Backend/)).toBeVisible();
	// The form is ready for the next card, keeping type and tags.
	await expect(page.getByLabel('Front')).toHaveValue('');
	await expect(page.getByLabel(/^Tags/)).toHaveValue('api web');

	// Find it in the browser, then set every other card of the deck aside.
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
	const results = page.getByTestId('browse-results');
	await expect(page.getByTestId('browse-row')).toHaveCount(36);
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('rest stand');
	await expect(results).toHaveAttribute('data-query', 'rest stand');
	const rows = page.getByTestId('browse-row');
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText(FRONT);
	await expect(rows.first()).toContainText('New');

	await page.getByRole('searchbox', { name: 'Search cards' }).fill('');
	await expect(results).toHaveAttribute('data-query', '');
	await press(page, page.getByLabel('Select all shown'));
	for (const text of [FRONT, BACK])
		await press(page, page.getByRole('checkbox', { name: new RegExp(`^Select: ${text}`) }));
	await expect(page.getByText('34 selected')).toBeVisible();
	await press(page, page.getByRole('button', { name: 'Suspend', exact: true }));
	await expect(page.getByText('Suspended: 34 cards.')).toBeVisible();
	await page.getByRole('combobox', { name: 'State' }).selectOption('suspended');
	await expect(page.getByText('34 cards', { exact: true })).toBeVisible();

	// Study: the new card comes up; edit it after the answer is shown.
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await expect(page.locator('.front')).toHaveText(FRONT);
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await expect(page.locator('.back')).toHaveText(BACK);
	const easyBefore = await easyDays(page);
	await press(page, page.getByText('More', { exact: true }));
	await press(page, page.getByRole('button', { name: 'Edit card' }));
	await page.getByLabel('Back').fill(`${BACK} (REST)`);
	await press(page, page.getByRole('button', { name: 'Save card' }));
	await expect(page.locator('.back')).toHaveText(`${BACK} (REST)`);

	// Bury it: its reverse sibling is shown (asking with the back), and the card is
	// gone until the next study day starts.
	await press(page, page.getByText('More', { exact: true }));
	await press(page, page.getByRole('button', { name: 'Bury until tomorrow' }));
	await expect(page.locator('.front')).toHaveText(`${BACK} (REST)`);
	await expect(page.getByRole('status').filter({ hasText: 'Card buried' })).toBeVisible();
	await page.reload();
	await expect(page.locator('.front')).toHaveText(`${BACK} (REST)`);
	await page.keyboard.press('-');
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	await page.clock.setFixedTime(new Date('2026-11-29T04:00:01'));
	await page.reload();
	await expect(page.locator('.front')).toHaveText(FRONT);

	// A lower desired retention gives longer intervals on the grade buttons.
	await page.goto('/settings');
	await page.getByLabel('Desired retention').fill('0.7');
	await press(page, page.getByRole('button', { name: 'Save settings' }));
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await expect(page.locator('.front')).toHaveText(FRONT);
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	expect(await easyDays(page)).toBeGreaterThan(easyBefore);
	await context.setOffline(false);
});

test('keyboard only: suspend (@), bury (-), and undo (Z) each of them', async ({ page }) => {
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	const first = await page.locator('.front').innerText();
	await page.keyboard.press('@');
	await expect(page.locator('.front')).not.toHaveText(first);
	const second = await page.locator('.front').innerText();
	await page.keyboard.press('-');
	await expect(page.locator('.front')).not.toHaveText(second);
	await page.keyboard.press('z');
	await expect(page.locator('.front')).toHaveText(second);
	await page.keyboard.press('z');
	await expect(page.locator('.front')).toHaveText(first);

	// Undone for real: the deck's counts are whole again.
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}&state=suspended`);
	await expect(page.getByTestId('browse-results')).toHaveAttribute('data-query', '');
	await expect(page.getByText('No cards match.')).toBeVisible();
});

test('an invalid setting gets a message and is not saved', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m soon');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('alert')).toContainText('"soon" is not a step');
	await page.reload();
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 10m');
});

test('a deck can set its own new cards per day over the global setting', async ({ page }) => {
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await page.getByLabel('Own value for “New cards per day”').check();
	await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('4');
	await page.getByRole('button', { name: 'Save deck options' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/');
	await expect(
		page
			.getByRole('listitem')
			.filter({ hasText: /What Does A Backend/ })
			.locator('.count-new')
	).toHaveText(/^4\b/);
});

test('rename a deck, read its source article, and forget its progress', async ({ page }) => {
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await page.getByLabel('Deck name').fill('Backend basics');
	await page.getByRole('button', { name: 'Rename' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Backend basics' })).toBeVisible();

	await page.getByText(/^Source article:/).click();
	await expect(page.locator('.article')).toContainText('backend');

	await page.getByRole('button', { name: 'Forget all cards' }).click();
	await page.getByRole('button', { name: 'Forget all cards' }).click();
	await expect(page.getByText('34 cards are new again')).toBeVisible();
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}&state=review`);
	await expect(page.getByTestId('browse-results')).toHaveAttribute('data-query', '');
	await expect(page.getByText('No cards match.')).toBeVisible();
});
