import { describe, expect, it } from 'vitest';
import { nextDueTime, queueCounts, remainingToday } from './study-queue';

describe('remainingToday', () => {
	it('subtracts what was done and never goes below zero', () => {
		expect(
			remainingToday({ newPerDay: 20, reviewsPerDay: 200 }, { newCards: 5, reviews: 210 })
		).toEqual({
			newCards: 15,
			reviews: 0
		});
	});
});

describe('queueCounts', () => {
	it('caps new cards and reviews by the allowance but not learning cards', () => {
		expect(
			queueCounts(
				{ newCards: 50, learningToday: 7, reviewsToday: 300 },
				{ newCards: 20, reviews: 200 }
			)
		).toEqual({ newCards: 20, learning: 7, reviews: 200 });
	});
});

describe('nextDueTime', () => {
	const base = { learningDue: null, reviewDue: null, hasNewCards: false, nextDayStart: 1000 };
	it('is the earliest learning card', () => {
		expect(nextDueTime({ ...base, learningDue: 500, allowance: { newCards: 0, reviews: 0 } })).toBe(
			500
		);
	});
	it('defers reviews beyond the limit to the next day', () => {
		expect(nextDueTime({ ...base, reviewDue: 10, allowance: { newCards: 0, reviews: 0 } })).toBe(
			1000
		);
		expect(nextDueTime({ ...base, reviewDue: 5000, allowance: { newCards: 0, reviews: 3 } })).toBe(
			5000
		);
	});
	it('brings new cards back the next day, and is null for an empty deck', () => {
		expect(
			nextDueTime({ ...base, hasNewCards: true, allowance: { newCards: 0, reviews: 0 } })
		).toBe(1000);
		expect(nextDueTime({ ...base, allowance: { newCards: 0, reviews: 0 } })).toBeNull();
	});
});
