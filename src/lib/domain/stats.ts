import { default_w, forgetting_curve } from 'ts-fsrs';
import { queueOf, Queue } from './card-queue';
import { CardState, type Card, type Grade, type ReviewLog } from './models';
import { studyDayStart } from './study-day';

/**
 * The statistics screen's figures, gathered in one pass over a deck's (or every deck's)
 * cards and review logs. Cards and logs are fed in chunks (`addCards`, `addLogs`) so a worker
 * can read 500,000 logs a chunk at a time and report progress; `result()` gives the figures.
 * Days are study days (Anki's: from the day-start hour to the same hour the next day), counted
 * back from today (0 = today, 1 = yesterday) or forward (0 = due today, 1 = tomorrow).
 */

const DAY = 86_400_000;
/** Anki calls a card with an interval of 21 days or more mature. */
export const MATURE_DAYS = 21;
/** How far back the calendar and the retention table look, and how far the forecast looks ahead. */
export const YEAR_DAYS = 365;

/** Passed and failed answers to review cards, and what FSRS predicted for them. */
export interface RetentionCell {
	passed: number;
	failed: number;
	/** Sum of FSRS's predicted recall over the same answers (divide by the count). */
	predicted: number;
}

export interface RetentionRow {
	label: string;
	young: RetentionCell;
	mature: RetentionCell;
	all: RetentionCell;
}

/** Counts in buckets: `counts[i]` is how many values fell from `edges[i]` (inclusive) up to the next edge. */
export interface Histogram {
	edges: number[];
	counts: number[];
}

export interface Stats {
	today: {
		reviews: number;
		/** Cards studied today (each once). */
		cards: number;
		again: number;
		/** Time spent answering today (ms), from the answers that recorded it. */
		time: number;
		/** Answers today by the card's state when answered. */
		byState: { new: number; learning: number; review: number };
	};
	/** Reviews per study day, `reviewsPerDay[i]` for `i` days ago, over the past year. */
	reviewsPerDay: number[];
	/** Days in a row, up to today (or yesterday, when today has none yet), with a review. */
	streak: number;
	/** Days of the past year with at least one review. */
	daysStudied: number;
	/** Cards falling due per study day ahead, `forecast[i]` for `i` days from today (overdue count as today). */
	forecast: number[];
	retention: RetentionRow[];
	/** Cards by queue: new, learning (and relearning), review, suspended, buried. */
	cardCounts: { new: number; learning: number; review: number; suspended: number; buried: number };
	intervals: Histogram;
	stability: Histogram;
	difficulty: Histogram;
	retrievability: Histogram;
	/** Answers over the past year by grade (1–4), for learning, young and mature cards. */
	buttons: { learning: number[]; young: number[]; mature: number[] };
	/** Answers over the past year by local hour of day (0–23). */
	hours: number[];
}

function cell(): RetentionCell {
	return { passed: 0, failed: 0, predicted: 0 };
}

function histogram(edges: number[]): Histogram {
	return { edges, counts: edges.map(() => 0) };
}

function add(h: Histogram, value: number): void {
	let i = h.edges.length - 1;
	while (i > 0 && value < (h.edges[i] as number)) i--;
	h.counts[i] = (h.counts[i] ?? 0) + 1;
}

/**
 * FSRS's predicted recall of a review answered `elapsed` days after the last, with stability
 * `s`, on the forgetting curve of the deck's parameters (FSRS-6's decay is one of them).
 */
const predictedRecall = (parameters: readonly number[], elapsed: number, stability: number) =>
	stability > 0 ? forgetting_curve(parameters, Math.max(0, elapsed), stability) : 0;

/** The periods of the retention table, as days back from today (inclusive range). */
const PERIODS: { label: string; from: number; to: number }[] = [
	{ label: 'Today', from: 0, to: 0 },
	{ label: 'Yesterday', from: 1, to: 1 },
	{ label: 'Last 7 days', from: 0, to: 6 },
	{ label: 'Last 30 days', from: 0, to: 29 },
	{ label: 'Last year', from: 0, to: YEAR_DAYS - 1 }
];

export class StatsAccumulator {
	readonly #today: number;
	readonly #dayStartHour: number;
	readonly #now: number;
	#todayCards = new Set<string>();
	#stats: Stats;

