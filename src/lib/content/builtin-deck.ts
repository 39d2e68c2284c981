import { createDeck } from '$lib/domain/deck-factory';
import { extractDrafts } from '$lib/extract';
import type { BuiltinDeck } from '$lib/storage/seed';
import { BUILTIN_ARTICLE } from './builtin-article';

export const BUILTIN_DECK_ID = 'builtin-backend-developer';

/**
 * The deck the app ships with: the extractor run on the shipped article at first
 * run, through the same `extractDrafts` → `createDeck` path as "New deck from
 * article", keeping the drafts the extractor suggests. Ids are fixed so that
 * restoring the deck gives back the same cards.
 */
export function buildBuiltinDeck(now: Date): BuiltinDeck {
	const { drafts } = extractDrafts(BUILTIN_ARTICLE.text);
	return createDeck({
		name: BUILTIN_ARTICLE.title,
		source: { title: BUILTIN_ARTICLE.title, text: BUILTIN_ARTICLE.text },
		drafts: drafts.filter((draft) => draft.suggested),
		now,
		builtin: true,
		newId: (index) => (index === 'deck' ? BUILTIN_DECK_ID : `${BUILTIN_DECK_ID}-${index}`)
	});
}
