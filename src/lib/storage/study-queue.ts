import { Queue } from '$lib/domain/card-queue';
import { CardState, type Card, type ReviewLog, type Settings } from '$lib/domain/models';
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
import { cardsDueBefore } from './due-days';

/*
 * Every read here goes through the `[deckId+queue+due]` or
 * `[deckId+state+review]` index with a bounded range and `first()`, `count()` or
 * a limited key read, or adds up the due-day rows (`cardsDueBefore`): the cost
 * depends on what is due today, not on how many cards the deck holds. Suspended and buried cards sit in queues of their own
 * (see `queueOf`): suspended ones are never read here, buried ones only by
 * `unburyDue` (a deck's buried cards, usually few; they add up during a day).
 */

export type DayLimits = Pick<Settings, 'newPerDay' | 'reviewsPerDay' | 'dayStartHour'> &
	Partial<Pick<Settings, 'newCardOrder'>> & {
		/** Custom study: reviews due before this time (epoch ms) are shown today too. */
		reviewAheadUntil?: number;
	};

/** Cards of one queue in one deck due below `before`, earliest first (an index range). */
function dueRange(db: FlashcardsDB, deckId: string, queue: number, before: number) {
	return db.cards
		.where('[deckId+queue+due]')
		.between([deckId, queue, -Infinity], [deckId, queue, before], true, false);
}

/**
 * Gives back the cards of a deck buried until a time that has come (Anki unburies at
 * the start of the next day). Buried cards are few, and read from their own queue.
 */
export async function unburyDue(db: FlashcardsDB, deckId: string, now: Date): Promise<void> {
	const buried = await dueRange(db, deckId, Queue.Buried, Infinity).toArray();
	const due = buried.filter((card) => card.buriedUntil <= now.getTime());
	if (due.length === 0) return;
	await db.transaction('rw', db.cards, async () => {
		// Read again inside the transaction: another tab may have changed them.
		const current = await db.cards.bulkGet(due.map((card) => card.id));
		const stillDue = current.filter(
			(card): card is Card => !!card && card.buriedUntil > 0 && card.buriedUntil <= now.getTime()
		);
		await db.cards.bulkPut(stillDue.map((card) => ({ ...card, buriedUntil: 0 })));
	});
}

/**
 * Runs reads in one read-only transaction. Each read on its own is a transaction of its own:
 * today's counts take nine, and at a cold start on a phone each costs a round trip to the
 * browser's database process.
 */
function inOneRead<T>(db: FlashcardsDB, reads: () => Promise<T>): Promise<T> {
	return db.transaction('r', db.cards, db.reviewLogs, db.dueDays, reads);
}

/** Cards a read must pass over: the one just answered, and the siblings its answer buries, by id. */
type Skip = ReadonlySet<string> | null;

/** The ids the step after `answered` passes over: the card, and the siblings burying would hide. */
async function skipFor(db: FlashcardsDB, answered: Answered): Promise<Set<string>> {
	const skip = new Set([answered.card.id]);
	if (!answered.buryNote) return skip;
	const siblings = await db.cards.where('noteId').equals(answered.card.noteId).toArray();
	// As `burySiblings`: new and review siblings are buried; learning ones stay.
	for (const sibling of siblings)
		if (sibling.state === CardState.New || sibling.state === CardState.Review) skip.add(sibling.id);
	return skip;
}

