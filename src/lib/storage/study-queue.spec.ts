import { beforeEach, describe, expect, it } from 'vitest';
import { CardState, DEFAULT_SETTINGS, Grade, type Settings } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';
import { buryCards } from './card-actions';
import { addDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview } from './reviews';
import {
	countsForDecks,
	deckCounts,
	nextStudyStep,
	nextTargetStep,
	targetCounts,
	type StudyStep,
	type StudyTarget
} from './study-queue';
import { storedCard, testDatabase } from './test-db';

const MIN = 60_000;
const settings: Settings = { ...DEFAULT_SETTINGS, newPerDay: 3, reviewsPerDay: 2 };
const scheduler = createScheduler(settings, { fuzz: false });
// 10:00 local time, so the 4 am day boundary is predictable in any time zone.
const start = new Date(2026, 2, 10, 10, 0);
let db: FlashcardsDB;

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(10, new Date(2026, 2, 1, 10, 0));
	await addDeck(db, deck, cards);
});

function cardOf(step: StudyStep) {
	if (step.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(step)}`);
	return step.card;
}

async function answer(at: Date, grade: Grade, limits: Settings = settings) {
	const card = cardOf(await nextStudyStep(db, 'd1', at, limits));
	await recordReview(db, scheduler, card, grade, at);
	return card;
}

describe('nextStudyStep', () => {
	it('introduces new cards in order, up to the daily limit', async () => {
		const first = await nextStudyStep(db, 'd1', start, settings);
		expect(first).toMatchObject({ kind: 'card', counts: { newCards: 3, learning: 0, reviews: 0 } });
		expect(cardOf(first).id).toBe('c0');
		const seen = [];
		for (let i = 0; i < 3; i++) seen.push((await answer(start, Grade.Easy)).id);
		expect(seen).toEqual(['c0', 'c1', 'c2']);
		const done = await nextStudyStep(db, 'd1', start, settings);
		expect(done.kind).toBe('done');
		expect(done.counts).toEqual({ newCards: 0, learning: 0, reviews: 0 });
	});

	it('counts a card answered as new on two devices (then synced) once against the limit', async () => {
		const card = await answer(start, Grade.Good);
		// The other device's answer to the same card, given while it was new there too.
		const [log] = await db.reviewLogs.toArray();
		await db.reviewLogs.add({ ...log!, id: 'from-the-laptop', review: start.getTime() + MIN });
		const step = await nextStudyStep(db, 'd1', new Date(start.getTime() + 2 * MIN), settings);
		expect(step.counts.newCards).toBe(2);
		expect(card.id).toBe('c0');
	});

	it('starts a new day at the day-start hour, not at midnight', async () => {
		const late = new Date(2026, 2, 10, 23, 30);
		for (let i = 0; i < 3; i++) await answer(late, Grade.Easy);
		// 3:59 the next morning is still the same study day…
		const beforeFour = await nextStudyStep(db, 'd1', new Date(2026, 2, 11, 3, 59), settings);
		expect(beforeFour.kind).toBe('done');
		if (beforeFour.kind === 'done')
			expect(beforeFour.nextDue?.at).toBe(new Date(2026, 2, 11, 4).getTime());
		// …and at 4:00 three more new cards are allowed.
		const afterFour = await nextStudyStep(db, 'd1', new Date(2026, 2, 11, 4, 0), settings);
		expect(afterFour.counts.newCards).toBe(3);
	});

	it('brings a learning card back in the same session when it is due', async () => {
		const again = await answer(start, Grade.Again); // due in 1 minute
		const step = await nextStudyStep(db, 'd1', start, settings);
		expect(step.counts).toEqual({ newCards: 2, learning: 1, reviews: 0 });
		expect(cardOf(step).id).not.toBe(again.id);
		const later = new Date(start.getTime() + 1 * MIN);
		expect(cardOf(await nextStudyStep(db, 'd1', later, settings)).id).toBe(again.id);
	});

	it('shows a waiting learning card early when nothing else is left, and says when it is due', async () => {
		const local: Settings = { ...settings, newPerDay: 1 };
		const card = cardOf(await nextStudyStep(db, 'd1', start, local));
		await recordReview(db, scheduler, card, Grade.Good, start); // due in 10 minutes
		const early = await nextStudyStep(db, 'd1', start, local);
		expect(cardOf(early).id).toBe(card.id);
		const graduated = await recordReview(db, scheduler, cardOf(early), Grade.Good, start);
		expect(graduated.card.state).toBe(CardState.Review);
		expect(graduated.card.due).toBeGreaterThan(new Date(2026, 2, 11, 4).getTime());
		// The deck still holds new cards, so the next card is tomorrow's first new one.
		const done = await nextStudyStep(db, 'd1', start, local);
		expect(done).toMatchObject({
			kind: 'done',
			nextDue: { at: new Date(2026, 2, 11, 4).getTime() }
		});
	});

	it('caps reviews at the daily review limit', async () => {
		const local: Settings = { ...settings, newPerDay: 5 };
		for (let i = 0; i < 5; i++) await answer(start, Grade.Easy, local);
		const days = 30;
		const muchLater = new Date(start.getTime() + days * 86_400_000);
		const counts = await deckCounts(db, 'd1', muchLater, { ...local, newPerDay: 0 });
		expect(counts).toEqual({ newCards: 0, learning: 0, reviews: 2 });
		const reviewed = [];
		for (let i = 0; i < 2; i++) {
			const step = await nextStudyStep(db, 'd1', muchLater, { ...local, newPerDay: 0 });
			expect(cardOf(step).state).toBe(CardState.Review);
			reviewed.push(await recordReview(db, scheduler, cardOf(step), Grade.Good, muchLater));
		}
		const done = await nextStudyStep(db, 'd1', muchLater, { ...local, newPerDay: 0 });
		expect(done.kind).toBe('done');
	});

	it('keeps decks apart', async () => {
		const other = sampleDeck(2, start, 'd2');
		await addDeck(db, other.deck, other.cards);
		expect(cardOf(await nextStudyStep(db, 'd2', start, settings)).deckId).toBe('d2');
		expect((await deckCounts(db, 'd2', start, settings)).newCards).toBe(2);
	});
});

describe('new card order', () => {
	it('random order shows new cards out of article order, the same one until answered', async () => {
		const random = { ...settings, newPerDay: 10, newCardOrder: 'random' as const };
		const first = cardOf(await nextStudyStep(db, 'd1', start, random));
		expect(cardOf(await nextStudyStep(db, 'd1', start, random)).id).toBe(first.id);
		const order: string[] = [];
		for (let i = 0; i < 10; i++) {
			const card = cardOf(await nextStudyStep(db, 'd1', start, random));
			order.push(card.id);
			await recordReview(db, scheduler, await storedCard(db, card.id), Grade.Easy, start);
		}
		expect([...order].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`).sort());
		expect(order).not.toEqual(Array.from({ length: 10 }, (_, i) => `c${i}`));
	});
});

