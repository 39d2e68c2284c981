import { zipSync } from 'fflate';
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

	it('stops at the budget while streaming', () => {
		const budget = new ZipBudget({ maxTotal: 200_000, maxRatio: 200, ratioFloor: 1 << 20 });
		expect(() => unzstd(zstdRaw(bytes(400_000), { declareSize: false }), 'x', budget)).toThrow(
			ImportError
		);
	});
});
