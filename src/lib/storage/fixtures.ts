import { createDeck } from '$lib/domain/deck-factory';
import type { CardDraft } from '$lib/domain/models';

/** A deck of `count` basic cards with predictable ids (`c0`, `c1`, …), for storage tests. */
export function sampleDeck(count: number, now: Date, deckId = 'd1') {
	const drafts: CardDraft[] = Array.from({ length: count }, (_, i) => ({
		kind: 'basic',
		front: `Question ${i}`,
		back: `Answer ${i}`,
		tags: [],
		source: null
	}));
	return createDeck({
		name: `Deck ${deckId}`,
		source: null,
		drafts,
		now,
		newId: (i) => (i === 'deck' ? deckId : `${deckId === 'd1' ? 'c' : deckId + '-c'}${i}`)
	});
}
