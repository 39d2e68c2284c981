import { CardState, type Card, type Settings } from '$lib/domain/models';
import { nextStudyDayStart, studyDayStart } from '$lib/domain/study-day';
import {
	LEARN_AHEAD_MS,
	nextDueTime,
	queueCounts,
	remainingToday,
	type DailyAllowance,
	type DeckAvailability,
	type DoneToday,
	type NextDue,
	type QueueCounts
} from '$lib/domain/study-queue';
import type { FlashcardsDB } from './db';

/*
 * Every read here goes through the `[deckId+state+due]` or
 * `[deckId+state+review]` index with a bounded range and `first()`, `count()` or
 * a limited key read: the cost depends on what is due today, not on how many
 * cards the deck holds.
 */

type DayLimits = Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;

/** Cards of one state in one deck due below `before`, earliest first (an index range). */
function dueRange(db: FlashcardsDB, deckId: string, state: CardState, before: number) {
	return db.cards
		.where('[deckId+state+due]')
		.between([deckId, state, -Infinity], [deckId, state, before], true, false);
}

function firstDue(db: FlashcardsDB, deckId: string, state: CardState, before: number) {
	return dueRange(db, deckId, state, before).first();
}

function countDue(db: FlashcardsDB, deckId: string, state: CardState, before: number) {
	return dueRange(db, deckId, state, before).count();
}

/**
 * Counts at most `max` due cards by reading that many keys: the screen only shows
 * what today's limit lets through, so a deck of 50,000 new cards costs 20 keys.
 */
async function countDueUpTo(
	db: FlashcardsDB,
	deckId: string,
	state: CardState,
	before: number,
	max: number
) {
	return (await dueRange(db, deckId, state, before).limit(max).primaryKeys()).length;
}

function earlier(a: Card | undefined, b: Card | undefined): Card | undefined {
	if (!a) return b;
	if (!b) return a;
	return a.due <= b.due ? a : b;
}

/** The earliest learning or relearning card due before `before`. */
async function firstLearning(db: FlashcardsDB, deckId: string, before: number) {
	const [learning, relearning] = await Promise.all([
		firstDue(db, deckId, CardState.Learning, before),
		firstDue(db, deckId, CardState.Relearning, before)
	]);
	return earlier(learning, relearning);
}

/**
 * What the user did in this deck since the study day began, counted from today's
 * review logs by the state each card was in when answered.
 */
export async function doneToday(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	dayStartHour: number
): Promise<DoneToday> {
	const from = studyDayStart(now, dayStartHour).getTime();
	const answered = (state: CardState) =>
		db.reviewLogs
			.where('[deckId+state+review]')
			.between([deckId, state, from], [deckId, state, Infinity])
			.count();
	const [newCards, reviews] = await Promise.all([
		answered(CardState.New),
		answered(CardState.Review)
	]);
	return { newCards, reviews };
}

/**
 * What the deck holds for today, with new cards and reviews counted only up to
 * today's allowance (but at least one, to tell whether any are left at all).
 */
async function availability(
	db: FlashcardsDB,
	deckId: string,
	dayEnd: number,
	allowance: DailyAllowance
): Promise<DeckAvailability> {
	const [newCards, learning, relearning, reviewsToday] = await Promise.all([
		countDueUpTo(db, deckId, CardState.New, Infinity, Math.max(1, allowance.newCards)),
		countDue(db, deckId, CardState.Learning, dayEnd),
		countDue(db, deckId, CardState.Relearning, dayEnd),
		countDueUpTo(db, deckId, CardState.Review, dayEnd, Math.max(1, allowance.reviews))
	]);
	return { newCards, learningToday: learning + relearning, reviewsToday };
}

/** Today's allowance and what the deck holds within it. */
async function today(db: FlashcardsDB, deckId: string, now: Date, limits: DayLimits) {
	const dayEnd = nextStudyDayStart(now, limits.dayStartHour).getTime();
	const allowance = remainingToday(limits, await doneToday(db, deckId, now, limits.dayStartHour));
	const available = await availability(db, deckId, dayEnd, allowance);
	return { dayEnd, allowance, available, counts: queueCounts(available, allowance) };
}

/** The three counts shown for a deck (decks screen and study screen). */
export async function deckCounts(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits
): Promise<QueueCounts> {
	return (await today(db, deckId, now, limits)).counts;
}

export type StudyStep =
	| { kind: 'card'; card: Card; counts: QueueCounts }
	| { kind: 'done'; counts: QueueCounts; nextDue: NextDue | null };

/**
 * The next card to show, in Anki's order: learning cards that are due, then
 * reviews due today, then new cards (both within today's limits), then learning
 * cards due within the learn-ahead window. When none is left, says when the next
 * card will be.
 */
export async function nextStudyStep(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits
): Promise<StudyStep> {
	const t = now.getTime();
	const { dayEnd, available, counts } = await today(db, deckId, now, limits);

	const card =
		(await firstLearning(db, deckId, t + 1)) ??
		(counts.reviews > 0 ? await firstDue(db, deckId, CardState.Review, dayEnd) : undefined) ??
		(counts.newCards > 0 ? await firstDue(db, deckId, CardState.New, Infinity) : undefined) ??
		(await firstLearning(db, deckId, t + LEARN_AHEAD_MS + 1));
	if (card) return { kind: 'card', card, counts };

	const [learningDue, reviewDue] = await Promise.all([
		firstLearning(db, deckId, Infinity),
		firstDue(db, deckId, CardState.Review, Infinity)
	]);
	const nextDue = nextDueTime({
		learningDue: learningDue?.due ?? null,
		reviewDue: reviewDue?.due ?? null,
		hasNewCards: available.newCards > 0,
		settings: limits,
		nextDayStart: dayEnd
	});
	return { kind: 'done', counts, nextDue };
}
