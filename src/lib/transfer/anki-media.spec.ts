import { describe, expect, it } from 'vitest';
import { stripMedia } from './anki-media';

describe('stripMedia', () => {
	it('cuts images and sounds out and names their files', () => {
		const found = new Set<string>();
		expect(stripMedia('Dog<img src="dog.jpg">[sound:woof.mp3]', found)).toBe('Dog');
		expect([...found]).toEqual(['dog.jpg', 'woof.mp3']);
	});

	it('reads thousands of unclosed tags and sound references in linear time', () => {
		// Each unclosed opener used to scan to the end of the field: quadratic, seconds here.
		const tags = '<img '.repeat(40000);
		const sounds = '[sound:'.repeat(40000);
		const found = new Set<string>();
		expect(stripMedia(tags, found)).toBe(tags);
		expect(stripMedia(sounds, found)).toBe(sounds);
		// And a real one after them is cut alone, not with everything before it.
		expect(stripMedia(`${tags}<img src="a.png">`, found)).toBe(tags);
		expect(stripMedia(`${sounds}[sound:b.mp3]`, found)).toBe(sounds);
		expect([...found]).toEqual(['a.png', 'b.mp3']);
	}, 1000);
});
