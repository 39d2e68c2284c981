import { Decompress } from 'fzstd';
import { ImportError } from '$lib/errors';
import { megabytes, type ZipBudget } from './zip-reader';

/**
 * Zstandard, which newer Anki packages use for `collection.anki21b` and the media list.
 * fzstd trusts a frame's declared size and window when it allocates, and allocates again
 * for every frame it meets, so the whole input is walked here first (frame header, then
 * each block header, which carries its size): exactly one frame, a bounded window, and a
 * declared size checked against the same budget as the zip. Frames that declare no size
 * are streamed and counted as they grow.
 */

const MAGIC = 0xfd2fb528;

/**
 * The largest window a frame may ask for. zstd uses 2 MiB at its default level and 8 MiB at
 * level 19, so this is far above any Anki file and far below what hurts a phone.
 */
const MAX_ZSTD_WINDOW = 64 * 1024 * 1024;

/** zstd's largest block, whatever the window. */
const MAX_BLOCK = 128 * 1024;

/**
 * What the first frame's header declares: its content size (null when it does not say) and
 * the window a decoder must allocate.
 *
 * @example
 * zstdFrameHeader(frame); // { contentSize: 1048576, windowSize: 1048576 }
 */
export function zstdFrameHeader(
	data: Uint8Array
): { contentSize: number | null; windowSize: number } | null {
	const header = readFrameHeader(data);
	return header && { contentSize: header.contentSize, windowSize: header.windowSize };
}

interface FrameHeader {
	contentSize: number | null;
	windowSize: number;
	/** The window byte was left out: the window is the content, whose size is declared. */
	singleSegment: boolean;
	/** A 4-byte checksum follows the last block. */
	checksum: boolean;
	/** Where the first block header starts. */
	length: number;
}

function readFrameHeader(data: Uint8Array): FrameHeader | null {
	if (data.length < 6) return null;
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	if (view.getUint32(0, true) !== MAGIC) return null;
	const descriptor = data[4] as number;
	const sizeFlag = descriptor >> 6;
	const singleSegment = (descriptor >> 5) & 1;
	const dictionaryBytes = [0, 1, 2, 4][descriptor & 3] as number;
	let windowSize = 0;
	if (!singleSegment) {
		const w = data[5] as number;
		const base = 2 ** (10 + (w >> 3));
		windowSize = base + (base / 8) * (w & 7);
	}
	const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
	const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag] as number;
	let contentSize: number | null = null;
	if (sizeBytes > 0 && at + sizeBytes <= data.length) {
		if (sizeBytes === 1) contentSize = data[at] as number;
		else if (sizeBytes === 2) contentSize = view.getUint16(at, true) + 256;
		else if (sizeBytes === 4) contentSize = view.getUint32(at, true);
		else contentSize = Number(view.getBigUint64(at, true));
	}
	// A single-segment frame's window is its whole content.
	if (singleSegment) windowSize = contentSize ?? 0;
	return {
		contentSize,
		windowSize,
		singleSegment: singleSegment === 1,
		checksum: ((descriptor >> 2) & 1) === 1,
		length: at + sizeBytes
	};
}

/**
 * Where the frame that starts `data` ends, found from its block headers without decoding;
 * null when a block is invalid or runs past the end.
 */
function frameEnd(data: Uint8Array, header: FrameHeader): number | null {
	let at = header.length;
	for (;;) {
		if (at + 3 > data.length) return null;
		const block =
			(data[at] as number) | ((data[at + 1] as number) << 8) | ((data[at + 2] as number) << 16);
		const type = (block >> 1) & 3;
		const size = block >>> 3;
		// Type 3 is reserved; an RLE block (1) stores one byte, raw (0) and compressed (2) `size`.
		if (type === 3 || size > MAX_BLOCK) return null;
		at += 3 + (type === 1 ? 1 : size);
		if (at > data.length) return null;
		if (block & 1) return at + (header.checksum ? 4 : 0);
	}
}

/** Whether the bytes start with a zstd frame. */
export function isZstd(data: Uint8Array): boolean {
	return (
		data.length >= 4 && new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true) === MAGIC
	);
}

/**
 * Decompresses `data` (the zip entry `name`), refusing output beyond the budget.
 *
 * @example
 * const sqlite = unzstd(readZipEntry(zip, entry, budget), 'collection.anki21b', budget);
 */
export function unzstd(data: Uint8Array, name: string, budget: ZipBudget): Uint8Array {
	const header = readFrameHeader(data);
	if (!header) throw new ImportError(`${name} in the package is not Zstandard data.`, name);
	// The decoder allocates the window up front, so a huge one is refused before it can. A
	// single-segment frame's window is its content, which the budget checks below.
	const maxWindow = Math.min(MAX_ZSTD_WINDOW, budget.limits.maxTotal);
	if (!header.singleSegment && header.windowSize > maxWindow)
		throw new ImportError(
			`${name} in the package asks for a ${megabytes(header.windowSize)} decoding window, more than the ${megabytes(maxWindow)} this app allows; the package is damaged or malicious.`,
			name
		);
	const end = frameEnd(data, header);
	if (end === null)
		throw new ImportError(`${name} in the package is damaged and cannot be read.`, name);
	// Each further frame would bring its own window and size, unchecked.
	if (end < data.length)
		throw new ImportError(
			`${name} in the package holds more than one Zstandard frame, but Anki writes one; the package is damaged or was not made by Anki.`,
			name
		);
	if (header.contentSize !== null)
		budget.check({ name, size: header.contentSize, compressedSize: data.length });
	// With a declared size, chunks go straight into the result: one copy of the data.
	const out = header.contentSize !== null ? new Uint8Array(header.contentSize) : null;
	const chunks: Uint8Array[] = [];
	let total = 0;
	const limit = budget.limits.maxTotal - budget.used;
	const stream = new Decompress((chunk) => {
		total += chunk.length;
		// Frames that do not declare their size get the zip's ratio rule as they grow.
		if (total > budget.limits.ratioFloor && total > data.length * budget.limits.maxRatio)
			budget.check({ name, size: total, compressedSize: data.length });
		if (total > limit)
			throw new ImportError(
				`${name} expands to more than ${megabytes(budget.limits.maxTotal)}, more than this app can import.`,
				name
			);
		if (!out) chunks.push(chunk);
		else if (total > out.length)
			throw new ImportError(
				`${name} expands to more than its header declares; the package is damaged or malicious.`,
				name
			);
		else out.set(chunk, total - chunk.length);
	});
	try {
		const step = 256 * 1024;
		for (let at = 0; at < data.length; at += step)
			stream.push(data.subarray(at, at + step), at + step >= data.length);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError(`${name} in the package is damaged and cannot be read.`, name, {
			cause: error
		});
	}
	budget.spend(name, total);
	if (out) return total === out.length ? out : out.subarray(0, total);
	if (chunks.length === 1) return chunks[0] as Uint8Array;
	const joined = new Uint8Array(total);
	let at = 0;
	for (const chunk of chunks) {
		joined.set(chunk, at);
		at += chunk.length;
	}
	return joined;
}
