import type { Stats } from '$lib/domain/stats';
import { AppError } from '$lib/errors';
import { callWorker } from '$lib/worker-call';

/** What the page asks: the figures for these decks (a deck and its subdecks), or all (null). */
export interface StatsRequest {
	deckIds: string[] | null;
	now: number;
}

/** Progress as parts (decks read of all), then the figures or a sentence. */
export type StatsProgress = { done: number; total: number };
export type StatsResponse = { ok: true; stats: Stats } | { ok: false; message: string };

/**
 * Computes the statistics in a worker, which reads the cards and the past year's review
 * logs from IndexedDB itself: for a heavy collection (500,000 logs) that is seconds of
 * reading and counting the page must not spend. `onProgress` hears how far it is.
 */
export async function computeStatsInWorker(
	request: StatsRequest,
	onProgress: (progress: StatsProgress) => void
): Promise<Stats> {
	const worker = new Worker(new URL('./stats.worker.ts', import.meta.url), { type: 'module' });
	const response = await callWorker<StatsRequest, StatsResponse, StatsProgress>(worker, request, {
		onPart: onProgress
	});
	if (!response.ok) throw new AppError(response.message);
	return response.stats;
}
