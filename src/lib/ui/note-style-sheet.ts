import { scopedCss } from '$lib/domain/note-style';
import { database } from '$lib/storage/db';
import { readNoteStyles } from '$lib/storage/note-styles';

/**
 * The styling of an Anki card as the study screen applies it: the note type's stylesheet
 * scoped to the card's element, which carries `data-note-style` (see `$lib/domain/note-style`).
 * Loaded only for a card that names a style; a session shows the same few note types, so
 * each is read and scoped once.
 */

const sheets = new Map<string, Promise<string>>();

/** The attribute selector of the element that shows a card with this style. */
export function noteStyleScope(id: string): string {
	return `[data-note-style="${id}"]`;
}

/**
 * The CSS to put in the card's `<style>`: empty when the stylesheet is not stored.
 *
 * @example
 * await noteStyleSheet(card.style); // '[data-note-style="style-…"] { font-size: 30px }'
 */
export function noteStyleSheet(id: string): Promise<string> {
	let sheet = sheets.get(id);
	if (!sheet) {
		sheet = readNoteStyles(database(), [id]).then(([style]) =>
			style ? scopedCss(style.css, noteStyleScope(id)) : ''
		);
		sheets.set(id, sheet);
	}
	return sheet;
}
