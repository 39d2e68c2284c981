import type { Card, Deck } from '$lib/domain/models';
import type { FlashcardsDB } from './db';

const SEEDED_FLAG = 'builtinSeeded';

export interface BuiltinDeck {
	deck: Deck;
	cards: Card[];
}

/**
 * Adds the built-in deck on the first run, once. The flag is checked again inside
 * the write transaction, which IndexedDB serialises across tabs, so two tabs
 * opening together, or a reload mid-way, cannot add it twice. Once seeded, a
 * deleted built-in deck stays deleted (see `restoreBuiltinDeck`).
 *
 * `load` builds the deck; it is only called when seeding is needed, so the
 * extractor and the article stay out of every later start-up.
 */
export async function seedBuiltinDeck(
	db: FlashcardsDB,
	load: () => Promise<BuiltinDeck>
): Promise<boolean> {
	if ((await db.settings.get(SEEDED_FLAG))?.value === true) return false;
	const builtin = await load();
	return db.transaction('rw', db.decks, db.cards, db.settings, async () => {
		if ((await db.settings.get(SEEDED_FLAG))?.value === true) return false;
		await db.decks.put(builtin.deck);
		await db.cards.bulkPut(builtin.cards);
		await db.settings.put({ key: SEEDED_FLAG, value: true });
		return true;
	});
}

/** Puts the built-in deck back if the user deleted it; returns false when it is already there. */
export async function restoreBuiltinDeck(
	db: FlashcardsDB,
	load: () => Promise<BuiltinDeck>
): Promise<boolean> {
	const builtin = await load();
	return db.transaction('rw', db.decks, db.cards, db.settings, async () => {
		if (await db.decks.get(builtin.deck.id)) return false;
		await db.decks.add(builtin.deck);
		await db.cards.bulkPut(builtin.cards);
		await db.settings.put({ key: SEEDED_FLAG, value: true });
		return true;
	});
}
