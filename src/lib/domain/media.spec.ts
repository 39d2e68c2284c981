import { describe, expect, it } from 'vitest';
import {
	MEDIA_NAME,
	mediaHtml,
	mediaReferences,
	mediaType,
	renameMediaReferences,
	storedMediaName,
	withoutMissingMedia
} from './media';

const HASH = 'a9993e364706816aba3e25717850c26c9cd0d89d';

describe('mediaReferences', () => {
	it('names the pictures and sounds a card shows, each once, in order', () => {
		expect(
			mediaReferences(
				'Dog<img src="dog.jpg"> <IMG SRC=\'cat.png\'>[sound:woof.mp3]<img src="dog.jpg">'
			)
		).toEqual(['dog.jpg', 'cat.png', 'woof.mp3']);
	});

	it('reads names as Anki writes them in HTML: entities and URL escapes decoded', () => {
		expect(mediaReferences('<img src="a&amp;b.jpg"><img src="my%20dog.jpg">')).toEqual([
			'a&b.jpg',
			'my dog.jpg'
		]);
	});

	it('leaves out addresses, which are not files in the package', () => {
		expect(
			mediaReferences(
				'<img src="https://t.example/p.gif"><img src="data:image/png;base64,AA"><img src="/x.png"><img>'
			)
		).toEqual([]);
	});

	it('reads thousands of unclosed tags and sound references in linear time', () => {
		// Each unclosed opener used to scan to the end of the field: quadratic, seconds here.
		const tags = '<img '.repeat(40000);
		const sounds = '[sound:'.repeat(40000);
		expect(mediaReferences(`${tags}<img src="a.png">${sounds}[sound:b.mp3]`)).toEqual([
			'a.png',
			'b.mp3'
		]);
	}, 1000);
});

describe('renameMediaReferences', () => {
	it('points every reference to a renamed file at its new name, and no other', () => {
		const renames = new Map([['dog.jpg', `${HASH}.jpg`]]);
		expect(
			renameMediaReferences(
				'<img class="x" src=\'dog.jpg\' alt="d">[sound:dog.jpg]<img src="cat.png">',
				renames
			)
		).toBe(`<img class="x" src="${HASH}.jpg" alt="d">[sound:${HASH}.jpg]<img src="cat.png">`);
	});
});

describe('stored names', () => {
	it('are the content hash with the lower-case extension, and nothing else matches', () => {
		expect(storedMediaName(HASH, 'Dog.JPG')).toBe(`${HASH}.jpg`);
		expect(storedMediaName(HASH, 'noextension')).toBe(HASH);
		expect(MEDIA_NAME.test(`${HASH}.jpg`)).toBe(true);
		expect(MEDIA_NAME.test('dog.jpg')).toBe(false);
		expect(MEDIA_NAME.test(`https://x/${HASH}.jpg`)).toBe(false);
	});

	it('have a type from the extension', () => {
		expect(mediaType('a.JPG')).toBe('image/jpeg');
		expect(mediaType('a.mp3')).toBe('audio/mpeg');
		expect(mediaType('a.bin')).toBe('application/octet-stream');
	});
});

describe('video and sound tags', () => {
	it('are media references, renamed like pictures', () => {
		const text = '<video src="run.mp4"></video><audio><source src="bark.ogg"></audio>';
		expect(mediaReferences(text)).toEqual(['run.mp4', 'bark.ogg']);
		expect(renameMediaReferences(text, new Map([['run.mp4', `${HASH}.mp4`]]))).toBe(
			`<video src="${HASH}.mp4"></video><audio><source src="bark.ogg"></audio>`
		);
	});

	it('go when their file is missing; a player whose source names the file stays', () => {
		expect(withoutMissingMedia('<video src="gone.mp4"></video>x')).toBe('</video>x');
		expect(withoutMissingMedia(`<audio><source src="${HASH}.mp3"></audio>`)).toBe(
			`<audio><source src="${HASH}.mp3"></audio>`
		);
	});
});

describe('withoutMissingMedia', () => {
	it('drops pictures that name no stored file, keeping stored ones', () => {
		expect(withoutMissingMedia(`<img src="gone.png">Dog<img src="${HASH}.png">`)).toBe(
			`Dog<img src="${HASH}.png">`
		);
	});
});

describe('mediaHtml', () => {
	it('points pictures at their object URLs and turns sounds into play buttons', () => {
		const urls = new Map([
			[`${HASH}.jpg`, 'blob:http://x/1'],
			[`${HASH}.mp3`, 'blob:http://x/2']
		]);
		expect(mediaHtml(`<img src="${HASH}.jpg">[sound:${HASH}.mp3]`, urls)).toBe(
			'<img alt="Picture" src="blob:http://x/1"><button type="button" class="play-sound" data-sound="blob:http://x/2" aria-label="Play sound">▶</button>'
		);
	});

	it("keeps a picture's own description", () => {
		expect(mediaHtml('<img alt="a dog" src="x.png">', new Map([['x.png', 'blob:1']]))).toBe(
			'<img alt="a dog" src="blob:1">'
		);
	});

	it('shows a video named in [sound:] with its controls', () => {
		expect(mediaHtml(`[sound:${HASH}.mp4]`, new Map([[`${HASH}.mp4`, 'blob:v']]))).toBe(
			'<video class="card-video" controls playsinline preload="metadata" src="blob:v"></video>'
		);
	});

	it('gives a video or sound tag of a field its controls and its file', () => {
		const urls = new Map([
			[`${HASH}.mp4`, 'blob:v'],
			[`${HASH}.mp3`, 'blob:a']
		]);
		expect(mediaHtml(`<video src="${HASH}.mp4"></video>`, urls)).toBe(
			'<video class="card-video" controls playsinline preload="metadata" src="blob:v"></video>'
		);
		expect(mediaHtml(`<audio><source src="${HASH}.mp3"></audio>`, urls)).toBe(
			'<audio controls preload="metadata"><source src="blob:a"></audio>'
		);
	});

	it('shows nothing for a sound that is not on this device', () => {
		expect(mediaHtml('a[sound:gone.mp3]b', new Map())).toBe('ab');
	});
});
