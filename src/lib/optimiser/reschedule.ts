/**
 * Rescheduling cards from their history in a worker, after FSRS's parameters or the desired
 * retention changed: for a heavy collection (500,000 logs) that is seconds of replaying the
 * page must not spend. Each deck is rescheduled in its own transaction.
 */

import type { DeckOptions } from '$lib/domain/models';
import { AppError } from '$lib/errors';
import { callWorker } from '$lib/worker-call';

export interface RescheduleRequest {
	/**
	 * The decks to reschedule, or null for every deck that follows the global value of one of
	 * `changed` (a deck that sets them all itself is not concerned by a global change).
	 */
	deckIds: string[] | null;
	changed: (keyof DeckOptions)[];
	now: number;
}

export type RescheduleProgress = { done: number; total: number };
export type RescheduleResponse = { ok: true; cards: number } | { ok: false; message: string };

/** Reschedules the decks; resolves with how many cards changed, rejects with a sentence. */
export async function rescheduleInWorker(
	request: RescheduleRequest,
	onProgress: (progress: RescheduleProgress) => void
): Promise<number> {
	const worker = new Worker(new URL('./reschedule.worker.ts', import.meta.url), {
		type: 'module'
	});
	const response = await callWorker<RescheduleRequest, RescheduleResponse, RescheduleProgress>(
		worker,
		request,
		{ onPart: onProgress }
	);
	if (!response.ok) throw new AppError(response.message);
	return response.cards;
}
