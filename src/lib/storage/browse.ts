import { Queue, queueOf } from '$lib/domain/card-queue';
import { CardState, type Card } from '$lib/domain/models';
import { searchTerms, searchWords } from '$lib/domain/search-words';
import { nextStudyDayStart, studyDayStart } from '$lib/domain/study-day';
import type { FlashcardsDB } from './db';

export const STATE_FILTERS = [
	'new',
	'learning',
	'review',
	'relearning',
	'suspended',
	'buried'
] as const;
export const DUE_FILTERS = ['overdue', 'today', 'week'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export type DueFilter = (typeof DUE_FILTERS)[number];

/**
 * A state filter from outside (the page's URL), or null when it is missing or not
 * one we know: an unknown value would reach the index as a bad key and throw.
 */
export function asStateFilter(value: string | null): StateFilter | null {
	return STATE_FILTERS.find((state) => state === value) ?? null;
}

/** A due filter from outside (the page's URL), or null when it is missing or unknown. */
export function asDueFilter(value: string | null): DueFilter | null {
	return DUE_FILTERS.find((due) => due === value) ?? null;
}

/** What the card browser asks for; every part is optional. */
export interface BrowseQuery {
	/** Words that must each begin a word of the card's front or back. */
	text: string;
	deckId: string | null;
	tag: string | null;
	state: StateFilter | null;
	/**
	 * Studied cards whose due date falls in the window. New cards have no due date to
	 * keep and never match. Suspended and buried cards are left out unless the state
	 * filter asks for them; then they match by the due date they keep while set aside,
	 * so "Suspended" with "Overdue" finds the reviews put off.
	 */
	due: DueFilter | null;
}

export const EMPTY_QUERY: BrowseQuery = {
	text: '',
	deckId: null,
	tag: null,
	state: null,
	due: null
};

export interface BrowsePage {
	cards: Card[];
	/** Where the next page starts, or null when this was the last. */
	next: number | null;
	/** How many cards the index narrowed the search to; the matches are at most this many. */
	candidates: number;
	/** True when every candidate matches, so `candidates` is the number of matches. */
	exact: boolean;
}

const QUEUE_OF_STATE: Record<StateFilter, number> = {
	new: CardState.New,
	learning: CardState.Learning,
	review: CardState.Review,
	relearning: CardState.Relearning,
	suspended: Queue.Suspended,
	buried: Queue.Buried
};

/** Cards due in a window are studied cards: learning, review and relearning. */
const STUDIED_QUEUES: readonly number[] = [
	CardState.Learning,
	CardState.Review,
	CardState.Relearning
];

/** The due window of a filter as [from, to), in epoch ms. */
function dueWindow(due: DueFilter, now: Date, dayStartHour: number): [number, number] {
	const today = studyDayStart(now, dayStartHour).getTime();
	const tomorrow = nextStudyDayStart(now, dayStartHour).getTime();
	if (due === 'overdue') return [-Infinity, today];
	if (due === 'today') return [today, tomorrow];
	return [today, today + 7 * 86_400_000];
}

interface Candidates {
	ids: string[];
	/** Which parts of the query the index already satisfied. */
	covers: { text: boolean; deck: boolean; tag: boolean; state: boolean; due: boolean };
}

/**
 * Narrows a query without search words through one index: the state and due window
 * (per deck when one is chosen), else the tag, else the deck. Only a query with no
 * filter at all reads every key. (Text searches take `searchPage`.)
 */
async function candidates(
	db: FlashcardsDB,
	query: BrowseQuery,
	window: [number, number] | null
): Promise<Candidates> {
	const none = { text: false, deck: false, tag: false, state: false, due: false };
	if (query.state || window) {
		const queues = query.state ? [QUEUE_OF_STATE[query.state]] : STUDIED_QUEUES;
		const [from, to] = window ?? [-Infinity, Infinity];
		const ranges = await Promise.all(
			queues.map((queue) =>
				query.deckId
					? db.cards
							.where('[deckId+queue+due]')
							.between([query.deckId, queue, from], [query.deckId, queue, to], true, false)
							.primaryKeys()
					: db.cards
							.where('[queue+due]')
							.between([queue, from], [queue, to], true, false)
							.primaryKeys()
			)
		);
		// The ranges hold exactly the state asked for. The due window is covered only over
		// studied queues: suspended and buried ones hold new cards too, which the matcher
		// leaves out of a due window (as it leaves every card of the new queue).
		const dueCovered = !query.state || STUDIED_QUEUES.includes(QUEUE_OF_STATE[query.state]);
		return {
			ids: ranges.flat(),
			covers: { ...none, deck: !!query.deckId, state: true, due: dueCovered }
		};
	}
	if (query.tag)
		return {
			ids: await db.cards.where('tags').equals(query.tag).primaryKeys(),
			covers: { ...none, tag: true }
		};
	if (query.deckId)
		return {
			ids: await db.cards.where('deckId').equals(query.deckId).primaryKeys(),
			covers: { ...none, deck: true }
		};
	return { ids: await db.cards.toCollection().primaryKeys(), covers: none };
}

function matcher(
	query: BrowseQuery,
	terms: string[],
	window: [number, number] | null,
	covers: Candidates['covers']
): (card: Card) => boolean {
	return (card) => {
		if (!covers.deck && query.deckId && card.deckId !== query.deckId) return false;
		if (!covers.tag && query.tag && !card.tags.includes(query.tag)) return false;
		const queue = queueOf(card);
		if (!covers.state && query.state && queue !== QUEUE_OF_STATE[query.state]) return false;
		if (!covers.due && window) {
			// A studied card in its queue; or, when the state filter asks for suspended or
			// buried cards, one set aside (its FSRS state is kept, and its due date with it).
			const studied = query.state ? card.state !== CardState.New : STUDIED_QUEUES.includes(queue);
			if (!studied || card.due < window[0] || card.due >= window[1]) return false;
		}
		if (!covers.text && terms.length > 0) {
			// A card read by a cursor still has its index field; computing it again for
			// each of thousands of walked cards cost most of a slow search.
			const words = (card as Card & { words?: string[] }).words ?? searchWords(card);
			if (!terms.every((term) => words.some((word) => word.startsWith(term)))) return false;
		}
		return true;
	};
}

/** Cards are read this many at a time while a page is filled. */
const CHUNK = 250;

/**
 * One page of the cards that match a query, from position `from` of the index's
 * candidates. The index does the narrowing; cards are then read a chunk at a time only
 * until the page is full, so a page costs about its own size when the filters agree.
 * Each page queries the candidates afresh and continues by position: when cards join
 * or leave them between pages (answered in another tab, say), a card may come again
 * or be passed over. The caller drops repeats by id; a new search shows the rest.
 *
 * @example
 * const first = await browseCards(db, { ...EMPTY_QUERY, text: 'http' }, now, 4, { from: 0, limit: 50 });
 * const second = first.next === null ? null : await browseCards(db, query, now, 4, { from: first.next, limit: 50 });
 */
export async function browseCards(
	db: FlashcardsDB,
	query: BrowseQuery,
	now: Date,
	dayStartHour: number,
	page: { from: number; limit: number }
): Promise<BrowsePage> {
	const terms = searchTerms(query.text);
	const window = query.due ? dueWindow(query.due, now, dayStartHour) : null;
	if (terms.length > 0) return searchPage(db, query, terms, window, page);
	if (!query.deckId && !query.tag && !query.state && !window) return everyCardPage(db, page);
	const { ids, covers } = await candidates(db, query, window);
	const exact = Object.entries(covers).every(
		([part, covered]) =>
			covered ||
			(part === 'text' && terms.length === 0) ||
			(part === 'deck' && !query.deckId) ||
			(part === 'tag' && !query.tag) ||
			(part === 'state' && !query.state) ||
			(part === 'due' && !window)
	);
	const matches = matcher(query, terms, window, covers);
	const cards: Card[] = [];
	let position = page.from;
	while (position < ids.length && cards.length < page.limit) {
		const chunk = ids.slice(position, position + Math.min(CHUNK, exact ? page.limit : CHUNK));
		const loaded = await db.cards.bulkGet(chunk);
		for (const [k, card] of loaded.entries()) {
			if (card && matches(card)) cards.push(card);
			if (cards.length === page.limit) {
				position += k + 1;
				return {
					cards,
					next: position < ids.length ? position : null,
					candidates: ids.length,
					exact
				};
			}
		}
		position += chunk.length;
	}
	return { cards, next: null, candidates: ids.length, exact };
}

/**
 * A page of all cards, in id order, read straight from the table: reading every key first
 * (as a filtered query must) took long enough to hold up the first search typed after
 * the browser opened. The total is not counted (IndexedDB counts key by key).
 */
async function everyCardPage(
	db: FlashcardsDB,
	page: { from: number; limit: number }
): Promise<BrowsePage> {
	const found = await db.cards
		.toCollection()
		.offset(page.from)
		.limit(page.limit + 1)
		.toArray();
	const more = found.length > page.limit;
	return { ...pageOf(found, page), candidates: page.from + found.length, exact: !more };
}

/** How many index entries of each search term are read to choose the one to walk. */
const SAMPLE = 500;
/** Of a common term's sampled entries, every this-many-th card is tried against the query. */
const TRY_EVERY = 10;

/**
 * The search term to walk: the one with the fewest index entries, read up to `SAMPLE`
 * keys each (IndexedDB counts key by key: all 50,000 entries of "rule" took 180 ms).
 * When several terms reach `SAMPLE`, the count cannot tell them apart, so a tenth of
 * each one's sampled cards are tried against the whole query and the term whose cards
 * match most often is walked: the sample is where its walk starts, so it fills a page
 * soonest. ("deck 7 8", "deck" being on every card: walking "deck" took 2,347 cursor
 * steps for a page.)
 */
export async function rarestTerm(
	db: FlashcardsDB,
	terms: string[],
	matches: (card: Card) => boolean
): Promise<{ term: string; entries: number }> {
	if (terms.length === 1) return { term: terms[0] as string, entries: SAMPLE };
	const samples = await Promise.all(
		terms.map(async (term) => ({
			term,
			keys: await db.cards.where('words').startsWith(term).limit(SAMPLE).primaryKeys()
		}))
	);
	const fewest = Math.min(...samples.map((sample) => sample.keys.length));
	const candidates = samples.filter((sample) => sample.keys.length === fewest);
	if (candidates.length === 1 || fewest < SAMPLE)
		return { term: candidates[0]!.term, entries: fewest };
	const hits = await Promise.all(
		candidates.map(async ({ keys }) => {
			const tried = await db.cards.bulkGet(keys.filter((_, i) => i % TRY_EVERY === 0));
			return tried.filter((card) => card && matches(card)).length;
		})
	);
	const best = hits.indexOf(Math.max(...hits));
	return { term: candidates[best]!.term, entries: fewest };
}

/**
 * A page of a text search. The rarest term's range of the word index is walked with a
 * cursor, each card checked against the whole query, until the page is full: a common
 * word costs a page of cards, not a read of every card it is in (all 50,000 keys of
 * "question" took most of a second). The total is not known without walking it all, so
 * `candidates` is the rarest term's sampled entries (a lower bound on what the index
 * holds for it, an upper bound on the matches below `SAMPLE`; `SAMPLE` unread for a
 * one-word search) and `exact` is false, so the list shows the cards found instead.
 */
async function searchPage(
	db: FlashcardsDB,
	query: BrowseQuery,
	terms: string[],
	window: [number, number] | null,
	page: { from: number; limit: number }
): Promise<BrowsePage> {
	const covers = { text: false, deck: false, tag: false, state: false, due: false };
	const matches = matcher(query, terms, window, covers);
	const rarest = await rarestTerm(db, terms, matches);
	const found = await db.cards
		.where('words')
		.startsWith(rarest.term)
		.distinct()
		.filter(matches)
		.offset(page.from)
		.limit(page.limit + 1)
		.toArray();
	return { ...pageOf(found, page), candidates: rarest.entries, exact: false };
}

/** A page from a read of one card more than it holds: the extra one says whether more follow. */
function pageOf(found: Card[], page: { from: number; limit: number }) {
	return {
		cards: found.slice(0, page.limit),
		next: found.length > page.limit ? page.from + page.limit : null
	};
}

/** How many tag index keys one read of `allTags` takes. */
const TAG_BATCH = 32;

/**
 * Every tag used in the collection, in order, for the tag filter. Each read takes a few
 * keys of the tag index and the next starts past the last tag seen, so a tag on
 * thousands of cards costs one seek, not a key per card: Dexie's `uniqueKeys()` walks
 * every key (100,000 of them for 50,000 cards with two tags took 520 ms, and held up
 * the first search typed in the browser).
 */
export async function allTags(db: FlashcardsDB): Promise<string[]> {
	return db.transaction('r', db.cards, async () => {
		const tags: string[] = [];
		let batch = (await db.cards.orderBy('tags').limit(TAG_BATCH).keys()) as string[];
		while (batch.length > 0) {
			for (const tag of batch) if (tags.at(-1) !== tag) tags.push(tag);
			if (batch.length < TAG_BATCH) break;
			batch = (await db.cards.where('tags').above(tags.at(-1)).limit(TAG_BATCH).keys()) as string[];
		}
		return tags;
	});
}
