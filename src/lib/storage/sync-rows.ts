import {
	deckSettings,
	type Card,
	type Deck,
	type ReviewLog,
	type Settings
} from '$lib/domain/models';
import { createScheduler, type Scheduler } from '$lib/domain/scheduler';
import type { Table } from 'dexie';
import type { FlashcardsDB } from './db';
import { SETTINGS_KEY, loadSettings } from './settings';
import type { OutboxEntry } from './sync-outbox';
import type { SyncRecordRow } from './sync-store';

/** Rows to read: cards, sync records and outbox entries by id, and every log of some cards. */
interface RowKeys {
	cards?: string[];
	records?: string[];
	entries?: string[];
	logsOf?: string[];
}

/**
 * The rows one sync transaction works on, read in bulk when it starts and written in bulk
 * when it ends. Read and written one record at a time, a page of 500 documents cost thousands
 * of IndexedDB round trips (a first sync of 2,000 cards and 20,000 logs took 26 s, nearly all
 * of it here); in bulk it is a few requests per page.
 *
 * Must be used inside a transaction on every table it reads or writes. What is changed
 * through it is written by `flush`, so the code that merges one document after another can
 * be synchronous (see `writeRecord` in `sync-store.ts`).
 */
export class SyncRows {
	readonly #cards = new Map<string, Card | undefined>();
	readonly #records = new Map<string, SyncRecordRow | undefined>();
	readonly #entries = new Map<string, OutboxEntry | undefined>();
	readonly #logs = new Map<string, ReviewLog[]>();
	/** Each card's deck when it was read, so a card moved to another deck takes its logs along. */
	readonly #readDeckOf = new Map<string, string>();
	readonly #changedCards = new Set<string>();
	readonly #deletedCards = new Set<string>();
	readonly #changedRecords = new Set<string>();
	readonly #changedDecks = new Set<string>();
	#settingsChanged = false;
	readonly #schedulers = new Map<string, Scheduler>();

	private constructor(
		private readonly db: FlashcardsDB,
		private decks: Map<string, Deck>,
		private currentSettings: Settings
	) {}

	/** Reads the decks, the settings and the rows named. */
	static async load(db: FlashcardsDB, keys: RowKeys = {}): Promise<SyncRows> {
		const decks = await db.decks.toArray();
		const settings = await loadSettings(db);
		const rows = new SyncRows(db, new Map(decks.map((deck) => [deck.id, deck])), settings);
		await rows.read(keys);
		return rows;
	}

