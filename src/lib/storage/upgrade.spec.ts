import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ankiNoteOf } from './anki-notes';
import { FlashcardsDB } from './db';
import { countDueDays } from './due-days';
import { keepSafetyCopy, listSafetyCopies, readSafetyCopy } from './safety-copies';
import { testDatabase } from './test-db';

/*
 * Each earlier schema, exactly as it shipped, with data written the way that version
 * wrote it. Opening it with today's FlashcardsDB must keep every card, log and setting.
 * Add a case here with every new `version(n)`.
 */

const V1_STORES = {
	decks: 'id, name',
	cards: 'id, deckId, [deckId+state+due]',
	reviewLogs: 'id, cardId, [deckId+review], [deckId+state+review]',
	settings: 'key'
};

const v1Deck = { id: 'd1', name: 'Old deck', created: 1, source: null, builtin: false };
const v1Card = (i: number, state: number) => ({
	id: `c${i}`,
	deckId: 'd1',
	kind: 'basic',
	front: `Question ${i} about Kubernetes`,
	back: `Answer ${i}`,
	format: 'text',
	tags: ['old'],
	source: null,
	created: i,
	modified: i,
	due: 1000 + i,
	stability: state === 0 ? 0 : 3,
	difficulty: state === 0 ? 0 : 5,
	elapsed_days: 0,
	scheduled_days: 0,
	learning_steps: 0,
	reps: state === 0 ? 0 : 1,
	lapses: 0,
	state,
	last_review: state === 0 ? null : 500
});
/** Card 1 as versions 2 to 5 stored it: note fields, and its index fields written beside it. */
const indexedCard = {
	...v1Card(1, 2),
	noteId: 'c1',
	ord: 0,
	suspended: false,
	buriedUntil: 0,
	queue: 2,
	words: ['question', '1', 'about', 'kubernetes', 'answer']
};
const v1Log = {
	id: 'l1',
	cardId: 'c1',
	deckId: 'd1',
	rating: 3,
	state: 0,
	due: 0,
	stability: 0,
	difficulty: 0,
	elapsed_days: 0,
	last_elapsed_days: 0,
	scheduled_days: 0,
	learning_steps: 0,
	review: 500
};
const v1Settings = {
	key: 'settings',
	value: {
		desiredRetention: 0.85,
		newPerDay: 7,
		reviewsPerDay: 70,
		dayStartHour: 3,
		maximumInterval: 400
	}
};

async function writeVersion1(name: string) {
	const old = new Dexie(name);
	old.version(1).stores(V1_STORES);
	await old.table('decks').add(v1Deck);
	await old.table('cards').bulkAdd([v1Card(0, 0), v1Card(1, 2), v1Card(2, 1)]);
	await old.table('reviewLogs').add(v1Log);
	await old.table('settings').bulkAdd([v1Settings, { key: 'lastBackup', value: 1234 }]);
	old.close();
}

