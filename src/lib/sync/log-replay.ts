/**
 * The merge rule for studying: review logs are never merged, only collected, and a card's
 * schedule is never synced but rebuilt from them. Two devices that both answered a card
 * offline end up with both answers, replayed through FSRS in one agreed order (time, then
 * device, then log id), so both compute the same schedule. A reset (Forget) is a log entry
 * too, so it lands in that order like an answer.
 */

import { type Grade, type Scheduling } from '$lib/domain/models';
import { newScheduling, type Scheduler } from '$lib/domain/scheduler';

/** A log's rating when it records a reset to new rather than an answer (ts-fsrs's `Manual`). */
export const RESET = 0;

/** What replaying needs from a review log. Logs are immutable once written. */
export interface ReplayLog {
	id: string;
	cardId: string;
	/** A grade, or `RESET`. */
	rating: Grade | typeof RESET;
	/** When, epoch ms. */
	review: number;
	/** The device that recorded it. */
	device: string;
}

/** The card as replaying starts it: where its synced history begins. */
export interface ReplayStart {
	id: string;
	/** Its creation time: a reset makes it new again, in the place it was created in. */
	created: number;
	/** Its schedule before any log replayed: new, or the schedule an import brought. */
	base: Scheduling;
	/** Logs at or before this time are history `base` already counts; null: none is. */
	since: number | null;
}

/** Orders logs as every device does: by time, then device, then id. */
export function compareLogs(a: ReplayLog, b: ReplayLog): number {
	if (a.review !== b.review) return a.review - b.review;
	if (a.device !== b.device) return a.device < b.device ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Adds logs to a set of logs keyed by id: a log seen twice (a batch pushed again after a
 * lost response, or pulled again after an interrupted pull) counts once.
 */
export function collectLogs<T extends ReplayLog>(
	into: Map<string, T>,
	logs: Iterable<T>
): Map<string, T> {
	for (const log of logs) if (!into.has(log.id)) into.set(log.id, log);
	return into;
}

/**
 * The card's schedule after every log of it, in the agreed order.
 *
 * @example
 * // Phone answered Good at 9:00 and the laptop Again at 9:05, both offline:
 * replaySchedule(card, [laptopLog, phoneLog], scheduler); // Good at 9:00, then Again at 9:05
 */
export function replaySchedule(
	card: ReplayStart,
	logs: Iterable<ReplayLog>,
	scheduler: Scheduler
): Scheduling {
	const since = card.since ?? -Infinity;
	const unique = collectLogs(new Map<string, ReplayLog>(), logs);
	const ordered = [...unique.values()]
		.filter((log) => log.cardId === card.id && log.review > since)
		.sort(compareLogs);
	let scheduling = card.base;
	for (const log of ordered) {
		scheduling =
			log.rating === RESET
				? newScheduling(new Date(card.created))
				: scheduler.review({ ...scheduling, id: card.id }, log.rating, new Date(log.review))
						.scheduling;
	}
	return scheduling;
}
