/**
 * Which answers FSRS learns from, and in what shape. The optimiser (fsrs-browser, the
 * official fsrs-rs compiled to WebAssembly), the evaluation and rescheduling from history all
 * read the same histories, cut by the same rules Anki applies (docs/fsrs.md):
 *
 * - a card's answers in time order, from its first rating on: a card whose history does not
 *   start with an answer to it as a new card (history imported without its beginning) is
 *   left out, since FSRS's first stability comes from that first rating;
 * - after a reset (Forget, here or in Anki), only the answers since: a log whose card was
 *   new again, after earlier answers, starts the history afresh;
 * - same-day answers stay: FSRS-6 learns short-term memory from them.
 */

import { CardState, type Grade, type ReviewLog } from './models';

export interface HistoryAnswer {
	rating: Grade;
	/** The card's state before the answer. */
	state: CardState;
	/** When, epoch ms. */
	review: number;
}

export interface CardHistory {
	cardId: string;
	answers: HistoryAnswer[];
}

/**
 * The histories FSRS learns from, one per card that has one.
 *
 * @example
 * cardHistories(logs).length; // cards with a first rating
 */
export function cardHistories(logs: readonly ReviewLog[]): CardHistory[] {
	const byCard = new Map<string, ReviewLog[]>();
	for (const log of logs) {
		const list = byCard.get(log.cardId);
		if (list) list.push(log);
		else byCard.set(log.cardId, [log]);
	}
	const histories: CardHistory[] = [];
	for (const [cardId, list] of byCard) {
		list.sort((a, b) => a.review - b.review || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		let start = -1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (list[i]?.state === CardState.New) {
				start = i;
				break;
			}
		}
		if (start < 0) continue;
		histories.push({
			cardId,
			answers: list.slice(start).map(({ rating, state, review }) => ({ rating, state, review }))
		});
	}
	return histories;
}

/** Anki's revlog types, which fsrs-browser's `computeParametersAnki` reads. */
const REVLOG_TYPE: Record<CardState, number> = {
	[CardState.New]: 0,
	[CardState.Learning]: 0,
	[CardState.Review]: 1,
	[CardState.Relearning]: 2
};

export interface AnkiRevlog {
	cids: BigInt64Array;
	eases: Uint8Array;
	ids: BigInt64Array;
	types: Uint8Array;
}

/**
 * The histories as the columns of Anki's revlog (card id, ease, answer time as the row id,
 * type), for the official optimiser to read as Anki's own.
 */
export function ankiRevlog(histories: readonly CardHistory[]): AnkiRevlog {
	const size = histories.reduce((sum, h) => sum + h.answers.length, 0);
	const revlog: AnkiRevlog = {
		cids: new BigInt64Array(size),
		eases: new Uint8Array(size),
		ids: new BigInt64Array(size),
		types: new Uint8Array(size)
	};
	let row = 0;
	histories.forEach((history, card) => {
		let previous = -Infinity;
		for (const answer of history.answers) {
			// A revlog id is unique: two answers in one millisecond get consecutive ids.
			const id = Math.max(answer.review, previous + 1);
			previous = id;
			revlog.cids[row] = BigInt(card + 1);
			revlog.eases[row] = answer.rating;
			revlog.ids[row] = BigInt(id);
			revlog.types[row] = REVLOG_TYPE[answer.state];
			row++;
		}
	});
	return revlog;
}

/**
 * Minutes to add to UTC to reach the start of the user's study day, as fsrs-browser asks:
 * the time zone's offset less the hour the day starts at.
 *
 * @example
 * minuteOffset(-60, 4); // UTC+1, day starts at 4:00 → 60 - 240 = -180
 */
export function minuteOffset(timezoneOffset: number, dayStartHour: number): number {
	return -timezoneOffset - dayStartHour * 60;
}
