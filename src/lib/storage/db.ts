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

let instance: FlashcardsDB | null = null;

/** The shared database. Tests pass their own instances to the storage functions instead. */
export function database(): FlashcardsDB {
	instance ??= new FlashcardsDB();
	return instance;
}
