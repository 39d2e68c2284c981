/**
 * The New deck screen's work in progress (the article, the drafts as edited, the deck name),
 * kept in localStorage until the deck is saved or the work discarded. A tap on Decks, the
 * phone's Back gesture, a reload or the system closing the installed app in the background
 * then loses nothing: the screen comes back as it was left.
 *
 * localStorage rather than IndexedDB: the state is one small document (an article is at most
 * 200,000 characters) read once when the screen opens, and it must be there before the first
 * paint to avoid a flash of the empty form.
 */

import type { ArticleDraft } from '$lib/extract';

const KEY = 'flashcards:new-deck';

export interface KeptDraft {
	article: string;
	deckName: string;
	pageTitle: string | null;
	/** Null until "Make cards" was pressed. */
	drafts: (ArticleDraft & { chosen: boolean })[] | null;
}

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage blocked (a privacy setting): nothing is kept, nothing breaks
	}
}

function isKeptDraft(value: unknown): value is KeptDraft {
	if (typeof value !== 'object' || value === null) return false;
	const kept = value as Record<string, unknown>;
	return (
		typeof kept.article === 'string' &&
		typeof kept.deckName === 'string' &&
		(kept.pageTitle === null || typeof kept.pageTitle === 'string') &&
		(kept.drafts === null || Array.isArray(kept.drafts))
	);
}

/** The kept work, or null when there is none (or what is there cannot be read). */
export function readKeptDraft(): KeptDraft | null {
	const raw = storage()?.getItem(KEY);
	if (!raw) return null;
	try {
		const value: unknown = JSON.parse(raw);
		return isKeptDraft(value) ? value : null;
	} catch {
		return null;
	}
}

/** Keeps the work; an empty form clears what was kept. Quota errors are ignored: a best effort. */
export function keepDraft(draft: KeptDraft): void {
	const store = storage();
	if (!store) return;
	try {
		if (!draft.article.trim() && draft.drafts === null) store.removeItem(KEY);
		else store.setItem(KEY, JSON.stringify(draft));
	} catch {
		// Full storage: the form still works, it is only not kept.
	}
}

export function forgetDraft(): void {
	storage()?.removeItem(KEY);
}
