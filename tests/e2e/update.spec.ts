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
