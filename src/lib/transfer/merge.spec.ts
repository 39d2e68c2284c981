import { describe, expect, it } from 'vitest';
import type { Card, ReviewLog } from '$lib/domain/models';
import { testCard } from '$lib/domain/testing/records';
import { isNewer, mergeCards, newLogs } from './merge';

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
