import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade, type Card } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';
import {
	addNote,
	addTag,
	buryCards,
	burySiblings,
	deleteCards,
	restoreDeletedCards,
	editNote,
	moveCards,
	setSuspended,
	undoCardChanges
} from './card-actions';
import { addDeck, deleteDeck, forgetDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview } from './reviews';
import { nextStudyStep } from './study-queue';
import { storedCard, testDatabase } from './test-db';

const now = new Date(2026, 2, 10, 10, 0);
const tomorrow = new Date(2026, 2, 11, 4, 0);
let db: FlashcardsDB;

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(3, new Date(2026, 2, 1));
	await addDeck(db, deck, cards);
});

const everything = async () => ({
	cards: await db.cards.orderBy('id').toArray(),
	logs: await db.reviewLogs.toArray()
});

async function nextCardId(at = now): Promise<string | null> {
	const step = await nextStudyStep(db, 'd1', at, DEFAULT_SETTINGS);
	return step.kind === 'card' ? step.card.id : null;
}

describe('notes and siblings', () => {
	it('a reversed note makes two sibling cards, a cloze note one per number', async () => {
		const reversed = await addNote(
			db,
			'd1',
			{ kind: 'reversed', front: 'cat', back: 'chat', tags: ['fr'] },
			now
		);
		expect(reversed.map((c) => c.ord)).toEqual([0, 1]);
		expect(new Set(reversed.map((c) => c.noteId)).size).toBe(1);
		const cloze = await addNote(
			db,
			'd1',
			{ kind: 'cloze', front: '{{c2::HTTP}} runs over {{c1::TCP::protocol}}', back: '', tags: [] },
			now
		);
		expect(cloze.map((c) => c.ord)).toEqual([1, 2]);
		expect(await db.cards.where('noteId').equals(cloze[0]!.noteId).count()).toBe(2);
	});

	it('refuses a cloze note without a deletion and writes nothing', async () => {
		const before = await everything();
		await expect(
			addNote(db, 'd1', { kind: 'cloze', front: 'no deletion', back: '', tags: [] }, now)
		).rejects.toThrow('A cloze card needs at least one deletion');
		expect(await everything()).toEqual(before);
	});

	it('editing keeps the schedule, updates siblings, and adds a new cloze number', async () => {
		const [c1] = await addNote(
			db,
			'd1',
			{ kind: 'cloze', front: '{{c1::TCP}} carries HTTP', back: '', tags: [] },
			now
		);
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const reviewed = (
			await recordReview(db, scheduler, await storedCard(db, c1!.id), Grade.Good, now)
		).card;
		const later = new Date(now.getTime() + 60_000);
		const result = await editNote(
			db,
			c1!.id,
			{ front: '{{c1::TCP}} carries {{c2::HTTP}}', back: 'extra', tags: ['net'] },
			later
		);
		const siblings = await db.cards.where('noteId').equals(c1!.noteId).sortBy('ord');
		expect(siblings.map((c) => c.ord)).toEqual([1, 2]);
		const [first, second] = siblings;
		expect(first).toEqual({
			...reviewed,
			front: '{{c1::TCP}} carries {{c2::HTTP}}',
			back: 'extra',
			tags: ['net'],
			modified: later.getTime()
		});
		expect(second!.state).toBe(0);
		expect(result.created).toEqual([second!.id]);

		await undoCardChanges(db, result);
		expect(await db.cards.where('noteId').equals(c1!.noteId).toArray()).toEqual([reviewed]);
	});

	it('editing a card whose text was rendered on import changes that card only', async () => {
		const [a] = await db.cards.bulkGet(['c0']);
		await db.cards.bulkPut([
			{ ...a!, kind: 'cloze', noteId: 'anki-n', ord: 0, front: '[…] is here' },
			{ ...a!, id: 'other', kind: 'cloze', noteId: 'anki-n', ord: 1, front: 'x is [...]' }
		]);
		await editNote(db, 'c0', { front: 'Fixed […] is here', back: '', tags: [] }, now);
		expect((await db.cards.get('other'))!.front).toBe('x is [...]');
	});
});

