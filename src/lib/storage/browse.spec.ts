import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { searchTerms, searchWords } from '$lib/domain/search-words';
import { createScheduler } from '$lib/domain/scheduler';
import {
	allTags,
	asDueFilter,
	asStateFilter,
	browseCards,
	EMPTY_QUERY,
	rarestTerm,
	type BrowseQuery
} from './browse';
import { addNote, buryCards, setSuspended } from './card-actions';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview } from './reviews';
import { storedCard, testDatabase } from './test-db';

const now = new Date(2026, 2, 10, 10, 0);
const DAY = 86_400_000;
let db: FlashcardsDB;

beforeEach(async () => {
	db = testDatabase();
	const one = sampleDeck(30, new Date(2026, 2, 1));
	const two = sampleDeck(5, new Date(2026, 2, 1), 'd2');
	await addDeck(db, one.deck, one.cards);
	await addDeck(db, two.deck, two.cards);
});

async function ids(query: Partial<BrowseQuery>, limit = 100) {
	const page = await browseCards(db, { ...EMPTY_QUERY, ...query }, now, 4, { from: 0, limit });
	return page.cards.map((c) => c.id).sort();
}

describe('browseCards', () => {
	it('finds cards by the beginning of their words, case and accents aside', async () => {
		await addNote(
			db,
			'd2',
			{ kind: 'basic', front: 'What is a Café API?', back: 'REST', tags: [] },
			now
		);
		const [found] = await browseCards(db, { ...EMPTY_QUERY, text: 'cafe ap' }, now, 4, {
			from: 0,
			limit: 10
		}).then((p) => p.cards);
		expect(found?.front).toBe('What is a Café API?');
		expect(await ids({ text: 'question 1' })).toContain('c1');
		expect(await ids({ text: 'zebra' })).toEqual([]);
	});

	it('filters by deck, tag, state and due window, alone and together', async () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, 'c3'), Grade.Again, now); // learning, due in a minute
		await recordReview(
			db,
			scheduler,
			await storedCard(db, 'd2-c0'),
			Grade.Easy,
			new Date(now.getTime() - 20 * DAY)
		);
		await setSuspended(db, ['c4'], true, now);
		await buryCards(db, ['c5'], new Date(2026, 2, 11, 4), now);
		await addNote(db, 'd1', { kind: 'basic', front: 'Tagged', back: 'x', tags: ['http'] }, now);

		expect(await ids({ deckId: 'd2' })).toEqual(['d2-c0', 'd2-c1', 'd2-c2', 'd2-c3', 'd2-c4']);
		expect(
			(await browseCards(db, { ...EMPTY_QUERY, tag: 'http' }, now, 4, { from: 0, limit: 5 }))
				.cards[0]?.front
		).toBe('Tagged');
		expect(await ids({ state: 'learning' })).toEqual(['c3']);
		expect(await ids({ state: 'suspended' })).toEqual(['c4']);
		expect(await ids({ state: 'buried' })).toEqual(['c5']);
		expect(await ids({ due: 'today' })).toEqual(['c3']);
		expect(await ids({ due: 'overdue' })).toEqual(['d2-c0']);
		expect(await ids({ due: 'week' })).toEqual(['c3']);
		expect(await ids({ state: 'review', deckId: 'd1' })).toEqual([]);
		expect(await ids({ state: 'review', deckId: 'd2' })).toEqual(['d2-c0']);
		expect(await ids({ state: 'new', deckId: 'd2', text: 'question' })).toEqual([
			'd2-c1',
			'd2-c2',
			'd2-c3',
			'd2-c4'
		]);
		expect(await allTags(db)).toEqual(['http']);
	});

	it('with Suspended or Buried, a due window finds the studied cards set aside by their due date', async () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const overdue = new Date(now.getTime() - 20 * DAY);
		await recordReview(db, scheduler, await storedCard(db, 'd2-c0'), Grade.Easy, overdue);
		await recordReview(db, scheduler, await storedCard(db, 'c3'), Grade.Again, now); // due in a minute
		// New cards are due from their creation, days ago: they still never match a due window.
		await setSuspended(db, ['d2-c0', 'c4'], true, now);
		await buryCards(db, ['c3', 'c5'], new Date(2026, 2, 11, 4), now);

		expect(await ids({ state: 'suspended', due: 'overdue' })).toEqual(['d2-c0']);
		expect(await ids({ state: 'suspended', due: 'overdue', text: 'question' })).toEqual(['d2-c0']);
		expect(await ids({ state: 'suspended', due: 'today' })).toEqual([]);
		expect(await ids({ state: 'buried', due: 'today' })).toEqual(['c3']);
		expect(await ids({ state: 'buried', due: 'today', deckId: 'd1', text: 'answer' })).toEqual([
			'c3'
		]);
		expect(await ids({ state: 'buried', due: 'overdue' })).toEqual([]);
		// Without a state filter, cards set aside stay out of due windows.
		expect(await ids({ due: 'overdue' })).toEqual([]);
		expect(await ids({ due: 'today', text: 'question' })).toEqual([]);
		expect(await ids({ state: 'new', due: 'overdue' })).toEqual([]);
	});

	it('pages through the matches without repeating or skipping one', async () => {
		const query = { ...EMPTY_QUERY, text: 'answer', deckId: 'd1' };
		const seen: string[] = [];
		let from: number | null = 0;
		while (from !== null) {
			const page = await browseCards(db, query, now, 4, { from, limit: 7 });
			expect(page.cards.length).toBeLessThanOrEqual(7);
			seen.push(...page.cards.map((c) => c.id));
			from = page.next;
		}
		expect(seen.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `c${i}`).sort());
	});

	it('says the count is exact only when the index alone answered', async () => {
		const byDeck = await browseCards(db, { ...EMPTY_QUERY, deckId: 'd2' }, now, 4, {
			from: 0,
			limit: 2
		});
		expect(byDeck).toMatchObject({ candidates: 5, exact: true });
		expect(byDeck.next).toBe(2);
		const combined = await browseCards(
			db,
			{ ...EMPTY_QUERY, deckId: 'd2', text: 'answer' },
			now,
			4,
			{
				from: 0,
				limit: 2
			}
		);
		expect(combined.exact).toBe(false);
	});
});