describe('schema upgrades', () => {
	it('opens a version 1 database with every deck, card, log and setting intact', async () => {
		// fake-indexeddb (installed by test-db) stands in for the browser's IndexedDB.
		const { name } = testDatabase();
		await writeVersion1(name);

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);

		expect(await db.decks.toArray()).toEqual([{ ...v1Deck, overrides: {} }]);
		const cards = await db.cards.orderBy('id').toArray();
		expect(cards).toHaveLength(3);
		for (const [i, card] of cards.entries()) {
			const before = v1Card(i, [0, 2, 1][i]!);
			expect(card).toMatchObject({
				...before,
				noteId: before.id,
				ord: 0,
				suspended: false,
				buriedUntil: 0
			});
		}
		expect(await db.reviewLogs.toArray()).toEqual([v1Log]);
		expect(await db.settings.get('settings')).toEqual(v1Settings);
		expect(await db.settings.get('lastBackup')).toEqual({ key: 'lastBackup', value: 1234 });

		// The new indexes answer for the old cards.
		const reviewCards = await db.cards
			.where('[deckId+queue+due]')
			.between(['d1', 2, -Infinity], ['d1', 2, Infinity])
			.primaryKeys();
		expect(reviewCards).toEqual(['c1']);
		expect(await db.cards.where('words').startsWith('kube').count()).toBe(3);
		expect(await db.cards.where('noteId').equals('c2').count()).toBe(1);
		const byQueue = (a: { queue: number }, b: { queue: number }) => a.queue - b.queue;
		expect((await db.dueDays.toArray()).sort(byQueue)).toEqual(countDueDays(cards).sort(byQueue));
		db.close();
	});

	it('counts the due days of every card of a version 2 database', async () => {
		const { name } = testDatabase();
		const old = new Dexie(name);
		old.version(2).stores({
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, [deckId+queue+due], [queue+due]'
		});
		const v2Card = (i: number, state: number, extra: object = {}) => ({
			...v1Card(i, state),
			noteId: `c${i}`,
			ord: 0,
			suspended: false,
			buriedUntil: 0,
			queue: state,
			words: ['question'],
			...extra
		});
		const day = 86_400_000;
		await old
			.table('cards')
			.bulkAdd([
				v2Card(0, 2, { due: 3 * day }),
				v2Card(1, 2, { due: 3 * day + 5 }),
				v2Card(2, 2, { due: 4 * day, suspended: true, queue: -1 }),
				v2Card(3, 0, { due: 10, deckId: 'd2' })
			]);
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		const rows = await db.dueDays.toArray();
		expect(rows).toEqual(
			expect.arrayContaining([
				{ deckId: 'd1', queue: 2, day: 3, cards: 2 },
				{ deckId: 'd1', queue: -1, day: 4, cards: 1 },
				{ deckId: 'd2', queue: 0, day: 0, cards: 1 }
			])
		);
		expect(rows).toHaveLength(3);
		expect(await db.cards.count()).toBe(4);
		db.close();
	});

	it('opens a version 3 database with everything intact, and keeps safety copies from then on', async () => {
		const { name } = testDatabase();
		const V3_STORES = {
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, [deckId+queue+due], [queue+due]',
			dueDays: '[deckId+queue+day]'
		};
		const v3Card = indexedCard;
		const v3DueDay = { deckId: 'd1', queue: 2, day: 0, cards: 1 };
		const old = new Dexie(name);
		old.version(3).stores(V3_STORES);
		await old.table('decks').add({ ...v1Deck, overrides: { newPerDay: 5 } });
		await old.table('cards').add(v3Card);
		await old.table('reviewLogs').add(v1Log);
		await old.table('dueDays').add(v3DueDay);
		await old.table('settings').bulkAdd([v1Settings, { key: 'lastBackup', value: 1234 }]);
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		expect(await db.decks.toArray()).toEqual([{ ...v1Deck, overrides: { newPerDay: 5 } }]);
		const { queue, words, ...card } = v3Card;
		void [queue, words];
		expect(await db.cards.toArray()).toEqual([card]);
		expect(await db.reviewLogs.toArray()).toEqual([v1Log]);
		expect(await db.dueDays.toArray()).toEqual([v3DueDay]);
		expect(await db.settings.toArray()).toHaveLength(2);
		// The new tables start empty and take a copy, which reads back whole.
		expect(await listSafetyCopies(db)).toEqual([]);
		const kept = await keepSafetyCopy(db, new Date(5000));
		expect(kept).toMatchObject({ made: 5000, decks: 1, cards: 1, reviews: 1 });
		expect((await readSafetyCopy(db, kept!.id))?.text).toContain('"Old deck"');
		db.close();
	});
	it('opens a version 4 database with its safety copies intact, and stores media from then on', async () => {
		const { name } = testDatabase();
		const old = new Dexie(name);
		old.version(4).stores({
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, [deckId+queue+due], [queue+due]',
			dueDays: '[deckId+queue+day]',
			safetyCopies: '++id',
			safetyCopyFiles: 'id'
		});
		await old.table('decks').add({ ...v1Deck, overrides: {} });
		await old.table('safetyCopies').add({ id: 1, made: 5000, decks: 1, cards: 0, reviews: 0 });
		await old.table('safetyCopyFiles').add({ id: 1, text: '{"decks":[]}' });
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		expect(await db.decks.toArray()).toEqual([{ ...v1Deck, overrides: {} }]);
		expect(await db.safetyCopyFiles.toArray()).toEqual([{ id: 1, text: '{"decks":[]}' }]);
		expect(await db.media.count()).toBe(0);
		await db.media.add({ name: 'a', type: 'image/png', bytes: new Uint8Array([1, 2]), size: 2 });
		expect((await db.media.get('a'))?.bytes).toEqual(new Uint8Array([1, 2]));
		db.close();
	});
	it('opens a version 5 database with its cards found by search as before, none waiting', async () => {
		const { name } = testDatabase();
		const old = new Dexie(name);
		old.version(5).stores({
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, [deckId+queue+due], [queue+due]',
			dueDays: '[deckId+queue+day]',
			safetyCopies: '++id',
			safetyCopyFiles: 'id',
			media: 'name, size'
		});
		const v5Card = indexedCard;
		await old.table('cards').add(v5Card);
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		expect(await db.cards.where('words').startsWith('kube').primaryKeys()).toEqual(['c1']);
		expect(await db.cards.where('searchPending').equals(1).count()).toBe(0);
		db.close();
	});
	it('opens a version 6 database with sync off: nothing waits to be pushed, and changes are not recorded', async () => {
		const { name } = testDatabase();
		const old = new Dexie(name);
		old.version(6).stores({
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, searchPending, [deckId+queue+due], [queue+due]',
			dueDays: '[deckId+queue+day]',
			safetyCopies: '++id',
			safetyCopyFiles: 'id',
			media: 'name, size'
		});
		await old.table('cards').add(indexedCard);
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		await db.cards.update('c1', { front: 'Edited' });
		expect(await db.syncOutbox.count()).toBe(0);
		expect(await db.syncRecords.count()).toBe(0);
		expect((await db.cards.get('c1'))?.front).toBe('Edited');
		db.close();
	});
	it('opens a version 8 database with its styled cards intact and no Anki notes: they edit card by card', async () => {
		const { name } = testDatabase();
		const old = new Dexie(name);
		old.version(8).stores({
			...V1_STORES,
			cards: 'id, deckId, noteId, *tags, *words, searchPending, [deckId+queue+due], [queue+due]',
			dueDays: '[deckId+queue+day]',
			safetyCopies: '++id',
			safetyCopyFiles: 'id',
			media: 'name, size',
			syncOutbox: 'id',
			syncRecords: 'id',
			noteStyles: 'id'
		});
		await old.table('cards').add({ ...indexedCard, noteId: 'anki-Ab3', style: 'style-x' });
		await old.table('noteStyles').add({ id: 'style-x', css: '.card { color: blue; }' });
		old.close();

		const db = new FlashcardsDB(name);
		await db.open();
		expect(db.verno).toBe(9);
		expect((await db.cards.get('c1'))?.style).toBe('style-x');
		expect(await db.noteStyles.count()).toBe(1);
		expect(await ankiNoteOf(db, 'anki-Ab3')).toBeNull();
		db.close();
	});
});
