import { randomId } from '$lib/domain/ids';
import type { Card, Grade, ReviewLog } from '$lib/domain/models';
import type { Scheduler } from '$lib/domain/scheduler';
import { CardChangedError } from '$lib/errors';
import { burySiblings, undoCardChanges, type CardsUndo } from './card-actions';
import type { FlashcardsDB } from './db';

/** What `undoReview` needs to put things back exactly as they were. */
export interface ReviewUndo {
	previous: Card;
	logId: string;
	/** The card as this answer left it, to tell whether anything answered it since. */
	answered: ShownCard;
}

export interface ReviewResult {
	card: Card;
	log: ReviewLog;
	undo: ReviewUndo;
}

/**
 * The part of the card on screen that says which answer it is waiting for:
 * every answer adds a rep and sets `last_review`, and an undo puts both back.
 */
export type ShownCard = Pick<Card, 'id' | 'reps' | 'last_review'>;

/**
 * Answers a card: the card's new schedule and the log of the answer are written
 * in one transaction, so a failure part-way leaves neither (a card whose log is
 * missing would break today's counts and the optimizer's history).
 *
 * The card is read again inside the transaction, which IndexedDB serialises
 * with every other tab's. If it is gone, or was answered (or reset) since it
 * was shown — two tabs on one deck — nothing is written and a CardChangedError
 * says so: the answer was given to a card that no longer exists in that state,
 * and counting it would review the card twice. A text edit changes neither
 * field, so it does not cost the user an answer.
 */
export async function recordReview(
	db: FlashcardsDB,
	scheduler: Scheduler,
	shown: ShownCard,
	grade: Grade,
	now: Date,
	logId: string = randomId(),
	duration?: number
): Promise<ReviewResult> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const card = await db.cards.get(shown.id);
		if (!card)
			throw new CardChangedError(
				'This card is no longer on this device; it may have been deleted in another tab.'
			);
		if (card.reps !== shown.reps || card.last_review !== shown.last_review)
			throw new CardChangedError(
				'This card was just answered in another tab, so this answer was not counted twice.'
			);
		if (card.suspended || card.buriedUntil > now.getTime())
			throw new CardChangedError(
				'This card was just set aside (suspended or buried) in another tab, so this answer was not counted.'
			);
		const outcome = scheduler.review(card, grade, now);
		const updated: Card = { ...card, ...outcome.scheduling, modified: now.getTime() };
		const log: ReviewLog = {
			...outcome.log,
			id: logId,
			cardId: card.id,
			deckId: card.deckId,
			...(duration === undefined ? {} : { duration })
		};
		await db.cards.put(updated);
		await db.reviewLogs.add(log);
		const answered = { id: updated.id, reps: updated.reps, last_review: updated.last_review };
		return { card: updated, log, undo: { previous: card, logId, answered } };
	});
}

/**
 * Reverts one answer: the card as it was before, and its log removed, together.
 * Refused (CardChangedError, nothing written) when the card was answered again
 * since — in another tab — or deleted: putting the old card back would erase
 * that later answer's schedule and leave its log pointing at nothing.
 */
export async function undoReview(db: FlashcardsDB, undo: ReviewUndo): Promise<void> {
	await db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const card = await db.cards.get(undo.previous.id);
		if (!card || card.reps !== undo.answered.reps || card.last_review !== undo.answered.last_review)
			throw new CardChangedError(
				'This card was answered again or deleted in another tab, so that answer can no longer be undone.'
			);
		await db.cards.put(undo.previous);
		await db.reviewLogs.delete(undo.logId);
	});
}

/** An answer written with the siblings it buried, and how to take both back. */
export interface Answer {
	review: ReviewResult;
	siblings: CardsUndo;
}

/**
 * Answers a card and, when `buryUntil` is given, buries its siblings until then, in one
 * transaction: an answer is never stored without the burying that goes with it, nor
 * the other way round.
 */
export async function answerCard(
	db: FlashcardsDB,
	scheduler: Scheduler,
	shown: ShownCard,
	grade: Grade,
	now: Date,
	buryUntil: Date | null,
	duration?: number
): Promise<Answer> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const review = await recordReview(db, scheduler, shown, grade, now, randomId(), duration);
		const siblings = buryUntil
			? await burySiblings(db, review.card, buryUntil, now)
			: { before: [], created: [] };
		return { review, siblings };
	});
}

/** Takes back an answer and the burying of its siblings, together (see `undoReview`). */
export async function undoAnswer(db: FlashcardsDB, answer: Answer): Promise<void> {
	await db.transaction('rw', db.cards, db.reviewLogs, async () => {
		await undoReview(db, answer.review.undo);
		await undoCardChanges(db, answer.siblings);
	});
}
