import type { Card, Deck, ReviewLog } from '$lib/domain/models';
import type { DeckImport } from './plan';

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

/** What storage already holds that an incoming deck may be another copy of. */
export interface StoredCounterparts {
	/** The stored deck with the incoming deck's id, else one with its name; undefined if none. */
	deck: Deck | undefined;
	/** Stored cards whose `noteId` is one of the incoming cards'. */
	siblings: readonly Card[];
	/** The stored review logs of those cards. */
	logs: readonly ReviewLog[];
}

export interface MatchOptions {
	/**
	 * The file carries content, not schedules (CSV): its cards are new as of the import, and
	 * would otherwise look newer than a card studied here. A stored card then stays as it is.
	 */
	contentOnly?: boolean;
}

const noteKey = (card: Pick<Card, 'noteId' | 'ord'>) => `${card.noteId}\u0000${card.ord}`;

/**
 * An incoming deck renamed onto what is stored, so that `mergeCards` and `newLogs` can
 * then merge by id. CSV and `.apkg` files carry no card ids of this app, only a note's
 * identity (its guid, which the importers turn back into the `noteId`) and the card's
 * position in it: so a card is matched by `noteId` + `ord` and takes the stored card's id,
 * and the deck is matched by name. A review log is the same answer when it is for the same
 * card at the same moment (the formats keep answer times to the millisecond), and is
 * then dropped rather than added twice under another id.
 *
 * @example
 * const item = matchStored(plan.decks[0], { deck, siblings, logs });
 * mergeCards(siblings, item.cards); // a card studied here is now found by its id
 */
export function matchStored(
	item: DeckImport,
	stored: StoredCounterparts,
	options: MatchOptions = {}
): DeckImport {
	const deckId = stored.deck?.id ?? item.deck.id;
	const byNote = new Map(stored.siblings.map((card) => [noteKey(card), card]));
	const storedIds = new Set(stored.siblings.map((card) => card.id));
	const cardIds = new Map<string, string>();
	const cards = item.cards.map((card) => {
		const counterpart = storedIds.has(card.id) ? undefined : byNote.get(noteKey(card));
		const id = counterpart?.id ?? card.id;
		cardIds.set(card.id, id);
		if (counterpart && options.contentOnly) return counterpart;
		return { ...card, id, deckId };
	});
	const answered = new Set(stored.logs.map((log) => `${log.cardId}\u0000${log.review}`));
	const logs = item.logs
		.map((log) => ({ ...log, deckId, cardId: cardIds.get(log.cardId) ?? log.cardId }))
		.filter((log) => !answered.has(`${log.cardId}\u0000${log.review}`));
	return { ...item, deck: stored.deck ?? item.deck, cards, logs };
}
