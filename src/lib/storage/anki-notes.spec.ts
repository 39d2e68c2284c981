import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { StorageError, ValidationError } from '$lib/errors';
import { unzipSync } from 'fflate';
import { readAnkiCollection } from '$lib/transfer/anki-collection';
import { parseApkg } from '$lib/transfer/apkg';
import { encodeApkg } from '$lib/transfer/apkg-export';
import { modernApkg, type FixtureCollection } from '$lib/transfer/testing/anki-builder';
import { NOW, countingIds, jsdomSanitize } from '$lib/transfer/testing/fixed';
import { loadSqlJs } from '$lib/transfer/testing/sql';
import { ankiNoteOf, editAnkiNote, readAnkiNotes } from './anki-notes';
import { editNote, undoCardChanges } from './card-actions';
import { encodeBackup, encodeDeck, parseDeckFile } from '$lib/transfer/deck-file';
import type { FlashcardsDB } from './db';
import { readEverything } from './export';
import { deleteDeck } from './decks';
import { applyImport } from './import';
import { testDatabase } from './test-db';

const LATER = new Date(NOW.getTime() + 60_000);
const options = () => ({ now: NOW, sanitize: jsdomSanitize, newId: countingIds(), loadSqlJs });

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await loadSqlJs();
});

const card = (id: number, nid: number, ord: number, reps = 0) => ({
	id,
	nid,
	did: 7,
	ord,
	type: reps ? 2 : 0,
	queue: reps ? 2 : 0,
	due: reps ? 10 : nid,
	ivl: reps ? 5 : 0,
	factor: reps ? 2500 : 0,
	reps,
	lapses: 0
});

/** Someone's Korean note type: asked from English, Korean first among its fields. */
const KOREAN: FixtureCollection = {
	crt: 1_700_000_000,
	decks: [{ id: 7, name: 'Korean' }],
	noteTypes: [
		{
			id: 70,
			name: 'Korean vocab',
			cloze: false,
			fields: ['Korean', 'English', 'Romanised'],
			templates: ['Recognition', 'Recall'],
			formats: [
				{
					qfmt: '{{English}}',
					afmt: '{{FrontSide}}<hr id=answer>{{Korean}}{{#Romanised}}<br>({{Romanised}}){{/Romanised}}'
				},
				{ qfmt: '{{Korean}}', afmt: '{{FrontSide}}<hr id=answer>{{English}} ({{Deck}})' }
			]
		},
		{
			id: 80,
			name: 'Cloze',
			cloze: true,
			fields: ['Text', 'Extra'],
			templates: ['Cloze'],
			formats: [{ qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Extra}}' }]
		}
	],
	notes: [
		{ id: 71, mid: 70, tags: 'food', fields: ['밥', 'rice', ''] },
		{ id: 81, mid: 80, tags: '', fields: ['{{c1::Seoul}} is the capital', ''] }
	],
	// The rice note's recognition card has been studied; its recall card is new.
	cards: [card(710, 71, 0, 3), card(711, 71, 1), card(810, 81, 0)],
	revlog: [],
	media: []
};

/** Edits the fields of the note of card `cardId` at `LATER`, tags cleared. */
function editFields(db: FlashcardsDB, cardId: string, fields: string[]) {
	return editAnkiNote(db, cardId, { fields, tags: [] }, LATER, jsdomSanitize);
}

async function imported() {
	const db = testDatabase();
	await applyImport(db, await parseApkg(modernApkg(sql, KOREAN), options()), 'merge');
	const cards = await db.cards.orderBy('id').toArray();
	const rice = cards.filter((c) => c.kind === 'basic');
	const cloze = cards.find((c) => c.kind === 'cloze')!;
	return { db, rice, cloze };
}

