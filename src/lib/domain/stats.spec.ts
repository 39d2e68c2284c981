import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { CardState, Grade, type ReviewLog } from './models';
import { StatsAccumulator, predictedRate, retentionRate } from './stats';
import { testCard } from './testing/records';

const DAY = 86_400_000;
// Noon local time, day start 4 am: "today" runs from 4 am today to 4 am tomorrow.
const now = new Date(2026, 11, 3, 12, 0);
const at = (daysAgo: number, hour = 10) => new Date(2026, 11, 3 - daysAgo, hour, 0).getTime();

let id = 0;
function log(over: Partial<ReviewLog> & Pick<ReviewLog, 'review' | 'rating'>): ReviewLog {
	return {
		id: `l${++id}`,
		cardId: 'c1',
		deckId: 'd',
		state: CardState.Review,
		due: 0,
		stability: 10,
		difficulty: 5,
		elapsed_days: 10,
		last_elapsed_days: 0,
		scheduled_days: 10,
		learning_steps: 0,
		...over
	};
}

describe('StatsAccumulator', () => {
	it('counts today by study day: 3 am belongs to yesterday', () => {
		const stats = new StatsAccumulator(now, 4);
		stats.addLogs([
			log({
				review: at(0, 9),
				rating: Grade.Good,
				cardId: 'a',
				state: CardState.New,
				duration: 8000
			}),
			log({
				review: at(0, 11),
				rating: Grade.Again,
				cardId: 'a',
				state: CardState.Learning,
				duration: 4000
			}),
			// An answer recorded before durations were kept counts no time.
			log({ review: at(0, 11), rating: Grade.Good, cardId: 'b' }),
			// 3 am today is still yesterday's study day.
			log({ review: at(0, 3), rating: Grade.Good, cardId: 'c' })
		]);
		const result = stats.result();
		expect(result.today).toEqual({
			reviews: 3,
			cards: 2,
			again: 1,
			time: 12_000,
			byState: { new: 1, learning: 1, review: 1 }
		});
		expect(result.reviewsPerDay.slice(0, 2)).toEqual([3, 1]);
	});

	it('keeps a streak going until a day without reviews; today without any yet does not break it', () => {
		const stats = new StatsAccumulator(now, 4);
		stats.addLogs([1, 2, 3, 5].map((ago) => log({ review: at(ago), rating: Grade.Good })));
		const result = stats.result();
		expect(result.streak).toBe(3);
		expect(result.daysStudied).toBe(4);
	});

	it('splits retention into young and mature review answers by period, with FSRS’s prediction', () => {
		const stats = new StatsAccumulator(now, 4);
		stats.addLogs([
			log({ review: at(0), rating: Grade.Good, scheduled_days: 5 }),
			log({ review: at(0), rating: Grade.Again, scheduled_days: 30 }),
			log({ review: at(3), rating: Grade.Hard, scheduled_days: 30 }),
			// Learning answers are not in the table.
			log({ review: at(0), rating: Grade.Again, state: CardState.Learning }),
			// Older than a year: nowhere.
			log({ review: at(400), rating: Grade.Good })
		]);
		const [today, yesterday, week] = stats.result().retention;
		expect(retentionRate(today!.young)).toBe(1);
		expect(retentionRate(today!.mature)).toBe(0);
		expect(retentionRate(yesterday!.all)).toBeNull();
		expect(week!.all).toMatchObject({ passed: 2, failed: 1 });
		// Stability 10 days, 10 days elapsed: FSRS predicts 90 %.
		expect(predictedRate(week!.all)).toBeCloseTo(0.9, 2);
		expect(stats.result().buttons).toEqual({
			learning: [1, 0, 0, 0],
			young: [0, 0, 1, 0],
			mature: [1, 1, 0, 0]
		});
	});

	it('predicts on the forgetting curve of the deck’s own FSRS parameters', () => {
		const answer = log({ review: at(0), rating: Grade.Good, scheduled_days: 5 });
		const predicted = (parameters?: number[]) => {
			const stats = new StatsAccumulator(now, 4);
			stats.addLogs([answer], parameters);
			return predictedRate(stats.result().retention[0]!.all);
		};
		// At elapsed = stability every FSRS-6 curve gives 90 %; the decay shapes it elsewhere.
		const steeper = default_w.map((w, i) => (i === 20 ? 0.8 : w));
		expect(predicted(steeper)).toBeCloseTo(0.9, 2);
		const early = { ...answer, elapsed_days: 2 };
		const stats = new StatsAccumulator(now, 4);
		stats.addLogs([early]);
		const other = new StatsAccumulator(now, 4);
		other.addLogs([early], steeper);
		expect(predictedRate(other.result().retention[0]!.all)).not.toBeCloseTo(
			predictedRate(stats.result().retention[0]!.all)!,
			3
		);
	});

	it('counts cards by queue, forecasts what falls due, and places memory in buckets', () => {
		const stats = new StatsAccumulator(now, 4);
		const review = (over: Partial<Parameters<typeof testCard>[0]>) =>
			testCard({
				id: `c${++id}`,
				state: CardState.Review,
				stability: 12,
				difficulty: 4.5,
				scheduled_days: 12,
				last_review: now.getTime() - 2 * DAY,
				...over
			});
		stats.addCards([
			testCard({ id: 'n' }),
			review({ due: now.getTime() - 3 * DAY }), // overdue: counts today
			review({ due: now.getTime() + 2 * DAY }),
			review({ due: now.getTime() + DAY, suspended: true }),
			testCard({
				id: 'l',
				state: CardState.Learning,
				stability: 1,
				difficulty: 6,
				due: now.getTime()
			})
		]);
		const result = stats.result();
		expect(result.cardCounts).toEqual({ new: 1, learning: 1, review: 2, suspended: 1, buried: 0 });
		expect(result.forecast.slice(0, 3)).toEqual([2, 0, 1]);
		// Intervals of review cards only (12 days: the 7–14 bucket).
		expect(result.intervals.counts[3]).toBe(3);
		expect(result.difficulty.counts[3]).toBe(3);
		expect(result.retrievability.counts.reduce((a, b) => a + b)).toBe(4);
	});

	it('counts reviews by local hour', () => {
		const stats = new StatsAccumulator(now, 4);
		stats.addLogs([
			log({ review: at(1, 7), rating: Grade.Good }),
			log({ review: at(2, 7), rating: Grade.Good })
		]);
		expect(stats.result().hours[7]).toBe(2);
	});
});