describe('counts of cards in learning', () => {
	it('count only those due before the study day ends, on the decks screen and in the deck', async () => {
		const dayEnd = new Date(2026, 2, 11, 4, 0).getTime();
		await db.cards.bulkPut([
			{ ...(await storedCard(db, 'c0')), state: CardState.Learning, due: dayEnd - 10 * MIN },
			// A step of a day: due after today ends, not counted today.
			{ ...(await storedCard(db, 'c1')), state: CardState.Learning, due: dayEnd + 10 * MIN },
			{ ...(await storedCard(db, 'c2')), state: CardState.Relearning, due: start.getTime() }
		]);
		const own = await deckCounts(db, 'd1', start, settings);
		expect(own.learning).toBe(2);
		const all = await countsForDecks(db, [{ id: 'd1', limits: settings }], start, 4);
		expect(all.get('d1')).toEqual(own);
	});
});

describe('countsForDecks', () => {
	it('gives every deck the same counts as deckCounts, buried cards unburied when due', async () => {
		const two = sampleDeck(6, new Date(2026, 2, 1, 10), 'd2');
		await addDeck(db, two.deck, two.cards);
		const limits2 = { ...settings, newPerDay: 5, reviewsPerDay: 1 };
		// Some of everything: learning, relearning, reviews due, answers today, buried.
		for (let i = 0; i < 3; i++) await answer(start, Grade.Good);
		const day2 = new Date(2026, 2, 12, 10, 0);
		await answer(day2, Grade.Again);
		await recordReview(db, scheduler, await storedCard(db, 'd2-c0'), Grade.Easy, start);
		await recordReview(db, scheduler, await storedCard(db, 'd2-c1'), Grade.Again, day2);
		await buryCards(db, ['d2-c2'], new Date(2026, 2, 12, 4), day2);
		await buryCards(db, ['d2-c3'], new Date(2026, 2, 13, 4), day2);

		for (const at of [day2, new Date(2026, 2, 13, 5, 0)]) {
			const decks = [
				{ id: 'd1', limits: settings },
				{ id: 'd2', limits: limits2 }
			];
			const together = await countsForDecks(db, decks, at, settings.dayStartHour);
			for (const { id, limits } of decks)
				expect(together.get(id)).toEqual(await deckCounts(db, id, at, limits));
		}
		expect((await storedCard(db, 'd2-c3')).buriedUntil).toBe(0);
	});
});

