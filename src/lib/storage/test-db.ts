import 'fake-indexeddb/auto';
import { FlashcardsDB } from './db';

let counter = 0;

/** A fresh, empty database for one test (fake-indexeddb in Node). */
export function testDatabase(): FlashcardsDB {
	counter += 1;
	return new FlashcardsDB(`test-${process.pid}-${counter}`);
}

/** A stored card, as a test's stand-in for the card on screen. */
export async function storedCard(db: FlashcardsDB, id: string) {
	const card = await db.cards.get(id);
	if (!card) throw new Error(`no card ${id}`);
	return card;
}
