import fc from 'fast-check';
import {
	CARD_KINDS,
	GRADES,
	type Card,
	type CardState,
	type Deck,
	type ReviewLog,
	type Settings
} from '$lib/domain/models';

/**
 * fast-check generators for anything the app can hold: every field in its valid range,
 * text drawn from all of Unicode (lone surrogates included, since a browser's IndexedDB
 * stores them and JSON must carry them back).
 */

const text = fc.string({ unit: 'binary', maxLength: 40 });
const nonBlank = text.filter((s) => s.trim() !== '');
const ms = fc.integer({ min: 0, max: 4_102_444_800_000 });
// `+ 0` turns -0 into 0: JSON has no negative zero, and the app never makes one.
const days = fc.double({ min: 0, max: 36_500, noNaN: true }).map((d) => d + 0);
const count = fc.nat({ max: 10_000 });
const state = fc.constantFrom<CardState>(0, 1, 2, 3);

export const deckArb: fc.Arbitrary<Deck> = fc.record({
	id: fc.uuid(),
	name: nonBlank,
	created: ms,
	source: fc.option(fc.record({ title: text, text }), { nil: null }),
	builtin: fc.boolean(),
	overrides: fc.record(
		{
			newPerDay: count.filter((n) => n <= 9999),
			learningSteps: fc.constantFrom('', '1m', '5m 1h 1d'),
			burySiblings: fc.boolean()
		},
		{ requiredKeys: [] }
	)
});

const sourceArb = fc
	.record({
		heading: fc.option(text, { nil: null }),
		paragraph: count,
		start: count,
		length: count,
		text
	})
	.map(({ length, ...s }) => ({ ...s, end: s.start + length }));

export function cardArb(deckId: string): fc.Arbitrary<Card> {
	return fc.record({
		id: fc.uuid(),
		deckId: fc.constant(deckId),
		noteId: fc.uuid(),
		ord: fc.nat({ max: 20 }),
		kind: fc.constantFrom(...CARD_KINDS),
		front: text,
		back: text,
		format: fc.constantFrom('text' as const, 'html' as const),
		tags: fc.array(text, { maxLength: 4 }),
		source: fc.option(sourceArb, { nil: null }),
		suspended: fc.boolean(),
		buriedUntil: fc.oneof(fc.constant(0), ms),
		created: ms,
		modified: ms,
		due: ms,
		stability: days,
		difficulty: fc.double({ min: 0, max: 10, noNaN: true }).map((d) => d + 0),
		elapsed_days: days,
		scheduled_days: days,
		learning_steps: count,
		reps: count,
		lapses: count,
		state,
		last_review: fc.option(ms, { nil: null })
	});
}

export function logArb(deckId: string, cardIds: string[]): fc.Arbitrary<ReviewLog> {
	return fc.record({
		id: fc.uuid(),
		cardId: fc.constantFrom(...cardIds),
		deckId: fc.constant(deckId),
		rating: fc.constantFrom(...GRADES),
		state,
		due: ms,
		stability: days,
		difficulty: fc.double({ min: 0, max: 10, noNaN: true }).map((d) => d + 0),
		elapsed_days: days,
		last_elapsed_days: days,
		scheduled_days: days,
		learning_steps: count,
		review: ms
	});
}

export interface DeckData {
	deck: Deck;
	cards: Card[];
	logs: ReviewLog[];
}

/** A deck with unique card ids and logs that point at its cards. */
export const deckDataArb: fc.Arbitrary<DeckData> = deckArb.chain((deck) =>
	fc.uniqueArray(cardArb(deck.id), { selector: (c) => c.id, maxLength: 8 }).chain((cards) =>
		(cards.length
			? fc.uniqueArray(
					logArb(
						deck.id,
						cards.map((c) => c.id)
					),
					{ selector: (l) => l.id, maxLength: 8 }
				)
			: fc.constant([] as ReviewLog[])
		).map((logs) => ({ deck, cards, logs }))
	)
);

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
	desiredRetention: fc.double({ min: 0.7, max: 0.99, noNaN: true }),
	newPerDay: count.filter((n) => n <= 9999),
	reviewsPerDay: count,
	learningSteps: fc.constantFrom('', '1m 10m', '30m 2h 1d'),
	relearningSteps: fc.constantFrom('', '10m', '1h 1d'),
	maximumInterval: fc.integer({ min: 1, max: 36_500 }),
	newCardOrder: fc.constantFrom('article' as const, 'random' as const),
	burySiblings: fc.boolean(),
	fsrsParameters: fc.constantFrom(
		'',
		'0.2120, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.0010, 1.8722, 0.1666, 0.7960, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542'
	),
	dayStartHour: fc.integer({ min: 0, max: 23 }),
	fuzz: fc.boolean(),
	gradeBySwiping: fc.boolean(),
	playSoundsAutomatically: fc.boolean()
});

function allIdsUnique(decks: DeckData[]): boolean {
	const ids = new Set<string>();
	let total = 0;
	for (const d of decks) {
		ids.add(`d:${d.deck.id}`);
		for (const c of d.cards) ids.add(`c:${c.id}`);
		for (const l of d.logs) ids.add(`l:${l.id}`);
		total += 1 + d.cards.length + d.logs.length;
	}
	return ids.size === total;
}

/** Everything a backup holds; ids are unique across decks as the database requires. */
export const backupArb = fc
	.record({
		decks: fc.array(deckDataArb, { maxLength: 4 }),
		settings: fc.option(settingsArb, { nil: null })
	})
	.filter((b) => allIdsUnique(b.decks));
