import { describe, expect, it } from 'vitest';
import type { Card, ReviewLog } from '$lib/domain/models';
import { testDeck } from '$lib/domain/testing/records';
import { testCard } from '$lib/domain/testing/records';
import { isNewer, matchStored, mergeCards, newLogs } from './merge';

function card(id: string, modified: number, last_review: number | null = null): Card {
	return testCard({ id, deckId: 'd', front: `${id}@${modified}`, back: '', modified, last_review });
}

describe('mergeCards', () => {
	it('keeps the newer version of each card and adds the unknown ones', () => {
		const stored = [card('a', 10), card('b', 20), card('c', 30)];
		const incoming = [card('a', 11), card('b', 19), card('c', 30), card('d', 1)];
		const result = mergeCards(stored, incoming);
		expect(result.merged.map((c) => c.front)).toEqual(['a@11', 'b@20', 'c@30', 'd@1']);
		expect(result.added.map((c) => c.id)).toEqual(['d']);
		expect(result.updated.map((c) => c.id)).toEqual(['a']);
		expect(result.unchanged).toBe(2);
	});

	it('breaks a tie on modified with the later review, and keeps the stored card otherwise', () => {
		expect(isNewer(card('a', 5, 100), card('a', 5, 99))).toBe(true);
		expect(isNewer(card('a', 5, 100), card('a', 5, null))).toBe(true);
		expect(isNewer(card('a', 5, null), card('a', 5, null))).toBe(false);
		expect(mergeCards([card('a', 5, 1)], [card('a', 5, 1)]).updated).toEqual([]);
	});

	it('is idempotent: merging the result again changes nothing', () => {
		const first = mergeCards([card('a', 1)], [card('a', 2), card('b', 1)]);
		const again = mergeCards(first.merged, [card('a', 2), card('b', 1)]);
		expect(again.added).toEqual([]);
		expect(again.updated).toEqual([]);
		expect(again.merged).toEqual(first.merged);
	});
});

describe('newLogs', () => {
	it('adds only logs whose id is not stored, once', () => {
		const log = (id: string) => ({ id }) as ReviewLog;
		expect(newLogs([log('1')], [log('1'), log('2'), log('2')]).map((l) => l.id)).toEqual(['2']);
	});
});

describe('matchStored', () => {
	const log = (id: string, cardId: string, review: number) =>
		({ id, cardId, deckId: 'x', review }) as ReviewLog;
	const here = testDeck({ id: 'here', name: 'French' });
	const stored = [
		testCard({ id: 'fwd', deckId: 'here', noteId: 'n1', ord: 0 }),
		testCard({ id: 'rev', deckId: 'here', noteId: 'n1', ord: 1 })
	];
	const incoming = {
		deck: testDeck({ id: 'anki-deck-9', name: 'French' }),
		cards: [
			testCard({ id: 'anki-g-0', deckId: 'anki-deck-9', noteId: 'n1', ord: 0 }),
			testCard({ id: 'anki-g-1', deckId: 'anki-deck-9', noteId: 'n1', ord: 1 }),
			testCard({ id: 'anki-h-0', deckId: 'anki-deck-9', noteId: 'n2', ord: 0 })
		],
		logs: [log('anki-revlog-5', 'anki-g-0', 5), log('anki-revlog-7', 'anki-g-0', 7)],
		warnings: []
	};

	it('gives each card of a stored note and position the stored id, in the stored deck', () => {
		const item = matchStored(incoming, { deck: here, siblings: stored, logs: [] });
		expect(item.deck).toBe(here);
		expect(item.cards.map((c) => [c.id, c.deckId])).toEqual([
			['fwd', 'here'],
			['rev', 'here'],
			['anki-h-0', 'here']
		]);
		expect(item.logs.map((l) => [l.cardId, l.deckId])).toEqual([
			['fwd', 'here'],
			['fwd', 'here']
		]);
	});

	it('drops a log for an answer already stored under another id', () => {
		const item = matchStored(incoming, {
			deck: here,
			siblings: stored,
			logs: [log('uuid-1', 'fwd', 5)]
		});
		expect(item.logs.map((l) => l.id)).toEqual(['anki-revlog-7']);
	});

	it('keeps the stored card when the file has no schedules (CSV)', () => {
		const item = matchStored(
			incoming,
			{ deck: here, siblings: stored, logs: [] },
			{ contentOnly: true }
		);
		expect(item.cards[0]).toBe(stored[0]);
		expect(item.cards[2]!.id).toBe('anki-h-0');
	});

	it('leaves a deck with nothing stored as it came', () => {
		const item = matchStored(incoming, { deck: undefined, siblings: [], logs: [] });
		expect(item.deck).toBe(incoming.deck);
		expect(item.cards.map((c) => c.id)).toEqual(['anki-g-0', 'anki-g-1', 'anki-h-0']);
	});
});
