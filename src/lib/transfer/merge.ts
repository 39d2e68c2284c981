import type { Card, ReviewLog } from '$lib/domain/models';

/**
 * Merging an imported copy of a deck into the one already stored, card by card: whichever
 * side changed last wins. Storage calls this inside its import transaction.
 */

/** Whether `a` is a later version of the card than `b`: later `modified`, then later review. */
export function isNewer(a: Card, b: Card): boolean {
	if (a.modified !== b.modified) return a.modified > b.modified;
	return (a.last_review ?? -Infinity) > (b.last_review ?? -Infinity);
}

export interface CardMerge {
	/** Every card after the merge: the existing order, then the added ones. */
	merged: Card[];
	/** Incoming cards whose id was not stored. */
	added: Card[];
	/** Incoming cards that replace an older stored version. */
	updated: Card[];
	/** Incoming cards that lost to the stored version (same age or older). */
	unchanged: number;
}

/**
 * Merges by id, keeping the newer version of each card (see `isNewer`); on a tie the stored
 * card stays, so importing the same file twice changes nothing. Write `added` and `updated`.
 *
 * @example
 * const { added, updated } = mergeCards(stored, plan.decks[0].cards);
 * await db.cards.bulkPut([...added, ...updated]);
 */
export function mergeCards(existing: readonly Card[], incoming: readonly Card[]): CardMerge {
	const byId = new Map<string, Card>();
	for (const card of existing) byId.set(card.id, card);
	const stored = new Set(byId.keys());
	const added = new Map<string, Card>();
	const updated = new Map<string, Card>();
	let unchanged = 0;
	for (const card of incoming) {
		const current = byId.get(card.id);
		if (current && !isNewer(card, current)) {
			unchanged++;
			continue;
		}
		byId.set(card.id, card);
		(stored.has(card.id) ? updated : added).set(card.id, card);
	}
	return {
		merged: [...byId.values()],
		added: [...added.values()],
		updated: [...updated.values()],
		unchanged
	};
}

/**
 * The incoming logs that are not stored yet. A review log never changes once written, so
 * the id alone decides.
 *
 * @example
 * await db.reviewLogs.bulkAdd(newLogs(stored, plan.decks[0].logs));
 */
export function newLogs(
	existing: readonly ReviewLog[],
	incoming: readonly ReviewLog[]
): ReviewLog[] {
	const known = new Set(existing.map((l) => l.id));
	const out: ReviewLog[] = [];
	for (const log of incoming)
		if (!known.has(log.id)) {
			known.add(log.id);
			out.push(log);
		}
	return out;
}
