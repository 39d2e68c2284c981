import { describe, expect, it } from 'vitest';
import { guidForNote, isAppGuid, noteIdForGuid } from './note-guid';

describe('note guids', () => {
	it('round-trips a note made here and one that came from Anki', () => {
		for (const noteId of ['3b241101-e2bb-4255', 'anki-Ab3$x+y:1Q', 'anki-article-flashcards:x'])
			expect(noteIdForGuid(guidForNote(noteId))).toBe(noteId);
	});

	it('gives an Anki note its own guid back, and reads a real Anki guid as today', () => {
		expect(guidForNote('anki-Ab3$x+y:1Q')).toBe('Ab3$x+y:1Q');
		expect(noteIdForGuid('Ab3$x+y:1Q')).toBe('anki-Ab3$x+y:1Q');
		expect(isAppGuid('Ab3$x+y:1Q')).toBe(false);
		expect(isAppGuid(guidForNote('n1'))).toBe(true);
	});
});