describe('Anki notes kept on the device', () => {
	it('are stored with their note types when a package is imported', async () => {
		const { db, rice } = await imported();
		const found = await ankiNoteOf(db, rice[0]!.noteId);
		expect(found?.note.fields).toEqual(['밥', 'rice', '']);
		expect(found?.type).toMatchObject({
			mid: 70,
			name: 'Korean vocab',
			fields: ['Korean', 'English', 'Romanised'],
			templates: ['Recognition', 'Recall']
		});
		expect(await db.ankiNoteTypes.count()).toBe(2);
	});

	it('an edited field renders every card of the note again, schedules kept', async () => {
		const { db, rice } = await imported();
		const [recognition, recall] = rice as [(typeof rice)[0], (typeof rice)[0]];
		const result = await editAnkiNote(
			db,
			recall.id,
			{ fields: ['쌀', 'rice (uncooked)', 'ssal'], tags: ['food', 'grain'] },
			LATER,
			jsdomSanitize
		);
		const after = await db.cards.bulkGet([recognition.id, recall.id]);
		expect(after.map((c) => [c?.front, c?.back])).toEqual([
			['rice (uncooked)', '쌀<br>(ssal)'],
			['쌀', 'rice (uncooked) (Korean)']
		]);
		expect(after.every((c) => c?.tags.join() === 'food,grain')).toBe(true);
		expect(after[0]).toMatchObject({
			reps: 3,
			due: recognition.due,
			stability: recognition.stability
		});
		expect(result.card.id).toBe(recall.id);
		expect((await ankiNoteOf(db, recall.noteId))?.note.fields).toEqual([
			'쌀',
			'rice (uncooked)',
			'ssal'
		]);

		// Undo puts the cards and the note's fields back.
		await undoCardChanges(db, result);
		expect((await db.cards.get(recognition.id))?.front).toBe('rice');
		expect((await ankiNoteOf(db, recall.noteId))?.note.fields).toEqual(['밥', 'rice', '']);
	});

	it('a cloze number added makes its card; one removed keeps its card and history', async () => {
		const { db, cloze } = await imported();
		const result = await editAnkiNote(
			db,
			cloze.id,
			// A cloze number in Extra, which the template does not blank, makes no card.
			{ fields: ['Seoul is the capital of {{c2::South Korea}}', 'see {{c3::Busan}}'], tags: [] },
			LATER,
			jsdomSanitize
		);
		expect(result.created).toHaveLength(1);
		const made = await db.cards.get(result.created[0]!);
		expect(made).toMatchObject({ noteId: cloze.noteId, ord: 1, kind: 'cloze', reps: 0 });
		expect(made?.front).not.toContain('South Korea');
		expect(made?.back).toContain('South Korea');
		// Card 1 lost its cloze: kept as it was, as Anki keeps an empty card.
		expect((await db.cards.get(cloze.id))?.front).toBe(cloze.front);
	});

	it('refuses an edit that leaves a card with an empty front, saving nothing', async () => {
		const { db, rice } = await imported();
		await expect(
			editAnkiNote(db, rice[0]!.id, { fields: ['밥', '', ''], tags: [] }, LATER, jsdomSanitize)
		).rejects.toThrow(ValidationError);
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('rice');
		expect((await ankiNoteOf(db, rice[0]!.noteId))?.note.fields).toEqual(['밥', 'rice', '']);
	});

	it('importing the package again keeps a note edited here since', async () => {
		const { db, rice } = await imported();
		await editFields(db, rice[0]!.id, ['쌀', 'rice (uncooked)', '']);
		await applyImport(db, await parseApkg(modernApkg(sql, KOREAN), options()), 'merge');
		expect((await ankiNoteOf(db, rice[0]!.noteId))?.note.fields[1]).toBe('rice (uncooked)');
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('rice (uncooked)');
	});

	it('a newer note in a package gives its text to cards answered here since, schedules kept', async () => {
		const { db, rice } = await imported();
		// Answered here since the package was made: the stored card wins the merge.
		await db.cards.update(rice[0]!.id, { modified: LATER.getTime(), reps: 9 });
		const changed = structuredClone(KOREAN);
		changed.notes[0] = { ...changed.notes[0]!, fields: ['밥', 'steamed rice', ''], mod: 1 };
		const summary = await applyImport(
			db,
			await parseApkg(modernApkg(sql, changed), options()),
			'merge'
		);
		expect(await db.cards.get(rice[0]!.id)).toMatchObject({ front: 'steamed rice', reps: 9 });
		expect((await db.cards.get(rice[1]!.id))?.back).toBe('steamed rice (Korean)');
		expect(summary.updated).toBe(2);
		expect((await ankiNoteOf(db, rice[0]!.noteId))?.note.fields[1]).toBe('steamed rice');
	});

	it('a note type already stored is never replaced, and one no note uses is not stored', async () => {
		const { db } = await imported();
		const plan = await parseApkg(modernApkg(sql, KOREAN), options());
		if (plan.kind !== 'decks') throw new Error('a package gives decks');
		const korean = plan.noteTypes!.find((type) => type.name === 'Korean vocab')!;
		// A crafted file: other templates under the stored note type's id.
		korean.formats = [{ qfmt: '{{Korean}}', afmt: '<b>x</b>' }, ...korean.formats.slice(1)];
		plan.noteTypes!.push({ ...korean, id: 'notetype-unused', name: 'Unused' });
		await applyImport(db, plan, 'merge');
		expect((await db.ankiNoteTypes.get(korean.id))?.formats[0]?.qfmt).toBe('{{English}}');
		expect(await db.ankiNoteTypes.get('notetype-unused')).toBeUndefined();
	});

	it('a card whose text changed here keeps it when a newer note arrives, edited card by card', async () => {
		const { db, rice } = await imported();
		await editNote(db, rice[0]!.id, { front: 'boiled rice', back: '밥', tags: [] }, LATER);
		const changed = structuredClone(KOREAN);
		changed.notes[0] = { ...changed.notes[0]!, fields: ['밥', 'steamed rice', ''], mod: 1 };
		await applyImport(db, await parseApkg(modernApkg(sql, changed), options()), 'merge');
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('boiled rice');
		// The new note does not give that card its text: the card is edited card by card.
		expect(await ankiNoteOf(db, rice[0]!.noteId)).toBeNull();
	});

	it('a copy of the deck gets notes of its own', async () => {
		const { db, rice } = await imported();
		await applyImport(db, await parseApkg(modernApkg(sql, KOREAN), options()), 'copy');
		const copies = (await db.cards.toArray())
			.filter((c) => c.kind === 'basic' && c.noteId !== rice[0]!.noteId)
			.sort((a, b) => a.ord - b.ord);
		expect(copies).toHaveLength(2);
		// Still a note from Anki, with a guid of its own: edited and exported as a note.
		expect(copies[0]!.noteId).toMatch(/^anki-/);
		expect((await ankiNoteOf(db, copies[0]!.noteId))?.note.fields).toEqual(['밥', 'rice', '']);
		await editAnkiNote(
			db,
			copies[0]!.id,
			{ fields: ['밥', 'cooked rice', ''], tags: [] },
			LATER,
			jsdomSanitize
		);
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('rice');
		expect((await db.cards.get(copies[0]!.id))?.front).toBe('cooked rice');
		expect((await db.cards.get(copies[1]!.id))?.back).toBe('cooked rice (Korean (copy))');
	});

	it('go with the deck their cards were in, and stay while a card of theirs is left', async () => {
		const { db, rice } = await imported();
		await applyImport(db, await parseApkg(modernApkg(sql, KOREAN), options()), 'copy');
		expect(await db.ankiNotes.count()).toBe(4);
		const copy = (await db.decks.toArray()).find((deck) => deck.name.endsWith('(copy)'))!;
		await deleteDeck(db, copy.id);
		expect(await db.ankiNotes.count()).toBe(2);
		expect(await ankiNoteOf(db, rice[0]!.noteId)).not.toBeNull();
	});

	it('a card whose text changed without its note is edited and exported card by card', async () => {
		const { db, rice } = await imported();
		// As a card edited card by card on another device arrives by sync, or a deck file
		// restores it: its note's fields no longer give its text.
		await editNote(db, rice[0]!.id, { front: 'boiled rice', back: '밥', tags: [] }, LATER);
		expect(await ankiNoteOf(db, rice[0]!.noteId)).toBeNull();
		await expect(
			editAnkiNote(db, rice[1]!.id, { fields: ['밥', 'rice', ''], tags: [] }, LATER, jsdomSanitize)
		).rejects.toThrow(StorageError);
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('boiled rice');
		const exported = await readAnkiNotes(db, await db.cards.toArray());
		expect(exported.notes.map((note) => note.id)).not.toContain(rice[0]!.noteId);
		expect(exported.notes).toHaveLength(1);
	});
});

