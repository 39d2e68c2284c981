import Dexie, { type DBCore, type DBCoreMutateRequest, type EntityTable, type Table } from 'dexie';
import { queueOf } from '$lib/domain/card-queue';
import type { MediaFile } from '$lib/domain/media';
import type { Card, Deck, ReviewLog } from '$lib/domain/models';
import type { NoteStyle } from '$lib/domain/note-style';
import type { AnkiNoteRecord, AnkiNoteTypeRecord } from '$lib/domain/anki-note';
import { searchWords } from '$lib/domain/search-words';
import { countDueDays, DUE_DAYS, dueDaysMiddleware, type DueDayRow } from './due-days';
import type { SafetyCopy, SafetyCopyFile } from './safety-copies';
import { SEARCH_PENDING } from './search-pending';
import { SYNC_OUTBOX, syncOutboxMiddleware, type OutboxEntry, type SyncOnRow } from './sync-outbox';
import type { SyncRecordRow } from './sync-store';

/** A stored picture or sound: the file and its size, so totals need no blob read. */
export interface StoredMedia extends MediaFile {
	size: number;
}

/** One row of the key–value settings table. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * Fields storage keeps on every card for its indexes, derived from the card itself:
 * `queue` (state, or suspended / buried; see `queueOf`) and `words` (for search).
 * They are never part of the domain `Card`; exports rebuild records field by field.
 */
export function withIndexFields<T extends Card>(card: T): T & { queue: number; words: string[] } {
	return { ...card, queue: queueOf(card), words: searchWords(card) };
}

/** The index fields of a card as it is written: `words` now, or marked to come later. */
function storedCard(value: Card & { words?: string[]; [SEARCH_PENDING]?: number }): Card {
	const { words, [SEARCH_PENDING]: pending, ...card } = value;
	void words;
	return pending === 1
		? ({ ...card, queue: queueOf(card), [SEARCH_PENDING]: 1 } as Card)
		: withIndexFields(card);
}

/** A stored card without its index fields: what the rest of the app works with. */
function withoutIndexFields(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const { queue, words, [SEARCH_PENDING]: pending, ...card } = value as Record<string, unknown>;
	void [queue, words, pending];
	return card;
}

/**
 * Computes the index fields on every card written, whoever writes it (a review, an
 * edit, an import), so they can never disagree with the card (an import's may leave the
 * words to come later: `withSearchDeferred`); and leaves them out of
 * the cards read by key, by keys or by query, so a card read, changed and compared does
 * not carry a stale copy of them. (Cards a cursor reads, as `filter()` does, still carry
 * them: harmless, since every write computes them again and exports rebuild records.)
 */
function indexFieldsMiddleware(down: DBCore): DBCore {
	return {
		...down,
		table(name) {
			const table = down.table(name);
			if (name !== 'cards') return table;
			return {
				...table,
				mutate(request: DBCoreMutateRequest) {
					if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
					return table.mutate({
						...request,
						values: request.values.map((card) => storedCard(card as Card))
					});
				},
				async get(request) {
					return withoutIndexFields(await table.get(request));
				},
				async getMany(request) {
					return (await table.getMany(request)).map(withoutIndexFields);
				},
				async query(request) {
					const response = await table.query(request);
					if (!request.values) return response;
					return { ...response, result: response.result.map(withoutIndexFields) };
				}
			};
		}
	};
}

/**
 * The app's one IndexedDB database, and the only module that imports Dexie (besides the
 * types of `due-days.ts`, a middleware it installs).
 *
 * Indexes are chosen for the study path: `[deckId+queue+due]` answers "the next
 * due card of this queue in this deck" and its count straight from the index, so
 * studying never scans the cards table however large it grows, and never reads a
 * suspended card. Review logs are found by `[deckId+state+review]` (how
 * many new cards and reviews were done today: counted, not read), `[deckId+review]`
 * (a deck's history) and `cardId`. The card browser searches `words` and `tags` and
 * filters by `[queue+due]`; `noteId` finds a card's siblings.
 *
 * `dueDays` holds how many cards of each deck and queue fall due on each day, kept in
 * step with the cards by `dueDaysMiddleware` (see `due-days.ts`).
 *
 * Never edit a `version(n)` block once shipped: add `version(n + 1)` with an
 * `upgrade` that moves the data, and a case in `upgrade.spec.ts`.
 */
export class FlashcardsDB extends Dexie {
	decks!: EntityTable<Deck, 'id'>;
	cards!: EntityTable<Card, 'id'>;
	reviewLogs!: EntityTable<ReviewLog, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;
	/** Kept by `dueDaysMiddleware`; never written by app code. */
	dueDays!: Table<DueDayRow, [string, number, number]>;
	/** What each restore replaced, newest last; see `safety-copies.ts`. */
	safetyCopies!: EntityTable<SafetyCopy, 'id'>;
	/** The backup file text of each safety copy, by the copy's id. */
	safetyCopyFiles!: Table<SafetyCopyFile, number>;
	/** Pictures and sounds, by their content's name (`$lib/domain/media`); see `media.ts`. */
	media!: EntityTable<StoredMedia, 'name'>;
	/** Records changed here since their last push, and whether sync is on; see `sync-outbox.ts`. */
	syncOutbox!: Table<OutboxEntry | SyncOnRow, string>;
	/** Each synced record as the server last had it, with its revision; see `sync-store.ts`. */
	syncRecords!: EntityTable<SyncRecordRow, 'id'>;
	/** Anki note types' stylesheets, by their content's name (`Card.style`; `$lib/domain/note-style`). */
	noteStyles!: EntityTable<NoteStyle, 'id'>;
	/** Notes imported from Anki, by their cards' `noteId`; see `$lib/domain/anki-note`. */
	ankiNotes!: EntityTable<AnkiNoteRecord, 'id'>;
	ankiNoteTypes!: EntityTable<AnkiNoteTypeRecord, 'id'>;

