import {
	renderedSides,
	rendersItsCards,
	type AnkiNoteRecord,
	type AnkiNoteTypeRecord
} from '$lib/domain/anki-note';
import { clozeNumbers } from '$lib/domain/cloze';
import { withoutMissingMedia } from '$lib/domain/media';
import type { Card } from '$lib/domain/models';
import { newScheduling } from '$lib/domain/scheduler';
import { StorageError, ValidationError } from '$lib/errors';
import { ankiSides } from '$lib/transfer/anki-sides';
import { fieldsNamedBy } from '$lib/transfer/anki-template';
import { isBlankHtml } from '$lib/transfer/html-text';
import { isAnkiNoteId } from '$lib/transfer/note-guid';
import type { Sanitize } from '$lib/transfer/plan';
import type { CardsUndo } from './card-actions';
import type { FlashcardsDB } from './db';

/**
 * Notes imported from Anki, edited as Anki edits them: the user changes the note's fields,
 * and every card of the note is rendered again from its note type's templates.
 */

/** A card's Anki note and note type, when it came from Anki with them. */
export interface AnkiNoteOfCard {
	note: AnkiNoteRecord;
	type: AnkiNoteTypeRecord;
}

/** What the user changes on an Anki note: its fields, by position, and its tags. */
export interface AnkiNoteEdit {
	fields: string[];
	tags: string[];
}

/**
 * The Anki note a card is rendered from, or null for a card that has none (made here, or
 * imported before notes were kept) or whose note no longer gives its cards their text
 * (`rendersItsCards`): such a card is edited card by card.
 */
export async function ankiNoteOf(db: FlashcardsDB, noteId: string): Promise<AnkiNoteOfCard | null> {
	if (!isAnkiNoteId(noteId)) return null;
	return db.transaction('r', db.cards, db.ankiNotes, db.ankiNoteTypes, async () => {
		const note = await db.ankiNotes.get(noteId);
		const type = note ? await db.ankiNoteTypes.get(note.type) : undefined;
		if (!note || !type) return null;
		const cards = await db.cards.where('noteId').equals(noteId).toArray();
		return rendersItsCards(note, cards) ? { note, type } : null;
	});
}

/**
 * The Anki notes of these cards that are kept and still give them their text, with their
 * note types: what an `.apkg` export writes them as. The other cards go out card by card.
 */
export async function readAnkiNotes(
	db: FlashcardsDB,
	cards: readonly Pick<Card, 'noteId' | 'ord' | 'front' | 'back'>[]
): Promise<{ notes: AnkiNoteRecord[]; types: AnkiNoteTypeRecord[] }> {
	const cardsOf = new Map<string, (typeof cards)[number][]>();
	for (const card of cards) {
		if (!isAnkiNoteId(card.noteId)) continue;
		const group = cardsOf.get(card.noteId);
		if (group) group.push(card);
		else cardsOf.set(card.noteId, [card]);
	}
	return db.transaction('r', db.ankiNotes, db.ankiNoteTypes, async () => {
		const notes = (await db.ankiNotes.bulkGet([...cardsOf.keys()])).filter(
			(note): note is AnkiNoteRecord =>
				note !== undefined && rendersItsCards(note, cardsOf.get(note.id) ?? [])
		);
		const types = (await db.ankiNoteTypes.bulkGet([...new Set(notes.map((n) => n.type))])).filter(
			(type): type is AnkiNoteTypeRecord => type !== undefined
		);
		return { notes, types };
	});
}

/**
 * The `ord`s of the cards a note makes, as Anki makes them: a cloze note one per cloze
 * number in the fields its template blanks (`ord` = number − 1), any other one per template
 * whose front is not empty.
 */
function ordsOf(
	type: AnkiNoteTypeRecord,
	fields: readonly string[],
	render: (ord: number) => string | null
): number[] {
	if (type.cloze) {
		// Only the fields the template blanks count: "{{c2::…}}" in an Extra field is text.
		const blanked = new Set(
			type.formats.flatMap(({ qfmt }) =>
				fieldsNamedBy(qfmt)
					.filter((field) => field.filters.includes('cloze'))
					.map((field) => field.name)
			)
		);
		const numbers = new Set(
			fields.flatMap((field, i) => (blanked.has(type.fields[i] ?? '') ? clozeNumbers(field) : []))
		);
		return [...numbers].sort((a, b) => a - b).map((n) => n - 1);
	}
	return type.formats.map((_, ord) => ord).filter((ord) => render(ord) !== null);
}

