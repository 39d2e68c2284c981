import { CardState, type Card } from '$lib/domain/models';

/** The content half of a card: what an importer reads from a file that has no schedule. */
export type CardContent = Pick<Card, 'kind' | 'front' | 'back' | 'format' | 'tags' | 'source'> &
	Partial<Pick<Card, 'noteId' | 'ord'>>;

/**
 * A card that has never been studied, due at its creation time.
 *
 * The app introduces new cards in due order, so an importer that reads rows 0…n-1 gives
 * row `i` the time `now - (n - 1 - i)` ms (see `creationTimeFor`) as both `created` and
 * `due`: the file's order survives, every card is due by `now`, none is created in the future.
 *
 * @example
 * const card = newCard(
 *   { kind: 'basic', front: 'Q', back: 'A', format: 'text', tags: [], source: null },
 *   { id: 'c1', deckId: 'd1', created: now.getTime(), now }
 * );
 * card.state; // CardState.New
 */
export function newCard(
	content: CardContent,
	at: { id: string; deckId: string; created: number; now: Date }
): Card {
	const now = at.now.getTime();
	return {
		id: at.id,
		deckId: at.deckId,
		noteId: content.noteId ?? at.id,
		ord: content.ord ?? 0,
		kind: content.kind,
		front: content.front,
		back: content.back,
		format: content.format,
		tags: content.tags,
		source: content.source,
		suspended: false,
		buriedUntil: 0,
		created: at.created,
		modified: now,
		// New cards are introduced in due order (the study queue reads the due index).
		due: at.created,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: CardState.New,
		last_review: null
	};
}

/**
 * Creation time for the `index`-th of `count` imported cards: a millisecond apart, ending at
 * `now`, so sorting by `created` gives back the file's order.
 *
 * @example
 * creationTimeFor(1000, 0, 3); // 998
 * creationTimeFor(1000, 2, 3); // 1000
 */
export function creationTimeFor(now: number, index: number, count: number): number {
	return now - (count - 1 - index);
}
