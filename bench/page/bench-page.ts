/**
 * The benchmark's own code inside the app's origin: built by `bench/browser.mjs` into one
 * module that the bench's server hands out beside the built app, and loaded into an app page
 * with `import()`. It writes the app's own IndexedDB database through the app's storage code
 * (so the records are exactly the ones the app would write) and times what the platform can do
 * with the same records, for the import and export budgets.
 */
import { DEFAULT_SETTINGS, Grade, type Card, type ReviewLog } from '$lib/domain/models';
import { studyDayStart } from '$lib/domain/study-day';
import { extractDrafts } from '$lib/extract';
import { createWinkTagger } from '$lib/extract/wink-tagger';
import Dexie from 'dexie';
import { FlashcardsDB, database, withIndexFields } from '$lib/storage/db';
import { recordReview } from '$lib/storage/reviews';
import { turnSyncOff, turnSyncOn } from '$lib/storage/sync-store';
import { CouchClient, serverUrl, userDatabase } from '$lib/sync/couch-client';
import { syncOnce } from '$lib/sync/replicator';
import { createScheduler } from '$lib/domain/scheduler';
import { deleteDeck, listDecks } from '$lib/storage/decks';
import { readDeckForExport } from '$lib/storage/export';
import { applyImport } from '$lib/storage/import';
import { cardsAwaitingSearch, indexWaitingCards } from '$lib/storage/search-index';
import { loadSettings, saveSettings } from '$lib/storage/settings';
import { deckCounts, nextStudyStep } from '$lib/storage/study-queue';
import { encodeDeck } from '$lib/transfer/deck-file';
import { encodeApkg } from '$lib/transfer/apkg-export';
import { sha1OfBytes } from '$lib/transfer/sha1';
import { createSqlJsLoader } from '$lib/transfer/sqlite';
import { storedMediaName, type MediaFile } from '$lib/domain/media';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { repeatedArticle, variedArticle, wordCount } from '../articles';
import { benchDeck, benchLogs, type CollectionSize } from '../collection';

/** Logs per import plan while seeding: each plan is one transaction of chunked `bulkPut`s. */
const LOGS_PER_WRITE = 50_000;

/**
 * Replaces whatever the app holds with the synthetic collection. Each deck goes in through
 * `applyImport` (the app's own transactional write); reviews per day are raised so that one
 * deck has the 300 reviews due today that the study-loop measurement needs.
 */
export async function seed(size: CollectionSize, now: number) {
	const started = performance.now();
	const db = database();
	for (const deck of await listDecks(db)) await deleteDeck(db, deck.id);
	const before = studyDayStart(new Date(now), DEFAULT_SETTINGS.dayStartHour).getTime();
	const perDeck = Math.floor(size.cards / size.decks);
	const logsPerDeck = Math.floor(size.logs / size.decks);
	const ids: string[] = [];
	for (let d = 0; d < size.decks; d++) {
		const { deck, cards } = benchDeck(d, perDeck, now);
		const logs = benchLogs(cards, logsPerDeck, before);
		for (let i = 0; i < Math.max(1, logs.length); i += LOGS_PER_WRITE) {
			const part = logs.slice(i, i + LOGS_PER_WRITE);
			await applyImport(
				db,
				{
					kind: 'decks',
					sourceFormat: 'deck-json',
					decks: [{ deck, cards: i === 0 ? cards : [], logs: part, warnings: [] }]
				},
				'merge'
			);
		}
		ids.push(deck.id);
	}
	await saveSettings(db, { ...DEFAULT_SETTINGS, reviewsPerDay: 9999 });
	// The search words too, as the app writes them after an import: the browse section
	// searches the whole collection.
	await indexWaitingCards(db);
	const [cards, logs] = await Promise.all([db.cards.count(), db.reviewLogs.count()]);
	return { ms: performance.now() - started, deckIds: ids, cards, logs };
}

/** How many cards the background indexer has yet to give their search words. */
export function awaitingSearch(): Promise<number> {
	return cardsAwaitingSearch(database());
}