	/** Reads more rows (those already read are kept as they are here). */
	async read(keys: RowKeys): Promise<void> {
		const missing = <T>(ids: string[] | undefined, map: Map<string, T>) =>
			[...new Set(ids ?? [])].filter((id) => !map.has(id));
		const cardIds = missing(keys.cards, this.#cards);
		const recordIds = missing(keys.records, this.#records);
		const entryIds = missing(keys.entries, this.#entries);
		const logIds = missing(keys.logsOf, this.#logs);
		// One request after another: a transaction runs its requests in order anyway, and the
		// same reads under one `Promise.all` let the transaction commit early (PrematureCommitError).
		const cards = await rowsByKey(this.db.cards, cardIds);
		const records = await rowsByKey(this.db.syncRecords, recordIds);
		const entries = await rowsByKey(this.db.syncOutbox, entryIds);
		const logs =
			logIds.length > 0 ? await this.db.reviewLogs.where('cardId').anyOf(logIds).toArray() : [];
		cardIds.forEach((id) => {
			const card = cards.get(id);
			this.#cards.set(id, card);
			if (card) this.#readDeckOf.set(id, card.deckId);
		});
		recordIds.forEach((id) => this.#records.set(id, records.get(id) as SyncRecordRow | undefined));
		entryIds.forEach((id) => this.#entries.set(id, entries.get(id) as OutboxEntry | undefined));
		for (const id of logIds) this.#logs.set(id, []);
		for (const log of logs) this.#logs.get(log.cardId)!.push(log);
	}

	get settings(): Settings {
		return this.currentSettings;
	}

	setSettings(settings: Settings): void {
		this.currentSettings = settings;
		this.#settingsChanged = true;
		this.#schedulers.clear();
	}

	deck(id: string): Deck | undefined {
		return this.decks.get(id);
	}

	/** Puts a deck, or (undefined) deletes it with its cards and their logs. */
	setDeck(id: string, deck: Deck | undefined): void {
		if (deck) this.decks.set(id, deck);
		else this.decks.delete(id);
		this.#changedDecks.add(id);
		this.#schedulers.delete(id);
	}

	/** The scheduler a card of `deckId` is replayed with: its deck's options, the global fuzz. */
	scheduler(deckId: string): Scheduler {
		let scheduler = this.#schedulers.get(deckId);
		if (!scheduler) {
			const deck = this.decks.get(deckId);
			const options = deck ? deckSettings(this.settings, deck) : this.settings;
			scheduler = createScheduler(options, { fuzz: this.settings.fuzz });
			this.#schedulers.set(deckId, scheduler);
		}
		return scheduler;
	}

	card(id: string): Card | undefined {
		return this.#known(this.#cards, id, 'card');
	}

	setCard(card: Card): void {
		this.#cards.set(card.id, card);
		this.#changedCards.add(card.id);
		this.#deletedCards.delete(card.id);
	}

	/** Deletes a card with its logs. */
	deleteCard(id: string): void {
		this.#cards.set(id, undefined);
		this.#changedCards.delete(id);
		this.#deletedCards.add(id);
	}

	record(docId: string): SyncRecordRow | undefined {
		return this.#known(this.#records, docId, 'sync record');
	}

	setRecord(row: SyncRecordRow): void {
		this.#records.set(row.id, row);
		this.#changedRecords.add(row.id);
	}

	entry(id: string): OutboxEntry | undefined {
		return this.#known(this.#entries, id, 'outbox entry');
	}

	logsOf(cardId: string): ReviewLog[] {
		return this.#known(this.#logs, cardId, 'logs of card')!;
	}

	/**
	 * Writes what was changed through this object: cards first (a card moved takes its logs
	 * along), then deletions, decks last, so a deleted deck's cards go with it, including any
	 * written just before.
	 */
	async flush(): Promise<void> {
		const db = this.db;
		const cards = [...this.#changedCards].map((id) => this.#cards.get(id)!);
		const records = [...this.#changedRecords].map((id) => this.#records.get(id)!);
		if (cards.length > 0) await db.cards.bulkPut(cards);
		for (const card of cards) {
			const readDeck = this.#readDeckOf.get(card.id);
			// A deck's logs belong to its cards (see `moveCards`).
			if (readDeck !== undefined && readDeck !== card.deckId)
				await db.reviewLogs.where('cardId').equals(card.id).modify({ deckId: card.deckId });
			this.#readDeckOf.set(card.id, card.deckId);
		}
		const deleted = [...this.#deletedCards];
		if (deleted.length > 0) {
			await db.reviewLogs.where('cardId').anyOf(deleted).delete();
			await db.cards.bulkDelete(deleted);
		}
		if (records.length > 0) await db.syncRecords.bulkPut(records);
		for (const id of this.#changedDecks) {
			const deck = this.decks.get(id);
			if (deck) {
				await db.decks.put(deck);
				continue;
			}
			const cardIds = (await db.cards.where('deckId').equals(id).primaryKeys()) as string[];
			await db.reviewLogs.where('cardId').anyOf(cardIds).delete();
			await db.cards.bulkDelete(cardIds);
			await db.decks.delete(id);
			for (const cardId of cardIds) this.#cards.set(cardId, undefined);
		}
		if (this.#settingsChanged)
			await db.settings.put({ key: SETTINGS_KEY, value: this.currentSettings });
		this.#changedCards.clear();
		this.#deletedCards.clear();
		this.#changedRecords.clear();
		this.#changedDecks.clear();
		this.#settingsChanged = false;
	}

	#known<T>(map: Map<string, T>, id: string, what: string): T {
		// A row asked for but never read is a bug in the caller, not an absent row.
		if (!map.has(id)) throw new Error(`Sync read a ${what} it had not loaded: ${id}`);
		return map.get(id)!;
	}
}

/**
 * The rows of `table` with these primary keys, by key. One cursor over the keys in order
 * rather than a request per key (`bulkGet`): a first sync asks for thousands of rows that
 * are mostly not there, and each request costs the page far more than a cursor step.
 */
export async function rowsByKey<T extends { id: string }>(
	table: Table<T, string, unknown>,
	keys: readonly string[]
): Promise<Map<string, T>> {
	if (keys.length === 0) return new Map();
	const rows = await table.where(':id').anyOf(keys).toArray();
	return new Map(rows.map((row) => [row.id, row]));
}

/** Which of these primary keys `table` holds: one cursor over them, as `rowsByKey`. */
export async function keysPresent<T>(
	table: Table<T, string, unknown>,
	keys: readonly string[]
): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	return new Set((await table.where(':id').anyOf(keys).primaryKeys()) as string[]);
}
