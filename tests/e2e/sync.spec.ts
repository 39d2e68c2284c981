import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startTestCouch, type TestCouch } from '../../src/lib/sync/testing/couch-server';
import {
	answerByTapping,
	counts,
	countStored,
	openBuiltinDeck,
	press,
	waitForServiceWorker
} from './helpers';
import { seriousViolations } from './axe';

// The app on localhost:4173 and the server on another port: another origin (CORS), the same
// site (so the session cookie is sent, as for app.example.org and couch.example.org).
const APP_ORIGIN = 'http://localhost:4173';

let couch: TestCouch;
let serverAddress: string;
let users = 0;

test.beforeAll(async () => {
	couch = await startTestCouch({ cors: [APP_ORIGIN] });
	serverAddress = couch.url.replace('127.0.0.1', 'localhost');
});
test.afterAll(async () => {
	await couch.stop();
});

async function turnOnSync(page: Page, user: string) {
	await page.goto('/settings');
	await page.getByLabel('Server address').fill(serverAddress);
	await page.getByLabel('User name').fill(user);
	await page.getByLabel('Password').fill('secret');
	await press(page, page.getByRole('button', { name: 'Turn on sync' }));
	await expect(page.getByTestId('sync-status')).toContainText(/Last synced/, { timeout: 30_000 });
	await waitForServiceWorker(page); // so that the app opens offline
}

async function syncNow(page: Page) {
	await page.goto('/settings');
	const status = page.getByTestId('sync-status');
	const button = page.getByRole('button', { name: 'Sync now' });
	await expect(button).toBeEnabled({ timeout: 30_000 }); // a sync on opening may be running
	const before = await status.getAttribute('data-last-sync');
	await press(page, button);
	await expect(status).not.toHaveAttribute('data-last-sync', before!, { timeout: 30_000 });
	await expect(page.getByTestId('sync-error')).toHaveCount(0);
}

async function secondDevice(browser: Browser, like: BrowserContext): Promise<Page> {
	const context = await browser.newContext({
		baseURL: APP_ORIGIN,
		viewport: like.pages()[0]?.viewportSize() ?? null,
		hasTouch: await like.pages()[0]!.evaluate(() => navigator.maxTouchPoints > 0)
	});
	return context.newPage();
}

test('two devices study the same deck offline, then sync: both keep every review and agree', async ({
	page,
	context,
	browser
}) => {
	// Two browser contexts each sign in and sync, then three syncs more: 47-49 s in CI with
	// two workers, so three times that, for the headroom every test keeps (playwright.config.ts).
	test.setTimeout(150_000);
	users += 1;
	const user = `e2e${users}-${test.info().project.name}`;
	await couch.addUser(user, 'secret');
	const laptop = await secondDevice(browser, context);

	await turnOnSync(page, user);
	// The sync section signed in, with its status and buttons, for screen readers and contrast.
	expect(await seriousViolations(page)).toEqual([]);
	await turnOnSync(laptop, user);

	// Offline on both: the phone answers two cards, the laptop the first of them.
	await context.setOffline(true);
	await laptop.context().setOffline(true);
	await openBuiltinDeck(page);
	await answerByTapping(page, 'Good');
	await answerByTapping(page, 'Good');
	await openBuiltinDeck(laptop);
	await answerByTapping(laptop, 'Again');

	await context.setOffline(false);
	await laptop.context().setOffline(false);
	await syncNow(page);
	await syncNow(laptop);
	await syncNow(page);

	for (const device of [page, laptop]) {
		expect(await countStored(device, 'reviewLogs')).toBe(3);
	}
	await openBuiltinDeck(page);
	await openBuiltinDeck(laptop);
	const phoneCounts = await counts(page);
	expect(await counts(laptop)).toEqual(phoneCounts);
	expect(phoneCounts.newCards).toBe(18); // two of twenty seen, on one device or the other
	await laptop.context().close();
});

test('a server that does not allow the app (CORS) is named as the cause', async ({ page }) => {
	const closed = await startTestCouch();
	try {
		await closed.addUser('nocors', 'secret');
		await page.goto('/settings');
		await page.getByLabel('Server address').fill(closed.url.replace('127.0.0.1', 'localhost'));
		await page.getByLabel('User name').fill('nocors');
		await page.getByLabel('Password').fill('secret');
		await press(page, page.getByRole('button', { name: 'Turn on sync' }));
		await expect(page.getByRole('alert')).toContainText('CORS settings must allow this app');
		expect(await seriousViolations(page)).toEqual([]);
		await expect(page.getByTestId('sync-status')).toHaveCount(0);
	} finally {
		await closed.stop();
	}
});
