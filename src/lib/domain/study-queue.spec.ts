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
	const tomorrow4 = new Date(2026, 2, 11, 4).getTime();
	const base = {
		learningDue: null,
		reviewDue: null,
		hasNewCards: false,
		settings: { newPerDay: 20, dayStartHour: 4 },
		nextDayStart: tomorrow4
	};

	it('is the earliest learning card, woken up to 20 minutes early', () => {
		const at = new Date(2026, 2, 10, 15, 0).getTime();
		expect(nextDueTime({ ...base, learningDue: at })).toEqual({ at, wakeAt: at - 20 * 60_000 });
	});

	it('shows a review from the start of the study day it falls due in', () => {
		const due = new Date(2026, 2, 18, 10, 0).getTime();
		const dayStart = new Date(2026, 2, 18, 4).getTime();
		expect(nextDueTime({ ...base, reviewDue: due })).toEqual({ at: dayStart, wakeAt: dayStart });
	});

	it('defers reviews due today beyond the limit to the next study day', () => {
		const dueToday = new Date(2026, 2, 10, 9, 0).getTime();
		expect(nextDueTime({ ...base, reviewDue: dueToday })?.at).toBe(tomorrow4);
	});

	it('brings new cards back the next day only if new cards are allowed', () => {
		expect(nextDueTime({ ...base, hasNewCards: true })?.at).toBe(tomorrow4);
		expect(
			nextDueTime({ ...base, hasNewCards: true, settings: { newPerDay: 0, dayStartHour: 4 } })
		).toBeNull();
		expect(nextDueTime(base)).toBeNull();
	});
});
