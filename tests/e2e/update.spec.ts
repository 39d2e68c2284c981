import { expect, test, type Page } from '@playwright/test';
import { waitForServiceWorker } from './helpers';
import { serveBuild } from './static-server';

/** Leaves a mark on the page's current document, for `newDocument`. */
async function markDocument(page: Page): Promise<void> {
	await page.evaluate(() => ((window as unknown as { oldDocument?: boolean }).oldDocument = true));
}

/** Resolves once the page shows a document without the mark: it was reloaded. */
async function newDocument(page: Page): Promise<void> {
	await page.waitForFunction(() => !(window as unknown as { oldDocument?: boolean }).oldDocument);
}

test('a new version waiting shows "A new version is ready" and Reload switches to it', async ({
	page
}) => {
	const server = await serveBuild();
	try {
		await page.goto(server.url);
		await waitForServiceWorker(page);
		await expect(page.getByText('Ready to work offline.')).toBeVisible();
		// Said above the page, not over it: the deck list's heading stays readable.
		const notice = (await page.getByText('Ready to work offline.').boundingBox())!;
		const heading = (await page.getByRole('heading', { name: 'Decks' }).boundingBox())!;
		expect(notice.y + notice.height).toBeLessThanOrEqual(heading.y);

		server.deployNewVersion('version 2');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		await expect(page.getByText('A new version is ready.')).toBeVisible();
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
		await expect(page.getByText('A new version is ready.')).toHaveCount(0);
		const waiting = await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			return registration?.waiting !== null;
		});
		expect(waiting).toBe(false);
		// "Ready to work offline" is said once, not after every update.
		await expect(page.getByText('Ready to work offline.')).toHaveCount(0);
	} finally {
		await server.close();
	}
});

test('a new version activated in another tab: this tab says so and reloads on a tap', async ({
	context
}) => {
	const server = await serveBuild();
	try {
		const updater = await context.newPage();
		const other = await context.newPage();
		await updater.goto(server.url);
		await waitForServiceWorker(updater);
		await other.goto(server.url);
		await waitForServiceWorker(other);
		await expect(other.getByRole('heading', { name: 'Decks' })).toBeVisible();

		server.deployNewVersion('version 2');
		await updater.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});
		await expect(updater.getByText('A new version is ready.')).toBeVisible();
		// The reload is proven by a new document: a mark left on the old one is gone. Waiting
		// for the page's `load`, then its `domcontentloaded`, each missed the reload about once
		// in twenty runs although the reloaded page was showing its decks (Playwright did not
		// report the event); the mark does not depend on seeing the event.
		await markDocument(updater);
		await updater.getByRole('button', { name: 'Reload' }).click();
		await newDocument(updater);
		await expect(updater.getByText('The app was updated in another tab.')).toHaveCount(0);

		// The other tab is now controlled by the new worker while running the old code.
		await expect(other.getByText('The app was updated in another tab.')).toBeVisible();
		await expect(other.getByText('A new version is ready.')).toHaveCount(0);
		await markDocument(other);
		await other.getByRole('button', { name: 'Reload' }).click();
		await newDocument(other);
		await expect(other.getByRole('heading', { name: 'Decks' })).toBeVisible();
		await expect(other.getByText('The app was updated in another tab.')).toHaveCount(0);
	} finally {
		await server.close();
	}
});
