import type { Card, Deck, DeckOptions } from '$lib/domain/models';
import { newScheduling } from '$lib/domain/scheduler';
import { validateOverrides } from '$lib/domain/settings';
import { StorageError, ValidationError } from '$lib/errors';
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

/** Deletes a deck with its cards, their review history and the Anki notes only they had. */
export async function deleteDeck(db: FlashcardsDB, deckId: string): Promise<void> {
	await db.transaction('rw', [db.decks, db.cards, db.reviewLogs, db.ankiNotes], async () => {
		await db.cards.where('deckId').equals(deckId).delete();
		await db.reviewLogs
			.where('[deckId+review]')
			.between([deckId, -Infinity], [deckId, Infinity])
			.delete();
		await db.decks.delete(deckId);
		await deleteNotesWithoutCards(db);
	});
}

/**
 * Deletes the Anki notes no card has any more. Reads the `noteId` index's keys, not the
 * cards, and only on a device that keeps Anki notes. (Deleting cards leaves their notes, so
 * that the delete can be undone; the next deck deletion collects them.)
 */
async function deleteNotesWithoutCards(db: FlashcardsDB): Promise<void> {
	if ((await db.ankiNotes.count()) === 0) return;
	const inUse = new Set(await db.cards.orderBy('noteId').uniqueKeys());
	const noteIds = await db.ankiNotes.toCollection().primaryKeys();
	await db.ankiNotes.bulkDelete(noteIds.filter((id) => !inUse.has(id)));
}

/** Renames a deck; the name may not be empty. */
export async function renameDeck(db: FlashcardsDB, deckId: string, name: string): Promise<void> {
	const trimmed = name.trim();
	if (!trimmed) throw new ValidationError('A deck needs a name.');
	const changed = await db.decks.update(deckId, { name: trimmed });
	if (changed === 0) throw new StorageError('This deck is no longer on this device.');
}

/** Saves the options a deck sets for itself; an empty object makes it follow the global settings. */
export async function setDeckOverrides(
	db: FlashcardsDB,
	deckId: string,
	overrides: Partial<DeckOptions>
): Promise<void> {
	validateOverrides(overrides);
	const changed = await db.decks.update(deckId, { overrides: { ...overrides } });
	if (changed === 0) throw new StorageError('This deck is no longer on this device.');
}

/**
 * Resets every card of a deck to new ("Forget" in Anki), in article order, in one
 * transaction. Review history is kept: it is what the user did, and today's counts
 * and any later optimisation read it.
 */
export async function forgetDeck(db: FlashcardsDB, deckId: string, now: Date): Promise<number> {
	return db.transaction('rw', db.cards, async () => {
		const cards = await db.cards.where('deckId').equals(deckId).toArray();
		await db.cards.bulkPut(
			cards.map((card) => ({
				...card,
				...newScheduling(new Date(card.created)),
				buriedUntil: 0,
				modified: now.getTime(),
				forgottenAt: now.getTime()
			}))
		);
		return cards.length;
	});
}

/**
 * The decks that follow the global value of at least one of `keys` (they do not set all of
 * them themselves): those a change of the global settings, or global parameters, concerns.
 *
 * @example
 * await decksFollowingGlobal(db, ['fsrsParameters']); // decks without parameters of their own
 */
export async function decksFollowingGlobal(
	db: FlashcardsDB,
	keys: readonly (keyof DeckOptions)[]
): Promise<Deck[]> {
	const decks = await db.decks.toArray();
	return decks.filter((deck) => keys.some((key) => !(key in deck.overrides)));
}
