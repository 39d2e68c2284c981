import type { Card } from '$lib/domain/models';

/** The index of cards whose search words are not written yet (see `withSearchDeferred`). */
export const SEARCH_PENDING = 'searchPending';

/**
 * Marks a card whose `words` may wait: `searchPending` is 1 and the word index is left for
 * `indexWaitingCards` (`search-index.ts`). A card's ~20 word index entries cost IndexedDB
 * more than the card itself (a 50,000-card import wrote ~40 % faster without them), so an
 * import writes its cards studyable at once and the search catches up in the background.
 */
export function withSearchDeferred<T extends Card>(card: T): T {
	return { ...card, [SEARCH_PENDING]: 1 };
}
