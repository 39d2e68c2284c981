import { createDeck } from '$lib/domain/deck-factory';
import type { CardDraft } from '$lib/domain/models';
import type { BuiltinDeck } from '$lib/storage/seed';
import { BUILTIN_ARTICLE } from './builtin-article';
import drafts from './builtin-drafts.json';

export const BUILTIN_DECK_ID = 'builtin-backend-developer';

/**
 * The deck the app ships with: the drafts the extractor offers for the shipped article
 * (those ticked by default and those under "More suggestions", not the optional extras such
 * as one cloze per list item: the deck was read through and every offered draft kept), through the same `createDeck` path as "New deck from article". The drafts
 * are the extractor's output kept as data (`builtin-drafts.json`), so a first visit
 * does not download the extractor; `builtin-deck.spec.ts` fails the moment they differ
 * from what `extractDrafts` makes, and `npx vitest run -u` writes them again. Ids are
 * fixed so that restoring the deck gives back the same cards.
 */
export function buildBuiltinDeck(now: Date): BuiltinDeck {
	return createDeck({
		name: BUILTIN_ARTICLE.title,
		source: { title: BUILTIN_ARTICLE.title, text: BUILTIN_ARTICLE.text },
		drafts: drafts as CardDraft[],
		now,
		builtin: true,
		newId: (index) => (index === 'deck' ? BUILTIN_DECK_ID : `${BUILTIN_DECK_ID}-${index}`)
	});
}
