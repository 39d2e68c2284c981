import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { cardsForNote } from '$lib/domain/notes';
import { createScheduler } from '$lib/domain/scheduler';
import type { ImportPlan } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { readDeckForExport, readEverything } from './export';
import { sampleDeck, sampleDeckPlan } from './fixtures';
import { applyImport, previewImport } from './import';
import { recordReview } from './reviews';
import { testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
let db: FlashcardsDB;
let ids = 0;
const newId = () => `new-${++ids}`;

async function snapshot() {
	return readEverything(db);
}

beforeEach(() => {
	db = testDatabase();
	ids = 0;
});

describe('applyImport', () => {
	it('writes a new deck whole and previews it first', async () => {
		const plan = sampleDeckPlan(5000, now);
		expect(await previewImport(db, plan)).toMatchObject({
			decks: [{ cards: 5000, exists: false, existingCards: 0 }]
		});
		const progress: number[] = [];
		const summary = await applyImport(db, plan, 'merge', {
			onProgress: (done) => progress.push(done)
		});
		expect(summary).toMatchObject({ decks: 1, added: 5000, updated: 0 });
		expect(await db.cards.count()).toBe(5000);
		expect(progress.at(-1)).toBe(5000);
		expect(progress.length).toBeGreaterThan(1);
	});

	it('writes nothing when any row fails, even after earlier chunks were written', async () => {
		const existing = sampleDeck(3, now, 'keep');
		await addDeck(db, existing.deck, existing.cards);
		const before = await snapshot();
		const plan = sampleDeckPlan(4500, now);
		if (plan.kind !== 'decks') throw new Error('unreachable');
		// An id IndexedDB cannot use as a key fails the last chunk.
		(plan.decks[0]!.cards[4499] as { id: unknown }).id = { not: 'a key' };
		await expect(applyImport(db, plan, 'merge')).rejects.toThrow();
		expect(await snapshot()).toEqual(before);
	});

	it('merges by id keeping the newer review state, and copies on request', async () => {
		const { deck, cards } = sampleDeck(3, now);
		await addDeck(db, deck, cards);
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const later = new Date(now.getTime() + 60_000);
		const reviewed = await recordReview(db, scheduler, cards[0]!, Grade.Good, later);

		// The file holds the old, unreviewed c0 and a changed c1.
		const plan = sampleDeckPlan(3, now);
		if (plan.kind !== 'decks') throw new Error('unreachable');
		const incoming = plan.decks[0]!;
		incoming.cards[1] = { ...incoming.cards[1]!, back: 'Changed', modified: later.getTime() + 1 };
		expect((await previewImport(db, plan)).decks[0]).toMatchObject({
			exists: true,
			existingCards: 3
		});

		const merged = await applyImport(db, plan, 'merge');
		expect(merged).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
		expect(await db.cards.get('c0')).toEqual(reviewed.card);
		expect((await db.cards.get('c1'))!.back).toBe('Changed');

		const copied = await applyImport(db, plan, 'copy', { newId });
		expect(copied.added).toBe(3);
		const copy = await readDeckForExport(db, copied.deckIds[0]!, true);
		expect(copy!.deck.name).toBe('Deck d1 (copy)');
		expect(copy!.cards.map((card) => card.id).sort()).toEqual(['new-2', 'new-3', 'new-4']);
		expect(await db.cards.count()).toBe(6);
	});

	it("puts a package's Default deck beside a renamed deck 1 of another collection, not in it", async () => {
		// Every Anki collection numbers its Default deck 1: this one came from a collection
		// where deck 1 had been renamed.
		const { deck, cards } = sampleDeck(1, now);
		await addDeck(db, { ...deck, id: 'anki-deck-1', name: 'Old Decks::Board Review 2023' }, [
			{ ...cards[0]!, deckId: 'anki-deck-1' }
		]);
		const incoming = sampleDeck(1, now);
		const plan: ImportPlan = {
			kind: 'decks',
			sourceFormat: 'apkg',
			decks: [
				{
					deck: { ...incoming.deck, id: 'anki-deck-1', name: 'Default' },
					cards: [
						{ ...incoming.cards[0]!, id: 'anki-x-0', noteId: 'anki-x', deckId: 'anki-deck-1' }
					],
					logs: [],
					warnings: []
				}
			]
		};
		expect((await previewImport(db, plan)).decks[0]).toMatchObject({ exists: false });
		const summary = await applyImport(db, plan, 'merge');
		expect(summary).toMatchObject({ decks: 1, added: 1 });
		const added = (await db.cards.get('anki-x-0'))!;
		expect(added.deckId).not.toBe('anki-deck-1');
		expect((await db.decks.get(added.deckId))!.name).toBe('Default');
		expect(await db.cards.where('deckId').equals('anki-deck-1').count()).toBe(1);
	});

	it('merges a CSV or .apkg into the deck of its name, by note and position', async () => {
		const { deck, cards } = sampleDeck(2, now);
		await addDeck(db, deck, cards);
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const later = new Date(now.getTime() + 60_000);
		const reviewed = await recordReview(db, scheduler, cards[0]!, Grade.Good, later);

		// What an importer makes of this deck's own export: other deck and card ids, the
		// same notes, the old state of c0, the answer under another log id, and a new note.
		const fromFile = (id: string) => ({ ...cards.find((c) => c.id === id)!, id: `file-${id}` });
		const storedLog = (await db.reviewLogs.toArray())[0]!;
		const plan: ImportPlan = {
			kind: 'decks',
			sourceFormat: 'apkg',
			decks: [
				{
					deck: { ...deck, id: 'anki-deck-1' },
					cards: [
						fromFile('c0'),
						fromFile('c1'),
						{ ...fromFile('c1'), id: 'file-new', noteId: 'other-note' }
					],
					logs: [{ ...storedLog, id: 'anki-revlog-1', cardId: 'file-c0' }],
					warnings: []
				}
			]
		};
		expect((await previewImport(db, plan)).decks[0]).toMatchObject({
			exists: true,
			existingCards: 2
		});
		const merged = await applyImport(db, plan, 'merge');
		expect(merged).toMatchObject({ decks: 1, added: 1, updated: 0, unchanged: 2, logs: 0 });
		expect(merged.deckIds).toEqual([deck.id]);
		expect(await db.decks.count()).toBe(1);
		expect(await db.cards.get('c0')).toEqual(reviewed.card);
		expect(await db.reviewLogs.count()).toBe(1);
		expect((await db.cards.get('file-new'))!.deckId).toBe(deck.id);

		// A copy still sits beside it, with ids of its own.
		const copied = await applyImport(db, plan, 'copy', { newId });
		expect(copied.added).toBe(3);
		expect(await db.decks.count()).toBe(2);
	});

	it('a copy gets notes of its own, its siblings still sharing one', async () => {
		const { deck } = sampleDeck(0, now);
		let noteCardIds = 0;
		const cardId = () => `note-card-${++noteCardIds}`;
		const cards = [
			...cardsForNote({
				note: { kind: 'reversed', front: 'cat', back: 'chat', tags: [] },
				deckId: deck.id,
				now,
				newId: cardId
			}),
			...cardsForNote({
				note: { kind: 'cloze', front: '{{c1::TCP}} and {{c2::UDP}}', back: '', tags: [] },
				deckId: deck.id,
				now,
				newId: cardId
			}),
			...cardsForNote({
				note: { kind: 'basic', front: 'alone', back: 'yes', tags: [] },
				deckId: deck.id,
				now,
				newId: cardId
			})
		];
		await addDeck(db, deck, cards);
		const plan: ImportPlan = {
			kind: 'decks',
			sourceFormat: 'deck-json',
			decks: [{ deck, cards, logs: [], warnings: [] }]
		};

		const copied = await applyImport(db, plan, 'copy', { newId });
		const copy = await db.cards.where('deckId').equals(copied.deckIds[0]!).toArray();
		expect(copy).toHaveLength(5);
		const originalNotes = new Set(cards.map((card) => card.noteId));
		expect(copy.filter((card) => originalNotes.has(card.noteId))).toEqual([]);
		// The same grouping as the original: by front text, which each note's cards share.
		const notesByFront = (list: { front: string; noteId: string }[]) =>
			Object.fromEntries(
				[...new Set(list.map((card) => card.front))].map((front) => [
					front,
					new Set(list.filter((card) => card.front === front).map((card) => card.noteId)).size
				])
			);
		expect(notesByFront(copy)).toEqual({
			cat: 1,
			'{{c1::TCP}} and {{c2::UDP}}': 1,
			alone: 1
		});
		expect(new Set(copy.map((card) => card.noteId)).size).toBe(3);
	});

	it('restoring a backup replaces every deck and the settings', async () => {
		const old = sampleDeck(2, now, 'old');
		await addDeck(db, old.deck, old.cards);
		const fresh = sampleDeck(4, now, 'fresh');
		const plan: ImportPlan = {
			kind: 'backup',
			decks: [{ ...fresh, logs: [], warnings: [] }],
			settings: { ...DEFAULT_SETTINGS, newPerDay: 7 },
			exported: null
		};
		expect((await previewImport(db, plan)).replacesDecks).toBe(1);
		await applyImport(db, plan, 'merge', { now });
		const after = await snapshot();
		expect(after.decks.map((d) => d.deck.id)).toEqual(['fresh']);
		expect(after.decks[0]!.cards).toHaveLength(4);
		expect(after.settings.newPerDay).toBe(7);
	});
});
