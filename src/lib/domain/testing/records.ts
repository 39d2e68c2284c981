import { CardState, Grade, type Card, type Deck, type ReviewLog } from '../models';

/**
 * A new basic card with every field filled, for tests that care about a few of them.
 * Not for the app: it makes cards through `createDeck`, `cardsForNote` and `newCard`.
 */
export function testCard(over: Partial<Card> & Pick<Card, 'id'>): Card {
	return {
		deckId: 'deck',
		noteId: over.id,
		ord: 0,
		kind: 'basic',
		front: `front ${over.id}`,
		back: `back ${over.id}`,
		format: 'text',
		tags: [],
		source: null,
		suspended: false,
		buriedUntil: 0,
		created: 0,
		modified: 0,
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: CardState.New,
		last_review: null,
		...over
	};
}

/** A deck with every field filled, for tests. */
export function testDeck(over: Partial<Deck> & Pick<Deck, 'id'>): Deck {
	return {
		name: `Deck ${over.id}`,
		created: 0,
		source: null,
		builtin: false,
		overrides: {},
		...over
	};
}

/** A review log with every field filled (an answer Good to a new card), for tests. */
export function testLog(
	over: Partial<ReviewLog> & Pick<ReviewLog, 'id' | 'cardId' | 'review'>
): ReviewLog {
	return {
		deckId: 'deck',
		rating: Grade.Good,
		state: CardState.New,
		due: 0,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		...over
	};
}
