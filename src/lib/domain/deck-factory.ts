import { randomId } from './ids';
import type { Card, CardDraft, Deck, TextFormat } from './models';
import { newScheduling } from './scheduler';

export interface NewDeckInput {
	name: string;
	source: Deck['source'];
	drafts: readonly CardDraft[];
	now: Date;
	builtin?: boolean;
	format?: TextFormat;
	/** Makes ids; tests and the built-in deck pass a deterministic one. */
	newId?: (index: number | 'deck') => string;
}

/**
 * Turns card drafts into a deck of new cards. The built-in deck and a deck the
 * user makes from an article both go through here, so they behave the same.
 * New cards are introduced in draft order: each is due one millisecond after the
 * previous one, since new cards are read from the due index in order.
 *
 * @example
 * const { deck, cards } = createDeck({ name: 'HTTP', source: null, drafts, now: new Date() });
 */
export function createDeck(input: NewDeckInput): { deck: Deck; cards: Card[] } {
	const newId = input.newId ?? randomId;
	const created = input.now.getTime();
	const deck: Deck = {
		id: newId('deck'),
		name: input.name.trim(),
		created,
		source: input.source,
		builtin: input.builtin ?? false,
		overrides: {}
	};
	const cards = input.drafts.map((draft, index): Card => {
		const scheduling = newScheduling(new Date(created + index));
		const id = newId(index);
		return {
			...scheduling,
			id,
			deckId: deck.id,
			// Each draft is a note of its own.
			noteId: id,
			ord: 0,
			kind: draft.kind,
			front: draft.front,
			back: draft.back,
			format: input.format ?? 'text',
			tags: [...draft.tags],
			source: draft.source,
			suspended: false,
			buriedUntil: 0,
			created: created + index,
			modified: created
		};
	});
	return { deck, cards };
}
