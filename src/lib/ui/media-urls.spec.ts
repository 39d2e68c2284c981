import { describe, expect, it } from 'vitest';
import { testDatabase } from '$lib/storage/test-db';
import { mediaUrls, readMediaAhead } from './media-urls';

const name = (letter: string) => `${letter.repeat(40)}.png`;
const stored = (letter: string) => ({
	name: name(letter),
	type: 'image/png',
	bytes: new Uint8Array([letter.charCodeAt(0)]),
	size: 1
});

/** The bytes behind each object URL `html` points at, in order. */
async function shownBytes(html: string): Promise<number[][]> {
	const urls = [...html.matchAll(/src="(blob:[^"]+)"/g)].map((m) => m[1]!);
	const blobs = await Promise.all(urls.map((url) => fetch(url).then((r) => r.arrayBuffer())));
	return blobs.map((bytes) => [...new Uint8Array(bytes)]);
}

describe('mediaUrls', () => {
	it('points a card at its stored files and leaves a missing one as it is', async () => {
		const db = testDatabase();
		await db.media.put(stored('a'));
		const shown = await mediaUrls([name('a'), name('z')], db);
		const html = shown.html(`<img src="${name('a')}"><img src="${name('z')}">`);
		expect(html).toContain('src="blob:');
		expect(html).toContain(`src="${name('z')}"`);
		expect(await shownBytes(html)).toEqual([[97]]);
		shown.revoke();
	});

	it('shows a file read ahead without reading it again', async () => {
		const db = testDatabase();
		await db.media.bulkPut([stored('b'), stored('c')]);
		readMediaAhead([name('b')], db);
		// Deleting the rows proves the second picture is read now and the first was not.
		await new Promise((resolve) => setTimeout(resolve, 20));
		await db.media.delete(name('b'));
		const shown = await mediaUrls([name('b'), name('c')], db);
		const html = shown.html(`<img src="${name('b')}"><img src="${name('c')}">`);
		expect(await shownBytes(html)).toEqual([[98], [99]]);
		shown.revoke();
	});

	it('reads again a file that was not there when read ahead', async () => {
		const db = testDatabase();
		readMediaAhead([name('d')], db);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await db.media.put(stored('d'));
		const shown = await mediaUrls([name('d')], db);
		expect(await shownBytes(shown.html(`<img src="${name('d')}">`))).toEqual([[100]]);
		shown.revoke();
	});

	it('lets go of the files read longest ago, keeping those read again', async () => {
		const db = testDatabase();
		const letters = [...'opqrstuvwx'];
		await db.media.bulkPut(letters.map(stored));
		readMediaAhead([name('o')], db);
		for (const letter of letters.slice(1)) {
			readMediaAhead([name(letter)], db);
			// A picture many cards share is read ahead again and again.
			readMediaAhead([name('o')], db);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
		await db.media.clear();
		const shown = await mediaUrls([name('o'), name('p'), name('q')], db);
		const html = shown.html(
			`<img src="${name('o')}"><img src="${name('p')}"><img src="${name('q')}">`
		);
		expect(await shownBytes(html)).toEqual([[111]]);
		shown.revoke();
	});

	it('holds only the last few files read ahead', async () => {
		const db = testDatabase();
		const letters = [...'efghijklmn'];
		await db.media.bulkPut(letters.map(stored));
		for (const letter of letters) readMediaAhead([name(letter)], db);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await db.media.clear();
		const shown = await mediaUrls(letters.map(name), db);
		const html = shown.html(letters.map((l) => `<img src="${name(l)}">`).join(''));
		// The first two were let go: their rows are gone, so they stay unresolved names.
		expect(html.match(/src="blob:/g)).toHaveLength(8);
		expect(html).toContain(`src="${name('e')}"`);
		expect(html).toContain(`src="${name('f')}"`);
		shown.revoke();
	});
});
