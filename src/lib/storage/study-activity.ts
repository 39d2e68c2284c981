/**
 * When someone last studied, per database, so that work in the background (the search words
 * an import left for later, `search-index.ts`) can step aside: a review waits for any write
 * on the cards table already in flight.
 */

import type { FlashcardsDB } from './db';

const lastStudied = new WeakMap<FlashcardsDB, number>();

/** Called when a card is shown, revealed or answered. */
export function noteStudying(db: FlashcardsDB, now = Date.now()): void {
	lastStudied.set(db, now);
}

/** Whether a card was shown, revealed or answered in the last `withinMs` milliseconds. */
export function studiedWithin(db: FlashcardsDB, withinMs: number, now = Date.now()): boolean {
	const last = lastStudied.get(db);
	return last !== undefined && now - last < withinMs;
}