function firstDue(
	db: FlashcardsDB,
	deckId: string,
	state: CardState,
	before: number,
	skip: Skip = null
) {
	const range = dueRange(db, deckId, state, before);
	return skip ? range.filter((card) => !skip.has(card.id)).first() : range.first();
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
async function firstLearning(db: FlashcardsDB, deckId: string, before: number, skip: Skip = null) {
	const [learning, relearning] = await Promise.all([
		firstDue(db, deckId, CardState.Learning, before, skip),
		firstDue(db, deckId, CardState.Relearning, before, skip)
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
			.between([deckId, state, from], [deckId, state, Infinity]);
	const [newLogs, reviews] = await Promise.all([
		answered(CardState.New).toArray(),
		answered(CardState.Review).count()
	]);
	return { newCards: newCardsAnswered(newLogs), reviews };
}

/**
 * The new cards among `logs`' answers. Cards, not answers: a card first studied on two
 * devices the same day, then synced, has two answers given as new, but is one new card of
 * the day's allowance.
 */
function newCardsAnswered(logs: readonly ReviewLog[]): number {
	return new Set(logs.filter((log) => log.state === CardState.New).map((log) => log.cardId)).size;
}

/**
 * What the deck holds for today, with new cards and reviews counted only up to
 * today's allowance (but at least one, to tell whether any are left at all).
 */
async function availability(
	db: FlashcardsDB,
	deckId: string,
	dayEnd: number,
	allowance: DailyAllowance,
	reviewEnd = dayEnd
): Promise<DeckAvailability> {
	// Cards in learning are few and counted on the index (one read each); reviews due today
	// can be thousands, and come from the due-day rows (`cardsDueBefore`, two reads).
	const [newCards, learning, relearning, reviews] = await Promise.all([
		countDueUpTo(db, deckId, CardState.New, Infinity, Math.max(1, allowance.newCards)),
		dueRange(db, deckId, CardState.Learning, dayEnd).count(),
		dueRange(db, deckId, CardState.Relearning, dayEnd).count(),
		cardsDueBefore(db, deckId, CardState.Review, reviewEnd)
	]);
	const reviewsToday = Math.min(reviews, Math.max(1, allowance.reviews));
	return { newCards, learningToday: learning + relearning, reviewsToday };
}

/** Today's allowance and what the deck holds within it. */
async function today(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits,
	answered: Answered | null = null
) {
	const dayEnd = nextStudyDayStart(now, limits.dayStartHour).getTime();
	// Reviews due before the day ends, or later when custom study reaches ahead.
	const reviewEnd = Math.max(dayEnd, limits.reviewAheadUntil ?? 0);
	return inOneRead(db, async () => {
		const done = await doneToday(db, deckId, now, limits.dayStartHour);
		if (answered?.card.state === CardState.New) done.newCards += 1;
		if (answered?.card.state === CardState.Review) done.reviews += 1;
		const allowance = remainingToday(limits, done);
		const available = await availability(db, deckId, dayEnd, allowance, reviewEnd);
		return {
			dayEnd,
			reviewEnd,
			done,
			allowance,
			available,
			counts: queueCounts(available, allowance)
		};
	});
}

/** The three counts shown for a deck (decks screen and study screen). */
export async function deckCounts(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits
): Promise<QueueCounts> {
	await unburyDue(db, deckId, now);
	return (await today(db, deckId, now, limits)).counts;
}

/**
 * The counts of every deck, for the decks screen. The same numbers as `deckCounts`
 * deck by deck, with fewer reads: buried cards are looked for once for all decks (on
 * the `[queue+due]` index), and each deck's answers today are read in one range and
 * split by state; what the deck holds is `availability`, as for one deck. Six reads per
 * deck and one in all, in one transaction.
 * (Counts beat reading the learning cards: 1,500 of them took 47 ms to read in
 * Chromium, 20 decks' counts of them 11 ms.)
 */
export async function countsForDecks(
	db: FlashcardsDB,
	decks: readonly { id: string; limits: DayLimits }[],
	now: Date,
	dayStartHour: number
): Promise<Map<string, QueueCounts>> {
	const t = now.getTime();
	const from = studyDayStart(now, dayStartHour).getTime();
	const dayEnd = nextStudyDayStart(now, dayStartHour).getTime();
	const queueRange = (queue: number, before: number) =>
		db.cards.where('[queue+due]').between([queue, -Infinity], [queue, before], true, false);

	// The buried cards are read with the counts: usually none is due back, and the counts
	// stand; when some are, they are given back and the counts read again.
	const read = () =>
		db.transaction('r', db.cards, db.reviewLogs, db.dueDays, () =>
			Promise.all([
				queueRange(Queue.Buried, Infinity).toArray(),
				Promise.all(
					decks.map(async ({ id, limits }) => {
						const answered = await db.reviewLogs
							.where('[deckId+review]')
							.between([id, from], [id, Infinity])
							.toArray();
						const done: DoneToday = {
							newCards: newCardsAnswered(answered),
							reviews: answered.filter((log) => log.state === CardState.Review).length
						};
						const allowance = remainingToday(limits, done);
						const reviewEnd = Math.max(dayEnd, limits.reviewAheadUntil ?? 0);
						const available = await availability(db, id, dayEnd, allowance, reviewEnd);
						return [id, queueCounts(available, allowance)] as const;
					})
				)
			])
		);
	const [buried, counted] = await read();
	let entries = counted;
	const decksToUnbury = new Set(
		buried.filter((card) => card.buriedUntil <= t).map((card) => card.deckId)
	);
	if (decksToUnbury.size > 0) {
		await Promise.all([...decksToUnbury].map((deckId) => unburyDue(db, deckId, now)));
		[, entries] = await read();
	}
	return new Map(entries);
}

/** How far into the new cards the random order looks for the next one. */
const RANDOM_WINDOW = 1000;

/**
 * The next new card. In article order, the first by due; in random order, one of the
 * first cards chosen by a hash of the deck and how many new cards were seen today, so
 * the choice is the same until one is answered (a reload, an undo) and costs at most
 * `RANDOM_WINDOW` keys, never a read of every new card.
 */
async function nextNewCard(
	db: FlashcardsDB,
	deckId: string,
	order: Settings['newCardOrder'],
	seenToday: number,
	skip: Skip
): Promise<Card | undefined> {
	const range = () => dueRange(db, deckId, CardState.New, Infinity);
	if (order !== 'random')
		return skip
			? range()
					.filter((card) => !skip.has(card.id))
					.first()
			: range().first();
	// Keys only: the window is read without loading a card, then one card is.
	const keys = (await range().limit(RANDOM_WINDOW).primaryKeys()).filter((id) => !skip?.has(id));
	if (keys.length === 0) return undefined;
	return db.cards.get(keys[hashOf(`${deckId}:${seenToday}`) % keys.length] as string);
}

/** FNV-1a: a stable, well-spread number from a string. */
function hashOf(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export type StudyStep =
	| { kind: 'card'; card: Card; counts: QueueCounts; learnAhead: boolean }
	| { kind: 'done'; counts: QueueCounts; nextDue: NextDue | null };

/**
 * A card about to be answered. The step after it can be read while its answer is
 * on screen, so the next card shows the moment a grade is tapped: the card (and,
 * when siblings are buried, its note) is passed over, and it counts as done today.
 */
export interface Answered {
	card: Card;
	buryNote: boolean;
}

/**
 * The next card to show, in Anki's order: learning cards that are due, then
 * reviews due today, then new cards (both within today's limits), then learning
 * cards due within the learn-ahead window (`learnAhead`). When none is left, says
 * when the next card will be.
 */
export async function nextStudyStep(
	db: FlashcardsDB,
	deckId: string,
	now: Date,
	limits: DayLimits,
	answered: Answered | null = null
): Promise<StudyStep> {
	const t = now.getTime();
	await unburyDue(db, deckId, now);
	const { dayEnd, reviewEnd, allowance, available, counts } = await today(
		db,
		deckId,
		now,
		limits,
		answered
	);
	const seenToday = limits.newPerDay - allowance.newCards;
	const skip = answered ? await skipFor(db, answered) : null;

	const card =
		(await firstLearning(db, deckId, t + 1, skip)) ??
		(counts.reviews > 0
			? await firstDue(db, deckId, CardState.Review, reviewEnd, skip)
			: undefined) ??
		(counts.newCards > 0
			? await nextNewCard(db, deckId, limits.newCardOrder ?? 'article', seenToday, skip)
			: undefined);
	if (card) return { kind: 'card', card, counts, learnAhead: false };
	const ahead = await firstLearning(db, deckId, t + LEARN_AHEAD_MS + 1, skip);
	if (ahead) return { kind: 'card', card: ahead, counts, learnAhead: true };

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

/**
 * Decks studied together: a parent with its children (Anki's deck tree), or every deck
 * ("Study all"). Each deck keeps its own daily limits; a parent's limits also cap the
 * whole tree, as in Anki's v3 scheduler.
 */
export interface StudyTarget {
	/** The decks, in the order their new cards come: a parent, then its children in tree order. */
	decks: readonly { id: string; limits: DayLimits }[];
	/** The parent's own limits over all of them, or null when there is no parent (Study all). */
	total: DayLimits | null;
}

/** One deck studied on its own: the single-deck path, read for read. */
function singleDeck(target: StudyTarget): { id: string; limits: DayLimits } | null {
	const only = target.decks.length === 1 ? target.decks[0] : undefined;
	return only && (target.total === null || target.total === only.limits) ? only : null;
}

/** Each deck's today, and the counts of them all under the parent's limits. */
async function targetToday(
	db: FlashcardsDB,
	target: StudyTarget,
	now: Date,
	answered: Answered | null
) {
	const days = await Promise.all(
		target.decks.map(({ id, limits }) =>
			today(db, id, now, limits, answered?.card.deckId === id ? answered : null)
		)
	);
	const sum = (pick: (counts: QueueCounts) => number) =>
		days.reduce((total, day) => total + pick(day.counts), 0);
	const done: DoneToday = {
		newCards: days.reduce((total, day) => total + day.done.newCards, 0),
		reviews: days.reduce((total, day) => total + day.done.reviews, 0)
	};
	const cap = target.total ? remainingToday(target.total, done) : null;
	const counts: QueueCounts = {
		newCards: Math.min(
			sum((c) => c.newCards),
			cap?.newCards ?? Infinity
		),
		learning: sum((c) => c.learning),
		reviews: Math.min(
			sum((c) => c.reviews),
			cap?.reviews ?? Infinity
		)
	};
	return { days, counts };
}

/** The counts shown for decks studied together (a parent's row, the study screen). */
export async function targetCounts(
	db: FlashcardsDB,
	target: StudyTarget,
	now: Date
): Promise<QueueCounts> {
	const single = singleDeck(target);
	if (single) return deckCounts(db, single.id, now, single.limits);
	await Promise.all(target.decks.map(({ id }) => unburyDue(db, id, now)));
	return (await targetToday(db, target, now, null)).counts;
}

/** The card due first of those found (one per deck). */
function earliest(cards: readonly (Card | undefined)[]): Card | undefined {
	return cards.reduce<Card | undefined>(earlier, undefined);
}

/**
 * The next card of decks studied together, in Anki's order across them: the learning card
 * due first in any deck, then the review due first among decks with reviews left today,
 * then new cards deck by deck (a parent's before its children's). One deck on its own is
 * `nextStudyStep`.
 */
export async function nextTargetStep(
	db: FlashcardsDB,
	target: StudyTarget,
	now: Date,
	answered: Answered | null = null
): Promise<StudyStep> {
	const single = singleDeck(target);
	if (single) return nextStudyStep(db, single.id, now, single.limits, answered);
	const t = now.getTime();
	await Promise.all(target.decks.map(({ id }) => unburyDue(db, id, now)));
	const { days, counts } = await targetToday(db, target, now, answered);
	const skip = answered ? await skipFor(db, answered) : null;
	const decks = target.decks.map((deck, i) => ({ ...deck, day: days[i]! }));

	let card = earliest(await Promise.all(decks.map(({ id }) => firstLearning(db, id, t + 1, skip))));
	if (!card && counts.reviews > 0)
		card = earliest(
			await Promise.all(
				decks
					.filter(({ day }) => day.counts.reviews > 0)
					.map(({ id, day }) => firstDue(db, id, CardState.Review, day.reviewEnd, skip))
			)
		);
	if (!card && counts.newCards > 0)
		for (const { id, limits, day } of decks) {
			if (day.counts.newCards === 0) continue;
			const seenToday = limits.newPerDay - day.allowance.newCards;
			card = await nextNewCard(db, id, limits.newCardOrder ?? 'article', seenToday, skip);
			if (card) break;
		}
	if (card) return { kind: 'card', card, counts, learnAhead: false };
	const ahead = earliest(
		await Promise.all(decks.map(({ id }) => firstLearning(db, id, t + LEARN_AHEAD_MS + 1, skip)))
	);
	if (ahead) return { kind: 'card', card: ahead, counts, learnAhead: true };

	const dues = await Promise.all(
		decks.map(async ({ id, limits, day }) => {
			const [learningDue, reviewDue] = await Promise.all([
				firstLearning(db, id, Infinity),
				firstDue(db, id, CardState.Review, Infinity)
			]);
			return nextDueTime({
				learningDue: learningDue?.due ?? null,
				reviewDue: reviewDue?.due ?? null,
				hasNewCards: day.available.newCards > 0,
				settings: limits,
				nextDayStart: day.dayEnd
			});
		})
	);
	const known = dues.filter((due): due is NextDue => due !== null);
	const nextDue =
		known.length === 0
			? null
			: {
					at: Math.min(...known.map((due) => due.at)),
					wakeAt: Math.min(...known.map((due) => due.wakeAt))
				};
	return { kind: 'done', counts, nextDue };
}
