import { ValidationError } from '$lib/errors';
import { clozeNumbers, renderCloze } from './cloze';
import { randomId } from './ids';
import type { Card, CardKind, SourceRef, TextFormat } from './models';
import { newScheduling } from './scheduler';

/** What the user writes when adding or editing a card: one note, which makes one or more cards. */
export interface NoteInput {
	kind: CardKind;
	front: string;
	back: string;
	tags: string[];
}

/** The card types a user picks from when adding a card, in the order the form lists them. */
export const NOTE_TYPES: readonly { kind: CardKind; label: string; frontLabel: string }[] = [
	{ kind: 'basic', label: 'Basic', frontLabel: 'Front' },
	{ kind: 'reversed', label: 'Basic (and reversed)', frontLabel: 'Front' },
	{ kind: 'cloze', label: 'Cloze', frontLabel: 'Text, with {{c1::…}} deletions' },
	{ kind: 'true-false', label: 'True/false', frontLabel: 'Statement' },
	{ kind: 'list', label: 'List', frontLabel: 'What to list' }
];

/**
 * Which cards a note makes, by `ord`: both directions of a reversed note, one card per
 * cloze number, one card otherwise. A cloze card made before cloze markup was kept
 * (already rendered, from the extractor or an import) has no numbers and stays one card.
 *
 * @example
 * noteOrds({ kind: 'cloze', front: '{{c1::a}} {{c3::b}}' }); // [1, 3]
 * noteOrds({ kind: 'reversed', front: 'a' }); // [0, 1]
 */
export function noteOrds(note: Pick<NoteInput, 'kind' | 'front'>): number[] {
	if (note.kind === 'reversed') return [0, 1];
	if (note.kind === 'cloze') {
		const numbers = clozeNumbers(note.front);
		return numbers.length > 0 ? numbers : [0];
	}
	return [0];
}

/**
 * Throws a ValidationError saying what a note is missing.
 *
 * @example
 * validateNote({ kind: 'cloze', front: 'No deletion here', back: '', tags: [] });
 * // throws "A cloze card needs at least one deletion, such as {{c1::answer}}."
 */
export function validateNote(note: NoteInput): void {
	if (!note.front.trim()) throw new ValidationError('The front of a card cannot be empty.');
	if (note.kind === 'cloze' && clozeNumbers(note.front).length === 0)
		throw new ValidationError('A cloze card needs at least one deletion, such as {{c1::answer}}.');
	if ((note.kind === 'reversed' || note.kind === 'list') && !note.back.trim())
		throw new ValidationError(
			note.kind === 'list'
				? 'A list card needs the items on the back, one per line.'
				: 'A reversed card needs a back: it is also shown as a question.'
		);
}

/**
 * Tags as typed (separated by spaces or commas), trimmed and without repeats.
 *
 * @example
 * parseTags('http,  web http'); // ['http', 'web']
 */
export function parseTags(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter((tag) => tag !== ''))];
}

export interface NewNoteInput {
	note: NoteInput;
	deckId: string;
	now: Date;
	noteId?: string;
	format?: TextFormat;
	source?: SourceRef | null;
	/** Only the cards of these ords (when a note gains a cloze number); all when left out. */
	ords?: readonly number[];
	newId?: () => string;
}

/**
 * The new cards of a note: siblings sharing its id and text, one per `ord`.
 *
 * @example
 * const [forward, reverse] = cardsForNote({
 *   note: { kind: 'reversed', front: 'cat', back: 'chat', tags: [] },
 *   deckId: 'd1',
 *   now: new Date()
 * });
 * reverse.ord; // 1
 */
export function cardsForNote(input: NewNoteInput): Card[] {
	validateNote(input.note);
	const newId = input.newId ?? randomId;
	const noteId = input.noteId ?? newId();
	const created = input.now.getTime();
	const ords = input.ords ?? noteOrds(input.note);
	return ords.map((ord, index) => ({
		...newScheduling(new Date(created + index)),
		id: newId(),
		deckId: input.deckId,
		noteId,
		ord,
		kind: input.note.kind,
		front: input.note.front,
		back: input.note.back,
		format: input.format ?? 'text',
		tags: [...input.note.tags],
		source: input.source ?? null,
		suspended: false,
		buriedUntil: 0,
		created: created + index,
		modified: created
	}));
}

/**
 * A card's question and answer as plain sides, for formats that have no notes (CSV, and
 * `.apkg` written as Basic notes): the reverse card asks with the back, and a cloze card
 * hides its own deletion, with the note's extra text after the answer.
 *
 * @example
 * cardSides({ kind: 'cloze', ord: 1, format: 'text', front: '{{c1::TCP}} is reliable', back: '' });
 * // { front: '[…] is reliable', back: 'TCP is reliable' }
 */
export function cardSides(card: Pick<Card, 'kind' | 'ord' | 'format' | 'front' | 'back'>): {
	front: string;
	back: string;
} {
	if (card.kind === 'reversed' && card.ord === 1) return { front: card.back, back: card.front };
	if (card.kind === 'cloze' && card.format === 'text' && clozeNumbers(card.front).length > 0) {
		const answer = renderCloze(card.front, card.ord, 'back', false);
		return {
			front: renderCloze(card.front, card.ord, 'front', false),
			back: card.back.trim() ? `${answer}\n\n${card.back}` : answer
		};
	}
	return { front: card.front, back: card.back };
}
