import type { Card, ReviewLog } from '$lib/domain/models';
import type { FlashcardsDB } from './db';

/**
 * A card and its review logs, read together in one transaction through the logs' `cardId`
 * index (a heavy user's card has tens of logs among 500,000). Null when the card is gone.
 */
export async function readCardHistory(
	db: FlashcardsDB,
	cardId: string
): Promise<{ card: Card; logs: ReviewLog[] } | null> {
	return db.transaction('r', db.cards, db.reviewLogs, async () => {
		const [card, logs] = await Promise.all([
			db.cards.get(cardId),
			db.reviewLogs.where('cardId').equals(cardId).toArray()
		]);
		return card ? { card, logs } : null;
	});
}
