import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_NAME, makeCards, press } from './helpers';

const ARTICLE = `# Brewing Tea

Tea is one of the most popular drinks in the world.

One common misconception is that green tea has no caffeine. In fact, green tea contains about a third of the caffeine of coffee.

To brew loose-leaf tea you need the following:

- A kettle.
- A teapot or infuser.
- Fresh loose-leaf tea.
- A timer.
`;

/** Answers the next dialog (a confirm) and returns its message. */
function answerDialog(page: Page, accept: boolean): Promise<string> {
	return new Promise((resolve) => {
		page.once('dialog', async (dialog) => {
			const message = dialog.message();
			if (accept) await dialog.accept();
			else await dialog.dismiss();
			resolve(message);
		});
	});
}

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone user’s journeys');
});

test('the New deck screen keeps its text and edited drafts across Decks, Back and a reload, until saved', async ({
	page
}) => {
	await page.goto('/new');
	await page.getByLabel('Article').fill(ARTICLE);
	await makeCards(page);
	const front = page.locator('textarea[id^="front-"]').first();
	await front.fill('True or false: green tea is caffeine-free. (edited)');
	const boxes = page.getByRole('checkbox');
	await boxes.nth(1).uncheck();
	await page.getByLabel('Deck name').fill('Tea, kept');

	// One tap on Decks (no question: nothing is lost), then the phone's Back.
	await press(page, page.getByRole('link', { name: 'Decks' }));
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await page.goBack();
	await expect(page.getByLabel('Article')).toHaveValue(ARTICLE);
	await expect(front).toHaveValue('True or false: green tea is caffeine-free. (edited)');
	await expect(boxes.nth(1)).not.toBeChecked();
	await expect(page.getByLabel('Deck name')).toHaveValue('Tea, kept');

	// The app closed and opened again (a reload): still there.
	await page.reload();
	await expect(front).toHaveValue('True or false: green tea is caffeine-free. (edited)');
	await expect(boxes.nth(1)).not.toBeChecked();

	// Saved: the next visit starts empty.
	await press(page, page.getByRole('button', { name: 'Save deck' }));
	await expect(page.getByRole('heading', { name: 'Tea, kept' })).toBeVisible();
	await page.goto('/new');
	await expect(page.getByLabel('Article')).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Save deck' })).toHaveCount(0);
});

test('Discard empties the New deck screen for good, after asking', async ({ page }) => {
	await page.goto('/new');
	await page.getByLabel('Article').fill(ARTICLE);
	await makeCards(page);

	let asked = answerDialog(page, false);
	await press(page, page.getByRole('button', { name: 'Discard' }));
	expect(await asked).toMatch(/Discard the article/);
	await expect(page.getByLabel('Article')).toHaveValue(ARTICLE);

	asked = answerDialog(page, true);
	await press(page, page.getByRole('button', { name: 'Discard' }));
	await asked;
	await expect(page.getByLabel('Article')).toHaveValue('');
	await page.reload();
	await expect(page.getByLabel('Article')).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Discard' })).toHaveCount(0);
});

test('unsaved settings and deck options ask before they are left, and stay when the answer is no', async ({
	page
}) => {
	await page.goto('/settings');
	const perDay = page.getByLabel('New cards per day');
	await perDay.fill('33');

	let asked = answerDialog(page, false);
	await press(page, page.getByRole('link', { name: 'Decks' }));
	expect(await asked).toMatch(/Leave without saving/);
	await expect(page).toHaveURL(/\/settings$/);
	await expect(perDay).toHaveValue('33');

	// Saved, the same tap leaves without a question.
	await press(page, page.getByRole('button', { name: 'Save settings' }));
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	await press(page, page.getByRole('link', { name: 'Decks' }));
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();

	// Deck options: Back with a change asks; yes leaves and drops the change.
	await press(page, page.getByRole('link', { name: BUILTIN_DECK_NAME }).first());
	await page.getByRole('checkbox', { name: /Own value for “New cards per day”/ }).check();
	asked = answerDialog(page, true);
	await page.goBack();
	expect(await asked).toMatch(/Leave without saving/);
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
});
