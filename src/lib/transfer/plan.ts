import type { AnkiNoteRecord, AnkiNoteTypeRecord } from '$lib/domain/anki-note';
import type { MediaFile } from '$lib/domain/media';
import type { Card, Deck, ReviewLog, Settings } from '$lib/domain/models';
import type { NoteStyle } from '$lib/domain/note-style';

/**
 * What an importer hands to storage: plain objects, nothing written yet. Storage applies a
 * plan in one transaction, so an import lands whole or not at all.
 */

/** One deck to write, with its cards, their review history and anything the user should know. */
export interface DeckImport {
	deck: Deck;
	cards: Card[];
	logs: ReviewLog[];
	/** Sentences for the user: what was skipped or changed on the way in. */
	warnings: string[];
}

/** Where a `decks` plan came from, so the UI can word its summary. */
export type SourceFormat = 'deck-json' | 'csv' | 'apkg';

export type ImportPlan =
	| {
			kind: 'decks';
			decks: DeckImport[];
			sourceFormat: SourceFormat;
			/** Pictures and sounds the cards show, stored under their content's name (`$lib/domain/media`). */
			media?: MediaFile[];
			/** The stylesheets of the cards' note types (`Card.style`), stored under their content's name. */
			styles?: NoteStyle[];
			/** Anki notes the cards are rendered from, kept so that an edit renders them again. */
			notes?: AnkiNoteRecord[];
			/** Their note types, stored under their content's name. */
			noteTypes?: AnkiNoteTypeRecord[];
	  }
	| {
			kind: 'backup';
			decks: DeckImport[];
			settings: Settings | null;
			/** When the backup was made (epoch ms), shown before it replaces anything; null if unknown. */
			exported: number | null;
			/** Pictures and sounds the cards show (added to those on the device, never replacing them). */
			media?: MediaFile[];
			/** The stylesheets of the cards' note types, as in a `decks` plan. */
			styles?: NoteStyle[];
			/** Anki notes and note types, as in a `decks` plan. */
			notes?: AnkiNoteRecord[];
			noteTypes?: AnkiNoteTypeRecord[];
	  };

/** Turns untrusted HTML into HTML that is safe to render (see `createSanitizer`). */
export type Sanitize = (html: string) => string;

/** What every importer needs from its caller. */
export interface ParseOptions {
	/** The moment of the import: new cards become due now. Never read from the clock inside. */
	now: Date;
	/** Applied to every field that is imported as HTML. */
	sanitize: Sanitize;
	/** Makes ids for new decks, cards and logs; `randomId` unless a test fixes it. */
	newId?: () => string;
}

/** The default id maker. */
export { randomId } from '$lib/domain/ids';
