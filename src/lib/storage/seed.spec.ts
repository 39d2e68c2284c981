import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlashcardsDB } from './db';
import { deleteDeck } from './decks';
import { sampleDeck } from './fixtures';
import { restoreBuiltinDeck, seedBuiltinDeck } from './seed';
import { testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
const load = () => Promise.resolve({ ...sampleDeck(4, now, 'builtin') });
let db: FlashcardsDB;

beforeEach(() => {
	db = testDatabase();
});

describe('seedBuiltinDeck', () => {
	it('adds the deck once, however often and however concurrently it runs', async () => {
		const results = await Promise.all([seedBuiltinDeck(db, load), seedBuiltinDeck(db, load)]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await seedBuiltinDeck(db, load)).toBe(false);
		expect(await db.decks.count()).toBe(1);
		expect(await db.cards.count()).toBe(4);
	});

	it('does not build the deck again once seeded', async () => {
		await seedBuiltinDeck(db, load);
		const spy = vi.fn(load);
		await seedBuiltinDeck(db, spy);
		expect(spy).not.toHaveBeenCalled();
	});

	it('keeps a deleted built-in deck deleted until it is restored', async () => {
		await seedBuiltinDeck(db, load);
		await deleteDeck(db, 'builtin');
		expect(await seedBuiltinDeck(db, load)).toBe(false);
		expect(await db.decks.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
		expect(await restoreBuiltinDeck(db, load)).toBe(true);
		expect(await restoreBuiltinDeck(db, load)).toBe(false);
		expect(await db.cards.where('deckId').equals('builtin').count()).toBe(4);
	});
});
