import { describe, expect, it } from 'vitest';
import { backupCounts } from './backup-summary';

describe('backupCounts', () => {
	it('says one without a plural, and groups large numbers', () => {
		expect(backupCounts({ decks: 1, cards: 36, reviews: 1 })).toBe('1 deck, 36 cards, 1 review');
		expect(backupCounts({ decks: 3, cards: 1208, reviews: 0 })).toBe(
			`3 decks, ${(1208).toLocaleString()} cards, 0 reviews`
		);
	});
});
