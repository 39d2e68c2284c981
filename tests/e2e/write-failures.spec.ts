import { expect, test } from '@playwright/test';
import { countStored, openBuiltinDeck, press } from './helpers';

test('a full disk while answering: the message says so, the card stays, and a retry stores it once', async ({
	page
}) => {
	// While the flag is set, every write fails as a full disk does in Chromium.
	await page.addInitScript(() => {
		const failing = (original: (...args: never[]) => IDBRequest) =>
			function (this: IDBObjectStore, ...args: never[]) {
				if ((window as unknown as { failWrites?: boolean }).failWrites)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		IDBObjectStore.prototype.put = failing(IDBObjectStore.prototype.put);
		IDBObjectStore.prototype.add = failing(IDBObjectStore.prototype.add);
	});
	await openBuiltinDeck(page);
	const front = await page.locator('.front').innerText();
	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await press(page, page.getByRole('button', { name: /^Good\b/ }));

	await expect(page.getByRole('alert')).toContainText(
		'The device is out of storage space. Nothing was changed: free some space'
	);
	// The answer is still on screen, ready to be tried again; nothing was half-written.
	await expect(page.locator('.front')).toHaveText(front);
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeEnabled();
	expect(await countStored(page, 'reviewLogs')).toBe(0);
	expect(await countStored(page, 'cards', { reps: 1 })).toBe(0);

	await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
	await press(page, page.getByRole('button', { name: /^Good\b/ }));
	await expect(page.locator('.front')).not.toHaveText(front);
	expect(await countStored(page, 'reviewLogs')).toBe(1);
	expect(await countStored(page, 'cards', { reps: 1 })).toBe(1);
});

test('a browser with no IndexedDB (some private windows) says what is wrong and what to do', async ({
	page
}) => {
	await page.addInitScript(() => {
		for (const name of ['indexedDB', 'webkitIndexedDB', 'IDBKeyRange', 'webkitIDBKeyRange'])
			Object.defineProperty(window, name, { value: undefined, configurable: true });
	});
	await page.goto('/');
	await expect(page.getByRole('alert')).toContainText(
		'This browser will not let the app store anything, which happens in some private windows'
	);
	await expect(page.getByRole('alert')).toContainText('Open the app in a normal window');
});
