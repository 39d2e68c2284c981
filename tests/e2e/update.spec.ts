import { expect, test } from '@playwright/test';
import { waitForServiceWorker } from './helpers';
import { serveBuild } from './static-server';

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
		// The reload is proven by a new document; `load` would also wait for every
		// subresource, and once in about twenty runs it never came while the reloaded page
		// was already showing its decks (not understood; see the closing note of 3 December).
		const updaterReloaded = updater.waitForEvent('domcontentloaded');
		await updater.getByRole('button', { name: 'Reload' }).click();
		await updaterReloaded;
		await expect(updater.getByText('The app was updated in another tab.')).toHaveCount(0);

		// The other tab is now controlled by the new worker while running the old code.
		await expect(other.getByText('The app was updated in another tab.')).toBeVisible();
		await expect(other.getByText('A new version is ready.')).toHaveCount(0);
		const otherReloaded = other.waitForEvent('domcontentloaded');
		await other.getByRole('button', { name: 'Reload' }).click();
		await otherReloaded;
		await expect(other.getByRole('heading', { name: 'Decks' })).toBeVisible();
		await expect(other.getByText('The app was updated in another tab.')).toHaveCount(0);
	} finally {
		await server.close();
	}
});