function isBlank(side: string): boolean {
	return isBlankHtml(withoutMissingMedia(side));
}

/**
 * Saves new fields and tags for the Anki note of card `cardId` and renders each of its cards
 * again, keeping their schedules, in one transaction. A template (or cloze number) that now
 * has something to show gains its card, as in Anki; a card whose cloze number was removed
 * is kept with its text and history, as Anki keeps it. An edit that would leave a card with
 * an empty front is refused, and nothing is saved.
 *
 * @example
 * await editAnkiNote(db, card.id, { fields: ['water', '물'], tags: [] }, new Date(), sanitize);
 */
export async function editAnkiNote(
	db: FlashcardsDB,
	cardId: string,
	edit: AnkiNoteEdit,
	now: Date,
	sanitize: Sanitize
): Promise<CardsUndo & { card: Card }> {
	return db.transaction('rw', [db.cards, db.decks, db.ankiNotes, db.ankiNoteTypes], async () => {
		const card = await db.cards.get(cardId);
		if (!card)
			throw new StorageError('This card is no longer on this device; it may have been deleted.');
		const found = await ankiNoteOf(db, card.noteId);
		if (!found) throw new StorageError('This card’s Anki note is no longer on this device.');
		const { note, type } = found;
		if (edit.fields.length !== type.fields.length)
			throw new ValidationError(`The note type “${type.name}” has ${type.fields.length} fields.`);
		const siblings = await db.cards.where('noteId').equals(card.noteId).toArray();
		const deckNames = new Map<string, string>();
		for (const deck of await db.decks.bulkGet([...new Set(siblings.map((s) => s.deckId))]))
			if (deck) deckNames.set(deck.id, deck.name);

		const sidesOf = (ord: number, deckId: string) => {
			const sides = ankiSides(type, edit.fields, edit.tags, ord, deckNames.get(deckId) ?? '');
			if (!sides) return null;
			const front = sanitize(sides.front);
			return isBlank(front) ? null : { front, back: sanitize(sides.back) };
		};
		const modified = now.getTime();
		const edited = siblings.map((sibling): Card => {
			const sides = sidesOf(sibling.ord, sibling.deckId);
			if (!sides && !type.cloze)
				throw new ValidationError(
					`This edit leaves the card “${type.templates[sibling.ord] ?? sibling.ord + 1}” with nothing on its front. Fill in its field, or delete that card first.`
				);
			return { ...sibling, ...(sides ?? {}), tags: [...edit.tags], modified };
		});

		const have = new Set(siblings.map((s) => s.ord));
		const added: Card[] = [];
		for (const ord of ordsOf(type, edit.fields, (o) => sidesOf(o, card.deckId)?.front ?? null)) {
			const sides = sidesOf(ord, card.deckId);
			if (have.has(ord) || !sides) continue;
			let id = `${card.noteId}-${ord}`;
			if (await db.cards.get(id)) id = `${id}-${modified}`;
			added.push({
				...newScheduling(now),
				id,
				deckId: card.deckId,
				noteId: card.noteId,
				ord,
				kind: type.cloze ? 'cloze' : 'basic',
				...sides,
				format: 'html',
				tags: [...edit.tags],
				source: null,
				suspended: false,
				buriedUntil: 0,
				created: modified,
				modified,
				...(card.style ? { style: card.style } : {})
			});
		}
		const cards = [...edited, ...added];
		await db.ankiNotes.put({
			...note,
			fields: [...edit.fields],
			modified,
			rendered: { ...note.rendered, ...renderedSides(cards) }
		});
		await db.cards.bulkPut(cards);
		return {
			before: siblings,
			created: added.map((c) => c.id),
			notesBefore: [note],
			card: edited.find((c) => c.id === card.id) as Card
		};
	});
}