/** How many cards and logs the app's database holds (a kept profile need not be seeded again). */
export async function collectionSize() {
	const db = database();
	const [decks, cards, logs] = await Promise.all([
		db.decks.count(),
		db.cards.count(),
		db.reviewLogs.count()
	]);
	return { decks, cards, logs };
}

/**
 * Where the time of three measured screens goes, timed on their own in this page: the decks
 * screen's reads, the study screen's next-step read, and the export's read, encode and file.
 */
export async function breakdown(studyDeckId: string, exportDeckId: string | null) {
	const db = database();
	const now = new Date();
	let started = performance.now();
	const [decks, settings] = await Promise.all([listDecks(db), loadSettings(db)]);
	const listMs = performance.now() - started;
	started = performance.now();
	await Promise.all(decks.map((deck) => deckCounts(db, deck.id, now, settings)));
	const countsMs = performance.now() - started;
	started = performance.now();
	await nextStudyStep(db, studyDeckId, now, settings);
	const nextStepMs = performance.now() - started;
	const result = {
		decks: decks.length,
		listMs,
		countsMs,
		nextStepMs,
		exportPhases: null as null | object
	};
	if (exportDeckId) {
		started = performance.now();
		const content = await readDeckForExport(db, exportDeckId, true);
		const readMs = performance.now() - started;
		started = performance.now();
		const text = encodeDeck(content!, { now });
		const encodeMs = performance.now() - started;
		started = performance.now();
		const file = new File([text], 'x.json', { type: 'application/json' });
		const fileMs = performance.now() - started;
		result.exportPhases = { readMs, encodeMs, fileMs, bytes: file.size };
	}
	return result;
}

let importRecords: { cards: Card[]; logs: ReviewLog[] } | null = null;

/**
 * Builds the deck file the import measurement picks (written by the app's own encoder) and
 * keeps its records for the raw-write comparison. The file waits in `window.benchFile`.
 */
export function prepareDeckFile(cards: number, logs: number, now: number, deckId: string) {
	const { deck, cards: records } = benchDeck(99, cards, now, 'Imported bench deck', deckId);
	const before = studyDayStart(new Date(now), DEFAULT_SETTINGS.dayStartHour).getTime();
	const logRecords = benchLogs(records, logs, before);
	importRecords = { cards: records, logs: logRecords };
	const text = encodeDeck({ deck, cards: records, logs: logRecords }, { now: new Date(now) });
	const file = new File([text], 'bench-deck.json', { type: 'application/json' });
	(window as unknown as { benchFile: File }).benchFile = file;
	return { bytes: file.size, cards: records.length, logs: logRecords.length };
}

/**
 * The platform's limit for the import: the deck file's cards (with their index fields,
 * computed untimed) and logs written with one `bulkPut` each, in one transaction, into the
 * same database (same indexes, same size) by a plain Dexie connection: none of the app's
 * middleware, so the app's own bookkeeping (the due-day rows) counts against the import.
 * Removed again afterwards, untimed.
 */
export async function rawWrite(deckId: string, searchDeferred = false): Promise<number> {
	if (!importRecords) throw new Error('prepareDeckFile first');
	// As an import writes them (`searchDeferred`: no search words yet), or with every index.
	const indexed = importRecords.cards.map((card) => {
		const { words, ...row } = withIndexFields(card);
		return searchDeferred ? { ...row, searchPending: 1 } : { ...row, words };
	});
	const { logs } = importRecords;
	const plain = new Dexie(database().name);
	await plain.open(); // no schema declared: Dexie opens the database as it is
	const started = performance.now();
	await plain.transaction('rw', 'cards', 'reviewLogs', async () => {
		await Promise.all([
			plain.table('cards').bulkPut(indexed),
			plain.table('reviewLogs').bulkPut(logs)
		]);
	});
	const ms = performance.now() - started;
	plain.close();
	await deleteDeck(database(), deckId);
	return ms;
}

