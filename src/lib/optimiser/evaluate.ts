/**
 * How well a set of FSRS parameters predicts the user's own answers: each card's history is
 * replayed with ts-fsrs and, at every first answer on a later day, the predicted chance of
 * recall is set against what happened (recalled: Hard, Good or Easy; forgotten: Again).
 *
 * - **Log loss**: the mean of −ln(p) for recalled answers and −ln(1 − p) for forgotten ones.
 *   Lower is better; it punishes confident wrong predictions most.
 * - **RMSE (bins)**: answers are put in 20 bins by predicted recall (0–5 %, 5–10 %, …); the
 *   root of the mean squared gap between each bin's predicted and actual recall, weighted by
 *   its answers. Lower is better; it says how far the predictions are off on average.
 *
 * fsrs-browser fits parameters but has no evaluation, so this is computed here on the same
 * histories (`review-history.ts`).
 */

import { FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import type { CardHistory } from '$lib/domain/review-history';

const DAY = 86_400_000;
const BINS = 20;
/** Keeps ln() finite for a prediction of exactly 0 or 1. */
const EPSILON = 1e-4;

export interface Evaluation {
	logLoss: number;
	rmseBins: number;
	/** Answers the figures are computed on. */
	reviews: number;
}

/** The study day an answer falls on, counting from the epoch in the user's time. */
function studyDay(review: number, offsetMinutes: number): number {
	return Math.floor((review + offsetMinutes * 60_000) / DAY);
}

/**
 * The answers an evaluation (and the minimum for optimising) counts: first answers on a day
 * after the card's first, per card.
 */
export function countedReviews(histories: readonly CardHistory[], offsetMinutes: number): number {
	let count = 0;
	for (const { answers } of histories) {
		let previous: number | null = null;
		for (const answer of answers) {
			const day = studyDay(answer.review, offsetMinutes);
			if (previous !== null && day > previous) count++;
			previous = day;
		}
	}
	return count;
}

/**
 * Log loss and RMSE (bins) of `parameters` on `histories`.
 *
 * @example
 * evaluateParameters(default_w, histories, minuteOffset(new Date().getTimezoneOffset(), 4));
 * // { logLoss: 0.34, rmseBins: 0.05, reviews: 1200 }
 */
export function evaluateParameters(
	parameters: readonly number[],
	histories: readonly CardHistory[],
	offsetMinutes: number
): Evaluation {
	const fsrs = new FSRSAlgorithm(generatorParameters({ w: [...parameters] }));
	const binPredicted = new Float64Array(BINS);
	const binActual = new Float64Array(BINS);
	const binCount = new Float64Array(BINS);
	let loss = 0;
	let reviews = 0;
	for (const { answers } of histories) {
		let memory: FSRSState | null = null;
		let previousDay = 0;
		for (const answer of answers) {
			const day = studyDay(answer.review, offsetMinutes);
			const elapsed = memory === null ? 0 : day - previousDay;
			if (memory !== null && elapsed > 0) {
				const p = Math.min(
					1 - EPSILON,
					Math.max(EPSILON, fsrs.forgetting_curve(elapsed, memory.stability))
				);
				const recalled = answer.rating > 1 ? 1 : 0;
				loss -= recalled ? Math.log(p) : Math.log(1 - p);
				const bin = Math.min(BINS - 1, Math.floor(p * BINS));
				binPredicted[bin] = (binPredicted[bin] ?? 0) + p;
				binActual[bin] = (binActual[bin] ?? 0) + recalled;
				binCount[bin] = (binCount[bin] ?? 0) + 1;
				reviews++;
			}
			memory = fsrs.next_state(memory, elapsed, answer.rating);
			previousDay = day;
		}
	}
	let squared = 0;
	for (let bin = 0; bin < BINS; bin++) {
		const n = binCount[bin] ?? 0;
		if (n === 0) continue;
		const gap = ((binPredicted[bin] ?? 0) - (binActual[bin] ?? 0)) / n;
		squared += n * gap * gap;
	}
	return {
		logLoss: reviews ? loss / reviews : 0,
		rmseBins: reviews ? Math.sqrt(squared / reviews) : 0,
		reviews
	};
}

/**
 * Whether fitted parameters predict better than the ones in use: neither figure worse and
 * at least one better (to the fourth decimal, as they are shown).
 */
export function predictsBetter(fitted: Evaluation, current: Evaluation): boolean {
	const round = (n: number) => Math.round(n * 10_000);
	const logLoss = round(fitted.logLoss) - round(current.logLoss);
	const rmse = round(fitted.rmseBins) - round(current.rmseBins);
	return logLoss <= 0 && rmse <= 0 && (logLoss < 0 || rmse < 0);
}
