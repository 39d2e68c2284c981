import { createDeck } from '$lib/domain/deck-factory';
import type { CardDraft } from '$lib/domain/models';
import type { ImportPlan } from '$lib/transfer/plan';

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

/** `sampleDeck` as a deck file would bring it: an import plan of its deck and cards, no logs. */
export function sampleDeckPlan(count: number, now: Date, deckId = 'd1'): ImportPlan {
	const { deck, cards } = sampleDeck(count, now, deckId);
	return {
		kind: 'decks',
		sourceFormat: 'deck-json',
		decks: [{ deck, cards, logs: [], warnings: [] }]
	};
}
