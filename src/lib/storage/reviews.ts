import { randomId } from '$lib/domain/ids';
import type { Card, Grade, ReviewLog } from '$lib/domain/models';
import type { Scheduler } from '$lib/domain/scheduler';
import { StorageError } from '$lib/errors';
import type { FlashcardsDB } from './db';

/** What `undoReview` needs to put things back exactly as they were. */
export interface ReviewUndo {
	previous: Card;
	logId: string;
}

export interface ReviewResult {
	card: Card;
	log: ReviewLog;
	undo: ReviewUndo;
}

/**
 * Answers a card: the card's new schedule and the log of the answer are written
 * in one transaction, so a failure part-way leaves neither (a card whose log is
 * missing would break today's counts and the optimizer's history).
 *
 * The schedule is computed from the card as stored, read inside the transaction:
 * another tab may have answered, edited or deleted it since it was shown.
 */
export async function recordReview(
	db: FlashcardsDB,
	scheduler: Scheduler,
	cardId: string,
	grade: Grade,
	now: Date,
	logId: string = randomId()
): Promise<ReviewResult> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const card = await db.cards.get(cardId);
		if (!card)
			throw new StorageError('This card is no longer on this device; it may have been deleted.');
		const outcome = scheduler.review(card, grade, now);
		const updated: Card = { ...card, ...outcome.scheduling, modified: now.getTime() };
		const log: ReviewLog = { ...outcome.log, id: logId, cardId: card.id, deckId: card.deckId };
		await db.cards.put(updated);
		await db.reviewLogs.add(log);
		return { card: updated, log, undo: { previous: card, logId } };
	});
}

/** Reverts one answer: the card as it was before, and its log removed, together. */
export async function undoReview(db: FlashcardsDB, undo: ReviewUndo): Promise<void> {
	await db.transaction('rw', db.cards, db.reviewLogs, async () => {
		await db.cards.put(undo.previous);
		await db.reviewLogs.delete(undo.logId);
	});
}
