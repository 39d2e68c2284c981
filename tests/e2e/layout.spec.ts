import { expect, test, type Page } from '@playwright/test';
import { BUILTIN_DECK_ID, press } from './helpers';

/** How every nested deck arrives from Anki: long, and with no space to break at. */
const NESTED_NAME = 'Medicine::Pharmacology::Antibiotics::Cephalosporins::FirstGenerationAgents';

/** Each screen, and what shows it is ready. */
const SCREENS: { path: string; ready: (page: Page) => ReturnType<Page['getByRole']> }[] = [
	{ path: '/', ready: (page) => page.getByRole('heading', { name: 'Decks' }) },
	{
		path: `/deck?id=${BUILTIN_DECK_ID}`,
		ready: (page) => page.getByRole('button', { name: 'Export' })
	},
	{
		path: `/study?deck=${BUILTIN_DECK_ID}`,
		ready: (page) => page.getByRole('button', { name: /^Show answer/ })
	},
	{
		path: `/browse?deck=${BUILTIN_DECK_ID}`,
		ready: (page) => page.getByRole('heading', { name: 'Browse' })
	},
	{
		path: `/add?deck=${BUILTIN_DECK_ID}`,
		ready: (page) => page.getByRole('button', { name: 'Add card' })
	},
	{ path: '/new', ready: (page) => page.getByRole('button', { name: 'Make cards' }) },
	{ path: '/import', ready: (page) => page.getByRole('heading', { name: 'Import', exact: true }) },
	{ path: '/settings', ready: (page) => page.getByRole('button', { name: 'Save settings' }) },
	{ path: '/no-such-page', ready: (page) => page.getByRole('heading', { name: 'Page not found' }) }
];

/** Offers installation the way Chromium does, so the header shows its Install button. */
async function offerInstall(page: Page) {
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt: () => Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		event.prompt = async () => {};
		event.userChoice = new Promise(() => {});
		window.dispatchEvent(event);
	});
	await expect(page.getByRole('button', { name: 'Install' })).toBeVisible();
}

/** Elements wider than the screen, or reaching past its right edge. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
			.filter((element) => element.getClientRects().length > 0)
			.filter((element) => element.getBoundingClientRect().right > width + 1)
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
		return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
	});
}

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'layout at phone widths');
});

// One test per width keeps each well inside its timeout (nine screens each).
for (const width of [320, 360, 412]) {
	test(`no screen scrolls sideways at ${width} px, with a nested deck name and the Install button`, async ({
		page
	}) => {
		// Give the built-in deck a name as long as a nested Anki deck's.
		await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
		await page.getByLabel('Deck name').fill(NESTED_NAME);
		await press(page, page.getByRole('button', { name: 'Rename' }));
		await expect(page.getByRole('heading', { name: NESTED_NAME })).toBeVisible();

		await page.setViewportSize({ width, height: 740 });
		for (const screen of SCREENS) {
			await page.goto(screen.path);
			await expect(screen.ready(page)).toBeVisible();
			await offerInstall(page);
			const measured = await overflow(page);
			expect(measured, `${screen.path} at ${width} px`).toEqual({
				scrollWidth: width,
				width,
				wide: []
			});
			// The Install button stays whole and on screen.
			const install = (await page.getByRole('button', { name: 'Install' }).boundingBox())!;
			expect(install.x + install.width, `Install at ${width} px`).toBeLessThanOrEqual(width);
		}
		// The full name is there to read, not cut off: one level per row of the deck tree.
		await page.goto('/');
		for (const part of NESTED_NAME.split('::'))
			await expect(page.getByText(part, { exact: true })).toBeVisible();
		await expect(
			page.getByRole('link', { name: `Study ${NESTED_NAME}`, exact: true })
		).toBeVisible();
	});
}
