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
	return isAppGuid(guid) ? guid.slice(APP_PREFIX.length) : `${ANKI_PREFIX}${guid}`;
}

/** Whether a guid was written by this app, so its note's text is the note itself. */
export function isAppGuid(guid: string): boolean {
	return guid.startsWith(APP_PREFIX) && guid.length > APP_PREFIX.length;
}
