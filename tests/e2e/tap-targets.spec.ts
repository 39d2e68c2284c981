import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID } from './helpers';

/** The smallest side of each visible checkbox's tap target: its label when it sits in one. */
function smallestTapTargets(page: Page) {
	return page.evaluate(() =>
		Array.from(document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
			.filter((box) => box.getClientRects().length > 0)
			.map((box) => {
				const target = box.closest('label') ?? box;
				const { width, height } = target.getBoundingClientRect();
				return {
					name: box.getAttribute('aria-label') ?? target.textContent?.trim(),
					side: Math.min(width, height)
				};
			})
			.filter(({ side }) => side < 44)
	);
}

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'tap targets are about touch');
});

test('every checkbox on browse, settings and deck options is at least 44 px to tap', async ({
	page
}) => {
	await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
	await expect(page.getByTestId('browse-row').first()).toBeVisible();
	expect(await smallestTapTargets(page)).toEqual([]);
	// The label toggles its box: a tap beside the box, inside the target, selects the card.
	const first = page.getByTestId('browse-row').first();
	const box = (await first.locator('label').boundingBox())!;
	await page.touchscreen.tap(box.x + 4, box.y + 4);
	await expect(first.getByRole('checkbox')).toBeChecked();

	await page.goto('/settings');
	await expect(page.getByLabel('New cards per day')).toBeVisible();
	expect(await smallestTapTargets(page)).toEqual([]);

	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await expect(page.getByRole('button', { name: 'Export' })).toBeVisible();
	expect(await smallestTapTargets(page)).toEqual([]);
});
