import { ImportError } from '$lib/errors';
import {
	mediaReferences,
	mediaType,
	renameMediaReferences,
	storedMediaName,
	type MediaFile
} from '$lib/domain/media';
import { isZstd, unzstd } from './zstd';
import { protoFields } from './protobuf';
import { sha1OfBytesFast } from './sha1';
import { megabytes, readZipEntry, type ZipBudget, type ZipEntry } from './zip-reader';

/**
 * Anki's media in a package: files stored as zip entries named `0`, `1` …, and the `media`
 * entry that names them. Older packages list them as JSON (`{"0": "dog.jpg"}`); packages from
 * Anki ≥ 2.1.50 as Zstandard-compressed protobuf (`MediaEntries { repeated MediaEntry entries
 * = 1 }`, each with `name = 1` and an optional `legacy_zip_filename = 255`; without it the
 * entry's position is its zip name), with each file Zstandard-compressed too.
 */
export interface PackagedMedia {
	/** Every file name the package lists. */
	names: string[];
	/** A listed file's bytes, or null when the package does not carry it. */
	read(name: string): Uint8Array | null;
}

/** A package without media. */
export const NO_MEDIA: PackagedMedia = { names: [], read: () => null };

/** Zip entry name by file name, from the `media` entry; empty when it is damaged. */
function mediaIndex(list: Uint8Array, budget: ZipBudget): Map<string, string> {
	const index = new Map<string, string>();
	try {
		if (isZstd(list)) {
			const decoder = new TextDecoder();
			let position = 0;
			for (const entry of protoFields(unzstd(list, 'media', budget))) {
				if (entry.field !== 1 || !(entry.value instanceof Uint8Array)) continue;
				let name: string | null = null;
				let zipName = String(position++);
				for (const f of protoFields(entry.value)) {
					if (f.field === 1 && f.value instanceof Uint8Array) name = decoder.decode(f.value);
					if (f.field === 255 && typeof f.value === 'number') zipName = String(f.value);
				}
				if (name) index.set(name, zipName);
			}
			return index;
		}
		const list_: unknown = JSON.parse(new TextDecoder().decode(list));
		if (typeof list_ !== 'object' || list_ === null) return index;
		for (const [zipName, name] of Object.entries(list_))
			if (typeof name === 'string') index.set(name, zipName);
	} catch {
		// A damaged list only costs the pictures and sounds: their cards still come in.
	}
	return index;
}

/**
 * The package's media, read lazily: a file is inflated only when a card refers to it, and
 * counts against the same `budget` as the collection (so a zip bomb hidden in media is
 * refused like any other).
 *
 * @example
 * const media = packagedMedia(bytes, entriesByName, budget);
 * media.names; // ['dog.jpg', 'inu.mp3']
 * media.read('dog.jpg'); // Uint8Array […]
 */
export function packagedMedia(
	bytes: Uint8Array,
	entries: ReadonlyMap<string, ZipEntry>,
	budget: ZipBudget
): PackagedMedia {
	const list = entries.get('media');
	if (!list) return NO_MEDIA;
	const index = mediaIndex(readZipEntry(bytes, list, budget), budget);
	return {
		names: [...index.keys()],
		read(name) {
			const zipName = index.get(name);
			const entry = zipName === undefined ? undefined : entries.get(zipName);
			if (!entry) return null;
			const data = readZipEntry(bytes, entry, budget);
			return isZstd(data) ? unzstd(data, name, budget) : data;
		}
	};
}

/** Most bytes of pictures and sounds one import may bring (a phone's storage is not a desktop's). */
export const MAX_IMPORT_MEDIA_BYTES = 256 * 1024 * 1024;

/**
 * The package's files that the notes' fields refer to, each read once and named by its
 * content (`storedMediaName`), by the name the package gives it. Files no field shows stay
 * behind (never inflated), as do a note type's or an add-on's own (named with a leading
 * underscore: fonts, scripts, add-on data). Throws an `ImportError` once the files would pass
 * `limit` bytes, before anything is written.
 */
export async function readMediaShownBy(
	media: PackagedMedia,
	fields: Iterable<string>,
	limit = MAX_IMPORT_MEDIA_BYTES
): Promise<Map<string, MediaFile>> {
	const wanted = new Set<string>();
	for (const field of fields)
		for (const name of mediaReferences(field)) if (!name.startsWith('_')) wanted.add(name);
	const read: { name: string; bytes: Uint8Array }[] = [];
	let total = 0;
	for (const name of wanted) {
		const found = media.read(name);
		if (!found) continue;
		// A stored (not deflated) entry is a view into the whole package: copied, so that
		// storing or sending one file never carries the package with it.
		const bytes = found.byteLength === found.buffer.byteLength ? found : found.slice();
		total += bytes.length;
		if (total > limit)
			throw new ImportError(
				`The package's pictures and sounds take more than ${megabytes(limit)}, ` +
					'more than one import may bring, so nothing was imported. In Anki, export the deck ' +
					'in smaller parts and import each.'
			);
		read.push({ name, bytes });
	}
	const hashes = await Promise.all(read.map(({ bytes }) => sha1OfBytesFast(bytes)));
	return new Map(
		read.map(({ name, bytes }, i) => {
			const stored = storedMediaName(hashes[i] as string, name);
			return [name, { name: stored, type: mediaType(name), bytes }];
		})
	);
}

/**
 * The media a plan carries, gathered card by card: each reference to a file read by
 * `readMediaShownBy` is pointed at its stored name, so the same file under two names is
 * stored once; a reference to any other file is counted as missing.
 */
export class CarriedMedia {
	#used = new Map<string, MediaFile>();
	#absent = new Set<string>();

	constructor(private readonly files_: ReadonlyMap<string, MediaFile>) {}

	/** The side with its references pointed at stored names. */
	carry(side: string): string {
		const renames = new Map<string, string>();
		for (const name of mediaReferences(side)) {
			const file = this.files_.get(name);
			if (file) {
				renames.set(name, file.name);
				this.#used.set(file.name, file);
			} else if (!name.startsWith('_')) this.#absent.add(name);
		}
		return renameMediaReferences(side, renames);
	}

	/**
	 * A note's field with its references to files a carried side shows pointed at their
	 * stored names; others (files no card shows, which are not stored) keep their name.
	 */
	named(field: string): string {
		const renames = new Map<string, string>();
		for (const name of mediaReferences(field)) {
			const file = this.files_.get(name);
			if (file && this.#used.has(file.name)) renames.set(name, file.name);
		}
		return renameMediaReferences(field, renames);
	}

	/** The files the carried sides show, each once. */
	files(): MediaFile[] {
		return [...this.#used.values()];
	}

	/** How many files the carried sides show that the package does not carry. */
	missing(): number {
		return this.#absent.size;
	}
}