describe('nextTargetStep (a parent with its children, Study all)', () => {
	const child: Settings = { ...settings, newPerDay: 2 };
	beforeEach(async () => {
		// Deck d1 (10 cards, c0…) is there already; its child d2 has 4 (d2-c0…).
		const { deck, cards } = sampleDeck(4, new Date(2026, 2, 1, 10, 0), 'd2');
		await addDeck(db, { ...deck, name: 'Parent::Child' }, cards);
	});

	const target = (total: Settings | null): StudyTarget => ({
		decks: [
			{ id: 'd1', limits: settings },
			{ id: 'd2', limits: child }
		],
		total
	});

	async function studyAll(t: StudyTarget, at: Date) {
		const seen: string[] = [];
		for (let step = await nextTargetStep(db, t, at); step.kind === 'card';) {
			await recordReview(db, scheduler, step.card, Grade.Easy, at);
			seen.push(step.card.id);
			step = await nextTargetStep(db, t, at);
		}
		return seen;
	}

	it('shows each deck’s new cards up to its own limit, the parent’s first', async () => {
		expect(await targetCounts(db, target(null), start)).toEqual({
			newCards: 5,
			learning: 0,
			reviews: 0
		});
		expect(await studyAll(target(null), start)).toEqual(['c0', 'c1', 'c2', 'd2-c0', 'd2-c1']);
	});

	it('caps the whole tree with the parent’s own limit', async () => {
		const parent: Settings = { ...settings, newPerDay: 4 };
		const t: StudyTarget = {
			...target(parent),
			decks: [
				{ id: 'd1', limits: parent },
				{ id: 'd2', limits: child }
			]
		};
		expect((await targetCounts(db, t, start)).newCards).toBe(4);
		expect(await studyAll(t, start)).toEqual(['c0', 'c1', 'c2', 'c3']);
	});

	it('shows the learning card due first, whichever deck it is in', async () => {
		const at = start;
		const d2Card = cardOf(await nextStudyStep(db, 'd2', at, child));
		await recordReview(db, scheduler, d2Card, Grade.Again, at);
		const later = new Date(at.getTime() + 11 * MIN);
		const step = await nextTargetStep(db, target(null), later);
		expect(cardOf(step).id).toBe(d2Card.id);
		expect(step.counts.learning).toBe(1);
	});

	it('is the single-deck path for one deck on its own', async () => {
		const one: StudyTarget = { decks: [{ id: 'd1', limits: settings }], total: settings };
		expect(await nextTargetStep(db, one, start)).toEqual(
			await nextStudyStep(db, 'd1', start, settings)
		);
	});

	it('says when the next card comes once every deck is done', async () => {
		await studyAll(target(null), start);
		const done = await nextTargetStep(db, target(null), start);
		expect(done).toMatchObject({ kind: 'done', counts: { newCards: 0, learning: 0, reviews: 0 } });
		if (done.kind === 'done') expect(done.nextDue?.at).toBe(new Date(2026, 2, 11, 4).getTime());
	});
});

describe('custom study', () => {
	it('shows more new cards than the daily limit once it is raised for today', async () => {
		for (let i = 0; i < 3; i++) await answer(start, Grade.Easy);
		expect((await nextStudyStep(db, 'd1', start, settings)).kind).toBe('done');
		const more = { ...settings, newPerDay: settings.newPerDay + 2 };
		const step = await nextStudyStep(db, 'd1', start, more);
		expect(cardOf(step).id).toBe('c3');
		expect(step.counts.newCards).toBe(2);
	});

	it('brings reviews due in the next days forward when reviewing ahead', async () => {
		const card = await answer(start, Grade.Easy); // a review, due some days on
		const due = (await db.cards.get(card.id))!.due;
		const tomorrow = new Date(2026, 2, 11, 10, 0);
		const none = await nextStudyStep(db, 'd1', tomorrow, { ...settings, newPerDay: 0 });
		expect(none.counts.reviews).toBe(0);
		const ahead = { ...settings, newPerDay: 0, reviewAheadUntil: due + 1 };
		const step = await nextStudyStep(db, 'd1', tomorrow, ahead);
		expect(cardOf(step).id).toBe(card.id);
		expect(step.counts.reviews).toBe(1);
	});
});
