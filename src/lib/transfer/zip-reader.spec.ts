import { inflateSync, zipSync } from 'fflate';
import { decompress } from 'fzstd';
import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/errors';
import { zstdRaw } from './testing/zstd-raw';
import { readZipDirectory, readZipEntry, ZipBudget } from './zip-reader';
import { unzstd, zstdFrameHeader } from './zstd';

const bytes = (n: number) => new Uint8Array(n).map((_, i) => (i * 7919) % 256);
// Deep equality walks typed arrays element by element; comparing as Buffers is instant.
const same = (a: Uint8Array, b: Uint8Array) =>
	Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

/**
 * Raw deflate of about `n` zero bytes, written directly (compressing 64 MiB takes a second):
 * one fixed-Huffman block of a literal 0 and then copies of 258 bytes at distance 1.
 */
function deflatedZeros(n: number): Uint8Array {
	const copies = Math.ceil((n - 1) / 258);
	const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + 7) / 8));
	let bit = 0;
	// Huffman codes go in most significant bit first, header fields least significant first.
	const put = (value: number, length: number, huffman: boolean) => {
		for (let i = 0; i < length; i++, bit++)
			out[bit >> 3]! |= ((value >> (huffman ? length - 1 - i : i)) & 1) << (bit & 7);
	};
	put(0b011, 3, false); // last block, fixed Huffman
	put(0b00110000, 8, true); // literal 0
	for (let k = 0; k < copies; k++) {
		put(0b11000101, 8, true); // length 258
		put(0, 5, true); // distance 1
	}
	put(0, 7, true); // end of block
	return out;
}

describe('zip reader', () => {
	it('lists entries and reads stored and deflated ones', () => {
		const data = bytes(300_000);
		const zip = zipSync({
			stored: [data, { level: 0 }],
			'deflated.txt': [data, { level: 6 }],
			'dir/empty': new Uint8Array()
		});
		const entries = readZipDirectory(zip);
		expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
			['stored', 0, 300_000],
			['deflated.txt', 8, 300_000],
			['dir/empty', 8, 0]
		]);
		const budget = new ZipBudget();
		for (const entry of entries.slice(0, 2))
			expect(same(readZipEntry(zip, entry, budget), data)).toBe(true);
		expect(readZipEntry(zip, entries[2]!, budget)).toEqual(new Uint8Array());
		expect(budget.used).toBe(600_000);
	});

	it('stops inflating as soon as an entry outgrows the size its directory declares', () => {
		expect(inflateSync(deflatedZeros(1 + 258 * 5))).toEqual(new Uint8Array(1 + 258 * 5));
		const zip = zipSync({ 'collection.anki2': [deflatedZeros(64 * 1024 * 1024), { level: 0 }] });
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		// The one central header starts where the end record (the last 22 bytes) says:
		// make it say deflated, 10 bytes.
		const central = view.getUint32(zip.length - 22 + 16, true);
		view.setUint16(central + 10, 8, true);
		view.setUint32(central + 24, 10, true);
		const message =
			'collection.anki2 expands to more than the 1 KB its header declares; the package is damaged or malicious. (collection.anki2)';
		const [entry] = readZipDirectory(zip);
		expect(() => readZipEntry(zip, entry!, new ZipBudget())).toThrow(message);
		// With the end of the stream cut off, inflating to the end would fail as damaged: the
		// size message shows it stopped long before.
		const cut = { ...entry!, compressedSize: entry!.compressedSize - 100 };
		expect(() => readZipEntry(zip, cut, new ZipBudget())).toThrow(message);
	});

	it('says a directory whose lengths run past the file is not a readable zip', () => {
		const notAZip = /^This file is not a readable zip archive \(its directory is damaged\)/;
		const centralOf = (zip: Uint8Array) =>
			new DataView(zip.buffer).getUint32(zip.length - 22 + 16, true);

		const long = zipSync({ a: bytes(10) });
		new DataView(long.buffer).setUint16(centralOf(long) + 30, 0xfff0, true); // extra length
		expect(() => readZipDirectory(long)).toThrow(notAZip);

		// A ZIP64 field too short for the size it must hold.
		const short = zipSync({ a: [bytes(10), { extra: { 1: new Uint8Array(4) } }] });
		new DataView(short.buffer).setUint32(centralOf(short) + 24, 0xffffffff, true);
		expect(() => readZipDirectory(short)).toThrow(notAZip);
	});

	it('refuses encrypted entries', () => {
		const zip = zipSync({ secret: bytes(10) });
		const view = new DataView(zip.buffer);
		for (let i = 0; i < zip.length - 4; i++)
			if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
		const [entry] = readZipDirectory(zip);
		expect(() => readZipEntry(zip, entry!, new ZipBudget())).toThrow(/encrypted/);
	});
});