describe('bury and suspend in the study queue', () => {
	it('a buried card is gone until the next day starts, then comes back', async () => {
		expect(await nextCardId()).toBe('c0');
		const undo = await buryCards(db, ['c0'], tomorrow, now);
		expect(await nextCardId()).toBe('c1');
		expect(await nextCardId(new Date(2026, 2, 11, 3, 59))).toBe('c1');
		expect(await nextCardId(tomorrow)).toBe('c0');
		expect((await db.cards.get('c0'))!.buriedUntil).toBe(0);
		expect(undo.before.map((c) => c.id)).toEqual(['c0']);
	});

	it('undo of a bury puts the card back exactly', async () => {
		const before = await everything();
		const undo = await buryCards(db, ['c0', 'c1'], tomorrow, now);
		await undoCardChanges(db, undo);
		expect(await everything()).toEqual(before);
		expect(await nextCardId()).toBe('c0');
	});

	it('a suspended card is never shown until unsuspended; undo restores it', async () => {
		const undo = await setSuspended(db, ['c0'], true, now);
		expect(await nextCardId()).toBe('c1');
		expect(await nextCardId(new Date(2027, 0, 1))).toBe('c1');
		await undoCardChanges(db, undo);
		expect(await nextCardId()).toBe('c0');
		await setSuspended(db, ['c0'], true, now);
		await setSuspended(db, ['c0'], false, now);
		expect(await nextCardId()).toBe('c0');
	});

	it('burying siblings leaves the answered card and learning siblings alone', async () => {
		const cards = await addNote(
			db,
			'd1',
			{ kind: 'cloze', front: '{{c1::a}} {{c2::b}} {{c3::c}}', back: '', tags: [] },
			now
		);
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, cards[2]!.id), Grade.Again, now); // learning now
		const undo = await burySiblings(db, cards[0]!, tomorrow, now);
		expect(undo.before.map((c) => c.id)).toEqual([cards[1]!.id]);
		const buried = (await db.cards.get(cards[1]!.id)) as Card;
		expect(buried.buriedUntil).toBe(tomorrow.getTime());
	});
});

describe('browser actions', () => {
	it('moves, tags and deletes several cards; undo of a move restores them', async () => {
		const { deck, cards } = sampleDeck(1, now, 'd2');
		await addDeck(db, deck, cards);
		const moved = await moveCards(db, ['c0', 'c1'], 'd2', now);
		expect(await db.cards.where('deckId').equals('d2').count()).toBe(3);
		await undoCardChanges(db, moved);
		expect(await db.cards.where('deckId').equals('d2').count()).toBe(1);

		await addTag(db, ['c0', 'c2'], 'hard', now);
		expect(await db.cards.where('tags').equals('hard').primaryKeys()).toEqual(['c0', 'c2']);

		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, 'c0'), Grade.Good, now);
		await deleteCards(db, ['c0']);
		expect(await db.cards.get('c0')).toBeUndefined();
		expect(await db.reviewLogs.where('cardId').equals('c0').count()).toBe(0);
	});

	it("a delete is undone with the cards' history, but not into a deck deleted since", async () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, 'c0'), Grade.Good, now);
		const before = { card: await storedCard(db, 'c0'), logs: await db.reviewLogs.toArray() };
		const deleted = await deleteCards(db, ['c0', 'c1']);
		expect(deleted.cards.map((card) => card.id)).toEqual(['c0', 'c1']);
		expect(await db.reviewLogs.count()).toBe(0);
		expect(await restoreDeletedCards(db, deleted)).toBe(2);
		expect(await storedCard(db, 'c0')).toEqual(before.card);
		expect(await db.reviewLogs.toArray()).toEqual(before.logs);

		const again = await deleteCards(db, ['c0']);
		await deleteDeck(db, 'd1');
		expect(await restoreDeletedCards(db, again)).toBe(0);
		expect(await db.cards.get('c0')).toBeUndefined();
	});

	it('moving cards moves their history; undo moves both back', async () => {
		const { deck, cards } = sampleDeck(1, now, 'd2');
		await addDeck(db, deck, cards);
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, 'c0'), Grade.Good, now);
		const moved = await moveCards(db, ['c0'], 'd2', now);
		expect((await db.reviewLogs.where('cardId').equals('c0').first())!.deckId).toBe('d2');
		await undoCardChanges(db, moved);
		expect((await storedCard(db, 'c0')).deckId).toBe('d1');
		expect((await db.reviewLogs.where('cardId').equals('c0').first())!.deckId).toBe('d1');
	});

	it('an undo neither brings back a card deleted since nor erases an answer given since', async () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		const undo = await buryCards(db, ['c0', 'c1'], tomorrow, now);
		await deleteCards(db, ['c0']);
		await setSuspended(db, ['c1'], false, now);
		await db.cards.update('c1', { buriedUntil: 0 });
		const answered = (
			await recordReview(db, scheduler, await storedCard(db, 'c1'), Grade.Good, now)
		).card;
		await undoCardChanges(db, undo);
		expect(await db.cards.get('c0')).toBeUndefined();
		const c1 = await storedCard(db, 'c1');
		expect([c1.reps, c1.state, c1.due]).toEqual([answered.reps, answered.state, answered.due]);
		expect(c1.buriedUntil).toBe(0);
	});

	it('forgetting a deck makes every card new again, in its order, keeping history', async () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
		await recordReview(db, scheduler, await storedCard(db, 'c1'), Grade.Easy, now);
		await buryCards(db, ['c2'], tomorrow, now);
		expect(await forgetDeck(db, 'd1', now)).toBe(3);
		const cards = await db.cards.orderBy('id').toArray();
		expect(cards.map((c) => [c.state, c.reps, c.buriedUntil])).toEqual([
			[0, 0, 0],
			[0, 0, 0],
			[0, 0, 0]
		]);
		expect(cards.map((c) => c.due)).toEqual(cards.map((c) => c.created));
		expect(await db.reviewLogs.count()).toBe(1);
		expect(await nextCardId()).toBe('c0');
	});
});