	constructor(name = 'article-flashcards') {
		super(name);
		this.version(1).stores({
			decks: 'id, name',
			cards: 'id, deckId, [deckId+state+due]',
			reviewLogs: 'id, cardId, [deckId+review], [deckId+state+review]',
			settings: 'key'
		});
		// Notes (siblings), bury and suspend, per-deck options, search.
		this.version(2)
			.stores({
				cards: 'id, deckId, noteId, *tags, *words, [deckId+queue+due], [queue+due]'
			})
			.upgrade(async (tx) => {
				await tx
					.table('decks')
					.toCollection()
					.modify((deck: Deck) => {
						deck.overrides ??= {};
					});
				await tx
					.table('cards')
					.toCollection()
					.modify((card: Card) => {
						Object.assign(card, withIndexFields(upgradeCardToV2(card)));
					});
			});
		// How many cards fall due on each day, per deck and queue, so the decks screen and
		// the study path add up a few rows instead of counting thousands of index keys.
		this.version(3)
			.stores({ [DUE_DAYS]: '[deckId+queue+day]' })
			.upgrade(async (tx) => {
				const cards = await tx.table('cards').toArray();
				await tx.table(DUE_DAYS).bulkPut(countDueDays(cards));
			});
		// Safety copies: what a restore replaced, kept as a backup so the restore can be
		// undone. The file text (megabytes, for a large collection) has a table of its own,
		// so Settings lists the copies without reading it. New tables only: nothing to move.
		this.version(4).stores({ safetyCopies: '++id', safetyCopyFiles: 'id' });
		// Pictures and sounds cards show, keyed by their content's name; `size` is indexed so
		// totals are read from the index, never by loading the files. New table only.
		this.version(5).stores({ media: 'name, size' });
		// Cards whose search words are still to be written (`withSearchDeferred`): an index
		// on a field only those cards have, so finding them reads no other card.
		this.version(6).stores({
			cards: 'id, deckId, noteId, *tags, *words, searchPending, [deckId+queue+due], [queue+due]'
		});
		// Sync: the outbox of changes to push and the records as the server has them. New
		// tables only: sync starts off, and switching it on pushes what is here.
		this.version(7).stores({ [SYNC_OUTBOX]: 'id', syncRecords: 'id' });
		// Anki note types' styling, shared by the cards of a note type. New table only: cards
		// imported before keep the app's own styles.
		this.version(8).stores({ noteStyles: 'id' });
		// Anki notes and note types, which cards from Anki are rendered from (an edit of a
		// field renders the note's cards again). New tables only: cards imported before keep
		// their rendered text and are edited card by card, as they were.
		this.version(9).stores({ ankiNotes: 'id', ankiNoteTypes: 'id' });
		this.use({ stack: 'dbcore', name: 'card-index-fields', create: indexFieldsMiddleware });
		// Like due-days, right above IndexedDB, so that its transaction is IndexedDB's own.
		this.use({ stack: 'dbcore', name: 'sync-outbox', level: -2, create: syncOutboxMiddleware });
		// Right above IndexedDB, below Dexie's own middlewares: it awaits reads before it
		// writes, which loses the transaction zone that Dexie's hooks layer looks for.
		this.use({ stack: 'dbcore', name: 'due-days', level: -2, create: dueDaysMiddleware });
	}
}

/** A version 1 card: every card was a note of its own, and nothing was buried or suspended. */
function upgradeCardToV2(card: Card): Card {
	return {
		...card,
		noteId: card.noteId ?? card.id,
		ord: card.ord ?? 0,
		suspended: card.suspended ?? false,
		buriedUntil: card.buriedUntil ?? 0
	};
}

/**
 * Makes `db` step aside when another tab opens the database at a newer version
 * (a newer app that upgrades the schema) or deletes it.
 *
 * Dexie's own answer is to close and reopen on the next query — which here
 * would reopen the upgraded database under this tab's old code, and let it
 * write rows in the old shape. So the connection is closed for good instead
 * (every later call fails with DatabaseClosedError, which `describeError`
 * explains), the other tab's upgrade goes ahead unblocked, and `onClosed`
 * lets the page say so and offer a reload.
 */
export function closeForNewerVersion(db: FlashcardsDB, onClosed: () => void): void {
	db.on('versionchange', () => {
		db.close({ disableAutoOpen: true });
		onClosed();
		return false; // skip Dexie's default, which would reopen
	});
}

let instance: FlashcardsDB | null = null;
let replaced = false;
const replacedListeners = new Set<() => void>();

/** The shared database. Tests pass their own instances to the storage functions instead. */
export function database(): FlashcardsDB {
	if (!instance) {
		instance = new FlashcardsDB();
		closeForNewerVersion(instance, () => {
			replaced = true;
			for (const listener of replacedListeners) listener();
		});
	}
	return instance;
}

/**
 * Calls `listener` when the shared database was closed because another tab
 * upgraded (or deleted) it — at once if that already happened, so a listener
 * registered late (a lazily loaded component) does not miss it.
 */
export function onDatabaseReplaced(listener: () => void): () => void {
	if (replaced) listener();
	replacedListeners.add(listener);
	return () => replacedListeners.delete(listener);
}
