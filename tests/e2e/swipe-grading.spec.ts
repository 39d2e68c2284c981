import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID, counts, countStored, press, STUDY_MORNING } from './helpers';

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'swiping is a touchscreen habit');
});

/**
 * Puts one finger on the card's question and drags it by (dx, dy) in small steps, as a
 * touchscreen reports it (Playwright's touchscreen can only tap). The browser applies the
 * card's `touch-action` to these touches, as a phone does. Returns the finger's release.
 */
async function drag(page: Page, dx: number, dy: number): Promise<() => Promise<void>> {
	const { x, y } = await onQuestion(page);
	const cdp = await page.context().newCDPSession(page);
	const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', at: { x: number; y: number }[]) =>
		cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at });
	await touch('touchStart', [{ x, y }]);
	const steps = 8;
	for (let step = 1; step <= steps; step++)
		await touch('touchMove', [{ x: x + (dx * step) / steps, y: y + (dy * step) / steps }]);
	return async () => {
		await touch('touchEnd', []);
		await cdp.detach();
	};
}

async function swipe(page: Page, dx: number, dy: number): Promise<void> {
	const release = await drag(page, dx, dy);
	await release();
}

/** The same swipe with a mouse: Pointer Events, not touch only. */
async function mouseSwipe(page: Page, dx: number, dy: number): Promise<void> {
	const { x, y } = await onQuestion(page);
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y + dy, { steps: 8 });
	await page.mouse.up();
}

/** A point on the card's question, across the middle of the card. */
async function onQuestion(page: Page) {
	const card = (await page.getByRole('region', { name: 'Card' }).boundingBox())!;
	const front = (await page.locator('.front').boundingBox())!;
	return { x: Math.round(card.x + card.width / 2), y: Math.round(front.y + front.height / 2) };
}

async function showAnswer(page: Page): Promise<string> {
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	const front = await page.locator('.front').innerText();
	// With swiping on or off, a tap on the card shows its answer.
	await page.locator('.front').tap();
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
	return front;
}

test('with Grade by swiping on, a swipe right grades Good, as the Good button does', async ({
	page
}) => {
	await page.goto('/settings');
	const setting = page.getByLabel('Grade by swiping');
	await expect(setting).not.toBeChecked();
	await expect(
		page.getByText('left for Again, down for Hard, right for Good, up for Easy')
	).toBeVisible();
	const row = (await page.locator('label', { has: setting }).boundingBox())!;
	expect(row.height).toBeGreaterThanOrEqual(44);
	await press(page, setting);
	await press(page, page.getByRole('button', { name: 'Save settings' }));
	await expect(page.getByText('Saved.')).toBeVisible();

	// Mid-morning, so a card due again in 10 minutes is counted today.
	await page.clock.install({ time: STUDY_MORNING });
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	const before = await counts(page);
	const card = page.getByRole('region', { name: 'Card' });
	const touchAction = () => card.evaluate((el) => getComputedStyle(el).touchAction);
	// The question scrolls the page as anywhere else; a shown answer keeps the finger (pinches still zoom).
	expect(await touchAction()).toBe('auto');
	const front = await showAnswer(page);
	expect(await touchAction()).toBe('pinch-zoom');

	// Short of the threshold, or slanting, a swipe names no grade and grades nothing.
	await swipe(page, 40, 0);
	await swipe(page, 90, 90);
	await expect(page.locator('.front')).toHaveText(front);

	// Past it, the card follows the finger and names the grade before the finger lets go.
	const release = await drag(page, 120, 8);
	await expect(card.locator('.swipe-label')).toHaveText(/^Good\s+\d+m$/);
	expect(
		await card.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41)
	).toBeGreaterThan(10);
	await expect(page.locator('.front')).toHaveText(front);
	await release();

	await expect(page.locator('.front')).not.toHaveText(front);
	await expect.poll(() => countStored(page, 'reviewLogs', { rating: 3 })).toBe(1);
	expect(await countStored(page, 'reviewLogs')).toBe(1);
	// A new card answered Good goes to learning, as the counts say.
	await expect
		.poll(() => counts(page))
		.toEqual({ ...before, newCards: before.newCards - 1, learning: before.learning + 1 });
	// The same path as the buttons: Undo takes the answer back.
	await press(page, page.getByRole('button', { name: 'Undo', exact: true }));
	await expect(page.locator('.front')).toHaveText(front);
	await expect.poll(() => countStored(page, 'reviewLogs')).toBe(0);

	// With reduced motion the card stays still; the label alone names the grade.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await showAnswer(page);
	const still = await drag(page, -120, 0);
	await expect(card.locator('.swipe-label')).toHaveText(/^Again\b/);
	expect(await card.evaluate((el) => getComputedStyle(el).transform)).toBe('none');
	await still();
	await expect.poll(() => countStored(page, 'reviewLogs', { rating: 1 })).toBe(1);

	// A mouse swipes too, and its release does not show the next card's answer.
	const third = await showAnswer(page);
	await mouseSwipe(page, 0, -120);
	await expect(page.locator('.front')).not.toHaveText(third);
	await expect.poll(() => countStored(page, 'reviewLogs', { rating: 4 })).toBe(1);
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
});

test('with Grade by swiping off (the default), a swipe grades nothing', async ({ page }) => {
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	const front = await showAnswer(page);
	// The card still lets the page scroll as anywhere else, answer shown or not.
	expect(
		await page
			.getByRole('region', { name: 'Card' })
			.evaluate((el) => getComputedStyle(el).touchAction)
	).toBe('auto');
	await swipe(page, 120, 8);
	await swipe(page, 0, -120);
	// A mouse drag is not cancelled by `touch-action` as a finger's is: only the setting stops it.
	await mouseSwipe(page, 120, 8);
	await expect(page.locator('.swipe-label')).toHaveCount(0);
	await expect(page.locator('.front')).toHaveText(front);
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
	// Writes are kept in order: once Again's answer is stored, a swipe's would be too.
	await press(page, page.getByRole('button', { name: /^Again\b/ }));
	await expect.poll(() => countStored(page, 'reviewLogs', { rating: 1 })).toBe(1);
	expect(await countStored(page, 'reviewLogs')).toBe(1);
});
