import { describe, expect, it } from 'vitest';
import { Grade } from '$lib/domain/models';
import { addDeck } from '$lib/storage/decks';
import { sampleDeck } from '$lib/storage/fixtures';
import { testDatabase } from '$lib/storage/test-db';
import { StudySession } from './study-session.svelte';

async function openSession() {
	const db = testDatabase();
	const { deck, cards } = sampleDeck(3, new Date(2026, 2, 1, 10));
	await addDeck(db, deck, cards);
	let now = new Date(2026, 2, 10, 10, 0);
	const session = new StudySession(db, () => now);
	expect(await session.open('d1')).toBe(true);
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

	it('undo after an edit restores the schedule and keeps the edited text', async () => {
		const { db, session } = await openSession();
		const before = (await db.cards.get('c0'))!;
		session.reveal();
		await session.answer(Grade.Again);
		// c0 comes back later; edit the card now on screen, then undo the answer to c0.
		await session.edit('New question', 'New answer');
		await session.undo();
		expect(session.card?.id).toBe('c0');
		const restored = (await db.cards.get('c0'))!;
		expect(restored).toEqual(before);
		expect((await db.cards.get('c1'))!.front).toBe('New question');
		expect(await db.reviewLogs.count()).toBe(0);
	});

	it('keeps an edit of the same card through an undo of its answer', async () => {
		const { db, session, advance } = await openSession();
		session.reveal();
		await session.answer(Grade.Again); // c0 due in 1 minute
		advance(61_000);
		await session.advance();
		expect(session.card?.id).toBe('c0');
		await session.edit('Fixed front', 'Fixed back');
		await session.undo();
		const card = (await db.cards.get('c0'))!;
		expect(card.front).toBe('Fixed front');
		expect(card.reps).toBe(0);
	});

	it('refuses an empty front', async () => {
		const { session } = await openSession();
		await expect(session.edit('  ', 'x')).rejects.toThrow('The front of a card cannot be empty.');
	});

	it('moves on, counting nothing, when another tab answered the card first', async () => {
		const { db, session } = await openSession();
		const other = new StudySession(db, () => new Date(2026, 2, 10, 10, 0));
		await other.open('d1');
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

	it('drops an undo another tab made impossible, and says why', async () => {
		const { db, session, advance } = await openSession();
		session.reveal();
		await session.answer(Grade.Again); // c0, due again in a minute
		advance(61_000);
		const other = new StudySession(db, () => new Date(2026, 2, 10, 10, 2));
		await other.open('d1');
		expect(other.card?.id).toBe('c0');
		other.reveal();
		await other.answer(Grade.Good);

		await expect(session.undo()).rejects.toThrow('can no longer be undone');
		expect(session.canUndo).toBe(false);
		expect((await db.cards.get('c0'))!.reps).toBe(2);
		expect(await db.reviewLogs.count()).toBe(2);
	});
});
