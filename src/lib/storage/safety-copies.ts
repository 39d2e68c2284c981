import { SafetyCopyError } from '$lib/errors';
import { encodeBackup } from '$lib/transfer/deck-file';
import { readAnkiNotes } from './anki-notes';
import type { FlashcardsDB } from './db';
import { readEverything } from './export';

/**
 * Safety copies: before a restore replaces the collection on this device, the collection
 * is saved inside the database as a backup, so the restore can be undone from Settings.
 *
 * A copy is stored as the text of a backup file (`encodeBackup`), not as rows: restoring
 * it is then restoring a file, read by the same versioned reader, so a copy kept by this
 * version still reads after a later one changes the schema; and Download hands over
 * exactly the file Back up everything would have made at that moment.
 */

/** How many safety copies are kept; a new one forgets the oldest beyond this. */
export const SAFETY_COPIES_KEPT = 3;

/** One safety copy, as Settings lists it (the file text is stored apart). */
export interface SafetyCopy {
	/** Ascending in the order the copies were made. */
	id: number;
	/** When it was made (epoch ms): the moment of the restore that replaced it. */
	made: number;
	decks: number;
	cards: number;
	reviews: number;
}

/** The backup file text of the safety copy with the same id. */
export interface SafetyCopyFile {
	id: number;
	text: string;
}

/**
 * Saves everything on the device as a safety copy made at `now`, and forgets the oldest
 * copies beyond `SAFETY_COPIES_KEPT` in the same transaction. Called by a restore inside
 * its own transaction (which must include the tables read and written here), so the copy
 * commits with the restore or not at all. Returns null, saving nothing, when there is no
 * deck to lose (an empty copy would only push a useful one out).
 *
 * Any failure (a full disk, most likely) is thrown as a `SafetyCopyError`, whose message
 * says the restore did not go ahead; thrown inside the restore's transaction, it aborts it.
 */
export async function keepSafetyCopy(db: FlashcardsDB, now: Date): Promise<SafetyCopy | null> {
	try {
		return await db.transaction(
			'rw',
			[
				db.decks,
				db.cards,
				db.reviewLogs,
				db.settings,
				db.ankiNotes,
				db.ankiNoteTypes,
				db.safetyCopies,
				db.safetyCopyFiles
			],
			async () => {
				const everything = await readEverything(db);
				if (everything.decks.length === 0) return null;
				const counts = {
					made: now.getTime(),
					decks: everything.decks.length,
					cards: everything.decks.reduce((sum, deck) => sum + deck.cards.length, 0),
					reviews: everything.decks.reduce((sum, deck) => sum + deck.logs.length, 0)
				};
				const cards = everything.decks.flatMap((deck) => deck.cards);
				const text = encodeBackup(everything, { now, ankiNotes: await readAnkiNotes(db, cards) });
				const id = await db.safetyCopies.add(counts);
				await db.safetyCopyFiles.add({ id, text });
				const older = await db.safetyCopies
					.orderBy(':id')
					.reverse()
					.offset(SAFETY_COPIES_KEPT)
					.primaryKeys();
				await db.safetyCopies.bulkDelete(older);
				await db.safetyCopyFiles.bulkDelete(older);
				return { id, ...counts };
			}
		);
	} catch (error) {
		throw new SafetyCopyError(error);
	}
}

/** The safety copies kept, newest first, without their file text. */
export async function listSafetyCopies(db: FlashcardsDB): Promise<SafetyCopy[]> {
	return db.safetyCopies.orderBy(':id').reverse().toArray();
}

/** A safety copy with its backup file text, or null when it is no longer kept. */
export async function readSafetyCopy(
	db: FlashcardsDB,
	id: number
): Promise<{ copy: SafetyCopy; text: string } | null> {
	return db.transaction('r', db.safetyCopies, db.safetyCopyFiles, async () => {
		const [copy, file] = await Promise.all([db.safetyCopies.get(id), db.safetyCopyFiles.get(id)]);
		return copy && file ? { copy, text: file.text } : null;
	});
}
