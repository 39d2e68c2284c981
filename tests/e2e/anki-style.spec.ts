import { expect, test, type Page } from '@playwright/test';
import { oneNotePackage } from './anki-package';
import { seriousViolations } from './axe';
import { BUILTIN_DECK_ID, press, waitForServiceWorker } from './helpers';

/**
 * A note type of someone else's with its own stylesheet: Anki's root rule (a size, and colours
 * the app's theme overrides), a class its field uses, a night-mode colour for that class, and
 * a rule that would cover the whole screen if it were not kept inside the card.
 */
const HANJA = {
	id: 12,
	name: 'Hanja',
	cloze: false,
	fields: ['Front', 'Back'],
	templates: ['Card 1'],
	css: [
		'.card { font-size: 37px; color: black; background-color: white; }',
		'.hanja { color: rgb(139, 0, 0); }',
		'.nightMode .hanja { color: rgb(255, 170, 170); }',
		'.cover { position: absolute; top: 0; left: 0; width: 100vw; height: 100vh; }',
		'@import url(https://example.com/tracker.css);'
	].join('\n')
};

async function importHanjaDeck(page: Page) {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'hanja.apkg',
		mimeType: 'application/octet-stream',
		buffer: await oneNotePackage({
			deck: 'Hanja',
			noteType: HANJA,
			fields: ['<span class="hanja">水</span><span class="cover"></span>', 'water']
		})
	});
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await expect(page.getByText(/1 card added/)).toBeVisible();
}

const colourOf = (page: Page) =>
	page.locator('.front .hanja').evaluate((span) => getComputedStyle(span).color);

test('an Anki note type’s styling shows on its own cards only, in light and dark, offline', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await importHanjaDeck(page);

	await press(page, page.getByRole('link', { name: 'Study', exact: true }));
	const card = page.locator('.card-view[data-note-style]');
	await expect(card.locator('.front')).toContainText('水');
	await expect.poll(() => card.evaluate((el) => getComputedStyle(el).fontSize)).toBe('37px');
	await expect.poll(() => colourOf(page)).toBe('rgb(139, 0, 0)');
	// The root's colours stay the theme's; the covering element stays inside the card, and the
	// answer can still be asked for with a tap.
	expect(await card.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
		'rgb(255, 255, 255)'
	);
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await expect(page.locator('.back')).toContainText('water');
	expect(await seriousViolations(page)).toEqual([]);

	// Dark theme: the note type's night-mode rule applies.
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.reload();
	await expect.poll(() => colourOf(page)).toBe('rgb(255, 170, 170)');
	expect(await seriousViolations(page)).toEqual([]);

	// Another deck's card: none of it.
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await expect(page.locator('.front')).toBeVisible();
	await expect(page.locator('.card-view[data-note-style]')).toHaveCount(0);
	expect(await page.locator('.card-view').evaluate((el) => getComputedStyle(el).fontSize)).not.toBe(
		'37px'
	);
	expect(await page.locator('style', { hasText: 'hanja' }).count()).toBe(0);
});
