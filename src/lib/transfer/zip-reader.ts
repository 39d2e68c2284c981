import { Inflate } from 'fflate';
import { ImportError } from '$lib/errors';

/**
 * Reads a zip archive's directory and inflates single entries, with a guard against zip
 * bombs. fflate's `unzipSync` trusts the sizes an archive declares and inflates everything;
 * here only the entries asked for are inflated, their declared sizes are checked first
 * (total and compression ratio), and an entry is inflated into a buffer of its declared
 * size, stopping at the first byte beyond it, so a lying header costs neither memory nor
 * the time to inflate what it hid.
 */

export interface ZipEntry {
	name: string;
	/** 0 = stored, 8 = deflate. */
	method: number;
	compressedSize: number;
	size: number;
	/** Offset of the entry's local header. */
	offset: number;
	encrypted: boolean;
}

export interface ZipLimits {
	/** Most bytes all inflated entries together may take. */
	maxTotal: number;
	/** Highest size ÷ compressed size allowed for an entry larger than `ratioFloor`. */
	maxRatio: number;
	ratioFloor: number;
}

/**
 * 512 MiB in all. A SQLite collection compresses 3–10×, so 200× is far above any real one
 * and far below a bomb (deflate reaches ~1000× on repeated bytes). Small entries are exempt:
 * an empty 4 KiB page compresses to almost nothing.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
	maxTotal: 512 * 1024 * 1024,
	maxRatio: 200,
	ratioFloor: 1024 * 1024
};

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function notAZip(detail: string): ImportError {
	return new ImportError(
		`This file is not a readable zip archive (${detail}), so it cannot be an Anki package. It may be damaged or only partly downloaded.`
	);
}

/** Whether the bytes start like a zip archive (`PK\x03\x04`, or `PK\x05\x06` when empty). */
export function looksLikeZip(bytes: Uint8Array): boolean {
	return (
		bytes.length >= 4 &&
		bytes[0] === 0x50 &&
		bytes[1] === 0x4b &&
		((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
	);
}

/**
 * The entries of a zip archive, read from its central directory (ZIP64 included).
 *
 * @example
 * readZipDirectory(bytes).map((e) => e.name); // ['collection.anki21', 'media', '0']
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	const u64 = (at: number) => Number(view.getBigUint64(at, true));

	// The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
		if (u32(i) === EOCD) {
			eocd = i;
			break;
		}
	if (eocd === -1) throw notAZip('its end record is missing');

	let count = u16(eocd + 10);
	let dirSize = u32(eocd + 12);
	let dirOffset = u32(eocd + 16);
	if (eocd >= 20 && u32(eocd - 20) === EOCD64_LOCATOR) {
		const at = u64(eocd - 12);
		if (at + 56 > bytes.length || u32(at) !== EOCD64)
			throw notAZip('its ZIP64 end record is damaged');
		count = u64(at + 32);
		dirSize = u64(at + 40);
		dirOffset = u64(at + 48);
	}
	if (dirOffset + dirSize > bytes.length)
		throw notAZip('its directory lies past the end of the file');

	const decoder = new TextDecoder();
	const entries: ZipEntry[] = [];
	let p = dirOffset;
	for (let n = 0; n < count; n++) {
		if (p + 46 > bytes.length || u32(p) !== CENTRAL) throw notAZip('its directory is damaged');
		const flags = u16(p + 8);
		const method = u16(p + 10);
		let compressedSize = u32(p + 20);
		let size = u32(p + 24);
		const nameLength = u16(p + 28);
		const extraLength = u16(p + 30);
		const commentLength = u16(p + 32);
		let offset = u32(p + 42);
		// Lengths a damaged file declares must not send the reads below past its end.
		if (p + 46 + nameLength + extraLength + commentLength > bytes.length)
			throw notAZip('its directory is damaged');
		const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
		// ZIP64 keeps the real values in extra field 0x0001, in this order, only for those at 0xFFFFFFFF.
		let e = p + 46 + nameLength;
		const extraEnd = e + extraLength;
		while (e + 4 <= extraEnd) {
			const id = u16(e);
			// A field running past the extra block is cut at its end.
			const fieldEnd = Math.min(e + 4 + u16(e + 2), extraEnd);
			if (id === 1) {
				let q = e + 4;
				const next = () => {
					if (q + 8 > fieldEnd) throw notAZip('its directory is damaged');
					q += 8;
					return u64(q - 8);
				};
				if (size === 0xffffffff) size = next();
				if (compressedSize === 0xffffffff) compressedSize = next();
				if (offset === 0xffffffff) offset = next();
			}
			e = fieldEnd;
		}
		entries.push({ name, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
		p = extraEnd + commentLength;
	}
	return entries;
}

/** Counts what has been inflated so far against the total limit. */
export class ZipBudget {
	used = 0;
	constructor(readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS) {}

	/** Refuses, before any work, an entry whose declared size breaks a limit. */
	check(entry: { name: string; size: number; compressedSize: number }): void {
		const { maxTotal, maxRatio, ratioFloor } = this.limits;
		if (entry.size > ratioFloor && entry.size > entry.compressedSize * maxRatio)
			throw new ImportError(
				`${entry.name} would expand from ${megabytes(entry.compressedSize)} to ${megabytes(entry.size)}, which is how a zip bomb looks, so the package was not opened.`,
				entry.name
			);
		if (this.used + entry.size > maxTotal)
			throw new ImportError(
				`The package would expand to more than ${megabytes(maxTotal)}, more than this app can import.`,
				entry.name
			);
	}

	spend(name: string, bytes: number): void {
		this.used += bytes;
		if (this.used > this.limits.maxTotal)
			throw new ImportError(
				`The package would expand to more than ${megabytes(this.limits.maxTotal)}, more than this app can import.`,
				name
			);
	}
}

/** "1.5 MB" */
export function megabytes(bytes: number): string {
	const mb = bytes / (1024 * 1024);
	return mb >= 10
		? `${Math.round(mb)} MB`
		: mb >= 0.1
			? `${mb.toFixed(1)} MB`
			: `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The bytes of one entry, inflated into a buffer of exactly its declared size.
 *
 * @example
 * const budget = new ZipBudget();
 * const entry = readZipDirectory(bytes).find((e) => e.name === 'collection.anki21')!;
 * const sqlite = readZipEntry(bytes, entry, budget);
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: ZipBudget): Uint8Array {
	if (entry.encrypted)
		throw new ImportError(`${entry.name} is encrypted; this app cannot open it.`, entry.name);
	budget.check(entry);
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== LOCAL)
		throw damaged(entry);
	const start =
		entry.offset +
		30 +
		view.getUint16(entry.offset + 26, true) +
		view.getUint16(entry.offset + 28, true);
	const end = start + entry.compressedSize;
	if (end > bytes.length) throw damaged(entry);
	const data = bytes.subarray(start, end);

	if (entry.method === 0) {
		if (entry.compressedSize !== entry.size) throw damaged(entry);
		budget.spend(entry.name, entry.size);
		return data;
	}
	if (entry.method !== 8)
		throw new ImportError(
			`${entry.name} uses a compression method (${entry.method}) this app cannot read.`,
			entry.name
		);

	// Streamed in small slices into a buffer of the declared size, stopping at the first
	// byte beyond it: memory and work stay bounded by what the directory declares (which the
	// budget has checked), whatever the data holds. A 16 KiB slice inflates to about 16 MiB at most.
	const out = new Uint8Array(entry.size);
	let filled = 0;
	const inflater = new Inflate((chunk) => {
		if (filled + chunk.length > entry.size)
			throw new ImportError(
				`${entry.name} expands to more than the ${megabytes(entry.size)} its header declares; the package is damaged or malicious.`,
				entry.name
			);
		out.set(chunk, filled);
		filled += chunk.length;
	});
	const step = 16 * 1024;
	try {
		let at = 0;
		do {
			inflater.push(data.subarray(at, at + step), at + step >= data.length);
			at += step;
		} while (at < data.length);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw damaged(entry, error);
	}
	if (filled !== entry.size) throw damaged(entry);
	budget.spend(entry.name, entry.size);
	return out;
}

function damaged(entry: ZipEntry, cause?: unknown): ImportError {
	return new ImportError(
		`${entry.name} in the package is damaged and cannot be read.`,
		entry.name,
		cause === undefined ? undefined : { cause }
	);
}
