import type { Card } from '$lib/domain/models';
import type { NoteInput } from '$lib/domain/notes';
import type { AnkiNoteEdit } from '$lib/storage/anki-notes';
import { editNote, type CardsUndo } from '$lib/storage/card-actions';
import type { FlashcardsDB } from '$lib/storage/db';
import { loadSanitizer } from './cards/card-html';

/**
 * What the card editor (`CardEditor.svelte`) saves: a card's own text, or the fields of the
 * Anki note it is rendered from.
 */
export type CardEdit =
	{ text: Pick<NoteInput, 'front' | 'back' | 'tags'> } | { note: AnkiNoteEdit };

/** Saves an edit of card `cardId` (and its note's siblings), and says how to undo it. */
export async function saveCardEdit(
	db: FlashcardsDB,
	cardId: string,
	edit: CardEdit,
	now: Date
): Promise<CardsUndo & { card: Card }> {
	if ('note' in edit) {
		// Only cards from Anki have notes: the study screen does not carry this code until one is edited.
		const { editAnkiNote } = await import('$lib/storage/anki-notes');
		return editAnkiNote(db, cardId, edit.note, now, await loadSanitizer());
	}
	return editNote(db, cardId, edit.text, now);
}
