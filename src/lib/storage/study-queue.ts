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
	type QueueCounts
} from '$lib/domain/study-queue';
import type { FlashcardsDB } from './db';

/*
 * Every read here goes through the `[deckId+state+due]` or `[deckId+review]`
 * index with a bounded range and `first()`/`count()`: the cost depends on what is
 * due today, not on how many cards the deck holds.
 */

type DayLimits = Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'>;

/** The earliest-due card of one state whose due time is below `before`. */
function firstDue(db: FlashcardsDB, deckId: string, state: CardState, before: number) {
	return db.cards
		.where('[deckId+state+due]')
		.between([deckId, state, -Infinity], [deckId, state, before], true, false)
		.first();
}

function countDue(db: FlashcardsDB, deckId: string, state: CardState, before: number) {
	return db.cards
		.where('[deckId+state+due]')
		.between([deckId, state, -Infinity], [deckId, state, before], true, false)
		.count();
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

/** What the user did in this deck since the study day began, from today's review logs. */
export async function doneToday(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	dayStartHour: number
): Promise<DoneToday> {
	const from = studyDayStart(now, dayStartHour).getTime();
	const done: DoneToday = { newCards: 0, reviews: 0 };
	await db.reviewLogs
		.where('[deckId+review]')
		.between([deckId, from], [deckId, Infinity])
		.each((log) => {
			if (log.state === CardState.New) done.newCards++;
			else if (log.state === CardState.Review) done.reviews++;
		});
	return done;
}

async function availability(
	db: FlashcardsDB,
	deckId: string,
	dayEnd: number
): Promise<DeckAvailability> {
	const [newCards, learning, relearning, reviewsToday] = await Promise.all([
		countDue(db, deckId, CardState.New, Infinity),
		countDue(db, deckId, CardState.Learning, dayEnd),
		countDue(db, deckId, CardState.Relearning, dayEnd),
		countDue(db, deckId, CardState.Review, dayEnd)
	]);
	return { newCards, learningToday: learning + relearning, reviewsToday };
}

/** The three counts shown for a deck (decks screen and study screen). */
export async function deckCounts(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits
): Promise<QueueCounts> {
	const dayEnd = nextStudyDayStart(now, limits.dayStartHour).getTime();
	const [available, done] = await Promise.all([
		availability(db, deckId, dayEnd),
		doneToday(db, deckId, now, limits.dayStartHour)
	]);
	return queueCounts(available, remainingToday(limits, done));
}

export type StudyStep =
	| { kind: 'card'; card: Card; counts: QueueCounts }
	| { kind: 'done'; counts: QueueCounts; nextDue: number | null };

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
	const dayEnd = nextStudyDayStart(now, limits.dayStartHour).getTime();
	const [available, done] = await Promise.all([
		availability(db, deckId, dayEnd),
		doneToday(db, deckId, now, limits.dayStartHour)
	]);
	const allowance: DailyAllowance = remainingToday(limits, done);
	const counts = queueCounts(available, allowance);

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
		allowance,
		nextDayStart: dayEnd
	});
	return { kind: 'done', counts, nextDue };
}
