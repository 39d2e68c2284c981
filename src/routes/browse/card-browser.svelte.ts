import { SvelteSet } from 'svelte/reactivity';
import type { Card, Deck } from '$lib/domain/models';
import { browseCards, EMPTY_QUERY, type BrowseQuery } from '$lib/storage/browse';
import { cardsAwaitingSearch } from '$lib/storage/search-index';
import {
	addTag,
	deleteCards,
	moveCards,
	restoreDeletedCards,
	setSuspended,
	undoCardChanges,
	type CardsUndo
} from '$lib/storage/card-actions';
import { countOf } from '$lib/ui/count-of';
import type { FlashcardsDB } from '$lib/storage/db';
import { saveCardEdit, type CardEdit } from '$lib/ui/card-edit';

const PAGE = 50;
/**
 * Deletes up to this many cards can be undone: what was deleted is kept in memory until the
 * next action. A larger delete is said, before it is done, to be for good.
 */
export const UNDOABLE_DELETE = 5_000;

/** How often a search by words runs again while imported cards are still being indexed. */
const CATCH_UP_MS = 1000;

/** The last action, named as the status line says it, and how to take it back. */
export interface LastAction {
	label: string;
	undo: () => Promise<unknown>;
}

/**
 * The card browser's state: the query, the page of cards shown, the selection and the
 * last action (which Undo takes back). Searches that finish out of order are dropped,
 * so typing fast never shows the results of an older query.
 */
export class CardBrowser {
	query = $state<BrowseQuery>({ ...EMPTY_QUERY });
	cards = $state.raw<Card[]>([]);
	/** The query text the list shows results for, or null before the first search. */
	applied = $state<string | null>(null);
	candidates = $state(0);
	exact = $state(true);
	/** Cards a search by words cannot find yet: an import's, while their words are written. */
	awaitingSearch = $state(0);
	searching = $state(false);
	/** A further page is being read; the page disables "Show more" meanwhile. */
	loadingMore = $state(false);
	readonly selected = new SvelteSet<string>();
	lastAction = $state.raw<LastAction | null>(null);
	#next: number | null = null;
	/** The query the shown cards are for: further pages continue it, not what is being typed. */
	#shownQuery: BrowseQuery = { ...EMPTY_QUERY };
	#sequence = 0;

	readonly db: FlashcardsDB;
	readonly clock: () => Date;
	readonly dayStartHour: () => number;

	constructor(db: FlashcardsDB, dayStartHour: () => number, clock: () => Date = () => new Date()) {
		this.db = db;
		this.dayStartHour = dayStartHour;
		this.clock = clock;
	}

	get hasMore(): boolean {
		return this.#next !== null;
	}

	/** Runs the current query from its first page. */
	async search(): Promise<void> {
		const sequence = ++this.#sequence;
		// A copy (every field is a plain value): later pages continue it while the user types.
		const query: BrowseQuery = { ...this.query };
		this.searching = true;
		try {
			const [page, awaiting] = await Promise.all([
				browseCards(this.db, query, this.clock(), this.dayStartHour(), { from: 0, limit: PAGE }),
				query.text.trim() ? cardsAwaitingSearch(this.db) : 0
			]);
			if (sequence !== this.#sequence) return;
			this.awaitingSearch = awaiting;
			// The indexer is catching up: look again shortly, unless another search came first.
			if (awaiting > 0)
				setTimeout(() => {
					if (sequence === this.#sequence) void this.search();
				}, CATCH_UP_MS);
			this.cards = page.cards;
			this.#next = page.next;
			this.#shownQuery = query;
			this.candidates = page.candidates;
			this.exact = page.exact;
			this.applied = query.text;
			// Keep only the selected cards still shown.
			const shown = new Set(page.cards.map((c) => c.id));
			for (const id of [...this.selected]) if (!shown.has(id)) this.selected.delete(id);
		} finally {
			if (sequence === this.#sequence) this.searching = false;
		}
	}

	/**
	 * Appends the next page; a call while one is being read does nothing, so a double
	 * tap does not add the page twice. Pages continue by position over a fresh query
	 * (see `browseCards`): when cards joined the matches since the last page, some
	 * shown already come again, and are dropped here by id, since the list is keyed by it.
	 */
	async more(): Promise<void> {
		if (this.#next === null || this.loadingMore) return;
		const sequence = this.#sequence;
		this.loadingMore = true;
		try {
			const page = await browseCards(this.db, this.#shownQuery, this.clock(), this.dayStartHour(), {
				from: this.#next,
				limit: PAGE
			});
			if (sequence !== this.#sequence) return;
			const shown = new Set(this.cards.map((card) => card.id));
			this.cards = [...this.cards, ...page.cards.filter((card) => !shown.has(card.id))];
			this.#next = page.next;
		} finally {
			this.loadingMore = false;
		}
	}

	toggleAll(on: boolean): void {
		if (on) for (const card of this.cards) this.selected.add(card.id);
		else this.selected.clear();
	}

	move(deck: Deck): Promise<void> {
		return this.#change(`Moved to “${deck.name}”`, (ids, now) =>
			moveCards(this.db, ids, deck.id, now)
		);
	}

	tag(tag: string): Promise<void> {
		return this.#change(`Tagged “${tag}”`, (ids, now) => addTag(this.db, ids, tag, now));
	}

	suspend(suspended: boolean): Promise<void> {
		return this.#change(suspended ? 'Suspended' : 'Unsuspended', (ids, now) =>
			setSuspended(this.db, ids, suspended, now)
		);
	}

	/** Deletes the selected cards with their history; Undo brings them back (see `UNDOABLE_DELETE`). */
	async deleteSelected(): Promise<number> {
		const ids = [...this.selected];
		const deleted = await deleteCards(this.db, ids);
		this.selected.clear();
		this.lastAction =
			ids.length <= UNDOABLE_DELETE
				? {
						label: `Deleted ${countOf(ids.length, 'card')}`,
						undo: () => restoreDeletedCards(this.db, deleted)
					}
				: null;
		await this.search();
		return ids.length;
	}

	async edit(cardId: string, edit: CardEdit): Promise<void> {
		const result = await saveCardEdit(this.db, cardId, edit, this.clock());
		this.lastAction = { label: 'Edited a card', undo: () => undoCardChanges(this.db, result) };
		this.cards = this.cards.map((c) => (c.id === cardId ? result.card : c));
	}

	async undo(): Promise<void> {
		if (!this.lastAction) return;
		await this.lastAction.undo();
		this.lastAction = null;
		await this.search();
	}

	async #change(
		label: string,
		action: (ids: string[], now: Date) => Promise<CardsUndo>
	): Promise<void> {
		const ids = [...this.selected];
		if (ids.length === 0) return;
		const undo = await action(ids, this.clock());
		this.lastAction = {
			label: `${label}: ${countOf(ids.length, 'card')}`,
			undo: () => undoCardChanges(this.db, undo)
		};
		await this.search();
	}
}