	/** `now` and the day-start hour decide which study day every timestamp falls in. */
	constructor(now: Date, dayStartHour: number) {
		this.#now = now.getTime();
		this.#dayStartHour = dayStartHour;
		this.#today = this.dayNumber(this.#now);
		this.#stats = {
			today: {
				reviews: 0,
				cards: 0,
				again: 0,
				time: 0,
				byState: { new: 0, learning: 0, review: 0 }
			},
			reviewsPerDay: Array.from({ length: YEAR_DAYS }, () => 0),
			streak: 0,
			daysStudied: 0,
			forecast: Array.from({ length: YEAR_DAYS }, () => 0),
			retention: PERIODS.map(({ label }) => ({
				label,
				young: cell(),
				mature: cell(),
				all: cell()
			})),
			cardCounts: { new: 0, learning: 0, review: 0, suspended: 0, buried: 0 },
			intervals: histogram([0, 1, 3, 7, 14, 21, 30, 60, 90, 180, 365, 730]),
			stability: histogram([0, 1, 3, 7, 14, 21, 30, 60, 90, 180, 365, 730]),
			difficulty: histogram([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
			retrievability: histogram([0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]),
			buttons: { learning: [0, 0, 0, 0], young: [0, 0, 0, 0], mature: [0, 0, 0, 0] },
			hours: Array.from({ length: 24 }, () => 0)
		};
	}

	/** The study day a moment falls in, as a whole number that grows by one a day. */
	private dayNumber(ms: number): number {
		const start = studyDayStart(new Date(ms), this.#dayStartHour);
		// Local midnight of that day as if it were UTC: whole days whatever the DST shift.
		return Math.round(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY);
	}

	/** Adds cards; `parameters` are their deck's FSRS parameters. */
	addCards(cards: Iterable<Card>, parameters: readonly number[] = default_w): void {
		const s = this.#stats;
		for (const card of cards) {
			const queue = queueOf(card);
			if (queue === Queue.Suspended) s.cardCounts.suspended++;
			else if (queue === Queue.Buried) s.cardCounts.buried++;
			else if (card.state === CardState.New) s.cardCounts.new++;
			else if (card.state === CardState.Review) s.cardCounts.review++;
			else s.cardCounts.learning++;
			if (card.state === CardState.New) continue;
			if (card.state === CardState.Review) add(s.intervals, card.scheduled_days);
			add(s.stability, card.stability);
			add(s.difficulty, card.difficulty);
			const elapsed = card.last_review === null ? 0 : (this.#now - card.last_review) / DAY;
			add(s.retrievability, predictedRecall(parameters, elapsed, card.stability));
			if (queue === Queue.Suspended) continue;
			const ahead = Math.max(0, this.dayNumber(card.due) - this.#today);
			if (ahead < YEAR_DAYS) s.forecast[ahead] = (s.forecast[ahead] ?? 0) + 1;
		}
	}

	/** Adds review logs; `parameters` are their deck's FSRS parameters. */
	addLogs(logs: Iterable<ReviewLog>, parameters: readonly number[] = default_w): void {
		const s = this.#stats;
		for (const log of logs) {
			const ago = this.#today - this.dayNumber(log.review);
			if (ago < 0 || ago >= YEAR_DAYS) continue;
			s.reviewsPerDay[ago] = (s.reviewsPerDay[ago] ?? 0) + 1;
			const grade = log.rating as Grade;
			const isReview = log.state === CardState.Review;
			const mature = isReview && log.scheduled_days >= MATURE_DAYS;
			const buttons = !isReview ? s.buttons.learning : mature ? s.buttons.mature : s.buttons.young;
			buttons[grade - 1] = (buttons[grade - 1] ?? 0) + 1;
			const hour = new Date(log.review).getHours();
			s.hours[hour] = (s.hours[hour] ?? 0) + 1;
			if (ago === 0) {
				s.today.reviews++;
				this.#todayCards.add(log.cardId);
				if (grade === 1) s.today.again++;
				s.today.time += log.duration ?? 0;
				if (log.state === CardState.New) s.today.byState.new++;
				else if (isReview) s.today.byState.review++;
				else s.today.byState.learning++;
			}
			if (!isReview) continue;
			const predicted = predictedRecall(parameters, log.elapsed_days, log.stability);
			for (const [i, period] of PERIODS.entries()) {
				if (ago < period.from || ago > period.to) continue;
				const row = s.retention[i] as RetentionRow;
				for (const target of [mature ? row.mature : row.young, row.all]) {
					if (grade === 1) target.failed++;
					else target.passed++;
					target.predicted += predicted;
				}
			}
		}
	}

	result(): Stats {
		const s = this.#stats;
		s.today.cards = this.#todayCards.size;
		s.daysStudied = s.reviewsPerDay.filter((n) => n > 0).length;
		// A streak is not broken by a today with no review yet.
		let day = s.reviewsPerDay[0] ? 0 : 1;
		let streak = 0;
		while (day < YEAR_DAYS && (s.reviewsPerDay[day] ?? 0) > 0) {
			streak++;
			day++;
		}
		s.streak = streak;
		return s;
	}
}

/** Passed ÷ answered, or null when nothing was answered. */
export function retentionRate(c: RetentionCell): number | null {
	const total = c.passed + c.failed;
	return total ? c.passed / total : null;
}

/** FSRS's mean predicted recall over the same answers, or null. */
export function predictedRate(c: RetentionCell): number | null {
	const total = c.passed + c.failed;
	return total ? c.predicted / total : null;
}
