import type { NoteStyle } from '$lib/domain/note-style';
import type { FlashcardsDB } from './db';

/**
 * Anki note types' stylesheets (`Card.style`), stored by an import in its own transaction
 * (`applyImport`) and read when a card that names one is shown or exported.
 */

/**
 * The stylesheets with these ids that are stored; an id with none is left out.
 *
 * @example
 * await readNoteStyles(db, [card.style]); // [{ id: 'style-…', css: '.card { … }' }]
 */
export async function readNoteStyles(
	db: FlashcardsDB,
	ids: readonly (string | undefined)[]
): Promise<NoteStyle[]> {
	const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
	const rows = await db.noteStyles.bulkGet(wanted);
	return rows.filter((row): row is NoteStyle => row !== undefined);
}
