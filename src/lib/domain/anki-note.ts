import { contentId } from './ids';
import type { Card } from './models';

/**
 * A note imported from Anki, kept as Anki keeps it: its note type's fields, which its cards
 * are rendered from. Editing a field renders every card of the note again, and an `.apkg`
 * export writes the note back with its note type. (Cards made here keep their text on the
 * cards themselves: see `notes.ts`.)
 */

/** An Anki note type as the cards of its notes are rendered from it. */
export interface AnkiNoteTypeRecord {
	/** `notetype-` and a hash of everything below: the same note type imported twice is one row. */
	id: string;
	/** Anki's own id of the note type, written back on export. */
	mid: number;
	name: string;
	cloze: boolean;
	/** Field names, by position. */
	fields: string[];
	/** Card template names, by `ord`. */
	templates: string[];
	/** Each template's question and answer formats, by `ord` (empty when missing). */
	formats: { qfmt: string; afmt: string }[];
	/** The note type's stylesheet as Anki has it (the cards show it through `Card.style`). */
	css: string;
}

/** An Anki note: the fields its cards (those with `noteId` = `id`) are rendered from. */
export interface AnkiNoteRecord {
	/** The `noteId` of its cards (`anki-` and the note's guid). */
	id: string;
	/** An `AnkiNoteTypeRecord` id. */
	type: string;
	/** The fields' HTML, by position in the note type, pictures and sounds named as stored. */
	fields: string[];
	/** Last change to the fields, epoch ms: an import keeps whichever of two is newer. */
	modified: number;
	/**
	 * What each of its cards showed when the note last set their text (an import, an edit): a
	 * hash of the card's sides, by `ord` (see `rendersItsCards`). A card the edit left as it was
	 * (its cloze removed) is hashed as it is. Absent on notes stored before it was kept.
	 */
	rendered?: Record<number, string>;
}

type CardSides = Pick<Card, 'ord' | 'front' | 'back'>;

function sidesHash(card: CardSides): string {
	return contentId(`${card.front}\u0000${card.back}`);
}

/** The `rendered` record of a note whose cards are `cards`, as just rendered from it. */
export function renderedSides(cards: readonly CardSides[]): Record<number, string> {
	return Object.fromEntries(cards.map((card) => [card.ord, sidesHash(card)]));
}

/**
 * Whether the note's fields still give its cards the text they have. A card's text can
 * change without its note: edited card by card on another device and synced, restored from a
 * deck file, or taken from a package while the note edited here was kept. Editing or
 * exporting such a note would put its older fields over the newer text, so its cards are
 * edited, and exported, card by card instead.
 *
 * @example
 * rendersItsCards({ …note, rendered: renderedSides(cards) }, cards); // true
 */
export function rendersItsCards(note: AnkiNoteRecord, cards: readonly CardSides[]): boolean {
	const rendered = note.rendered;
	return rendered !== undefined && cards.every((card) => rendered[card.ord] === sidesHash(card));
}

/** The id a note type is stored under, from its content. */
export function ankiNoteTypeId(type: Omit<AnkiNoteTypeRecord, 'id'>): string {
	const { mid, name, cloze, fields, templates, formats, css } = type;
	return `notetype-${contentId(JSON.stringify([mid, name, cloze, fields, templates, formats, css]))}`;
}
