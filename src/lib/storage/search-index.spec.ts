import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { browseCards, EMPTY_QUERY } from './browse';
import type { FlashcardsDB } from './db';
import { sampleDeckPlan } from './fixtures';
import { applyImport } from './import';
import { recordReview } from './reviews';
import { cardsAwaitingSearch, indexWaitingBatch, indexWaitingCards } from './search-index';
import { noteStudying } from './study-activity';
import { storedCard, testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
let db: FlashcardsDB;

async function found(text: string): Promise<string[]> {
	const page = await browseCards(db, { ...EMPTY_QUERY, text }, now, 4, { from: 0, limit: 50 });
	return page.cards.map((card) => card.id).sort();
}

/** The row as IndexedDB holds it, index fields and all (a cursor read keeps them). */
async function rawRow(id: string): Promise<Record<string, unknown>> {
	const rows = await db.cards.filter((card) => card.id === id).toArray();
	return rows[0] as unknown as Record<string, unknown>;
}

beforeEach(() => {
	db = testDatabase();
});

describe('the search index after an import', () => {
	it('is written later: imported cards are studyable at once and found once indexed', async () => {
		await applyImport(db, sampleDeckPlan(1200, now), 'merge');
		expect(await db.cards.count()).toBe(1200);
		expect(await cardsAwaitingSearch(db)).toBe(1200);
		expect(await found('question')).toEqual([]);
		expect(await rawRow('c7')).not.toHaveProperty('words');

		const left: number[] = [];
		await indexWaitingCards(db, (n) => left.push(n));
		expect(left).toEqual([1000, 800, 600, 400, 200, 0]);
		expect(await cardsAwaitingSearch(db)).toBe(0);
		expect(await found('question 7')).toContain('c7');
		expect(await rawRow('c7')).toMatchObject({ words: ['question', '7', 'answer'] });
		expect(await rawRow('c7')).not.toHaveProperty('searchPending');
	});

	it('never shows its marker to the app', async () => {
		await applyImport(db, sampleDeckPlan(3, now), 'merge');
		expect(await storedCard(db, 'c1')).not.toHaveProperty('searchPending');
		expect((await db.cards.bulkGet(['c0', 'c2']))[0]).not.toHaveProperty('searchPending');
	});

	it('gives a card its words when it is written meanwhile, keeping the newer write', async () => {
		await applyImport(db, sampleDeckPlan(3, now), 'merge');
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const card = await storedCard(db, 'c1');
		const indexing = indexWaitingBatch(db, 1);
		await recordReview(db, scheduler, card, Grade.Good, now);
		await indexing;
		expect(await cardsAwaitingSearch(db)).toBe(1);
		expect(await found('question 1')).toEqual(['c1']);

		expect(await indexWaitingBatch(db)).toBe(1);
		expect((await storedCard(db, 'c1')).reps).toBe(1);
		expect(await indexWaitingBatch(db)).toBe(0);
	});

	it('takes small batches while someone studies, and large ones again once they stop', async () => {
		await applyImport(db, sampleDeckPlan(35, now), 'merge');
		noteStudying(db);
		const left: number[] = [];
		await indexWaitingCards(db, (n) => left.push(n));
		expect(left).toEqual([25, 15, 5, 0]);

		await applyImport(db, sampleDeckPlan(260, now, 'd2'), 'merge');
		noteStudying(db, Date.now() - 60_000);
		left.length = 0;
		await indexWaitingCards(db, (n) => left.push(n));
		expect(left).toEqual([60, 0]);
	}, 20_000);

	it('indexes what an import adds during a run, and runs once per database at a time', async () => {
		await applyImport(db, sampleDeckPlan(600, now), 'merge');
		const first = indexWaitingCards(db);
		await applyImport(db, sampleDeckPlan(10, now, 'd2'), 'merge');
		const second = indexWaitingCards(db);
		await Promise.all([first, second]);
		expect(await cardsAwaitingSearch(db)).toBe(0);
		expect(await found('question 5')).toEqual(expect.arrayContaining(['c5', 'd2-c5']));
	});
});