describe('Anki notes in the app’s own files', () => {
	async function backupOf(db: FlashcardsDB): Promise<string> {
		const everything = await readEverything(db);
		const cards = everything.decks.flatMap((deck) => deck.cards);
		return encodeBackup(everything, { now: LATER, ankiNotes: await readAnkiNotes(db, cards) });
	}

	it('a backup carries them: restored on another device or here, the cards stay notes', async () => {
		const { db, rice } = await imported();
		await editFields(db, rice[0]!.id, ['쌀', 'rice (uncooked)', '']);
		const text = await backupOf(db);

		const other = testDatabase();
		await applyImport(other, parseDeckFile(text, { sanitize: jsdomSanitize }), 'merge', {
			now: LATER
		});
		expect((await ankiNoteOf(other, rice[0]!.noteId))?.note.fields).toEqual([
			'쌀',
			'rice (uncooked)',
			''
		]);
		expect((await ankiNoteOf(other, rice[0]!.noteId))?.type.name).toBe('Korean vocab');

		// Edited again after the backup: the restore brings back the backup's text and its note.
		await editAnkiNote(
			db,
			rice[0]!.id,
			{ fields: ['쌀', 'raw rice', ''], tags: [] },
			new Date(LATER.getTime() + 1000),
			jsdomSanitize
		);
		await applyImport(db, parseDeckFile(text, { sanitize: jsdomSanitize }), 'merge', {
			now: LATER
		});
		expect((await db.cards.get(rice[0]!.id))?.front).toBe('rice (uncooked)');
		expect((await ankiNoteOf(db, rice[0]!.noteId))?.note.fields[1]).toBe('rice (uncooked)');
		// The safety copy the restore kept carries them too.
		const copy = (await db.safetyCopyFiles.toArray())[0]!.text;
		expect(parseDeckFile(copy).notes?.map((note) => note.id)).toContain(rice[0]!.noteId);
	});

	it('a deck file carries them, and leaves out a note its cards have outgrown', async () => {
		const { db, rice, cloze } = await imported();
		await editNote(db, cloze.id, { front: 'changed here', back: '', tags: [] }, LATER);
		const deck = (await db.decks.toArray())[0]!;
		const cards = await db.cards.where('deckId').equals(deck.id).toArray();
		const text = encodeDeck(
			{ deck, cards },
			{ now: LATER, ankiNotes: await readAnkiNotes(db, cards) }
		);
		const plan = parseDeckFile(text, { sanitize: jsdomSanitize });
		expect(plan.notes?.map((note) => note.id)).toEqual([rice[0]!.noteId]);

		const other = testDatabase();
		await applyImport(other, plan, 'merge');
		expect(await ankiNoteOf(other, rice[0]!.noteId)).not.toBeNull();
		expect(await ankiNoteOf(other, cloze.noteId)).toBeNull();
	});
});

