/**
 * Optimise and evaluate FSRS parameters in a worker. The worker reads the scope's review
 * logs from IndexedDB itself (500,000 logs are seconds of reading the page must not spend),
 * fits parameters with fsrs-browser and evaluates the current and the fitted ones.
 */

import { AppError } from '$lib/errors';
import { callWorker } from '$lib/worker-call';
import type { Evaluation } from './evaluate';

/**
 * Fewer answers than this (first answers on a later day, see `countedReviews`) make fitted
 * parameters little more than the defaults and their evaluation noise.
 */
export const MIN_REVIEWS = 400;

export interface OptimiseRequest {
	/** Fit new parameters (Optimise), or only evaluate the current ones (Evaluate). */
	fit: boolean;
	/**
	 * The decks whose logs count, or null for every deck that follows the global FSRS
	 * parameters (a deck with its own is optimised on its page).
	 */
	deckIds: string[] | null;
	/** The parameters in use, as the settings hold them ("" for the defaults). */
	parameters: string;
	dayStartHour: number;
	/** `Date#getTimezoneOffset()` on the page. */
	timezoneOffset: number;
}

export type OptimiseProgress =
	| { stage: 'reading'; done: number; total: number }
	| { stage: 'fitting'; reviews: number }
	| { stage: 'evaluating' };

export type OptimiseResponse =
	| { ok: true; kind: 'too-few'; reviews: number }
	/** fsrs-rs found too little to learn from (too few cards, say) and gave the defaults back. */
	| { ok: true; kind: 'kept-defaults'; reviews: number }
	| {
			ok: true;
			kind: 'done';
			current: Evaluation;
			/** Null when only evaluating. */
			fitted: { parameters: number[]; evaluation: Evaluation } | null;
	  }
	| { ok: false; message: string };

export type OptimiseResult = Exclude<OptimiseResponse, { ok: false }>;

/** Runs one optimisation or evaluation; rejects with a sentence when it fails. */
export async function optimiseInWorker(
	request: OptimiseRequest,
	onProgress: (progress: OptimiseProgress) => void
): Promise<OptimiseResult> {
	const worker = new Worker(new URL('./optimise.worker.ts', import.meta.url), { type: 'module' });
	const response = await callWorker<OptimiseRequest, OptimiseResponse, OptimiseProgress>(
		worker,
		request,
		{ onPart: onProgress }
	);
	if (!response.ok) throw new AppError(response.message);
	return response;
}
