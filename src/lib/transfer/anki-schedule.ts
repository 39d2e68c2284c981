import { default_w } from 'ts-fsrs';
import {
	CardState,
	MAX_ANSWER_MS,
	type DeckOptions,
	type Grade,
	type ReviewLog,
	type Scheduling
} from '$lib/domain/models';
import { formatParameters, parametersProblem } from '$lib/domain/fsrs-parameters';
import type { AnkiCard, AnkiRevlog } from './anki-collection';
import { MAX_DATE_MS } from './record-check';

/**
 * Anki's scheduling fields ↔ FSRS. `docs/anki.md` explains each choice; in short: card
 * type → state, due by type (days since collection creation for reviews, epoch seconds
 * while learning), FSRS memory from `cards.data` when Anki kept it (≥ 23.10, FSRS on), else
 * stability ≈ interval and difficulty from the ease factor.
 */

export const DAY_MS = 86_400_000;

const EASE_HIGH = 3500;
const EASE_LOW = 1300;
const DEFAULT_EASE = 2500;

/**
 * Anki's ease factor (‰) as FSRS difficulty: 350 % and above → 1 (easiest), 130 % (Anki's
 * floor) and below → 10, linear between. The default 250 % lands at 5.09, close to the
 * difficulty FSRS gives a card first answered Good.
 *
 * @example
 * factorToDifficulty(2500); // 5.0909…
 */
export function factorToDifficulty(factor: number): number {
	const f = Math.min(EASE_HIGH, Math.max(EASE_LOW, factor));
	return 1 + (9 * (EASE_HIGH - f)) / (EASE_HIGH - EASE_LOW);
}

/**
 * The inverse of `factorToDifficulty`, rounded to Anki's whole ‰.
 *
 * @example
 * difficultyToFactor(1); // 3500
 */
export function difficultyToFactor(difficulty: number): number {
	const d = Math.min(10, Math.max(1, difficulty));
	return Math.round(EASE_HIGH - ((d - 1) * (EASE_HIGH - EASE_LOW)) / 9);
}

/** FSRS memory state Anki keeps in `cards.data` once FSRS has been used. */
export interface AnkiMemory {
	stability: number;
	difficulty: number;
	/** `lrt`, Anki ≥ 25.02: last review, epoch ms. */
	lastReview: number | null;
}

/**
 * Reads `{"s": 12.3, "d": 5.6, "lrt": 1700000000}` from `cards.data`; null when absent or
 * not usable (older Anki writes `""` or `{"pos": 3}`).
 *
 * @example
 * readAnkiMemory('{"s":12.5,"d":4.2}'); // { stability: 12.5, difficulty: 4.2, lastReview: null }
 */
export function readAnkiMemory(data: string): AnkiMemory | null {
	if (!data.includes('"s"')) return null;
	let o: Record<string, unknown>;
	try {
		o = JSON.parse(data) as Record<string, unknown>;
	} catch {
		return null;
	}
	const { s, d, lrt } = o;
	if (typeof s !== 'number' || !(s > 0) || !Number.isFinite(s)) return null;
	if (typeof d !== 'number' || !(d >= 1 && d <= 10)) return null;
	return {
		stability: s,
		difficulty: d,
		lastReview: typeof lrt === 'number' && lrt > 0 && lrt * 1000 <= MAX_DATE_MS ? lrt * 1000 : null
	};
}

function stateOf(type: number): CardState {
	return type === 1 || type === 2 || type === 3 ? (type as CardState) : CardState.New;
}

/** What the card's revlog says, when it has one. */
export interface ReviewHistory {
	/** Newest answer, epoch ms. */
	last: number | null;
	/** The answer before it. */
	previous: number | null;
}

/**
 * The FSRS scheduling for an Anki card. New cards are due `now`; the caller orders them.
 *
 * @example
 * ankiScheduling(card, { crt: col.crt, now: Date.now(), history: { last: null, previous: null } });
 */
