import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';
import { buryCards, setSuspended } from './card-actions';
import { addDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview, undoReview } from './reviews';
import { CardChangedError } from '$lib/errors';
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
		const result = await recordReview(db, scheduler, card, Grade.Good, now, 'log-1');
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
		await recordReview(db, scheduler, first, Grade.Good, now, 'log-1');
		const before = (await db.cards.get('c1'))!;
		// Reusing a log id makes the log insert fail after the card update ran.
		await expect(recordReview(db, scheduler, before, Grade.Easy, now, 'log-1')).rejects.toThrow();
		expect(await db.cards.get('c1')).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(1);
		expect((await db.reviewLogs.get('log-1'))!.cardId).toBe('c0');
	});
});

describe('undoReview', () => {
	it('refuses to undo an answer when another tab answered the card again since', async () => {
		const shown = (await db.cards.get('c0'))!;
		const mine = await recordReview(db, scheduler, shown, Grade.Again, now, 'log-mine');
		const later = new Date(now.getTime() + 120_000);
		const theirs = await recordReview(db, scheduler, mine.card, Grade.Good, later, 'log-theirs');
		await expect(undoReview(db, mine.undo)).rejects.toThrow(CardChangedError);
		expect(await db.cards.get('c0')).toEqual(theirs.card);
		expect(await db.reviewLogs.where('cardId').equals('c0').primaryKeys()).toEqual(
			expect.arrayContaining(['log-mine', 'log-theirs'])
		);
	});

	it('refuses to undo an answer to a card deleted since, writing nothing back', async () => {
		const result = await recordReview(db, scheduler, (await db.cards.get('c1'))!, Grade.Good, now);
		await db.cards.delete('c1');
		await expect(undoReview(db, result.undo)).rejects.toThrow(CardChangedError);
		expect(await db.cards.get('c1')).toBeUndefined();
	});

	it('restores the previous card exactly and removes its log', async () => {
		const before = (await db.cards.get('c2'))!;
		const result = await recordReview(db, scheduler, before, Grade.Again, now, 'log-9');
		await undoReview(db, result.undo);
		expect(await db.cards.get('c2')).toStrictEqual(before);
		expect(await db.reviewLogs.get('log-9')).toBeUndefined();
	});
});

describe('recordReview on a card that changed elsewhere', () => {
	it('refuses a card deleted in another tab, writing nothing', async () => {
		const shown = (await db.cards.get('c1'))!;
		await db.cards.delete('c1');
		const answer = recordReview(db, scheduler, shown, Grade.Good, now);
		await expect(answer).rejects.toThrow(CardChangedError);
		await expect(answer).rejects.toThrow('This card is no longer on this device');
		expect(await db.cards.get('c1')).toBeUndefined();
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('does not count an answer to a card suspended or buried in another tab', async () => {
		const shown = (await db.cards.get('c1'))!;
		await setSuspended(db, ['c1'], true, now);
		await expect(recordReview(db, scheduler, shown, Grade.Good, now)).rejects.toThrow(
			'set aside (suspended or buried) in another tab'
		);
		await setSuspended(db, ['c1'], false, now);
		await buryCards(db, ['c1'], new Date(now.getTime() + 86_400_000), now);
		await expect(recordReview(db, scheduler, shown, Grade.Good, now)).rejects.toThrow(
			CardChangedError
		);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('does not count a second answer to a card another tab already answered', async () => {
		// Two tabs show the same new card; tab A answers first.
		const shownInBoth = (await db.cards.get('c0'))!;
		const first = await recordReview(db, scheduler, shownInBoth, Grade.Good, now, 'log-a');
		const later = new Date(now.getTime() + 60_000);
		const answer = recordReview(db, scheduler, shownInBoth, Grade.Easy, later, 'log-b');
		await expect(answer).rejects.toThrow(CardChangedError);
		await expect(answer).rejects.toThrow('This card was just answered in another tab');
		expect(await db.cards.get('c0')).toEqual(first.card);
		expect(await db.reviewLogs.where('cardId').equals('c0').primaryKeys()).toEqual(['log-a']);
	});

	it('refuses a stale review card by its last review, not only by its reps', async () => {
		const card = (await db.cards.get('c2'))!;
		await db.cards.put({ ...card, reps: 3, last_review: now.getTime() - 5000 });
		const stale = { ...card, reps: 3, last_review: now.getTime() - 9000 };
		await expect(recordReview(db, scheduler, stale, Grade.Good, now)).rejects.toThrow(
			CardChangedError
		);
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('accepts the answer when the other tab undid its own, and after a text edit', async () => {
		const shown = (await db.cards.get('c0'))!;
		const elsewhere = await recordReview(db, scheduler, shown, Grade.Again, now, 'log-a');
		await undoReview(db, elsewhere.undo);
		await db.cards.update('c0', { front: 'Edited in the other tab', modified: now.getTime() + 1 });
		const result = await recordReview(db, scheduler, shown, Grade.Good, now, 'log-b');
		expect(result.card.reps).toBe(1);
		expect(result.card.front).toBe('Edited in the other tab');
		expect(await db.reviewLogs.where('cardId').equals('c0').primaryKeys()).toEqual(['log-b']);
	});

	it('serialises two answers started together: exactly one is counted', async () => {
		const shown = (await db.cards.get('c1'))!;
		const outcomes = await Promise.allSettled([
			recordReview(db, scheduler, shown, Grade.Good, now, 'log-a'),
			recordReview(db, scheduler, shown, Grade.Hard, now, 'log-b')
		]);
		expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(await db.reviewLogs.where('cardId').equals('c1').count()).toBe(1);
		expect((await db.cards.get('c1'))!.reps).toBe(1);
	});
});
