import { expect, test } from '@playwright/test';
import { BUILTIN_DECK_ID, press } from './helpers';

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'AnkiDroid habits are a phone user’s');
});

test('a tap on the card shows the answer; a tap on the shown answer grades nothing', async ({
	page
}) => {
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await page.locator('.front').tap();
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
	const front = await page.locator('.front').innerText();
	await page.getByRole('region', { name: 'Card' }).tap();
	await expect(page.locator('.front')).toHaveText(front);
	await expect(page.getByRole('button', { name: /^Good/ })).toBeVisible();
});

test('bury and suspend are in a More menu away from the grades, each confirmed with an Undo', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await press(page, page.getByRole('button', { name: /^Show answer/ }));

	// One line of actions at 360 px, above the card; the grades are below it.
	const actions = await page
		.locator('.actions > a, .actions > button, .actions summary')
		.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().top));
	expect(actions).toHaveLength(3);
	expect(new Set(actions).size).toBe(1);
	const good = (await page.getByRole('button', { name: /^Good/ }).boundingBox())!;
	expect(actions[0]!).toBeLessThan(good.y - 100);

	const first = await page.locator('.front').innerText();
	await press(page, page.getByText('More', { exact: true }));
	await press(page, page.getByRole('button', { name: 'Bury until tomorrow' }));
	const buried = page.getByRole('status').filter({ hasText: 'Card buried until tomorrow.' });
	await expect(buried).toBeVisible();
	await expect(page.locator('.front')).not.toHaveText(first);
	await press(page, buried.getByRole('button', { name: 'Undo' }));
	await expect(page.locator('.front')).toHaveText(first);
	await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();

	await press(page, page.getByText('More', { exact: true }));
	await press(page, page.getByRole('button', { name: 'Suspend' }));
	await expect(page.getByRole('status').filter({ hasText: 'Card suspended.' })).toBeVisible();
	await expect(page.locator('.front')).not.toHaveText(first);
	// The menu closed behind the action; it also closes on a tap outside it and on Escape.
	await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeHidden();
	await press(page, page.getByText('More', { exact: true }));
	await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeVisible();
	await page.getByRole('heading', { level: 1 }).tap();
	await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeHidden();
	await press(page, page.getByText('More', { exact: true }));
	await page.keyboard.press('Escape');
	await expect(page.getByRole('button', { name: 'Bury until tomorrow' })).toBeHidden();
});

test('Ctrl+Enter saves the card editor', async ({ page }) => {
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeFocused();
	await page.keyboard.press('e');
	const back = page.getByLabel('Back');
	await back.fill('Edited from the keyboard.');
	await back.press('Control+Enter');
	await expect(page.getByRole('form', { name: 'Edit card' })).toHaveCount(0);
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await expect(page.locator('.back')).toHaveText('Edited from the keyboard.');
});
