/**
 * Writes Zstandard frames made of raw (uncompressed) blocks. Node 20 has no zstd
 * compressor, and a raw-block frame is a valid stream any decoder reads, so tests can build
 * `collection.anki21b` files without a compressor.
 */

const MAX_BLOCK = 128 * 1024;

/** One frame holding `data`; `declareSize: false` leaves the content size out of the header. */
export function zstdRaw(data: Uint8Array, { declareSize = true } = {}): Uint8Array {
	const blocks = Math.max(1, Math.ceil(data.length / MAX_BLOCK));
	// Magic, descriptor, then either an 8-byte content size (single segment, no window byte)
	// or a window descriptor byte (no size).
	const headerLength = 4 + 1 + (declareSize ? 8 : 1);
	const out = new Uint8Array(headerLength + blocks * 3 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, 0xfd2fb528, true);
	if (declareSize) {
		out[4] = 0b1110_0000; // size flag 3 (8 bytes), single segment
		view.setBigUint64(5, BigInt(data.length), true);
	} else {
		out[4] = 0;
		out[5] = (17 - 10) << 3; // 128 KiB window: exponent 7, mantissa 0
	}
	let at = headerLength;
	for (let b = 0; b < blocks; b++) {
		const chunk = data.subarray(b * MAX_BLOCK, (b + 1) * MAX_BLOCK);
		const last = b === blocks - 1 ? 1 : 0;
		const header = last | (0 << 1) | (chunk.length << 3);
		out[at] = header & 0xff;
		out[at + 1] = (header >> 8) & 0xff;
		out[at + 2] = (header >> 16) & 0xff;
		out.set(chunk, at + 3);
		at += 3 + chunk.length;
	}
	return out;
}
