/**
 * Custom study, as Anki offers it once a deck is done for the day: a few more new cards
 * or reviews today than the daily limits allow, or reviews due in the next days brought
 * forward. It lasts until the study day ends; the deck's options are not changed.
 */

import { ValidationError } from '$lib/errors';
import type { Settings } from './models';
import { nextStudyDayStart, studyDayStart } from './study-day';

const DAY_MS = 86_400_000;
const MAX_EXTRA = 9999;
const MAX_AHEAD_DAYS = 365;

/** What a deck was given on top of its limits, and the study day it was given for. */
export interface CustomStudy {
	/** Start of the study day it applies to (epoch ms). */
	day: number;
	newCards: number;
	reviews: number;
	/** Reviews due within this many days after today are shown today. */
	aheadDays: number;
}

export type CustomStudyRequest = Partial<Pick<CustomStudy, 'newCards' | 'reviews' | 'aheadDays'>>;

type Limits = Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;

/**
 * The limits for today with what custom study added, and how far ahead reviews are taken
 * (`reviewAheadUntil`, epoch ms). An addition for another day changes nothing.
 *
 * @example
 * todaysLimits({ newPerDay: 20, reviewsPerDay: 200, dayStartHour: 4 }, { day: today4am, newCards: 10, reviews: 0, aheadDays: 0 }, now);
 * // { newPerDay: 30, reviewsPerDay: 200, dayStartHour: 4 }
 */
export function todaysLimits<T extends Limits>(
	limits: T,
	extra: CustomStudy | undefined,
	now: Date
): T & { reviewAheadUntil?: number } {
	if (!extra || extra.day !== studyDayStart(now, limits.dayStartHour).getTime()) return limits;
	return {
		...limits,
		newPerDay: limits.newPerDay + extra.newCards,
		reviewsPerDay: limits.reviewsPerDay + extra.reviews,
		...(extra.aheadDays > 0
			? {
					reviewAheadUntil:
						nextStudyDayStart(now, limits.dayStartHour).getTime() + extra.aheadDays * DAY_MS
				}
			: {})
	};
}

function amount(value: number | undefined, max: number, what: string): number {
	if (value === undefined) return 0;
	if (!Number.isInteger(value) || value < 1 || value > max)
		throw new ValidationError(
			`${what} must be a whole number from 1 to ${max.toLocaleString('en')}.`
		);
	return value;
}

/**
 * Adds a request to what a deck already has for today (what was given on an earlier day
 * is dropped first). Throws a ValidationError for an amount out of range.
 *
 * @example
 * addCustomStudy(undefined, { newCards: 10 }, now, 4); // { day: today4am, newCards: 10, reviews: 0, aheadDays: 0 }
 */
export function addCustomStudy(
	current: CustomStudy | undefined,
	request: CustomStudyRequest,
	now: Date,
	dayStartHour: number
): CustomStudy {
	const day = studyDayStart(now, dayStartHour).getTime();
	const base = current?.day === day ? current : { day, newCards: 0, reviews: 0, aheadDays: 0 };
	return {
		day,
		newCards: base.newCards + amount(request.newCards, MAX_EXTRA, 'Extra new cards'),
		reviews: base.reviews + amount(request.reviews, MAX_EXTRA, 'Extra reviews'),
		aheadDays: Math.max(base.aheadDays, amount(request.aheadDays, MAX_AHEAD_DAYS, 'Days ahead'))
	};
}