/** The platform's limit for the export: one deck's cards and logs read with `toArray`, in one transaction. */
export async function rawRead(deckId: string): Promise<{ ms: number; rows: number }> {
	const db = database();
	const started = performance.now();
	const rows = await db.transaction('r', db.cards, db.reviewLogs, async () => {
		const [cards, logs] = await Promise.all([
			db.cards.where('deckId').equals(deckId).toArray(),
			db.reviewLogs
				.where('[deckId+review]')
				.between([deckId, -Infinity], [deckId, Infinity])
				.toArray()
		]);
		return cards.length + logs.length;
	});
	return { ms: performance.now() - started, rows };
}

export async function removeDeck(deckId: string): Promise<void> {
	await deleteDeck(database(), deckId);
}

/**
 * `extractDrafts` on a 10,000-word article, `runs` times, on this page's main thread, with
 * the tagger the New deck worker uses (built once, before timing; `taggerMs` is how long
 * building it took).
 */
export function extraction(kind: 'repeated' | 'varied', runs: number) {
	const text = kind === 'repeated' ? repeatedArticle() : variedArticle();
	const built = performance.now();
	const tagger = createWinkTagger();
	const taggerMs = performance.now() - built;
	const times: number[] = [];
	let drafts = 0;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		drafts = extractDrafts(text, { tagger }).drafts.length;
		times.push(performance.now() - started);
	}
	return { words: wordCount(text), drafts, times, taggerMs };
}

const MEDIA_DECK_NAME = 'Bench media deck';
let importMedia: { cards: Card[]; media: MediaFile[] } | null = null;

/** `size` bytes that do not compress, as a JPEG's do not. */
function randomBytes(size: number): Uint8Array {
	const bytes = new Uint8Array(size);
	for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
	return bytes;
}

/**
 * Builds the Anki package the media import measurement picks: `cards` cards, the first
 * `images` of them each showing a picture of its own (`imageBytes` of random bytes), written
 * by the app's own `.apkg` encoder (Anki's legacy layout: a JSON media list, files as they
 * are). The file waits in `window.benchFile`; the pictures are kept for the raw-write
 * comparison.
 */
export async function prepareMediaPackage(
	cards: number,
	images: number,
	imageBytes: number,
	now: number,
	deckId: string
) {
	const { deck, cards: records } = benchDeck(98, cards, now, MEDIA_DECK_NAME, deckId);
	const media: MediaFile[] = [];
	for (let i = 0; i < images; i++) {
		const bytes = randomBytes(imageBytes);
		const name = storedMediaName(sha1OfBytes(bytes), 'picture.jpg');
		media.push({ name, type: 'image/jpeg', bytes });
		const card = records[i]!;
		records[i] = { ...card, format: 'html', front: `${card.front}<img src="${name}">` };
	}
	importMedia = { cards: records, media };
	const bytes = await encodeApkg([{ deck, cards: records }], {
		now: new Date(now),
		loadSqlJs: createSqlJsLoader(wasmUrl),
		media
	});
	const file = new File([bytes], 'bench-media.apkg', { type: 'application/octet-stream' });
	(window as unknown as { benchFile: File }).benchFile = file;
	return { bytes: file.size, cards: records.length, images: media.length };
}

/**
 * The platform's limits for the media import, by a plain Dexie connection, each in one
 * transaction and removed again afterwards, untimed: the same pictures written with one
 * `bulkPut` into the app's media table (`pictures`), and the same cards (with their index
 * fields) and pictures together (`all`).
 */
export async function rawMediaWrite(deckId: string): Promise<{ pictures: number; all: number }> {
	if (!importMedia) throw new Error('prepareMediaPackage first');
	const rows = importMedia.media.map((file) => ({ ...file, size: file.bytes.length }));
	const cards = importMedia.cards.map(withIndexFields);
	const plain = new Dexie(database().name);
	await plain.open();
	let started = performance.now();
	await plain.transaction('rw', 'media', () => plain.table('media').bulkPut(rows));
	const pictures = performance.now() - started;
	await plain.table('media').clear();
	started = performance.now();
	await plain.transaction('rw', 'media', 'cards', () =>
		Promise.all([plain.table('media').bulkPut(rows), plain.table('cards').bulkPut(cards)])
	);
	const all = performance.now() - started;
	plain.close();
	await removeMediaDeck(deckId);
	return { pictures, all };
}

/**
 * The id the media deck got when imported through the screen: the package names it by its
 * Anki id, not by the id it was built with, so it is found by its name.
 */
