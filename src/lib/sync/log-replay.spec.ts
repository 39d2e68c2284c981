import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CardState, DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler, newScheduling } from '$lib/domain/scheduler';
import { RESET, collectLogs, replaySchedule, type ReplayLog, type ReplayStart } from './log-replay';

const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: true });
const T0 = Date.UTC(2026, 0, 5, 9);
const card: ReplayStart = {
	id: 'card-1',
	created: T0 - 1000,
	base: newScheduling(new Date(T0 - 1000)),
	since: null
};

function log(id: string, device: string, minutes: number, rating: ReplayLog['rating']): ReplayLog {
	return { id, cardId: card.id, device, rating, review: T0 + minutes * 60_000 };
}

/** The schedule the card would have if one device had made every answer in time order. */
function answeredInOrder(logs: readonly ReplayLog[]) {
	let scheduling = card.base;
	for (const entry of [...logs].sort((a, b) => a.review - b.review))
		scheduling =
			entry.rating === RESET
				? newScheduling(new Date(card.created))
				: scheduler.review({ ...scheduling, id: card.id }, entry.rating, new Date(entry.review))
						.scheduling;
	return scheduling;
}

describe('replaying a card from the union of its logs', () => {
	it('gives two devices that answered offline both answers and the same schedule', () => {
		const phone = [log('p1', 'phone', 0, Grade.Good), log('p2', 'phone', 1440, Grade.Good)];
		const laptop = [log('l1', 'laptop', 600, Grade.Again)];
		const onPhone = replaySchedule(card, [...phone, ...laptop], scheduler);
		const onLaptop = replaySchedule(card, [...laptop, ...phone], scheduler);
		expect(onPhone).toEqual(onLaptop);
		expect(onPhone).toEqual(answeredInOrder([...phone, ...laptop]));
		expect(onPhone.reps).toBe(3);
		expect(onPhone.lapses).toBe(0); // Again came while still learning: not a lapse
	});

	it('orders answers made at the same ms by device, then id', () => {
		const a = log('x', 'laptop', 0, Grade.Again);
		const b = log('a', 'phone', 0, Grade.Easy);
		const replayed = replaySchedule(card, [b, a], scheduler);
		const laptopFirst = scheduler.review(
			{
				...scheduler.review({ ...card.base, id: card.id }, Grade.Again, new Date(T0)).scheduling,
				id: card.id
			},
			Grade.Easy,
			new Date(T0)
		).scheduling;
		expect(replayed).toEqual(laptopFirst);
	});

	it('makes the card new again at a reset, in the place it was created in', () => {
		const replayed = replaySchedule(
			card,
			[
				log('1', 'phone', 0, Grade.Good),
				log('2', 'phone', 10, Grade.Good),
				log('3', 'laptop', 20, RESET)
			],
			scheduler
		);
		expect(replayed).toEqual(newScheduling(new Date(card.created)));
		expect(replayed.state).toBe(CardState.New);
	});

	it('starts an imported card from its imported schedule, not from history it already counts', () => {
		const imported = scheduler.review(
			{ ...card.base, id: card.id },
			Grade.Good,
			new Date(T0)
		).scheduling;
		const start = { ...card, base: imported, since: T0 };
		const history = log('anki', 'anki', 0, Grade.Good);
		expect(replaySchedule(start, [history], scheduler)).toEqual(imported);
		const later = log('new', 'phone', 30, Grade.Hard);
		expect(replaySchedule(start, [history, later], scheduler)).toEqual(
			scheduler.review({ ...imported, id: card.id }, Grade.Hard, new Date(later.review)).scheduling
		);
	});

	it('ignores logs of other cards', () => {
		const other = { ...log('o', 'phone', 5, Grade.Again), cardId: 'card-2' };
		expect(replaySchedule(card, [other], scheduler)).toEqual(card.base);
	});

	it('gives the same schedule for any order, repetition or split of the batches that bring the logs', () => {
		const logsArb = fc
			.uniqueArray(
				fc.record({
					id: fc.uuid(),
					device: fc.constantFrom('phone', 'laptop', 'tablet'),
					minutes: fc.integer({ min: 0, max: 60 * 24 * 90 }),
					rating: fc.constantFrom<ReplayLog['rating']>(RESET, 1, 2, 3, 4, 3, 3)
				}),
				{ selector: (l) => l.id, maxLength: 12 }
			)
			.map((entries) => entries.map((e) => log(e.id, e.device, e.minutes, e.rating)));
		const deliveriesArb = logsArb.chain((logs) =>
			fc.record({
				logs: fc.constant(logs),
				// The logs in any order, some of them again (a batch pushed twice), cut anywhere.
				order: fc.shuffledSubarray(logs, { minLength: logs.length }),
				again: logs.length ? fc.array(fc.constantFrom(...logs), { maxLength: 6 }) : fc.constant([]),
				cuts: fc.array(fc.nat({ max: logs.length + 6 }), { maxLength: 5 })
			})
		);
		fc.assert(
			fc.property(deliveriesArb, ({ logs, order, again, cuts }) => {
				const delivered = [...order, ...again];
				const ends = [...cuts, delivered.length].sort((a, b) => a - b);
				const collected = new Map<string, ReplayLog>();
				let from = 0;
				for (const end of ends) {
					collectLogs(collected, delivered.slice(from, end));
					from = Math.max(from, end);
				}
				expect(collected.size).toBe(logs.length);
				// …is the same as replaying every log once.
				expect(replaySchedule(card, collected.values(), scheduler)).toEqual(
					replaySchedule(card, logs, scheduler)
				);
			}),
			{ numRuns: 200 }
		);
	});
});