describe('the search term walked', () => {
	it('is the one with the fewest entries, or among common ones, the one whose cards match most often', async () => {
		// "deck" is on all 1,200 cards, "7…" numbers on the 600 "b" cards, "okapi" on 200
		// of them. The walk of "deck" starts with the 600 "a" cards, none of which match.
		const card = (id: string, front: string) => ({
			...sampleDeck(1, now).cards[0]!,
			id,
			front,
			back: ''
		});
		await db.cards.bulkPut([
			...Array.from({ length: 600 }, (_, i) => card(`a${i}`, 'deck card')),
			...Array.from({ length: 600 }, (_, i) =>
				card(`b${i}`, `deck card ${7000 + i}${i < 200 ? ' okapi' : ''}`)
			)
		]);
		const walked = (text: string) => {
			const terms = searchTerms(text);
			return rarestTerm(db, terms, (card) =>
				terms.every((term) => searchWords(card).some((word) => word.startsWith(term)))
			);
		};
		expect(await walked('deck okapi')).toEqual({ term: 'okapi', entries: 200 });
		expect(await walked('deck 7')).toEqual({ term: '7', entries: 500 });
		expect(await walked('7 deck')).toEqual({ term: '7', entries: 500 });
		const page = await browseCards(db, { ...EMPTY_QUERY, text: 'deck 7' }, now, 4, {
			from: 0,
			limit: 50
		});
		// In the walked term's order: by word (7000, 7001, …).
		expect(page.cards.map((c) => c.id)).toEqual(Array.from({ length: 50 }, (_, i) => `b${i}`));
	});
});

describe('allTags', () => {
	it('lists each tag once, in order, however many cards carry it and across reads', async () => {
		// 70 tags on two cards each, and one on all 140: more keys than one read takes.
		const tags = Array.from({ length: 70 }, (_, i) => `t${String(i).padStart(2, '0')}`);
		await db.cards.bulkPut(
			tags.flatMap((tag, i) =>
				[0, 1].map((copy) => ({
					...sampleDeck(1, now).cards[0]!,
					id: `tagged-${i}-${copy}`,
					tags: [tag, 'zz-everywhere']
				}))
			)
		);
		expect(await allTags(db)).toEqual([...tags, 'zz-everywhere']);
	});
});

describe('filters from the URL', () => {
	it('keeps the values we know and drops the rest', () => {
		expect(asStateFilter('suspended')).toBe('suspended');
		expect(asStateFilter('frozen')).toBeNull();
		expect(asStateFilter('')).toBeNull();
		expect(asStateFilter(null)).toBeNull();
		expect(asDueFilter('week')).toBe('week');
		expect(asDueFilter('toString')).toBeNull();
		expect(asDueFilter(null)).toBeNull();
	});
});

describe('browsing every card', () => {
	it('pages through all cards in id order without reading every key first', async () => {
		const seen: string[] = [];
		let from: number | null = 0;
		while (from !== null) {
			const page = await browseCards(db, EMPTY_QUERY, now, 4, { from, limit: 8 });
			seen.push(...page.cards.map((c) => c.id));
			from = page.next;
		}
		expect(seen).toHaveLength(35);
		expect(new Set(seen).size).toBe(35);
		expect(seen).toEqual([...seen].sort());
	});
});
