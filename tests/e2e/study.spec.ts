import { expect, test } from '@playwright/test';
import {
	answerByKeyboard,
	answerByTapping,
	counts,
	openBuiltinDeck,
	BUILTIN_DECK_NAME,
	STUDY_MORNING
} from './helpers';

test('first visit: the built-in deck is there, six cards studied by tap and keyboard survive a reload', async ({
	page
}) => {
	// Mid-morning: learning cards answered now (due in 10 minutes) are due today.
	await page.clock.install({ time: STUDY_MORNING });
	await page.goto('/');
	const deck = page.getByRole('listitem').filter({ hasText: BUILTIN_DECK_NAME });
	await expect(deck).toHaveCount(1);
	expect(await counts(deck)).toEqual({ newCards: 20, learning: 0, reviews: 0 });

	await openBuiltinDeck(page);
	const seen = new Set<string>();
	for (let i = 0; i < 3; i++) seen.add(await answerByTapping(page, 'Good'));
	for (let i = 0; i < 3; i++) seen.add(await answerByKeyboard(page, '3'));
	expect(seen.size).toBe(6);
	await expect.poll(() => counts(page)).toEqual({ newCards: 14, learning: 6, reviews: 0 });

	await page.reload();
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await expect.poll(() => counts(page)).toEqual({ newCards: 14, learning: 6, reviews: 0 });
	// Learning cards are not due for 10 minutes, so the next card is a new one.
	expect(seen.has(await page.locator('.front').innerText())).toBe(false);

	await page.goto('/');
	expect(await counts(page.getByRole('listitem').filter({ hasText: BUILTIN_DECK_NAME }))).toEqual({
		newCards: 14,
		learning: 6,
		reviews: 0
	});
});

test('each grade shows the interval it leads to', async ({ page }) => {
	await openBuiltinDeck(page);
	await page.getByRole('button', { name: /^Show answer/ }).click();
	await expect(page.getByRole('button', { name: /^Again\b/ })).toHaveAccessibleName('Again 1m');
	await expect(page.getByRole('button', { name: /^Hard\b/ })).toHaveAccessibleName('Hard 6m');
	await expect(page.getByRole('button', { name: /^Good\b/ })).toHaveAccessibleName('Good 10m');
	await expect(page.getByRole('button', { name: /^Easy\b/ })).toHaveAccessibleName(/^Easy \d+d$/);
});

test('undo (Z) brings the last card back with its counts', async ({ page }) => {
	await openBuiltinDeck(page);
	const before = await counts(page);
	const front = await answerByKeyboard(page, '4');
	await expect.poll(() => counts(page)).toEqual({ ...before, newCards: before.newCards - 1 });
	await page.keyboard.press('z');
	await expect(page.locator('.front')).toHaveText(front);
	await expect.poll(() => counts(page)).toEqual(before);
	await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();

	await answerByKeyboard(page, '1');
	await page.keyboard.press('Control+z');
	await expect(page.locator('.front')).toHaveText(front);
});

test('a learning card comes back in the same session when it is due', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-11-28T10:00:00') });
	await openBuiltinDeck(page);
	const first = await answerByTapping(page, 'Again'); // back in 1 minute
	await answerByTapping(page, 'Good');
	await page.clock.fastForward('01:05');
	await answerByTapping(page, 'Good');
	await expect(page.locator('.front')).toHaveText(first);
});

test('the source passage can be revealed after the answer', async ({ page }) => {
	await openBuiltinDeck(page);
	await expect(page.getByText('Source passage')).toHaveCount(0);
	await page.getByRole('button', { name: /^Show answer/ }).click();
	await page.getByText('Source passage').click();
	await expect(page.locator('.source blockquote')).not.toBeEmpty();
});

test('a card can be edited during review (E), and the edit is kept', async ({ page }) => {
	await openBuiltinDeck(page);
	await page.getByRole('button', { name: /^Show answer/ }).click();
	await page.keyboard.press('e');
	await expect(page.getByLabel('Front')).toBeFocused();
	await page.getByLabel('Back').fill('An edited answer.');
	await page.getByRole('button', { name: 'Save card' }).click();
	await expect(page.locator('.back')).toHaveText('An edited answer.');
	await page.reload();
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await page.keyboard.press('Space');
	await expect(page.locator('.back')).toHaveText('An edited answer.');

	// Escape leaves the editor without saving.
	await page.keyboard.press('e');
	await page.getByLabel('Back').fill('Not saved');
	await page.keyboard.press('Escape');
	await expect(page.getByLabel('Back')).toHaveCount(0);
	await expect(page.locator('.back')).toHaveText('An edited answer.');
});