describe('zstd', () => {
	it('writes raw frames that fzstd reads, across block boundaries', () => {
		const data = bytes(300_000);
		expect(same(decompress(zstdRaw(data)), data)).toBe(true);
		expect(decompress(zstdRaw(new Uint8Array()))).toEqual(new Uint8Array());
	});

	it('reads the frame header', () => {
		expect(zstdFrameHeader(zstdRaw(bytes(1000)))).toEqual({ contentSize: 1000, windowSize: 1000 });
		expect(zstdFrameHeader(zstdRaw(bytes(1000), { declareSize: false }))).toEqual({
			contentSize: null,
			windowSize: 128 * 1024
		});
		expect(zstdFrameHeader(bytes(10))).toBeNull();
	});

	it('decompresses with and without a declared size', () => {
		const data = bytes(400_000);
		expect(same(unzstd(zstdRaw(data), 'x', new ZipBudget()), data)).toBe(true);
		expect(same(unzstd(zstdRaw(data, { declareSize: false }), 'x', new ZipBudget()), data)).toBe(
			true
		);
	});

	// `'Anki collection page '.repeat(20000)` as the zstd command line writes it, with
	// compressed blocks and a checksum: at -19 (size declared, single segment), and -19 from a
	// pipe (no size, 8 MiB window).
	const page = 'Anki collection page '.repeat(20000);
	const declared = Buffer.from(
		'KLUv/aSgaAYA7AAAqEFua2kgY29sbGVjdGlvbiBwYWdlIAEA0f8xn0xEAAAAAQD9/5hPIEQAAAABAP3/OQACPQAAAAEAnegOgNcdL3g=',
		'base64'
	);
	const piped = Buffer.from(
		'KLUv/QRo7AAAqEFua2kgY29sbGVjdGlvbiBwYWdlIAEA0f8xn0xEAAAAAQD9/5hPIEQAAAABAP3/OQACPQAAAAEAnegOgNcdL3g=',
		'base64'
	);
	/** A frame with no declared size, a window of 2^`log` bytes and one raw block of `data`. */
	const windowFrame = (log: number, data: Uint8Array) =>
		new Uint8Array([
			0x28,
			0xb5,
			0x2f,
			0xfd,
			0,
			(log - 10) << 3,
			...[1 | (data.length << 3), data.length >> 5, data.length >> 13].map((b) => b & 0xff),
			...data
		]);

	it('walks the compressed blocks and checksum zstd writes', () => {
		const text = (data: Uint8Array) => new TextDecoder().decode(data);
		expect(text(unzstd(declared, 'x', new ZipBudget()))).toBe(page);
		expect(text(unzstd(piped, 'x', new ZipBudget()))).toBe(page);
		expect(unzstd(windowFrame(17, bytes(5)), 'x', new ZipBudget())).toEqual(bytes(5));
	});

	it('refuses a second frame before decoding anything, whatever window it asks for', () => {
		const second = windowFrame(28, bytes(1));
		for (const first of [zstdRaw(bytes(10)), piped]) {
			const twoFrames = new Uint8Array([...first, ...second]);
			expect(() => unzstd(twoFrames, 'collection.anki21b', new ZipBudget())).toThrow(
				'collection.anki21b in the package holds more than one Zstandard frame, but Anki writes one; the package is damaged or was not made by Anki. (collection.anki21b)'
			);
		}
		expect(() => unzstd(new Uint8Array([...piped, 0]), 'x', new ZipBudget())).toThrow(
			/more than one Zstandard frame/
		);
	});

	it('refuses a huge window even when the frame declares no size', () => {
		// 256 MiB is within the 512 MiB budget, but fzstd would allocate it for 5 bytes.
		expect(() => unzstd(windowFrame(28, bytes(5)), 'media', new ZipBudget())).toThrow(
			'media in the package asks for a 256 MB decoding window, more than the 64 MB this app allows; the package is damaged or malicious. (media)'
		);
	});

	it('says a frame whose blocks run past the end is damaged', () => {
		expect(() => unzstd(piped.subarray(0, 40), 'x', new ZipBudget())).toThrow(
			'x in the package is damaged and cannot be read. (x)'
		);
	});

	it('stops at the budget while streaming', () => {
		const budget = new ZipBudget({ maxTotal: 200_000, maxRatio: 200, ratioFloor: 1 << 20 });
		expect(() => unzstd(zstdRaw(bytes(400_000), { declareSize: false }), 'x', budget)).toThrow(
			ImportError
		);
	});
});
