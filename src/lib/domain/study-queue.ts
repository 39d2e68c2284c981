import type { Settings } from './models';
import { studyDayStart } from './study-day';

/** How far ahead a learning card may be shown when nothing else is left (Anki's learn-ahead limit). */
export const LEARN_AHEAD_MS = 20 * 60_000;

/** What the user has already done in the current study day. */
export interface DoneToday {
	/** Cards seen for the first time today. */
	newCards: number;
	/** Review-state cards answered today. */
	reviews: number;
}

export interface DailyAllowance {
	newCards: number;
	reviews: number;
}

/**
 * How many more new cards and reviews today's limits allow.
 *
 * @example
 * remainingToday({ newPerDay: 20, reviewsPerDay: 200 }, { newCards: 5, reviews: 210 });
 * // { newCards: 15, reviews: 0 }
 */
export function remainingToday(
	settings: Pick<Settings, 'newPerDay' | 'reviewsPerDay'>,
	done: DoneToday
): DailyAllowance {
	return {
		newCards: Math.max(0, settings.newPerDay - done.newCards),
		reviews: Math.max(0, settings.reviewsPerDay - done.reviews)
	};
}

/** The three numbers shown above a card: what is left to study today. */
export interface QueueCounts {
	newCards: number;
	learning: number;
	reviews: number;
}

/** Counts of what a deck holds, before the daily limits are applied. */
export interface DeckAvailability {
	/** New cards in the deck. */
	newCards: number;
	/** Learning and relearning cards due before the study day ends. */
	learningToday: number;
	/** Review cards due before the study day ends. */
	reviewsToday: number;
}

/** Applies today's allowance to what a deck holds. */
export function queueCounts(available: DeckAvailability, allowance: DailyAllowance): QueueCounts {
	return {
		newCards: Math.min(available.newCards, allowance.newCards),
		learning: available.learningToday,
		reviews: Math.min(available.reviewsToday, allowance.reviews)
	};
}

export interface NextDueInput {
	/** Earliest due time of any learning card, or null. */
	learningDue: number | null;
	/** Earliest due time of any review card, or null. */
	reviewDue: number | null;
	/** Whether the deck has new cards not yet studied. */
	hasNewCards: boolean;
	settings: Pick<Settings, 'newPerDay' | 'dayStartHour'>;
	/** Start of the next study day. */
	nextDayStart: number;
}

export interface NextDue {
	/** When the next card becomes available, for the "done for today" screen. */
	at: number;
	/** When the queue will next have a card to show (a learning card is shown up to the learn-ahead limit early). */
	wakeAt: number;
}

/**
 * When the next card becomes available once today's queue is empty; null when
 * the deck has nothing left at all.
 *
 * A review card is shown from the start of the study day it falls due in, and
 * not before the next study day (today's allowance is spent, or it would be in
 * the queue). New cards come back the next study day, if any are allowed.
 *
 * @example
 * nextDueTime({ learningDue: null, reviewDue: null, hasNewCards: true,
 *   settings: { newPerDay: 20, dayStartHour: 4 }, nextDayStart: tomorrowAt4 });
 * // { at: tomorrowAt4, wakeAt: tomorrowAt4 }
 */
export function nextDueTime(input: NextDueInput): NextDue | null {
	const candidates: NextDue[] = [];
	if (input.learningDue !== null)
		candidates.push({ at: input.learningDue, wakeAt: input.learningDue - LEARN_AHEAD_MS });
	if (input.reviewDue !== null) {
		const dayOfDue = studyDayStart(
			new Date(input.reviewDue),
			input.settings.dayStartHour
		).getTime();
		const at = Math.max(dayOfDue, input.nextDayStart);
		candidates.push({ at, wakeAt: at });
	}
	if (input.hasNewCards && input.settings.newPerDay > 0)
		candidates.push({ at: input.nextDayStart, wakeAt: input.nextDayStart });
	if (candidates.length === 0) return null;
	return {
		at: Math.min(...candidates.map((c) => c.at)),
		wakeAt: Math.min(...candidates.map((c) => c.wakeAt))
	};
}
