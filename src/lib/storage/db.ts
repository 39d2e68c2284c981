import Dexie, { type EntityTable } from 'dexie';
import type { Card, Deck, ReviewLog } from '$lib/domain/models';

/** One row of the key–value settings table. */
export interface SettingRow {
	key: string;
	value: unknown;
}

/**
 * The app's one IndexedDB database, and the only module that imports Dexie.
 *
 * Indexes are chosen for the study path: `[deckId+state+due]` answers "the next
 * due card of this state in this deck" and its count straight from the index, so
 * studying never scans the cards table however large it grows. Review logs are
 * found by `[deckId+state+review]` (how many new cards and reviews were done
 * today: counted, not read), `[deckId+review]` (a deck's history) and `cardId`.
 *
 * Never edit a `version(n)` block once shipped: add `version(n + 1)` with an
 * `upgrade` that moves the data.
 */
export class FlashcardsDB extends Dexie {
	decks!: EntityTable<Deck, 'id'>;
	cards!: EntityTable<Card, 'id'>;
	reviewLogs!: EntityTable<ReviewLog, 'id'>;
	settings!: EntityTable<SettingRow, 'key'>;

	constructor(name = 'article-flashcards') {
		super(name);
		this.version(1).stores({
			decks: 'id, name',
			cards: 'id, deckId, [deckId+state+due]',
			reviewLogs: 'id, cardId, [deckId+review], [deckId+state+review]',
			settings: 'key'
		});
	}
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
