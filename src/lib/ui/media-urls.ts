import { mediaHtml, type MediaFile } from '$lib/domain/media';
import { database, type FlashcardsDB } from '$lib/storage/db';
import { readMedia } from '$lib/storage/media';

export interface ShownMedia {
	/** The card's HTML with its pictures and sounds pointed at the stored files. */
	html(clean: string): string;
	/** Frees the object URLs: call when the card is no longer shown. */
	revoke(): void;
}

/**
 * Files read before their card is shown (see `readMediaAhead`), by name, oldest first. A
 * stored file's name is its content's hash, so a file read ahead never goes stale.
 */
const readAhead = new Map<string, Promise<MediaFile | undefined>>();
/** Enough for the next card's two sides; a few pictures' bytes at most are held. */
const READ_AHEAD_FILES = 8;

/**
 * Reads the files of the card about to be shown, so that it appears with its pictures
 * without waiting for IndexedDB after the tap (the study screen calls this for the card
 * read ahead). A failed read is forgotten: the card then reads its files itself.
 */
export function readMediaAhead(names: readonly string[], db: FlashcardsDB = database()): void {
	const missing = names.filter((name) => !readAhead.has(name));
	const read = readMedia(db, missing); // none to read: no transaction
	for (const name of names) {
		// Those already held move to the newest end, so this card's files are let go last.
		const held = readAhead.get(name);
		const file = held ?? read.then((files) => files.find((f) => f.name === name));
		readAhead.delete(name);
		readAhead.set(name, file);
		if (!held)
			file.catch(() => {
				if (readAhead.get(name) === file) readAhead.delete(name);
			});
	}
	for (const name of readAhead.keys()) {
		if (readAhead.size <= Math.max(READ_AHEAD_FILES, names.length)) break;
		readAhead.delete(name);
	}
}

/**
 * Object URLs for the stored files among `names`: those read ahead from memory, the rest
 * (and any not found when read ahead) read in one transaction. The keyboard and the study
 * path never wait on this: it runs only for a card that shows media.
 */
export async function mediaUrls(
	names: readonly string[],
	db: FlashcardsDB = database()
): Promise<ShownMedia> {
	const early = await Promise.all(names.map((name) => readAhead.get(name)?.catch(() => undefined)));
	const files = early.filter((file): file is MediaFile => file !== undefined);
	const found = new Set(files.map((file) => file.name));
	files.push(
		...(await readMedia(
			db,
			names.filter((name) => !found.has(name))
		))
	);
	const urls = new Map(
		files.map((file) => [
			file.name,
			URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.type }))
		])
	);
	return {
		html: (clean) => mediaHtml(clean, urls),
		revoke: () => urls.forEach((url) => URL.revokeObjectURL(url))
	};
}
