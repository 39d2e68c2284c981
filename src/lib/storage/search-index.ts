/**
 * The word index catching up in the background. An import writes its cards with their
 * search words left out (`withSearchDeferred`), so a large deck is studyable as soon as its
 * cards are stored; this writes the words afterwards, a batch per transaction. It resumes by
 * itself: what is left is whatever the `searchPending` index still holds, after a reload
 * too, and a card written meanwhile (a review, an edit) gets its words with that write.
 */

import type { Card } from '$lib/domain/models';
import type { FlashcardsDB } from './db';
import { SEARCH_PENDING } from './search-pending';
import { studiedWithin } from './study-activity';

/**
 * Cards per transaction. A review waits for the batch in flight: 500 took ~0.8 s among
 * 50,000 cards here, a noticeable pause after a grade; 200 keeps it near a third of that.
 */
const BATCH = 200;
/**
 * While someone studies (a card shown, revealed or answered in the last `STUDYING_MS`), small
 * batches with pauses between them, so that a grade or the next card's read rarely waits
 * behind one, and then only for a few cards' writes; the words still arrive meanwhile, about
 * 30 cards a second. Studying a 10,000-card deck just imported, 100 answers: grade → next
 * card p95 578 ms with 200-card batches, 50 ms with 25, 20 ms with 10.
 */
const STUDY_BATCH = 10;
const STUDY_PAUSE_MS = 300;
const STUDYING_MS = 30_000;

/** How many cards cannot be found by search yet. */
export function cardsAwaitingSearch(db: FlashcardsDB): Promise<number> {
	return db.cards.where(SEARCH_PENDING).equals(1).count();
}

/**
 * Writes the search words of one batch of waiting cards: read and written back in one
 * transaction, so a review in between cannot be overwritten by an older copy (the write
 * computes the words; see `db.ts`). Returns how many were written; 0 when none wait.
 */
export async function indexWaitingBatch(db: FlashcardsDB, batch = BATCH): Promise<number> {
	return inTurn(db, () =>
		db.transaction('rw', db.cards, async () => {
			const cards: Card[] = await db.cards.where(SEARCH_PENDING).equals(1).limit(batch).toArray();
			if (cards.length > 0) await db.cards.bulkPut(cards);
			return cards.length;
		})
	);
}

/** The last job queued per database by `inTurn`. */
const turns = new WeakMap<FlashcardsDB, Promise<unknown>>();

/**
 * Runs `job` once the jobs queued before it on `db` are done. An import and the indexer's
 * batches take turns this way: a batch in flight finishes, the import runs whole, the next
 * batch follows. (An import's transaction waiting behind another one on the cards table was
 * committed early by fake-indexeddb, Dexie's `PrematureCommitError`; taking turns avoids
 * relying on how a browser queues them.)
 */
export function inTurn<T>(db: FlashcardsDB, job: () => Promise<T>): Promise<T> {
	const previous = turns.get(db) ?? Promise.resolve();
	const result = previous.then(job, job);
	const settled = result.catch(() => {});
	turns.set(db, settled);
	void settled.then(() => {
		if (turns.get(db) === settled) turns.delete(db);
	});
	return result;
}

/** The run in progress per database, and whether another was asked for during it. */
const runs = new WeakMap<FlashcardsDB, { done: Promise<void>; again: boolean }>();

/**
 * Indexes every waiting card, batch by batch, yielding to the page between batches (and to
 * whoever is studying: see `STUDY_BATCH`); `onBatch`,
 * when given, hears how many are left. One run at a time per database: a call during a run
 * makes it look again once it finds nothing left (an import may have ended meanwhile) and
 * shares its end.
 */
export function indexWaitingCards(
	db: FlashcardsDB,
	onBatch?: (left: number) => void
): Promise<void> {
	const current = runs.get(db);
	if (current) {
		current.again = true;
		return current.done;
	}
	const run = { done: Promise.resolve(), again: true };
	run.done = (async () => {
		try {
			while (run.again) {
				run.again = false;
				const studying = () => studiedWithin(db, STUDYING_MS);
				while ((await indexWaitingBatch(db, studying() ? STUDY_BATCH : BATCH)) > 0) {
					if (onBatch) onBatch(await cardsAwaitingSearch(db));
					await new Promise((resolve) => setTimeout(resolve, studying() ? STUDY_PAUSE_MS : 0));
				}
			}
		} finally {
			runs.delete(db);
		}
	})();
	runs.set(db, run);
	return run.done;
}
