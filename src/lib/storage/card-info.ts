import { deckSettings, type Card, type ReviewLog, type Settings } from '$lib/domain/models';
import type { FlashcardsDB } from './db';
import { loadSettings } from './settings';

/**
 * A card, its review logs and the options of its deck (whose FSRS parameters give its
 * retrievability), read together in one transaction through the logs' `cardId` index (a
 * heavy user's card has tens of logs among 500,000). Null when the card is gone.
 */
export async function readCardHistory(
	db: FlashcardsDB,
	cardId: string
): Promise<{ card: Card; logs: ReviewLog[]; options: Settings } | null> {
	return db.transaction('r', db.cards, db.reviewLogs, db.decks, db.settings, async () => {
		const [card, logs, settings] = await Promise.all([
			db.cards.get(cardId),
			db.reviewLogs.where('cardId').equals(cardId).toArray(),
			loadSettings(db)
		]);
		if (!card) return null;
		const deck = await db.decks.get(card.deckId);
		return { card, logs, options: deck ? deckSettings(settings, deck) : settings };
	});
}
