import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packagedMedia } from './anki-media';
import { protoMessage } from './testing/protobuf-writer';
import { zstdRaw } from './testing/zstd-raw';
import { readZipDirectory, ZipBudget } from './zip-reader';

function open(files: Parameters<typeof zipSync>[0]) {
	const bytes = zipSync(files);
	const entries = new Map(readZipDirectory(bytes).map((e) => [e.name, e]));
	return packagedMedia(bytes, entries, new ZipBudget());
}

describe('packagedMedia', () => {
	it('reads a legacy package: a JSON list, files stored as they are', () => {
		const media = open({
			media: new TextEncoder().encode('{"0":"dog.jpg","1":"inu.mp3"}'),
			'0': new Uint8Array([1, 2, 3]),
			'1': new Uint8Array([4, 5])
		});
		expect(media.names).toEqual(['dog.jpg', 'inu.mp3']);
		expect([...(media.read('inu.mp3') ?? [])]).toEqual([4, 5]);
		expect(media.read('absent.png')).toBeNull();
	});

	it('reads a current package: a zstd protobuf list, zstd files, a legacy zip name when given', () => {
		const list = protoMessage([
			[
				1,
				protoMessage([
					[1, 'dog.jpg'],
					[2, 3]
				])
			],
			[
				1,
				protoMessage([
					[1, 'cat.png'],
					[2, 2],
					[255, 7]
				])
			]
		]);
		const media = open({
			media: [zstdRaw(list), { level: 0 }],
			'0': [zstdRaw(new Uint8Array([1, 2, 3])), { level: 0 }],
			'7': new Uint8Array([9, 9])
		});
		expect(media.names).toEqual(['dog.jpg', 'cat.png']);
		expect([...(media.read('dog.jpg') ?? [])]).toEqual([1, 2, 3]);
		expect([...(media.read('cat.png') ?? [])]).toEqual([9, 9]);
	});

	it('treats a damaged list as no media, not as a failed import', () => {
		const media = open({ media: new TextEncoder().encode('{not json'), '0': new Uint8Array([1]) });
		expect(media.names).toEqual([]);
		expect(media.read('0')).toBeNull();
	});

	it('is empty for a package without a media list', () => {
		expect(open({ other: new Uint8Array([1]) }).names).toEqual([]);
	});
});