export function ankiScheduling(
	card: AnkiCard,
	context: { crt: number; now: number; history: ReviewHistory }
): Scheduling {
	const { crt, now, history } = context;
	const state = stateOf(card.type);
	// A card in a filtered deck keeps its real due date in `odue`.
	const rawDue = card.odid !== 0 && card.odue !== 0 ? card.odue : card.due;
	const fromDays = (days: number) => (crt + days * 86_400) * 1000;
	// Reviews count days from `crt`; learning cards count epoch seconds, except "day
	// learning" (queue 3), which counts days. The size tells them apart even when the queue
	// says suspended or buried: a day number is never near 10^9.
	const due =
		state === CardState.New ? now : rawDue > 1_000_000_000 ? rawDue * 1000 : fromDays(rawDue);

	if (state === CardState.New)
		return {
			due,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			reps: card.reps,
			lapses: card.lapses,
			state,
			last_review: null
		};

	const memory = readAnkiMemory(card.data);
	const ivl = Math.max(0, card.ivl);
	const stability =
		memory?.stability ?? (ivl > 0 && state !== CardState.Learning ? ivl : (default_w[2] as number));
	const difficulty = memory?.difficulty ?? factorToDifficulty(card.factor || DEFAULT_EASE);
	// An `lrt` after `now` (a wrong clock, a damaged file) would give FSRS negative elapsed
	// days; it is ignored like a missing one.
	const lrt = memory?.lastReview ?? null;
	const lastReview =
		(lrt !== null && lrt <= now ? lrt : null) ??
		history.last ??
		(state === CardState.Review && ivl > 0 ? due - ivl * DAY_MS : Math.min(due, now));
	const elapsed =
		history.last !== null && history.previous !== null
			? Math.max(0, Math.floor((history.last - history.previous) / DAY_MS))
			: 0;
	return {
		due,
		stability,
		difficulty,
		elapsed_days: elapsed,
		scheduled_days: state === CardState.Review ? ivl : 0,
		learning_steps: 0,
		reps: card.reps,
		lapses: card.lapses,
		state,
		last_review: lastReview
	};
}

/** A review log without its ids, which the caller assigns. */
export type ReviewLogFields = Omit<ReviewLog, 'id' | 'cardId' | 'deckId'>;

/**
 * One card's Anki revlog (ascending time) as ts-fsrs logs. Entries that are not answers
 * (rescheduled or set due by hand: ease 0, type 4 and 5) are left out and counted; a reset
 * among them (type 4, interval 0) makes the next answer one to a new card.
 *
 * ts-fsrs logs hold the card as it was before the answer, so stability, difficulty and
 * scheduled days come from the previous entry (its interval and ease); `due` is the previous
 * answer's time, as ts-fsrs records it.
 *
 * @example
 * const { logs, skipped } = ankiReviewLogs(revlogOfOneCard);
 */
export function ankiReviewLogs(entries: readonly AnkiRevlog[]): {
	logs: ReviewLogFields[];
	skipped: number;
} {
	const logs: ReviewLogFields[] = [];
	let skipped = 0;
	let previous: { entry: AnkiRevlog; log: ReviewLogFields } | null = null;
	for (const entry of entries) {
		if (entry.ease < 1 || entry.ease > 4 || entry.type > 3) {
			skipped++;
			// A manual entry with no interval is a reset ("Forget"): the card is new again, and
			// its next answer is logged as an answer to a new card, as this app's own are.
			if (entry.type === 4 && entry.ivl === 0) previous = null;
			continue;
		}
		// A learning entry after the card was in review (type 1–3) means it was made new again
		// without a reset entry of its own (older Ankis): its history starts afresh there, as
		// the optimiser Anki uses reads it.
		const reset = entry.type === 0 && previous !== null && previous.entry.type !== 0;
		const state =
			entry.type === 1 || entry.type === 3
				? CardState.Review
				: entry.type === 2
					? CardState.Relearning
					: previous && !reset
						? CardState.Learning
						: CardState.New;
		const review = entry.id;
		const prior = previous?.entry;
		const log: ReviewLogFields = {
			rating: entry.ease as Grade,
			state,
			due: prior ? prior.id : review,
			stability: entry.lastIvl > 0 ? entry.lastIvl : 0,
			difficulty: prior && prior.factor > 0 ? factorToDifficulty(prior.factor) : 0,
			elapsed_days: prior ? Math.max(0, Math.floor((review - prior.id) / DAY_MS)) : 0,
			last_elapsed_days: previous ? previous.log.elapsed_days : 0,
			scheduled_days: entry.lastIvl > 0 ? entry.lastIvl : 0,
			learning_steps: 0,
			review,
			// Anki caps the answer time at the deck's maximum (60 s by default); so does this app.
			duration: Math.min(MAX_ANSWER_MS, Math.max(0, entry.time))
		};
		logs.push(log);
		previous = { entry, log };
	}
	return { logs, skipped };
}

/**
 * A deck's own options from its Anki preset: its FSRS parameters, when it has some that this
 * app can use (Anki fitted them to the same history that comes with the package).
 *
 * @example
 * ankiDeckOverrides(collection.deckParameters.get(did)); // { fsrsParameters: "0.2120, …" } or {}
 */
export function ankiDeckOverrides(parameters: readonly number[] | undefined): Partial<DeckOptions> {
	if (!parameters) return {};
	const fsrsParameters = formatParameters(parameters);
	return parametersProblem('FSRS parameters', fsrsParameters) === null ? { fsrsParameters } : {};
}
