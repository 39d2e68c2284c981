import type { Settings } from './models';

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
	allowance: DailyAllowance;
	/** Start of the next study day. */
	nextDayStart: number;
}

/**
 * When the next card becomes available once today's queue is empty, for the
 * "done for today" screen; null when the deck has nothing left at all.
 *
 * Reviews beyond today's limit and new cards wait for the next study day.
 */
export function nextDueTime(input: NextDueInput): number | null {
	const candidates: number[] = [];
	if (input.learningDue !== null) candidates.push(input.learningDue);
	if (input.reviewDue !== null)
		candidates.push(
			input.allowance.reviews > 0 ? input.reviewDue : Math.max(input.reviewDue, input.nextDayStart)
		);
	if (input.hasNewCards) candidates.push(input.nextDayStart);
	return candidates.length ? Math.min(...candidates) : null;
}
