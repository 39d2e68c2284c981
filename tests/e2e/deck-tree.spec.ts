import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID, counts, makeCards, press } from './helpers';

/** Renames the built-in deck and makes a second deck under the same parent, "Backend". */
async function twoChildDecks(page: Page) {
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await page.getByLabel('Deck name').fill('Backend::Article');
	await press(page, page.getByRole('button', { name: 'Rename' }));
	await expect(page.getByRole('heading', { name: 'Backend::Article' })).toBeVisible();

	await page.goto('/new');
	await page
		.getByLabel('Article')
		.fill(
			'# Sleep\n\nOne common misconception is that adults need only five hours of sleep. In fact, most adults need seven to nine hours a night.'
		);
	await makeCards(page);
	await expect(page.getByRole('group', { name: /^Misconceptions/ })).toBeVisible();
	await page.getByLabel('Deck name').fill('Backend::Sleep');
	await press(page, page.getByRole('button', { name: 'Save deck' }));
	await expect(page.getByRole('heading', { name: 'Backend::Sleep' })).toBeVisible();
}

/** The row of the decks screen whose Study link studies `name`. */
function row(page: Page, name: string) {
	return page
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: `Study ${name}`, exact: true }) });
}

test('nested decks show as a tree with summed counts, collapse, and study a parent with its children', async ({
	page
}) => {
	await twoChildDecks(page);
	await page.goto('/');

	// "Backend" exists only through its children: a group with their counts added up.
	await expect(row(page, 'Backend')).toBeVisible();
	const article = await counts(row(page, 'Backend::Article'));
	const sleep = await counts(row(page, 'Backend::Sleep'));
	expect(sleep.newCards).toBeGreaterThan(0);
	expect(await counts(row(page, 'Backend'))).toEqual({
		newCards: article.newCards + sleep.newCards,
		learning: article.learning + sleep.learning,
		reviews: article.reviews + sleep.reviews
	});

	// Collapsing hides the children, and the tree opens the same way next time.
	const toggle = page.getByRole('button', { name: 'Collapse Backend' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	await press(page, toggle);
	await expect(row(page, 'Backend::Sleep')).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('button', { name: 'Expand Backend' })).toHaveAttribute(
		'aria-expanded',
		'false'
	);
	await expect(row(page, 'Backend::Article')).toHaveCount(0);
	await press(page, page.getByRole('button', { name: 'Expand Backend' }));
	await expect(row(page, 'Backend::Sleep')).toBeVisible();

	// Studying the parent studies both children: their new cards, one after the other.
	await press(page, page.getByRole('link', { name: 'Study Backend', exact: true }));
	await expect(page.getByRole('heading', { level: 1, name: 'Backend' })).toBeVisible();
	expect((await counts(page)).newCards).toBe(article.newCards + sleep.newCards);
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
});

test('Study all studies every deck', async ({ page }) => {
	await twoChildDecks(page);
	await page.goto('/');
	const total = await counts(row(page, 'Backend'));
	await press(page, page.getByRole('link', { name: 'Study all decks' }));
	await expect(page.getByRole('heading', { level: 1, name: 'All decks' })).toBeVisible();
	expect(await counts(page)).toEqual(total);
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
});