describe('Anki notes in an .apkg export', () => {
	it('go out with their own note type and fields, and come back as the same notes', async () => {
		const { db, rice } = await imported();
		await editAnkiNote(
			db,
			rice[0]!.id,
			{ fields: ['쌀', 'rice (uncooked)', 'ssal'], tags: ['grain'] },
			LATER,
			jsdomSanitize
		);
		const deck = (await db.decks.toArray())[0]!;
		const cards = await db.cards.where('deckId').equals(deck.id).toArray();
		const bytes = await encodeApkg([{ deck, cards }], {
			now: LATER,
			loadSqlJs,
			ankiNotes: await readAnkiNotes(db, cards)
		});

		// As Anki would read it: the note type with its templates, the note with its fields.
		const entries = unzipSync(bytes);
		const collection = readAnkiCollection(
			new sql.Database(entries['collection.anki2']),
			'collection.anki2'
		);
		const types = [...collection.noteTypes.values()];
		const korean = types.find((t) => t.name === 'Korean vocab');
		expect(korean).toMatchObject({
			fields: ['Korean', 'English', 'Romanised'],
			templates: ['Recognition', 'Recall']
		});
		expect(korean?.formats[1]?.afmt).toContain('{{Deck}}');
		// What older Anki needs to make each card: the fields its front shows.
		const exportedDb = new sql.Database(entries['collection.anki2']);
		const models = JSON.parse(String(exportedDb.exec('SELECT models FROM col')[0]?.values[0]?.[0]));
		expect(models[String(korean?.id)].req).toEqual([
			[0, 'any', [1]],
			[1, 'any', [0]]
		]);
		const notes = [...collection.notes.values()];
		expect(notes.find((n) => n.mid === korean?.id)).toMatchObject({
			fields: ['쌀', 'rice (uncooked)', 'ssal'],
			tags: ['grain']
		});
		expect(
			collection.cards
				.filter((c) => c.nid === notes.find((n) => n.mid === korean?.id)?.id)
				.map((c) => c.ord)
				.sort()
		).toEqual([0, 1]);

		// Into a new device: the same note, edited as a note there too.
		const other = testDatabase();
		await applyImport(other, await parseApkg(bytes, options()), 'merge');
		const found = await ankiNoteOf(other, rice[0]!.noteId);
		expect(found?.note.fields).toEqual(['쌀', 'rice (uncooked)', 'ssal']);
		expect((await other.cards.get(rice[0]!.id))?.back).toBe('쌀<br>(ssal)');
		const cloze = (await other.cards.toArray()).find((c) => c.kind === 'cloze');
		expect(cloze?.front).toContain('[…]');
	});
});
