import type { Card, Deck, ReviewLog, Settings } from '$lib/domain/models';
import type { FlashcardsDB } from './db';
import { loadSettings } from './settings';

export interface DeckExport {
	deck: Deck;
	cards: Card[];
	logs: ReviewLog[];
}

/** One deck with its cards and (when asked) review history, read in one snapshot. */
export async function readDeckForExport(
	db: FlashcardsDB,
	deckId: string,
	withLogs: boolean
): Promise<DeckExport | null> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, async () => {
		const deck = await db.decks.get(deckId);
		if (!deck) return null;
		const [cards, logs] = await Promise.all([
			db.cards.where('deckId').equals(deckId).toArray(),
			withLogs
				? db.reviewLogs
						.where('[deckId+review]')
						.between([deckId, -Infinity], [deckId, Infinity])
						.toArray()
				: Promise.resolve([])
		]);
		return { deck, cards, logs };
	});
}

/** Everything on the device, for a full backup, read in one snapshot. */
export async function readEverything(
	db: FlashcardsDB
): Promise<{ decks: DeckExport[]; settings: Settings }> {
	return db.transaction('r', db.decks, db.cards, db.reviewLogs, db.settings, async () => {
		const [decks, cards, logs, settings] = await Promise.all([
			db.decks.toArray(),
			db.cards.toArray(),
			db.reviewLogs.toArray(),
			loadSettings(db)
		]);
		const byDeck = new Map<string, DeckExport>(
			decks.map((deck) => [deck.id, { deck, cards: [], logs: [] }])
		);
		for (const card of cards) byDeck.get(card.deckId)?.cards.push(card);
		for (const log of logs) byDeck.get(log.deckId)?.logs.push(log);
		return { decks: [...byDeck.values()], settings };
	});
}
