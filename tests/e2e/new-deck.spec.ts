import { expect, test } from '@playwright/test';
import { counts, press, waitForServiceWorker } from './helpers';

const ARTICLE = `# Brewing Tea

Tea is one of the most popular drinks in the world.

## Myths

One common misconception is that green tea has no caffeine. In fact, green tea contains about a third of the caffeine of coffee.

Many people think that tea should be brewed with boiling water. This isn't true! Delicate teas such as green and white tea are best brewed at 70 to 80 degrees.

## What you need

To brew loose-leaf tea you need the following:

- A kettle.
- A teapot or infuser.
- Fresh loose-leaf tea.
- A timer.
`;

test('paste an article, make cards, untick one, edit one, save, and study it offline', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await press(page, page.getByRole('link', { name: 'New deck from article' }));
	await page.getByLabel('Article').fill(ARTICLE);
	await press(page, page.getByRole('button', { name: 'Make cards' }));

	const misconceptions = page.getByRole('group', { name: /^Misconceptions/ });
	await expect(misconceptions.getByRole('listitem')).toHaveCount(2);
	await expect(
		page
			.getByRole('group', { name: /^Lists/ })
			.locator('textarea[id^="back-"]')
			.first()
	).toHaveValue(/A teapot or infuser/);
	await expect(page.getByLabel('Deck name')).toHaveValue('Brewing Tea');

	const keep = page.getByRole('checkbox', { checked: true });
	const chosenBefore = await keep.count();
	const firstFront = misconceptions.locator('textarea[id^="front-"]').first();
	await firstFront.fill('True or false: green tea is caffeine-free. (edited)');
	const dropped = await misconceptions.locator('textarea[id^="front-"]').nth(1).inputValue();
	await misconceptions.getByRole('checkbox').nth(1).uncheck();

	await page.getByLabel('Deck name').fill('Tea basics');
	await press(page, page.getByRole('button', { name: 'Save deck' }));
	await expect(page.getByRole('heading', { name: 'Tea basics' })).toBeVisible();
	await expect(page.getByText(`${chosenBefore - 1} cards`)).toBeVisible();

	await context.setOffline(true);
	await press(page, page.getByRole('link', { name: 'Study' }));
	const seen: string[] = [];
	for (let i = 0; i < chosenBefore - 1; i++) {
		const front = await page.locator('.front').innerText();
		seen.push(front);
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(page.locator('.front').getByText(front, { exact: true })).toHaveCount(0);
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(seen).toContain('True or false: green tea is caffeine-free. (edited)');
	expect(seen).not.toContain(dropped);
	await expect.poll(() => counts(page)).toEqual({ newCards: 0, learning: 0, reviews: 0 });
});

test('bad input gets a clear message and saves nothing', async ({ page }) => {
	await page.goto('/new');
	await page.getByRole('button', { name: 'Make cards' }).click();
	await expect(page.getByRole('alert')).toHaveText('The article is empty.');

	await page.getByLabel('Article').fill('<html><body><p>Hello</p></body></html>');
	await page.getByRole('button', { name: 'Make cards' }).click();
	await expect(page.getByRole('alert')).toContainText('HTML');

	await page.locator('input[type=file]').setInputFiles({
		name: 'photo.png',
		mimeType: 'image/png',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])
	});
	await expect(page.getByRole('alert')).toHaveText(
		'“photo.png” is not a text file. Open a .txt or .md file.'
	);
	await expect(page.getByRole('button', { name: 'Save deck' })).toHaveCount(0);

	await page.goto('/');
	await expect(page.getByRole('listitem')).toHaveCount(1);
});

test('a .md file can be opened instead of pasting', async ({ page }) => {
	await page.goto('/new');
	await page.locator('input[type=file]').setInputFiles({
		name: 'tea.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(ARTICLE)
	});
	await expect(page.getByLabel('Article')).toHaveValue(ARTICLE);
	await page.getByRole('button', { name: 'Make cards' }).click();
	await expect(page.getByLabel('Deck name')).toHaveValue('Brewing Tea');
});
