import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID, openBuiltinDeck } from './helpers';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });

		test('decks, study and settings screens have no serious axe violations', async ({ page }) => {
			await page.goto('/');
			await expect(page.getByRole('link', { name: /^Study / }).first()).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);

			await openBuiltinDeck(page);
			expect(await seriousViolations(page)).toEqual([]);
			await page.getByRole('button', { name: /^Show answer/ }).click();
			await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);

			await page.goto('/settings');
			await expect(page.getByLabel('New cards per day')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('new-deck, import and deck screens have no serious axe violations', async ({ page }) => {
			await page.goto('/new');
			await page
				.getByLabel('Article')
				.fill(
					'# Tea\n\nOne common misconception is that green tea has no caffeine. In fact, green tea contains some caffeine.\n\nTo brew tea you need:\n\n- A kettle.\n- A teapot.\n- Tea leaves.'
				);
			await page.getByRole('button', { name: 'Make cards' }).click();
			await expect(page.getByLabel('Deck name')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);

			await page.goto('/import');
			await expect(page.getByText('Choose a file')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);

			await page.goto('/');
			await page
				.getByRole('link', { name: /What Does A Backend/ })
				.first()
				.click();
			await expect(page.getByRole('button', { name: 'Export' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
		});

		test('browse (with cards selected) and add-card screens have no serious axe violations and fit the screen', async ({
			page
		}) => {
			await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
			await expect(page.getByTestId('browse-row').first()).toBeVisible();
			await page.getByLabel('Select all shown').check();
			await expect(page.getByRole('region', { name: 'Selected cards' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			expect(await fitsWidth(page)).toBe(true);

			await page.getByTestId('browse-row').first().getByRole('button', { name: 'Edit' }).click();
			await expect(page.getByRole('form', { name: 'Edit card' })).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);

			await page.goto(`/add?deck=${BUILTIN_DECK_ID}`);
			await expect(page.getByLabel('Type')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			expect(await fitsWidth(page)).toBe(true);
		});
	});
}

/**
 * Nothing is wider than the screen. On a phone a wider page widens the layout viewport
 * (so `innerWidth` grows with it) and zooms out; the screen's width does not change.
 */
function fitsWidth(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth <= screen.width);
}
