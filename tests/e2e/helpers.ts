import { expect, type Locator, type Page } from '@playwright/test';

export const BUILTIN_DECK_ID = 'builtin-backend-developer';
export const BUILTIN_DECK_NAME = /What Does A Backend Developer Do/;

/**
 * A fixed mid-morning for tests that count learning cards: near the day's start hour
 * (4 am) a card due in 10 minutes belongs to the next study day, and the counts change.
 */
export const STUDY_MORNING = new Date('2026-11-28T10:00:00');

/** Taps on touch profiles (the phone), clicks elsewhere. */
export async function press(page: Page, target: Locator): Promise<void> {
	const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
	if (touch) await target.tap();
	else await target.click();
}

/** Resolves once a service worker controls the page, i.e. the app shell is precached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, {
		timeout: 30_000
	});
}

/** The "N new" / "N learning" / "N to review" numbers shown for the current deck. */
export async function counts(scope: Page | Locator) {
	const read = async (cls: string) =>
		Number((await scope.locator(`.counts .${cls}`).first().innerText()).split(' ')[0]);
	return {
		newCards: await read('count-new'),
		learning: await read('count-learning'),
		reviews: await read('count-review')
	};
}

export async function openBuiltinDeck(page: Page): Promise<void> {
	await page.goto('/');
	await press(page, page.getByRole('link', { name: /^Study What Does A Backend/ }));
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
}

/** Answers the card on screen by tapping: Show answer, then the grade. */
export async function answerByTapping(
	page: Page,
	grade: 'Again' | 'Hard' | 'Good' | 'Easy',
	{ untilStored = true } = {}
) {
	const front = await page.locator('.front').innerText();
	const stored = untilStored ? await countStored(page, 'reviewLogs') : 0;
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await press(page, page.getByRole('button', { name: new RegExp(`^${grade}\\b`) }));
	await cardGone(page, front);
	if (untilStored) await answerStored(page, stored);
	return front;
}

/**
 * Waits until the answer is in the database. The next card shows before the answer is
 * written (a few milliseconds behind): a test that leaves the page at once would lose it.
 */
async function answerStored(page: Page, before: number) {
	await expect.poll(() => countStored(page, 'reviewLogs')).toBeGreaterThan(before);
}

/** Waits until the card with this front is no longer shown (the next one, or the done screen, is). */
async function cardGone(page: Page, front: string) {
	await expect(page.locator('.front').getByText(front, { exact: true })).toHaveCount(0);
}

/** Answers the card on screen with the keyboard: Space shows the answer, 1–4 grade. */
export async function answerByKeyboard(
	page: Page,
	key: '1' | '2' | '3' | '4',
	{ untilStored = true } = {}
) {
	const front = await page.locator('.front').innerText();
	const stored = untilStored ? await countStored(page, 'reviewLogs') : 0;
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
	await page.keyboard.press(key);
	await cardGone(page, front);
	if (untilStored) await answerStored(page, stored);
	return front;
}

/**
 * Counts rows in the app's database with the raw IndexedDB API — what is really
 * stored, not what a screen says — optionally only rows whose fields equal
 * `where`. The database must exist already (the app has been opened).
 */
export async function countStored(
	page: Page,
	store: 'decks' | 'cards' | 'reviewLogs' | 'media',
	where: Record<string, string | number> = {}
): Promise<number> {
	const rows = await storedRows(page, store);
	return rows.filter((row) => Object.entries(where).every(([k, v]) => row[k] === v)).length;
}

/**
 * Every row of one store of the app's database, read with the raw IndexedDB API: what is
 * really stored. The database must exist already (the app has been opened).
 */
export async function storedRows(
	page: Page,
	store: 'decks' | 'cards' | 'reviewLogs' | 'media'
): Promise<Record<string, unknown>[]> {
	return page.evaluate(async (store) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('article-flashcards');
			// Never create the database here: that would hide a missing one.
			request.onupgradeneeded = () => request.transaction?.abort();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		try {
			return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
				request.onerror = () => reject(request.error);
			});
		} finally {
			db.close();
		}
	}, store);
}

/** A phone's share sheet cannot be driven headless: record what would be shared instead. */
export async function stubShareSheet(page: Page): Promise<void> {
	await page.addInitScript(() => {
		navigator.canShare = () => true;
		navigator.share = async (data?: ShareData) => {
			(window as unknown as { shared?: File }).shared = data?.files?.[0];
		};
	});
}

/**
 * Presses a button that saves a file (share sheet on touch profiles, download
 * elsewhere) and returns the file's text. Needs `stubShareSheet` on touch profiles.
 */
export async function saveThrough(page: Page, button: Locator): Promise<string> {
	const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
	if (touch) {
		await page.evaluate(() => delete (window as unknown as { shared?: File }).shared);
		await button.tap();
		const shared = await page.waitForFunction(
			() => (window as unknown as { shared?: File }).shared
		);
		return shared.evaluate((f) => (f as File).text());
	}
	const download = page.waitForEvent('download');
	await button.click();
	const stream = await (await download).createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString();
}

/**
 * How long Make cards may take. Extraction runs in a worker that first builds a 3.7 MB
 * language model: about a second on an idle machine, but over 10 s (the default wait) on a
 * 2-core machine running a second build. A tolerance, not a speed goal (see `npm run bench`).
 */
export const EXTRACTION_TIMEOUT = 60_000;

/** Presses Make cards on the New deck screen and waits until the drafts are there. */
export async function makeCards(page: Page): Promise<void> {
	await press(page, page.getByRole('button', { name: 'Make cards' }));
	await expect(page.getByRole('heading', { name: /\d+ cards? made/ })).toBeVisible({
		timeout: EXTRACTION_TIMEOUT
	});
}

/** Exports through the share sheet on touch devices (stubbed here), a download elsewhere. */
export async function exportFile(page: Page): Promise<{ name: string; buffer: Buffer }> {
	const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
	if (touch) {
		await press(page, page.getByRole('button', { name: 'Export' }));
		const shared = await page.waitForFunction(
			() => (window as unknown as { shared?: File }).shared
		);
		const file = await shared.evaluate(async (f) => ({
			name: (f as File).name,
			bytes: [...new Uint8Array(await (f as File).arrayBuffer())]
		}));
		return { name: file.name, buffer: Buffer.from(file.bytes) };
	}
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export' }).click();
	const file = await download;
	const stream = await file.createReadStream();
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return { name: file.suggestedFilename(), buffer: Buffer.concat(chunks) };
}
