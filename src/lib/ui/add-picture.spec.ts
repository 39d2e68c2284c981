import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { database } from '$lib/storage/db';
import { readMedia } from '$lib/storage/media';
import { sha1OfBytes } from '$lib/transfer/sha1';
import { MAX_PICTURE_BYTES, pictureReference, storePicture } from './add-picture';

describe('storePicture', () => {
	it('stores a picked picture under its content name, once', async () => {
		const bytes = new Uint8Array([137, 80, 78, 71, 1]);
		const name = await storePicture(new File([bytes], 'IMG_0001.JPG', { type: 'image/jpeg' }));
		expect(name).toBe(`${sha1OfBytes(bytes)}.jpg`);
		// A camera photo without a file name takes its extension from its type.
		expect(await storePicture(new File([bytes], 'image', { type: 'image/jpeg' }))).toBe(name);
		const [stored] = await readMedia(database(), [name]);
		expect(stored).toMatchObject({ name, type: 'image/jpeg', size: 5 });
	});

	it('refuses what is not a picture, and a picture over the limit, storing nothing', async () => {
		await expect(
			storePicture(new File(['x'], 'notes.txt', { type: 'text/plain' }))
		).rejects.toThrow('“notes.txt” is not a picture.');
		const huge = new File([new Uint8Array(MAX_PICTURE_BYTES + 1)], 'big.png', {
			type: 'image/png'
		});
		await expect(storePicture(huge)).rejects.toThrow(/pictures up to 20 MB can be added/);
	});
});

describe('pictureReference', () => {
	it('is an <img> in an HTML card and Markdown in the app’s own', () => {
		expect(pictureReference('a.png', 'html')).toBe('<img src="a.png">');
		expect(pictureReference('a.png', 'text')).toBe('![](a.png)');
	});
});