export async function importedMediaDeck(): Promise<string> {
	const deck = (await listDecks(database())).find((d) => d.name === MEDIA_DECK_NAME);
	if (!deck) throw new Error(`no deck named ${MEDIA_DECK_NAME}`);
	return deck.id;
}

/**
 * Removes the media deck, as built and as imported, and every stored file, so the next run
 * imports it into an empty collection again rather than merging into the last run's copy.
 */
export async function removeMediaDeck(deckId: string): Promise<void> {
	const db = database();
	// By id also when no deck row has it: the raw write's cards have none.
	await deleteDeck(db, deckId);
	for (const deck of await listDecks(db))
		if (deck.name === MEDIA_DECK_NAME) await deleteDeck(db, deck.id);
	await db.media.clear();
}

// ---------------------------------------------------------------- sync (issue #16)

/** The second device of the sync section: a database of its own in this same page. */
const SYNC_DEVICE_B = 'bench-sync-device-b';
let syncClient: CouchClient | null = null;
/** The client's methods that wait for the server, timed apart from the rest of a sync. */
const SERVER_CALLS = ['changes', 'documents', 'bulkDocs', 'document', 'revisions'] as const;

/** Signs in to the bench's CouchDB-protocol server and turns sync on for the app's database. */
export async function syncSignIn(url: string, user: string, password: string): Promise<void> {
	syncClient = new CouchClient(serverUrl(url), userDatabase(user));
	await syncClient.logIn(user, password);
	await turnSyncOn(database(), 'benchdevicea');
}

/**
 * One sync of device `a` (the app's seeded database) or `b` (a database that starts empty),
 * timed, with the longest task the page had meanwhile (how responsive it stayed).
 */
export async function timedSync(device: 'a' | 'b') {
	const db = device === 'a' ? database() : new FlashcardsDB(SYNC_DEVICE_B);
	if (device === 'b') await turnSyncOn(db, 'benchdeviceb');
	const tasks: number[] = [];
	const observer = new PerformanceObserver((list) =>
		list.getEntries().forEach((entry) => tasks.push(entry.duration))
	);
	observer.observe({ type: 'longtask' });
	const network = { ms: 0 };
	const client = syncClient!;
	for (const method of SERVER_CALLS) {
		const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
		(client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
			const t = performance.now();
			try {
				return await original(...args);
			} finally {
				network.ms += performance.now() - t;
			}
		};
	}
	const started = performance.now();
	const report = await syncOnce(db, client).catch((error: unknown) => {
		// Playwright passes on only the message; the bench's log needs what and where.
		throw new Error(
			`sync of device ${device} failed: ${String(error)}\n${(error as Error)?.stack}`
		);
	});
	const ms = performance.now() - started;
	for (const method of SERVER_CALLS) delete (client as unknown as Record<string, unknown>)[method];
	observer.disconnect();
	const [cards, logs] = await Promise.all([db.cards.count(), db.reviewLogs.count()]);
	if (device === 'b') db.close();
	return { ms, network: network.ms, report, cards, logs, longestTask: Math.max(0, ...tasks) };
}

/**
 * Answers `count` due cards of the app's database (device `a`), as a study session would,
 * and times each review's transaction (its outbox entries included while sync is on).
 */
export async function reviewOnA(
	count: number,
	now: number
): Promise<{ reviewed: number; commits: number[] }> {
	const db = database();
	const scheduler = createScheduler(await loadSettings(db), { fuzz: false });
	// Queue 2: review cards (`domain/card-queue.ts`).
	const due = await db.cards.where('[queue+due]').between([2, 0], [2, now]).limit(count).toArray();
	const commits: number[] = [];
	for (const card of due) {
		const started = performance.now();
		await recordReview(db, scheduler, card, Grade.Good, new Date(now));
		commits.push(performance.now() - started);
	}
	return { reviewed: due.length, commits };
}

/** Removes device `b` and turns sync off on the app's database. */
export async function syncCleanUp(): Promise<void> {
	await Dexie.delete(SYNC_DEVICE_B);
	await turnSyncOff(database());
}
