/**
 * How a backup is described before it replaces anything, in the same words on the
 * Import screen ("Backup made …") and in Settings' safety copies ("Before restore on …").
 */

import { countOf } from './count-of';

/** What a backup holds. */
export interface BackupCounts {
	decks: number;
	cards: number;
	reviews: number;
}

/** "1 deck, 36 cards, 1 review" (numbers grouped in the reader's locale). */
export function backupCounts({ decks, cards, reviews }: BackupCounts): string {
	return `${countOf(decks, 'deck')}, ${countOf(cards, 'card')}, ${countOf(reviews, 'review')}`;
}

/** "2 December 2026 at 16:50", as the reader's locale writes a date and time. */
export function backupMoment(epochMs: number): string {
	return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
