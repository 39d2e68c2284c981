import { describe, expect, it } from 'vitest';
import { Grade } from '$lib/domain/models';
import { addNote } from '$lib/storage/card-actions';
import { addDeck } from '$lib/storage/decks';
import { sampleDeck } from '$lib/storage/fixtures';
import { testDatabase } from '$lib/storage/test-db';
import { StudySession } from './study-session.svelte';

/** Lets IndexedDB work started in the background (the read-ahead) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function openSession() {
	const db = testDatabase();
	const { deck, cards } = sampleDeck(3, new Date(2026, 2, 1, 10));
	await addDeck(db, deck, cards);
	let now = new Date(2026, 2, 10, 10, 0);
	const session = new StudySession(db, () => now);
	expect(await session.open({ deck: 'd1' })).toBe(true);
	return { db, session, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('StudySession', () => {
	it('shows each grade’s interval and answers with it', async () => {
		const { session } = await openSession();
		expect(session.card?.id).toBe('c0');
		session.reveal();
		expect(session.choices.map((c) => `${c.label} ${c.interval}`).slice(0, 3)).toEqual([
			'Again 1m',
			'Hard 6m',
			'Good 10m'
		]);
		await session.answer(Grade.Good);
		expect(session.card?.id).toBe('c1');
		expect(session.revealed).toBe(false);
	});

	it('records how long each answer took, from the card shown to the grade, at most a minute', async () => {
		const { db, session, advance } = await openSession();
		advance(7_500);
		session.reveal();
		await session.answer(Grade.Good);
		advance(5 * 60_000); // a card left on screen over lunch counts one minute, as in Anki
		session.reveal();
		await session.answer(Grade.Good);
		const logs = await db.reviewLogs.orderBy('id').toArray();
		expect(logs.map((log) => [log.cardId, log.duration]).sort()).toEqual([
			['c0', 7_500],
			['c1', 60_000]
		]);
	});

	it('undo takes back an edit, then the answer before it', async () => {
		const { db, session } = await openSession();
		const before = (await db.cards.get('c0'))!;
		session.reveal();
		await session.answer(Grade.Again);
		const c1 = (await db.cards.get('c1'))!;
		await session.edit({ text: { front: 'New question', back: 'New answer', tags: [] } });
		expect(session.card?.front).toBe('New question');
		expect(session.card?.state).toBe(0);
		await session.undo();
		expect(session.card?.id).toBe('c1');
		expect(await db.cards.get('c1')).toEqual(c1);
		await session.undo();
		expect(session.card?.id).toBe('c0');
		expect(await db.cards.get('c0')).toEqual(before);
		expect(await db.reviewLogs.count()).toBe(0);
		expect(session.canUndo).toBe(false);
	});

	it('bury and suspend take the card away until undone', async () => {
		const { db, session } = await openSession();
		await session.bury();
		expect(session.card?.id).toBe('c1');
		expect((await db.cards.get('c0'))!.buriedUntil).toBe(new Date(2026, 2, 11, 4).getTime());
		await session.suspend();
		expect(session.card?.id).toBe('c2');
		await session.undo();
		expect(session.card?.id).toBe('c1');
		expect((await db.cards.get('c1'))!.suspended).toBe(false);
		await session.undo();
		expect(session.card?.id).toBe('c0');
		expect((await db.cards.get('c0'))!.buriedUntil).toBe(0);
	});

	it('answering a card buries its siblings until tomorrow; undo gives them back', async () => {
		const { db, session } = await openSession();
		const [forward, reverse] = await addNote(
			db,
			'd1',
			{ kind: 'reversed', front: 'cat', back: 'chat', tags: [] },
			new Date(2026, 2, 1, 9)
		);
		await session.advance();
		expect(session.card?.id).toBe(forward!.id);
		session.reveal();
		await session.answer(Grade.Good);
		expect((await db.cards.get(reverse!.id))!.buriedUntil).toBeGreaterThan(0);
		await session.undo();
		expect((await db.cards.get(reverse!.id))!.buriedUntil).toBe(0);
	});

	it('refuses an empty front', async () => {
		const { session } = await openSession();
		await expect(session.edit({ text: { front: '  ', back: 'x', tags: [] } })).rejects.toThrow(
			'The front of a card cannot be empty.'
		);
	});

	it('moves on, counting nothing, when another tab answered the card first', async () => {
		const { db, session } = await openSession();
		const other = new StudySession(db, () => new Date(2026, 2, 10, 10, 0));
		await other.open({ deck: 'd1' });
		other.reveal();
		expect(await other.answer(Grade.Good)).toEqual({ kind: 'recorded' });

		session.reveal();
		const outcome = await session.answer(Grade.Easy);
		expect(outcome).toEqual({
			kind: 'changed-elsewhere',
			message: 'This card was just answered in another tab, so this answer was not counted twice.'
		});
		expect(session.card?.id).toBe('c1');
		expect(session.canUndo).toBe(false);
		expect(await db.reviewLogs.where('cardId').equals('c0').count()).toBe(1);
	});

	it('keeps the card on screen, answer shown, when the write fails', async () => {
		const { db, session } = await openSession();
		session.reveal();
		db.close(); // every write now fails, as with a full disk or a closed database
		await expect(session.answer(Grade.Good)).rejects.toMatchObject({ name: 'DatabaseClosedError' });
		expect(session.card?.id).toBe('c0');
		expect(session.revealed).toBe(true);
		expect(session.busy).toBe(false);
		await db.open();
		expect(await session.answer(Grade.Good)).toEqual({ kind: 'recorded' });
		expect(await db.reviewLogs.count()).toBe(1);
	});

	it('shows the card read ahead at once, and brings the answered one back if its write fails', async () => {
		const { db, session } = await openSession();
		session.reveal();
		await settle(); // the step after c0 is read while its answer is shown
		const add = db.reviewLogs.add.bind(db.reviewLogs);
		let shownWhileWriting: string | undefined;
		db.reviewLogs.add = (() => {
			shownWhileWriting = session.card?.id;
			return Promise.reject(new DOMException('Disk full', 'QuotaExceededError'));
		}) as unknown as typeof db.reviewLogs.add;
		await expect(session.answer(Grade.Good)).rejects.toThrow('Disk full');
		expect(shownWhileWriting).toBe('c1');
		expect(session.card?.id).toBe('c0');
		expect(session.revealed).toBe(true);
		expect(session.choices).toHaveLength(4);
		expect(await db.reviewLogs.count()).toBe(0);
		expect((await db.cards.get('c0'))!.reps).toBe(0);

		db.reviewLogs.add = add;
		expect(await session.answer(Grade.Good)).toEqual({ kind: 'recorded' });
		expect(session.card?.id).toBe('c1');
		expect(await db.reviewLogs.count()).toBe(1);
	});

	it('reads ahead within the day’s limits and past the answered card’s siblings', async () => {
		const { db, session } = await openSession();
		const [forward] = await addNote(
			db,
			'd1',
			{ kind: 'reversed', front: 'cat', back: 'chat', tags: [] },
			new Date(2026, 2, 1, 9)
		);
		await session.advance();
		expect(session.card?.id).toBe(forward!.id);
		session.reveal();
		await settle();
		await session.answer(Grade.Easy);
		// Not the reverse card: answering buries it.
		expect(session.card?.id).toBe('c0');

		await db.settings.put({ key: 'settings', value: { newPerDay: 2 } });
		await session.open({ deck: 'd1' });
		session.reveal();
		await settle();
		await session.answer(Grade.Easy);
		// Two new cards were seen today: the read-ahead must not show a third.
		expect(session.step?.kind).toBe('done');
	});

	it('answers given faster than they are written are all kept, in order, and undone in reverse', async () => {
		const { db, session } = await openSession();
		session.reveal();
		await settle();
		const first = session.answer(Grade.Good);
		// The next card is up before the first answer is written; answer it at once.
		while (session.card?.id !== 'c1') await Promise.resolve();
		session.reveal();
		const second = session.answer(Grade.Easy);
		// A second tap on the same card is ignored.
		expect(await session.answer(Grade.Easy)).toEqual({ kind: 'ignored' });
		expect(await Promise.all([first, second])).toEqual([
			{ kind: 'recorded' },
			{ kind: 'recorded' }
		]);
		expect((await db.reviewLogs.toArray()).map((l) => [l.cardId, l.rating])).toEqual(
			expect.arrayContaining([
				['c0', Grade.Good],
				['c1', Grade.Easy]
			])
		);
		await session.undo();
		expect(session.card?.id).toBe('c1');
		await session.undo();
		expect(session.card?.id).toBe('c0');
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('a read-ahead left for long is not used: a learning card due meanwhile comes first', async () => {
		const { session, advance } = await openSession();
		session.reveal();
		await session.answer(Grade.Again); // c0 comes back in a minute
		session.reveal(); // c1's answer, read ahead now…
		await settle();
		advance(2 * 60_000); // …and left on screen while c0 came due
		await session.answer(Grade.Good);
		expect(session.card?.id).toBe('c0');
	});

	it('drops an undo another tab made impossible, and says why', async () => {
		const { db, session, advance } = await openSession();
		session.reveal();
		await session.answer(Grade.Again); // c0, due again in a minute
		advance(61_000);
		const other = new StudySession(db, () => new Date(2026, 2, 10, 10, 2));
		await other.open({ deck: 'd1' });
		expect(other.card?.id).toBe('c0');
		other.reveal();
		await other.answer(Grade.Good);

		await expect(session.undo()).rejects.toThrow('can no longer be undone');
		expect(session.canUndo).toBe(false);
		expect((await db.cards.get('c0'))!.reps).toBe(2);
		expect(await db.reviewLogs.count()).toBe(2);
	});
});

describe('studying a deck with children', () => {
	it('shows the deck’s own cards, then its children’s in name order, case aside', async () => {
		const db = testDatabase();
		const made = new Date(2026, 2, 1, 10);
		for (const [id, name] of [
			['m', 'Medicine'],
			['p', 'Medicine::Pharmacology'],
			['a', 'Medicine::anatomy']
		] as const) {
			const { deck, cards } = sampleDeck(1, made, id);
			await addDeck(db, { ...deck, name }, cards);
		}
		const session = new StudySession(db, () => new Date(2026, 2, 10, 10));
		expect(await session.open({ deck: 'm' })).toBe(true);
		const decks: string[] = [];
		while (session.card && decks.length < 5) {
			decks.push(session.card.deckId);
			session.reveal();
			await session.answer(Grade.Easy);
		}
		// By character code "Medicine::Pharmacology" would come first.
		expect(decks).toEqual(['m', 'a', 'p']);
	});
});
