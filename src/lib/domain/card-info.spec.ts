import { describe, expect, it } from 'vitest';
import { cardInfo } from './card-info';
import { CardState, DEFAULT_SETTINGS, Grade, type ReviewLog } from './models';
import { createScheduler, newScheduling } from './scheduler';
import { testCard } from './testing/records';

const DAY = 86_400_000;
const start = new Date('2026-01-05T09:00:00Z');

/** A card answered Good, Good, then Again a day later, through the real scheduler. */
function studied() {
	const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
	let card = testCard({ id: 'c', created: start.getTime() - DAY, ...newScheduling(start) });
	const logs: ReviewLog[] = [];
	const answers: [Grade, number][] = [
		[Grade.Good, 0],
		[Grade.Good, 10 * 60_000],
		[Grade.Again, 2 * DAY]
	];
	for (const [grade, after] of answers) {
		const { scheduling, log } = scheduler.review(card, grade, new Date(start.getTime() + after));
		logs.push({ ...log, id: `l${logs.length}`, cardId: 'c', deckId: 'd' });
		card = { ...card, ...scheduling };
	}
	return { card, logs, scheduler };
}

describe('cardInfo', () => {
	it('lists each answer with what it gave: the next log’s state, or the card’s for the last', () => {
		const { card, logs } = studied();
		// In any order: sorted by time.
		const info = cardInfo(card, [...logs].reverse(), 0.5);
		expect(info.history.map((r) => [r.grade, r.state])).toEqual([
			[Grade.Good, CardState.New],
			[Grade.Good, CardState.Learning],
			[Grade.Again, CardState.Review]
		]);
		expect(info.history[0]!.stability).toBe(logs[1]!.stability);
		expect(info.history[1]!.interval).toBe(logs[2]!.scheduled_days);
		expect(info.history[2]!.stability).toBe(card.stability);
		expect(info).toMatchObject({
			added: start.getTime() - DAY,
			firstReview: start.getTime(),
			latestReview: start.getTime() + 2 * DAY,
			reviews: 3,
			lapses: 1,
			retrievability: 0.5,
			// Relearning: no review interval.
			interval: null
		});
	});

	it('has no memory figures for a new card', () => {
		const card = testCard({ id: 'n', ...newScheduling(start) });
		expect(cardInfo(card, [], null)).toMatchObject({
			due: null,
			stability: null,
			difficulty: null,
			retrievability: null,
			history: [],
			firstReview: null
		});
	});
});

describe('Scheduler.retrievability', () => {
	it('falls from near 1 after an answer as days pass, and is null for a new card', () => {
		const { card, scheduler } = studied();
		const soon = scheduler.retrievability(card, new Date(start.getTime() + 2 * DAY + 60_000))!;
		const later = scheduler.retrievability(card, new Date(start.getTime() + 30 * DAY))!;
		expect(soon).toBeGreaterThan(0.95);
		expect(later).toBeLessThan(soon);
		expect(scheduler.retrievability(newScheduling(start), start)).toBeNull();
	});
});
