import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { BUILTIN_DECK_ID, makeCards, openBuiltinDeck } from './helpers';

/**
 * Nothing is wider than the screen. On a phone a wider page widens the layout viewport
 * (so `innerWidth` grows with it) and zooms out; the screen's width does not change.
 */
function fitsWidth(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth <= screen.width);
}

const TEA_ARTICLE =
	'# Tea\n\nOne common misconception is that green tea has no caffeine. In fact, green tea contains some caffeine.\n\nTo brew tea you need:\n\n- A kettle.\n- A teapot.\n- Tea leaves.';

/** Each screen state the audit covers, and how to reach it. */
const screens: { name: string; open: (page: Page) => Promise<void>; checkWidth?: boolean }[] = [
	{
		name: 'decks',
		open: async (page) => {
			await page.goto('/');
			await expect(page.getByRole('link', { name: /^Study / }).first()).toBeVisible();
		}
	},
	{
		name: 'study (question)',
		open: openBuiltinDeck
	},
	{
		name: 'study (answer)',
		open: async (page) => {
			await openBuiltinDeck(page);
			await page.getByRole('button', { name: /^Show answer/ }).click();
			await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
		}
	},
	{
		name: 'study (More menu open, a card buried with its Undo notice)',
		open: async (page) => {
			await openBuiltinDeck(page);
			await page.keyboard.press('-');
			await expect(page.getByRole('button', { name: 'Undo' }).first()).toBeVisible();
			await page.getByText('More', { exact: true }).click();
			await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeVisible();
		}
	},
	{
		name: 'settings',
		open: async (page) => {
			await page.goto('/settings');
			await expect(page.getByLabel('New cards per day')).toBeVisible();
		}
	},
	{
		name: 'new deck (drafts)',
		open: async (page) => {
			await page.goto('/new');
			await page.getByLabel('Article').fill(TEA_ARTICLE);
			await makeCards(page);
			await expect(page.getByLabel('Deck name')).toBeVisible();
		}
	},
	{
		name: 'import',
		open: async (page) => {
			await page.goto('/import');
			await expect(page.getByText('Choose a file')).toBeVisible();
		}
	},
	{
		name: 'deck',
		open: async (page) => {
			await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
			await expect(page.getByRole('button', { name: 'Export' })).toBeVisible();
		}
	},
	{
		name: 'browse (cards selected)',
		checkWidth: true,
		open: async (page) => {
			await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
			await expect(page.getByTestId('browse-row').first()).toBeVisible();
			await page.getByLabel('Select all shown').check();
			await expect(page.getByRole('region', { name: 'Selected cards' })).toBeVisible();
		}
	},
	{
		name: 'browse (editing a card)',
		open: async (page) => {
			await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
			await page.getByTestId('browse-row').first().getByRole('button', { name: 'Edit' }).click();
			await expect(page.getByRole('form', { name: 'Edit card' })).toBeVisible();
		}
	},
	{
		name: 'statistics',
		checkWidth: true,
		open: async (page) => {
			await openBuiltinDeck(page);
			await page.keyboard.press('Space');
			await page.keyboard.press('3');
			await page.goto('/stats');
			await expect(page.getByRole('heading', { name: 'True retention' })).toBeVisible();
			// The tables behind the charts too.
			for (const table of await page.getByText(/^As a table$|as a table$/).all())
				await table.click();
		}
	},
	{
		name: 'card info (from the browser)',
		checkWidth: true,
		open: async (page) => {
			await page.goto(`/browse?deck=${BUILTIN_DECK_ID}`);
			await page
				.getByTestId('browse-row')
				.first()
				.getByRole('button', { name: 'Card info' })
				.click();
			await expect(page.getByRole('dialog', { name: 'Card info' })).toContainText('Lapses');
		}
	},
	{
		name: 'new deck (more suggestions open)',
		open: async (page) => {
			await page.goto('/new');
			// Four items: each gets an item cloze, offered unticked under More suggestions.
			await page.getByLabel('Article').fill(`${TEA_ARTICLE}\n- A timer.`);
			await makeCards(page);
			await page.getByText(/^More suggestions/).click();
			await expect(page.getByRole('checkbox', { checked: false }).first()).toBeVisible();
		}
	},
	{
		name: 'page not found',
		open: async (page) => {
			await page.goto('/no-such-page');
			await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
			await expect(page).toHaveTitle(/Page not found/);
		}
	},
	{
		name: 'add card',
		checkWidth: true,
		open: async (page) => {
			await page.goto(`/add?deck=${BUILTIN_DECK_ID}`);
			await expect(page.getByLabel('Type')).toBeVisible();
		}
	}
];

for (const scheme of ['light', 'dark'] as const) {
	test.describe(`${scheme} theme`, () => {
		test.use({ colorScheme: scheme });

		for (const state of screens) {
			test(`${state.name}: no serious axe violations${state.checkWidth ? ', fits the screen' : ''}`, async ({
				page
			}) => {
				await state.open(page);
				expect(await seriousViolations(page)).toEqual([]);
				if (state.checkWidth) expect(await fitsWidth(page)).toBe(true);
			});
		}
	});
}
