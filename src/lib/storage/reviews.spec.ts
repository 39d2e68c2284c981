import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview, undoReview } from './reviews';
import { testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
let db: FlashcardsDB;

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(3, now);
	await addDeck(db, deck, cards);
});

describe('recordReview', () => {
	it('writes the new schedule and the log together', async () => {
		const card = (await db.cards.get('c0'))!;
		const result = await recordReview(db, scheduler, card.id, Grade.Good, now, 'log-1');
		const stored = await db.cards.get('c0');
		expect(stored).toEqual(result.card);
		expect(stored!.reps).toBe(1);
		expect(stored!.due).toBe(now.getTime() + 10 * 60_000);
		const log = await db.reviewLogs.get('log-1');
		expect(log).toMatchObject({
			cardId: 'c0',
			deckId: 'd1',
			rating: Grade.Good,
			review: now.getTime()
		});
	});

	it('leaves neither card nor log when the second write fails', async () => {
		const first = (await db.cards.get('c0'))!;
		await recordReview(db, scheduler, first.id, Grade.Good, now, 'log-1');
		const before = (await db.cards.get('c1'))!;
		// Reusing a log id makes the log insert fail after the card update ran.
		await expect(
			recordReview(db, scheduler, before.id, Grade.Easy, now, 'log-1')
		).rejects.toThrow();
		expect(await db.cards.get('c1')).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(1);
		expect((await db.reviewLogs.get('log-1'))!.cardId).toBe('c0');
	});
});

describe('undoReview', () => {
	it('restores the previous card exactly and removes its log', async () => {
		const before = (await db.cards.get('c2'))!;
		const result = await recordReview(db, scheduler, before.id, Grade.Again, now, 'log-9');
		await undoReview(db, result.undo);
		expect(await db.cards.get('c2')).toStrictEqual(before);
		expect(await db.reviewLogs.get('log-9')).toBeUndefined();
	});
});

describe('recordReview on a card that changed elsewhere', () => {
	it('refuses a card deleted in another tab, writing nothing', async () => {
		await db.cards.delete('c1');
		await expect(recordReview(db, scheduler, 'c1', Grade.Good, now)).rejects.toThrow(
			'This card is no longer on this device'
		);
		expect(await db.cards.get('c1')).toBeUndefined();
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('schedules from the stored card, not a stale copy', async () => {
		const first = await recordReview(db, scheduler, 'c0', Grade.Good, now);
		// A second tab still showing the new card answers it too.
		const second = await recordReview(db, scheduler, 'c0', Grade.Good, new Date(first.card.due));
		expect(second.card.reps).toBe(2);
		expect(second.undo.previous).toEqual(first.card);
	});
});
