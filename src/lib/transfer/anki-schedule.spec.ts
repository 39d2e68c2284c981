import { describe, expect, it } from 'vitest';
import { CardState } from '$lib/domain/models';
import type { AnkiCard } from './anki-collection';
import {
	ankiReviewLogs,
	ankiScheduling,
	difficultyToFactor,
	factorToDifficulty,
	readAnkiMemory
} from './anki-schedule';

describe('ease factor ↔ difficulty', () => {
	it('maps 350 % to 1, 130 % to 10, linearly, clamped', () => {
		expect(factorToDifficulty(3500)).toBe(1);
		expect(factorToDifficulty(1300)).toBe(10);
		expect(factorToDifficulty(2500)).toBeCloseTo(5.0909, 4);
		expect(factorToDifficulty(9000)).toBe(1);
		expect(factorToDifficulty(0)).toBe(10);
	});

	it('round-trips within Anki’s whole permille', () => {
		for (const factor of [1300, 1800, 2500, 2650, 3500])
			expect(difficultyToFactor(factorToDifficulty(factor))).toBe(factor);
		expect(difficultyToFactor(0)).toBe(3500);
		expect(difficultyToFactor(11)).toBe(1300);
	});
});

describe('readAnkiMemory', () => {
	it('reads s, d and lrt', () => {
		expect(readAnkiMemory('{"s":12.5,"d":4.2,"dr":0.9,"lrt":1700000000}')).toEqual({
			stability: 12.5,
			difficulty: 4.2,
			lastReview: 1_700_000_000_000
		});
	});

	it('keeps s and d but not an lrt beyond the last date a Date holds', () => {
		expect(readAnkiMemory('{"s":12.5,"d":4.2,"lrt":9e12}')).toEqual({
			stability: 12.5,
			difficulty: 4.2,
			lastReview: null
		});
	});

	it.each([
		'',
		'{"pos":3}',
		'{"s":0,"d":5}',
		'{"s":3,"d":11}',
		'{"s":"3","d":5}',
		'{"s":3',
		'null'
	])('ignores %j', (data) => expect(readAnkiMemory(data)).toBeNull());
});

describe('ankiScheduling', () => {
	const now = Date.UTC(2025, 2, 1);
	const crt = Date.UTC(2023, 0, 1) / 1000;
	// A review card due on day 800 with a 30-day interval, so without `lrt` or a revlog its
	// last review is taken as 30 days before it was due.
	const card = (data: string): AnkiCard => ({
		id: 1,
		nid: 1,
		did: 1,
		ord: 0,
		mod: 0,
		type: 2,
		queue: 2,
		due: 800,
		ivl: 30,
		factor: 2500,
		reps: 5,
		lapses: 0,
		odue: 0,
		odid: 0,
		data
	});
	const history = { last: null, previous: null };
	const due = (crt + 800 * 86_400) * 1000;
	const fallback = due - 30 * 86_400_000;

	it('takes the last review from lrt when it is a plausible time', () => {
		const scheduling = ankiScheduling(card('{"s":35,"d":5,"lrt":1700000000}'), {
			crt,
			now,
			history
		});
		expect(scheduling).toMatchObject({
			state: CardState.Review,
			due,
			last_review: 1_700_000_000_000
		});
		expect(ankiScheduling(card('{"s":35,"d":5}'), { crt, now, history }).last_review).toBe(
			fallback
		);
	});

	it.each([
		['after now', now / 1000 + 1],
		['beyond any date', 9e12],
		['infinite', '1e999'],
		['zero', 0],
		['negative', -5]
	])('ignores an lrt that is %s', (_, lrt) => {
		const scheduling = ankiScheduling(card(`{"s":35,"d":5,"lrt":${lrt}}`), { crt, now, history });
		expect(scheduling.last_review).toBe(fallback);
		expect(scheduling.stability).toBe(35);
	});
});

describe('ankiReviewLogs', () => {
	const DAY = 86_400_000;
	const entry = (day: number, ease: number, type: number, ivl = 1) => ({
		id: Date.UTC(2025, 0, 1) + day * DAY,
		cid: 1,
		ease,
		ivl,
		lastIvl: 0,
		factor: 2500,
		type,
		time: 5000
	});

	it('reads the card as new at its first answer and after a reset, and leaves rescheduling out', () => {
		const { logs, skipped } = ankiReviewLogs([
			entry(0, 3, 0),
			entry(3, 3, 1, 8),
			// Set due date (type 4 with an interval): not an answer, not a reset.
			entry(5, 0, 4, 20),
			entry(9, 3, 1, 20),
			// Forget: type 4, interval 0.
			entry(12, 0, 4, 0),
			entry(13, 1, 0),
			entry(13.1, 3, 0)
		]);
		expect(skipped).toBe(2);
		expect(logs.map((log) => log.state)).toEqual([
			CardState.New,
			CardState.Review,
			CardState.Review,
			CardState.New,
			CardState.Learning
		]);
	});

	it('reads a learning answer after reviews as a new start, even without a reset entry', () => {
		const { logs } = ankiReviewLogs([entry(0, 3, 0), entry(3, 3, 1, 8), entry(20, 3, 0)]);
		expect(logs.map((log) => log.state)).toEqual([CardState.New, CardState.Review, CardState.New]);
	});
});
