import { mediaReferences, type MediaFile } from '$lib/domain/media';
import type { Card } from '$lib/domain/models';
import type { FlashcardsDB, StoredMedia } from './db';

/**
 * Pictures and sounds on this device. A file is stored once under its content's name, however
 * many cards show it; it is written in the same transaction as the cards that bring it (see
 * `applyImport`), and removed only by `removeUnusedMedia`, when no card shows it any more.
 */

/**
 * Stores the files not stored yet. Call inside a transaction that includes `db.media`. A
 * name is its content's hash, so a file already here is the same file and is not rewritten.
 */
export async function storeMedia(db: FlashcardsDB, files: readonly MediaFile[]): Promise<number> {
	if (files.length === 0) return 0;
	const present = await db.media.bulkGet(files.map((file) => file.name));
	const missing = files.filter((_, i) => present[i] === undefined);
	await db.media.bulkAdd(
		missing.map((file): StoredMedia => ({
			...file,
			// IndexedDB stores a view's whole buffer: a view into something larger is copied.
			bytes:
				file.bytes.byteLength === file.bytes.buffer.byteLength ? file.bytes : file.bytes.slice(),
			size: file.bytes.length
		}))
	);
	return missing.length;
}

/** The stored files among `names` (in no particular order); names with no file are left out. */
export async function readMedia(db: FlashcardsDB, names: readonly string[]): Promise<MediaFile[]> {
	if (names.length === 0) return [];
	const found = await db.media.bulkGet([...names]);
	return found.filter((file): file is StoredMedia => file !== undefined);
}

/** The stored files `cards` show, each once: what an export carries with them. */
export async function mediaShownBy(
	db: FlashcardsDB,
	cards: readonly Pick<Card, 'front' | 'back'>[]
): Promise<MediaFile[]> {
	const names = new Set<string>();
	for (const card of cards) addNamesShownBy(card, names);
	return readMedia(db, [...names]);
}

/** Adds to `names` the files a card's two sides show. */
function addNamesShownBy(card: Pick<Card, 'front' | 'back'>, names: Set<string>): void {
	for (const name of mediaReferences(card.front)) names.add(name);
	for (const name of mediaReferences(card.back)) names.add(name);
}

/** A number of stored files and the room they take. */
export interface MediaTotal {
	files: number;
	bytes: number;
}

/** Every name some card shows. Reads every card: for Settings, never for the study path. */
async function namesInUse(db: FlashcardsDB): Promise<Set<string>> {
	const used = new Set<string>();
	await db.cards.each((card) => addNamesShownBy(card, used));
	return used;
}

/** Each stored file's name and size, read from the `size` index (the files stay on disk). */
async function storedSizes(db: FlashcardsDB): Promise<Map<string, number>> {
	const sizes = new Map<string, number>();
	await db.media.orderBy('size').eachKey((size, cursor) => {
		sizes.set(cursor.primaryKey as string, size as number);
	});
	return sizes;
}

function total(sizes: Iterable<number>): MediaTotal {
	const sum: MediaTotal = { files: 0, bytes: 0 };
	for (const size of sizes) {
		sum.files++;
		sum.bytes += size;
	}
	return sum;
}

/** How many files are stored and how much room they take, from the index alone. */
export async function mediaTotal(db: FlashcardsDB): Promise<MediaTotal> {
	return total((await storedSizes(db)).values());
}

/** The stored files no card shows any more (Anki's "Check Media"). Reads every card. */
export async function unusedMedia(db: FlashcardsDB): Promise<MediaTotal> {
	return db.transaction('r', db.media, db.cards, async () => {
		const sizes = await storedSizes(db);
		if (sizes.size === 0) return total([]);
		const used = await namesInUse(db);
		return total([...sizes].filter(([name]) => !used.has(name)).map(([, size]) => size));
	});
}

/** Removes the files no card shows, in one transaction; returns how many. */
export async function removeUnusedMedia(db: FlashcardsDB): Promise<number> {
	return db.transaction('rw', db.media, db.cards, async () => {
		const used = await namesInUse(db);
		const names = [...(await storedSizes(db)).keys()];
		const unused = names.filter((name) => !used.has(name));
		await db.media.bulkDelete(unused);
		return unused.length;
	});
}
