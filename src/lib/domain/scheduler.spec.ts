import { describe, expect, it } from 'vitest';
import { CardState, DEFAULT_SETTINGS, Grade } from './models';
import { createScheduler, newScheduling } from './scheduler';

const MIN = 60_000;
const DAY = 86_400_000;
const now = new Date('2026-03-10T09:00:00Z');
const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });

describe('createScheduler', () => {
	it('uses the learning steps 1m and 10m for a new card', () => {
		const preview = scheduler.preview(newScheduling(now), now);
		expect(preview[Grade.Again].scheduling.due - now.getTime()).toBe(1 * MIN);
		expect(preview[Grade.Good].scheduling.due - now.getTime()).toBe(10 * MIN);
		expect(preview[Grade.Good].scheduling.state).toBe(CardState.Learning);
		expect(preview[Grade.Easy].scheduling.state).toBe(CardState.Review);
		expect(preview[Grade.Easy].scheduling.due - now.getTime()).toBeGreaterThanOrEqual(DAY);
	});

	it('graduates after the last learning step and relearns for 10m after a lapse', () => {
		let card = newScheduling(now);
		card = scheduler.review(card, Grade.Good, now).scheduling;
		const t1 = new Date(card.due);
		card = scheduler.review(card, Grade.Good, t1).scheduling;
		expect(card.state).toBe(CardState.Review);
		const t2 = new Date(card.due);
		const lapse = scheduler.review(card, Grade.Again, t2);
		expect(lapse.scheduling.state).toBe(CardState.Relearning);
		expect(lapse.scheduling.due - t2.getTime()).toBe(10 * MIN);
		expect(lapse.log.state).toBe(CardState.Review);
		expect(lapse.log.rating).toBe(Grade.Again);
		expect(lapse.log.review).toBe(t2.getTime());
	});

	it('agrees with its own preview and never exceeds the maximum interval', () => {
		const capped = createScheduler({ ...DEFAULT_SETTINGS, maximumInterval: 3 }, { fuzz: false });
		let card = newScheduling(now);
		let t = now;
		for (let i = 0; i < 6; i++) {
			const preview = capped.preview(card, t);
			const outcome = capped.review(card, Grade.Easy, t);
			expect(outcome.scheduling).toEqual(preview[Grade.Easy].scheduling);
			card = outcome.scheduling;
			expect(card.scheduled_days).toBeLessThanOrEqual(3);
			t = new Date(card.due);
		}
	});

	it('gives longer intervals for a lower desired retention', () => {
		const grown = (retention: number) => {
			const s = createScheduler(
				{ ...DEFAULT_SETTINGS, desiredRetention: retention },
				{ fuzz: false }
			);
			const card = s.review(newScheduling(now), Grade.Easy, now).scheduling;
			return card.scheduled_days;
		};
		expect(grown(0.8)).toBeGreaterThan(grown(0.95));
	});

	it('follows the learning steps it is given', () => {
		const slow = createScheduler({ ...DEFAULT_SETTINGS, learningSteps: '30m 2h' }, { fuzz: false });
		const again = slow.review(newScheduling(now), Grade.Again, now).scheduling;
		expect(again.due - now.getTime()).toBe(30 * 60_000);
		const good = slow.review(newScheduling(now), Grade.Good, now).scheduling;
		expect(good.due - now.getTime()).toBe(2 * 3_600_000);
	});

	it('stores dates as epoch milliseconds', () => {
		const card = newScheduling(now);
		expect(card.due).toBe(now.getTime());
		expect(card.last_review).toBeNull();
		const reviewed = scheduler.review(card, Grade.Good, now).scheduling;
		expect(reviewed.last_review).toBe(now.getTime());
	});
});

describe('fuzz', () => {
	it('gives the interval shown at reveal when the answer comes seconds later', () => {
		const fuzzy = createScheduler(DEFAULT_SETTINGS, { fuzz: true });
		let mismatches = 0;
		for (let i = 0; i < 20; i++) {
			let card = { ...newScheduling(now), id: `card-${i}` };
			let t = now;
			for (let step = 0; step < 4; step++) {
				card = { ...card, ...fuzzy.review(card, Grade.Good, t).scheduling };
				t = new Date(card.due + i * 3_600_000);
			}
			const shown = fuzzy.preview(card, t)[Grade.Good].scheduling.scheduled_days;
			const given = fuzzy.review(card, Grade.Good, new Date(t.getTime() + 7_000)).scheduling;
			if (given.scheduled_days !== shown) mismatches++;
		}
		expect(mismatches).toBe(0);
	});

	it('still spreads cards that were learnt together', () => {
		const fuzzy = createScheduler(DEFAULT_SETTINGS, { fuzz: true });
		const intervals = new Set<number>();
		for (let i = 0; i < 20; i++) {
			let card = { ...newScheduling(now), id: `card-${i}` };
			let t = now;
			for (let step = 0; step < 4; step++) {
				card = { ...card, ...fuzzy.review(card, Grade.Good, t).scheduling };
				t = new Date(card.due);
			}
			intervals.add(card.scheduled_days);
		}
		expect(intervals.size).toBeGreaterThan(1);
	});
});
