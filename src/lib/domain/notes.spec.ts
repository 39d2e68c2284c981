import { describe, expect, it } from 'vitest';
import { cardSides, cardsForNote, noteOrds, parseTags, validateNote } from './notes';

const now = new Date(2026, 2, 10, 10);

describe('noteOrds', () => {
	it('gives a reversed note two cards and a cloze note one per number', () => {
		expect(noteOrds({ kind: 'basic', front: 'x' })).toEqual([0]);
		expect(noteOrds({ kind: 'reversed', front: 'x' })).toEqual([0, 1]);
		expect(noteOrds({ kind: 'cloze', front: '{{c3::c}} {{c1::a}} {{c1::again}}' })).toEqual([1, 3]);
		// Already rendered (extractor, import): one card.
		expect(noteOrds({ kind: 'cloze', front: '[…] is here' })).toEqual([0]);
	});
});

describe('validateNote', () => {
	it('says what each type needs', () => {
		const note = { kind: 'basic' as const, front: 'Q', back: '', tags: [] };
		expect(() => validateNote(note)).not.toThrow();
		expect(() => validateNote({ ...note, front: ' ' })).toThrow(
			'The front of a card cannot be empty.'
		);
		expect(() => validateNote({ ...note, kind: 'cloze' })).toThrow(/at least one deletion/);
		expect(() => validateNote({ ...note, kind: 'reversed' })).toThrow(/needs a back/);
		expect(() => validateNote({ ...note, kind: 'list' })).toThrow(/items on the back/);
	});
});

describe('cardsForNote', () => {
	it('makes siblings that share the note id and text, new and due in order', () => {
		let n = 0;
		const cards = cardsForNote({
			note: { kind: 'cloze', front: '{{c1::a}} {{c2::b}}', back: 'extra', tags: ['t'] },
			deckId: 'd',
			now,
			newId: () => `id${n++}`
		});
		expect(cards.map((c) => [c.id, c.noteId, c.ord, c.state])).toEqual([
			['id1', 'id0', 1, 0],
			['id2', 'id0', 2, 0]
		]);
		expect(cards[1]!.due).toBe(cards[0]!.due + 1);
		expect(cards.every((c) => c.front === '{{c1::a}} {{c2::b}}' && !c.suspended)).toBe(true);
	});
});

describe('cardSides', () => {
	it('renders the reverse and cloze cards as plain sides', () => {
		expect(
			cardSides({ kind: 'reversed', ord: 1, format: 'text', front: 'cat', back: 'chat' })
		).toEqual({
			front: 'chat',
			back: 'cat'
		});
		expect(
			cardSides({
				kind: 'cloze',
				ord: 2,
				format: 'text',
				front: '{{c1::a}} and {{c2::b::hint}}',
				back: 'x'
			})
		).toEqual({ front: 'a and [hint]', back: 'a and b\n\nx' });
		expect(cardSides({ kind: 'basic', ord: 0, format: 'text', front: 'Q', back: 'A' })).toEqual({
			front: 'Q',
			back: 'A'
		});
	});
});

describe('parseTags', () => {
	it('splits on spaces and commas, once each', () => {
		expect(parseTags(' http, web  http ')).toEqual(['http', 'web']);
	});
});
