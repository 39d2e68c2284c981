import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { addDeck, deleteDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview } from './reviews';
import { saveSettings, setFlag } from './settings';
import { SYNC_ON, markFromServer, type OutboxEntry } from './sync-outbox';
import { changesWaiting, turnSyncOff, turnSyncOn } from './sync-store';
import { testDatabase } from './test-db';

const T0 = new Date('2026-03-02T08:00:00Z');
const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });

async function entries(db: ReturnType<typeof testDatabase>): Promise<string[]> {
	const rows = (await db.syncOutbox.toArray()) as OutboxEntry[];
	return rows
		.filter((row) => row.id !== SYNC_ON)
		.map((row) => row.id)
		.sort();
}

describe('the sync outbox', () => {
	it('records nothing while sync is off', async () => {
		const db = testDatabase();
		const { deck, cards } = sampleDeck(2, T0);
		await addDeck(db, deck, cards);
		expect(await db.syncOutbox.count()).toBe(0);
	});

	it('records each changed record once, with the change, in its transaction', async () => {
		const db = testDatabase();
		await turnSyncOn(db, 'phone');
		const { deck, cards } = sampleDeck(2, T0);
		await addDeck(db, deck, cards);
		const { log } = await recordReview(db, scheduler, cards[0]!, Grade.Good, T0);
		await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 5 });
		await setFlag(db, 'someFlag'); // a device-only setting: not synced
		expect(await entries(db)).toEqual([
			'cards:c0',
			'cards:c1',
			'decks:d1',
			`reviewLogs:${log.id}`,
			'settings:settings'
		]);
		const first = (await db.syncOutbox.get('cards:c0')) as OutboxEntry;
		await recordReview(db, scheduler, (await db.cards.get('c0'))!, Grade.Good, T0);
		const second = (await db.syncOutbox.get('cards:c0')) as OutboxEntry;
		expect(second.at > first.at).toBe(true);
		expect(await changesWaiting(db)).toBe(6);
	});

	it('rolls back with a change that fails, and records deletions', async () => {
		const db = testDatabase();
		const { deck, cards } = sampleDeck(2, T0);
		await addDeck(db, deck, cards);
		await turnSyncOn(db, 'phone');
		await expect(
			db.transaction('rw', db.cards, async () => {
				await db.cards.delete('c0');
				throw new Error('midway');
			})
		).rejects.toThrow('midway');
		expect(await entries(db)).toEqual([]);
		await deleteDeck(db, 'd1');
		expect(await entries(db)).toEqual(['cards:c0', 'cards:c1', 'decks:d1']);
	});

	it('does not record what the server sent, and forgets everything when sync is turned off', async () => {
		const db = testDatabase();
		await turnSyncOn(db, 'phone');
		const { deck, cards } = sampleDeck(1, T0);
		await db.transaction('rw', db.decks, db.cards, async (tx) => {
			markFromServer(tx.idbtrans);
			await db.decks.add(deck);
			await db.cards.bulkAdd(cards);
		});
		expect(await entries(db)).toEqual([]);
		await db.cards.update('c0', { front: 'Edited' });
		expect(await entries(db)).toEqual(['cards:c0']);
		await turnSyncOff(db);
		expect(await db.syncOutbox.count()).toBe(0);
		expect(await db.cards.count()).toBe(1); // the collection stays
	});
});
