import type { Card, Deck } from '$lib/domain/models';
import type { FlashcardsDB } from './db';

export function listDecks(db: FlashcardsDB): Promise<Deck[]> {
	return db.decks.orderBy('name').toArray();
}

export function getDeck(db: FlashcardsDB, deckId: string): Promise<Deck | undefined> {
	return db.decks.get(deckId);
}

export function countCards(db: FlashcardsDB, deckId: string): Promise<number> {
	return db.cards.where('deckId').equals(deckId).count();
}

/** Writes a new deck and its cards in one transaction: the deck appears whole or not at all. */
export async function addDeck(db: FlashcardsDB, deck: Deck, cards: readonly Card[]): Promise<void> {
	await db.transaction('rw', db.decks, db.cards, async () => {
		await db.decks.add(deck);
		await db.cards.bulkAdd(cards as Card[]);
	});
}

/** Deletes a deck with its cards and their review history. */
export async function deleteDeck(db: FlashcardsDB, deckId: string): Promise<void> {
	await db.transaction('rw', db.decks, db.cards, db.reviewLogs, async () => {
		await db.cards.where('deckId').equals(deckId).delete();
		await db.reviewLogs
			.where('[deckId+review]')
			.between([deckId, -Infinity], [deckId, Infinity])
			.delete();
		await db.decks.delete(deckId);
	});
}

/** Changes a card's text (edit during review); its schedule is left alone. */
export async function updateCardText(
	db: FlashcardsDB,
	cardId: string,
	text: { front: string; back: string },
	now: Date
): Promise<void> {
	await db.cards.update(cardId, { front: text.front, back: text.back, modified: now.getTime() });
}
