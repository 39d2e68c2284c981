import { describe, expect, it } from 'vitest';
import { addCustomStudy, todaysLimits } from './custom-study';

// 10:00 local time; the study day starts at 4 am.
const now = new Date(2026, 2, 10, 10, 0);
const today = new Date(2026, 2, 10, 4, 0).getTime();
const limits = { newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4 };

describe('addCustomStudy', () => {
	it('adds to what today already has, and starts again on a new day', () => {
		const first = addCustomStudy(undefined, { newCards: 10 }, now, 4);
		expect(first).toEqual({ day: today, newCards: 10, reviews: 0, aheadDays: 0 });
		const second = addCustomStudy(first, { newCards: 5, reviews: 50, aheadDays: 2 }, now, 4);
		expect(second).toEqual({ day: today, newCards: 15, reviews: 50, aheadDays: 2 });
		const tomorrow = new Date(2026, 2, 11, 10, 0);
		expect(addCustomStudy(second, { reviews: 5 }, tomorrow, 4)).toMatchObject({
			newCards: 0,
			reviews: 5
		});
	});

	it.each([{ newCards: 0 }, { reviews: 1.5 }, { aheadDays: 400 }, { newCards: -3 }])(
		'refuses %o',
		(request) => {
			expect(() => addCustomStudy(undefined, request, now, 4)).toThrow(/whole number/);
		}
	);
});

describe('todaysLimits', () => {
	it('raises today’s limits and reaches ahead for reviews', () => {
		const extra = { day: today, newCards: 10, reviews: 20, aheadDays: 2 };
		expect(todaysLimits(limits, extra, now)).toEqual({
			newPerDay: 30,
			reviewsPerDay: 220,
			dayStartHour: 4,
			reviewAheadUntil: new Date(2026, 2, 13, 4, 0).getTime()
		});
	});

	it('leaves the limits alone on another day or without an addition', () => {
		const yesterday = { day: today - 86_400_000, newCards: 10, reviews: 0, aheadDays: 0 };
		expect(todaysLimits(limits, yesterday, now)).toBe(limits);
		expect(todaysLimits(limits, undefined, now)).toBe(limits);
	});
});
