import { CardState, type Card, type Grade, type ReviewLog } from './models';

/**
 * Anki's "Card info": what a card's history and memory are, from the card and its review
 * logs. A log holds the card as it was *before* its answer (ts-fsrs), so what an answer gave
 * (interval, stability) is read from the next log, or from the card for the latest answer.
 */

/** One answer in the card's history. */
export interface CardReview {
	/** When it was given (epoch ms). */
	review: number;
	grade: Grade;
	/** The card's state when it was answered. */
	state: CardState;
	/** The interval the answer gave, in days (0 within a learning step). */
	interval: number;
	/** The memory stability after the answer, in days. */
	stability: number;
	difficulty: number;
}

export interface CardInfo {
	added: number;
	firstReview: number | null;
	latestReview: number | null;
	/** When the card is due next; null for a new card (due when new cards come). */
	due: number | null;
	/** The current interval in days, for a card in review. */
	interval: number | null;
	stability: number | null;
	difficulty: number | null;
	/** The chance of recalling the card now (0–1), from FSRS; null for a new card. */
	retrievability: number | null;
	reviews: number;
	lapses: number;
	history: CardReview[];
}

/**
 * The card's info. `logs` in any order; `retrievability` is the scheduler's figure for now
 * (`Scheduler.retrievability`).
 *
 * @example
 * cardInfo(card, logs, 0.93).history.map((r) => r.grade); // [3, 3, 1, 3]
 */
export function cardInfo(
	card: Card,
	logs: readonly ReviewLog[],
	retrievability: number | null
): CardInfo {
	const sorted = [...logs].sort((a, b) => a.review - b.review || a.id.localeCompare(b.id));
	const history = sorted.map((log, i): CardReview => {
		const after = sorted[i + 1] ?? card;
		return {
			review: log.review,
			grade: log.rating,
			state: log.state,
			interval: after.scheduled_days,
			stability: after.stability,
			difficulty: after.difficulty
		};
	});
	const isNew = card.state === CardState.New;
	return {
		added: card.created,
		firstReview: sorted[0]?.review ?? null,
		latestReview: card.last_review ?? sorted.at(-1)?.review ?? null,
		due: isNew ? null : card.due,
		interval: card.state === CardState.Review ? card.scheduled_days : null,
		stability: isNew ? null : card.stability,
		difficulty: isNew ? null : card.difficulty,
		retrievability: isNew ? null : retrievability,
		reviews: card.reps,
		lapses: card.lapses,
		history
	};
}
