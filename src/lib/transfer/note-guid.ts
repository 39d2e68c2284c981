/**
 * How a note's identity travels through Anki's formats: as its guid (the `notes.guid` of a
 * package, the `#guid column:` of a text file), which Anki keeps when a deck is shared and
 * imported elsewhere. A note that came from Anki is `anki-<guid>` here and goes back with
 * its own guid; a note made here goes out with its `noteId` behind a prefix that no Anki
 * guid has (Anki's are ten characters), and comes back as the same `noteId`.
 */

/** Marks a guid written by this app. */
const APP_PREFIX = 'article-flashcards:';
const ANKI_PREFIX = 'anki-';
/** Ends the guid of a card written as a note of its own (see `guidForCard`). */
const CARD_MARK = /#card(\d+)$/;

/**
 * The guid that carries a note's id out.
 *
 * @example
 * guidForNote('3b241101-e2bb'); // 'article-flashcards:3b241101-e2bb'
 * guidForNote('anki-Ab3$x+y:1Q'); // 'Ab3$x+y:1Q'
 */
export function guidForNote(noteId: string): string {
	const ankiGuid = noteId.startsWith(ANKI_PREFIX) ? noteId.slice(ANKI_PREFIX.length) : '';
	// A guid that would read as this app's cannot go out bare; behind the prefix it comes back whole.
	return ankiGuid !== '' && !isAppGuid(ankiGuid) ? ankiGuid : `${APP_PREFIX}${noteId}`;
}

/**
 * The `noteId` a guid names: the inverse of `guidForNote`.
 *
 * @example
 * noteIdForGuid('article-flashcards:3b241101-e2bb'); // '3b241101-e2bb'
 * noteIdForGuid('Ab3$x+y:1Q'); // 'anki-Ab3$x+y:1Q'
 */
export function noteIdForGuid(guid: string): string {
	return readGuid(guid).noteId;
}

/**
 * The guid of one card written as a Basic note of its own, because its note cannot be
 * rebuilt (its text was rendered on import from Anki): it carries the card's `ord` too.
 *
 * @example
 * guidForCard('anki-Ab3', 2); // 'article-flashcards:anki-Ab3#card2'
 */
export function guidForCard(noteId: string, ord: number): string {
	return `${APP_PREFIX}${noteId}#card${ord}`;
}

/** Whether a note came from Anki (`anki-<guid>`), so Anki's own note may be kept for it. */
export function isAnkiNoteId(noteId: string): boolean {
	return noteId.startsWith(ANKI_PREFIX);
}

/**
 * The note a guid names and, for a card written as a note of its own, the card's `ord`.
 *
 * @example
 * readGuid('article-flashcards:anki-Ab3#card2'); // { noteId: 'anki-Ab3', ord: 2 }
 * readGuid('Ab3$x+y:1Q'); // { noteId: 'anki-Ab3$x+y:1Q', ord: null }
 */
export function readGuid(guid: string): { noteId: string; ord: number | null } {
	if (!isAppGuid(guid)) return { noteId: `${ANKI_PREFIX}${guid}`, ord: null };
	const payload = guid.slice(APP_PREFIX.length);
	const card = CARD_MARK.exec(payload);
	return card
		? { noteId: payload.slice(0, card.index), ord: Number(card[1]) }
		: { noteId: payload, ord: null };
}

/** Whether a guid was written by this app, so its note's text is the note itself. */
export function isAppGuid(guid: string): boolean {
	return guid.startsWith(APP_PREFIX) && guid.length > APP_PREFIX.length;
}
