import {
	renderedSides,
	rendersItsCards,
	type AnkiNoteRecord,
	type AnkiNoteTypeRecord
} from '$lib/domain/anki-note';
import type { Card } from '$lib/domain/models';
import type { DeckImport } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';

/**
 * What an import does with the Anki notes its cards are rendered from (`$lib/domain/anki-note`),
 * inside the import's transaction: store their note types, give cards answered here the text
 * of a newer note, and store the notes with what they render their cards as.
 */

/** Incoming notes by their cards' note ids as written (a copy's are new), with those cards. */
export type NotesToKeep = Map<string, { note: AnkiNoteRecord; cards: Card[] }>;

/**
 * Stores the note types the incoming notes use. A stored one is left as it is: ids name the
 * content, so it is the same note type, and a crafted file cannot replace its templates.
 */
export async function storeAnkiNoteTypes(
	db: FlashcardsDB,
	notes: readonly AnkiNoteRecord[],
	types: readonly AnkiNoteTypeRecord[]
): Promise<void> {
	const used = new Set(notes.map((note) => note.type));
	const wanted = types.filter((type) => used.has(type.id));
	if (wanted.length === 0) return;
	const stored = await db.ankiNoteTypes.bulkGet(wanted.map((type) => type.id));
	await db.ankiNoteTypes.bulkAdd(wanted.filter((_, i) => stored[i] === undefined));
}

/**
 * The stored cards that lost the merge only because they were answered here since the package
 * was made, given the text of the package's newer note: Anki's importer, too, updates a note
 * that changed and keeps its cards' scheduling. Only a card still showing what its stored note
 * rendered is changed; one whose text changed here keeps it.
 */
export async function cardsWithNewerNoteText(
	db: FlashcardsDB,
	notes: ReadonlyMap<string, AnkiNoteRecord>,
	original: DeckImport,
	written: DeckImport,
	stored: readonly Card[],
	replaced: ReadonlySet<string>
): Promise<Card[]> {
	if (notes.size === 0 || stored.length === 0) return [];
	const storedCards = new Map(stored.map((card) => [card.id, card]));
	const noteIds = [...new Set(stored.map((card) => card.noteId))];
	const storedNotes = new Map(
		(await db.ankiNotes.bulkGet(noteIds)).flatMap((note) => (note ? [[note.id, note]] : []))
	);
	const changed: Card[] = [];
	// Matching keeps the cards in order: the i-th written card is the i-th read.
	written.cards.forEach((card, i) => {
		const mine = storedCards.get(card.id);
		const note = notes.get(original.cards[i]?.noteId ?? '');
		const before = mine && storedNotes.get(mine.noteId);
		if (!mine || !note || !before || replaced.has(card.id)) return;
		if (note.modified <= before.modified || !rendersItsCards(before, [mine])) return;
		if (mine.front === card.front && mine.back === card.back) return;
		changed.push({
			...mine,
			front: card.front,
			back: card.back,
			tags: [...card.tags],
			...(card.style === undefined ? {} : { style: card.style })
		});
	});
	return changed;
}

/**
 * Adds the notes of a deck's cards to `into`, under the note ids the cards were written with.
 * A note with cards in several decks gathers all of them.
 */
export function gatherAnkiNotes(
	into: NotesToKeep,
	notes: ReadonlyMap<string, AnkiNoteRecord>,
	original: DeckImport,
	written: DeckImport
): void {
	original.cards.forEach((card, i) => {
		const note = notes.get(card.noteId);
		const copy = written.cards[i];
		if (!note || !copy) return;
		const entry = into.get(copy.noteId) ?? { note: { ...note, id: copy.noteId }, cards: [] };
		entry.cards.push(copy);
		into.set(copy.noteId, entry);
	});
}

/**
 * Stores the gathered notes, each with what it renders its cards as (the incoming cards):
 * where a stored card kept other text, the note does not give it that text, and the card is
 * edited card by card (`rendersItsCards`). A merge keeps a stored note edited here since (the
 * newer `modified` wins); a restore (`replace`) takes the file's, as it takes its cards.
 */
export async function storeAnkiNotes(
	db: FlashcardsDB,
	gathered: NotesToKeep,
	replace: boolean,
	chunk: number
): Promise<void> {
	const entries = [...gathered.values()];
	for (let i = 0; i < entries.length; i += chunk) {
		const part = entries.slice(i, i + chunk);
		const stored = await db.ankiNotes.bulkGet(part.map(({ note }) => note.id));
		const notes = part
			.filter(({ note }, j) => replace || note.modified >= (stored[j]?.modified ?? -Infinity))
			.map(({ note, cards }) => ({ ...note, rendered: renderedSides(cards) }));
		await db.ankiNotes.bulkPut(notes);
	}
}
