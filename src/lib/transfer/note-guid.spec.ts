import { describe, expect, it } from 'vitest';
import { guidForCard, guidForNote, isAppGuid, noteIdForGuid, readGuid } from './note-guid';

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

	it('carries the ord of a card written as a note of its own', () => {
		expect(readGuid(guidForCard('anki-Ab3', 2))).toEqual({ noteId: 'anki-Ab3', ord: 2 });
		expect(readGuid(guidForNote('n1'))).toEqual({ noteId: 'n1', ord: null });
	});
});
