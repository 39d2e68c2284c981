import { beforeEach, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { formatParameters } from '$lib/domain/fsrs-parameters';
import { DEFAULT_SETTINGS, Grade, type Settings } from '$lib/domain/models';
import { memoryModelChanges, rescheduledCard } from '$lib/domain/reschedule';
import { cardHistories } from '$lib/domain/review-history';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';
import { addDeck, forgetDeck } from './decks';
import { sampleDeck } from './fixtures';
import { rescheduleDeck } from './reschedule';
import { recordReview } from './reviews';
import { testDatabase } from './test-db';

const DAY = 86_400_000;
const start = new Date('2026-03-10T09:00:00Z');
const settings: Settings = { ...DEFAULT_SETTINGS, fuzz: false, learningSteps: '' };
/** Parameters whose first stability after Good is 30 days instead of ~2.3. */
const STRONG = formatParameters(default_w.map((w, i) => (i === 2 ? 30 : w)));
let db: FlashcardsDB;

/** Answers card c0 Good on day 0 and day 3 with the default parameters. */
async function study() {
	const scheduler = createScheduler(settings, { fuzz: false });
	let card = (await db.cards.get('c0'))!;
	card = (await recordReview(db, scheduler, card, Grade.Good, start, 'l1')).card;
	const later = new Date(start.getTime() + 3 * DAY);
	return (await recordReview(db, scheduler, card, Grade.Good, later, 'l2')).card;
}

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(3, start);
	await addDeck(db, deck, cards);
});

describe('rescheduleDeck', () => {
	it('replays each studied card with the new parameters and leaves new cards alone', async () => {
		const before = await study();
		const deck = (await db.decks.get('d1'))!;
		const untouched = (await db.cards.get('c1'))!;
		const changed = await rescheduleDeck(
			db,
			{ ...deck, overrides: { fsrsParameters: STRONG } },
			settings,
			new Date()
		);
		expect(changed).toBe(1);
		const after = (await db.cards.get('c0'))!;
		expect(after.stability).toBeGreaterThan(before.stability * 2);
		expect(after.due).toBeGreaterThan(before.due);
		expect(after.last_review).toBe(before.last_review);
		expect(after.reps).toBe(2);
		expect(await db.cards.get('c1')).toEqual(untouched);
	});

	it('gives the same schedule back with the same parameters', async () => {
		const before = await study();
		const deck = (await db.decks.get('d1'))!;
		// Nothing changes, so nothing is written (not even the card's modified time).
		expect(await rescheduleDeck(db, deck, settings, new Date())).toBe(0);
		expect(await db.cards.get('c0')).toEqual(before);
	});

	it('leaves a card forgotten since its answers new', async () => {
		await study();
		await forgetDeck(db, 'd1', new Date());
		const forgotten = (await db.cards.get('c0'))!;
		const deck = (await db.decks.get('d1'))!;
		expect(
			await rescheduleDeck(
				db,
				{ ...deck, overrides: { fsrsParameters: STRONG } },
				settings,
				new Date()
			)
		).toBe(0);
		expect(await db.cards.get('c0')).toEqual(forgotten);
	});
});

describe('rescheduledCard', () => {
	it('says nothing for a card changed since its last logged answer', async () => {
		const card = await study();
		const logs = await db.reviewLogs.toArray();
		const [history] = cardHistories(logs);
		const scheduler = createScheduler(settings, { fuzz: false });
		expect(
			rescheduledCard(
				{ ...card, last_review: card.last_review! + DAY },
				history!.answers,
				scheduler
			)
		).toBeNull();
	});
});

describe('memoryModelChanges', () => {
	it('names other parameters or retention, not the same ones written differently', () => {
		expect(memoryModelChanges(settings, { ...settings, desiredRetention: 0.95 })).toEqual([
			'desiredRetention'
		]);
		expect(memoryModelChanges(settings, { ...settings, fsrsParameters: STRONG })).toEqual([
			'fsrsParameters'
		]);
		expect(
			memoryModelChanges(settings, { ...settings, fsrsParameters: formatParameters(default_w) })
		).toEqual([]);
		expect(memoryModelChanges(settings, { ...settings, newPerDay: 5 } as Settings)).toEqual([]);
	});
});
