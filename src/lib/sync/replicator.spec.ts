// Two devices (two databases) syncing through a real CouchDB-protocol server on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade, type Card } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { editNote, deleteCards } from '$lib/storage/card-actions';
import type { FlashcardsDB } from '$lib/storage/db';
import { addDeck, forgetDeck, renameDeck } from '$lib/storage/decks';
import { sampleDeck } from '$lib/storage/fixtures';
import { recordReview, undoReview } from '$lib/storage/reviews';
import { loadSettings, saveSettings } from '$lib/storage/settings';
import { changesWaiting, pullCheckpoint, turnSyncOn } from '$lib/storage/sync-store';
import { testDatabase } from '$lib/storage/test-db';
import { CouchClient, SyncError, serverUrl } from './couch-client';
import { encodeHlc } from './hlc';
import { syncOnce } from './replicator';
import { cookieFetch, startTestCouch, type TestCouch } from './testing/couch-server';

const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: DEFAULT_SETTINGS.fuzz });
const T0 = new Date('2026-03-02T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let couch: TestCouch;
let database: string;
let user = 0;

beforeAll(async () => {
	couch = await startTestCouch();
});
afterAll(async () => {
	await couch.stop();
});
beforeEach(async () => {
	user += 1;
	database = await couch.addUser(`user${user}`, 'pw');
});

interface Device {
	db: FlashcardsDB;
	client: CouchClient;
	sync: () => ReturnType<typeof syncOnce>;
}

async function device(name: string, fail?: Parameters<typeof cookieFetch>[0]): Promise<Device> {
	const db = testDatabase();
	await turnSyncOn(db, name);
	const client = new CouchClient(serverUrl(couch.url), database, cookieFetch(fail));
	await client.logIn(`user${user}`, 'pw');
	return { db, client, sync: () => syncOnce(db, client) };
}

async function review(db: FlashcardsDB, id: string, grade: Grade, at: Date): Promise<void> {
	const card = (await db.cards.get(id))!;
	await recordReview(db, scheduler, card, grade, at);
}

/** Every document on the server, with any conflicts it holds. */
async function serverDocs(): Promise<{ _id: string; _conflicts?: string[]; logs?: unknown[] }[]> {
	const response = await couch.admin(`${database}/_all_docs?include_docs=true&conflicts=true`);
	const body = (await response.json()) as { rows: { doc: { _id: string } }[] };
	return body.rows.map((row) => row.doc);
}

function schedules(cards: Card[]) {
	return cards
		.map(({ id, due, stability, difficulty, reps, lapses, state, last_review }) => ({
			id,
			due,
			stability,
			difficulty,
			reps,
			lapses,
			state,
			last_review
		}))
		.sort((a, b) => a.id.localeCompare(b.id));
}

describe('sync between two devices', () => {
	it('brings one device’s decks, cards, history and settings to another', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(3, T0);
		await addDeck(phone.db, deck, cards);
		await review(phone.db, 'c0', Grade.Good, minutes(1));
		await saveSettings(phone.db, { ...DEFAULT_SETTINGS, newPerDay: 7 });
		expect(await changesWaiting(phone.db)).toBeGreaterThan(0);
		await phone.sync();
		expect(await changesWaiting(phone.db)).toBe(0);

		const laptop = await device('laptop');
		const report = await laptop.sync();
		expect(report.refused.count).toBe(0);
		expect(await laptop.db.decks.get('d1')).toEqual(deck);
		expect(schedules(await laptop.db.cards.toArray())).toEqual(
			schedules(await phone.db.cards.toArray())
		);
		expect((await laptop.db.cards.get('c1'))?.front).toBe('Question 1');
		expect(await laptop.db.reviewLogs.count()).toBe(1);
		expect((await loadSettings(laptop.db)).newPerDay).toBe(7);
		// What came from the server is not pushed back: the phone's logs stay the phone's.
		expect(await changesWaiting(laptop.db)).toBe(0);
		expect(report.pushed).toBe(0);
		const batches = (await serverDocs()).filter((doc) => doc._id.startsWith('logs:'));
		expect(batches.map((doc) => doc._id)).toEqual(['logs:phone:1']);
	});

	it('keeps both devices’ offline reviews and edits of the same cards, and ends with the same state', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(2, T0);
		await addDeck(phone.db, deck, cards);
		await phone.sync();
		const laptop = await device('laptop');
		await laptop.sync();

		// Offline on both: the same card answered on each, the same note edited on each.
		// (Days apart, so that intervals are long enough for fuzz, as the app has it.)
		await review(phone.db, 'c0', Grade.Good, minutes(10));
		await review(phone.db, 'c0', Grade.Good, minutes(30));
		await review(laptop.db, 'c0', Grade.Again, minutes(20));
		await review(laptop.db, 'c0', Grade.Good, minutes(60 * 24 * 3));
		await review(laptop.db, 'c0', Grade.Easy, minutes(60 * 24 * 9));
		await editNote(
			phone.db,
			'c1',
			{ front: 'Phone question', back: 'Answer 1', tags: [] },
			minutes(11)
		);
		await editNote(
			laptop.db,
			'c1',
			{ front: 'Question 1', back: 'Laptop answer', tags: [] },
			minutes(12)
		);
		await renameDeck(laptop.db, 'd1', 'Renamed on the laptop');

		await phone.sync();
		await laptop.sync();
		await phone.sync();

		for (const { db } of [phone, laptop]) {
			expect(await db.reviewLogs.where('cardId').equals('c0').count()).toBe(5);
			const c1 = await db.cards.get('c1');
			expect([c1?.front, c1?.back]).toEqual(['Phone question', 'Laptop answer']);
			expect((await db.decks.get('d1'))?.name).toBe('Renamed on the laptop');
		}
		const phoneCards = schedules(await phone.db.cards.toArray());
		expect(schedules(await laptop.db.cards.toArray())).toEqual(phoneCards);
		// …and that state is all five answers replayed in time order.
		let c0 = { ...cards[0]! };
		for (const [grade, at] of [
			[Grade.Good, 10],
			[Grade.Again, 20],
			[Grade.Good, 30],
			[Grade.Good, 60 * 24 * 3],
			[Grade.Easy, 60 * 24 * 9]
		] as const)
			c0 = { ...c0, ...scheduler.review(c0, grade, minutes(at)).scheduling };
		expect(phoneCards.find((card) => card.id === 'c0')).toEqual(schedules([c0])[0]);
		expect((await serverDocs()).filter((doc) => doc._conflicts?.length)).toEqual([]);
	});

	it('carries deletions, a Forget and an undone review', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(3, T0);
		await addDeck(phone.db, deck, cards);
		await review(phone.db, 'c0', Grade.Good, minutes(1));
		await review(phone.db, 'c2', Grade.Good, minutes(2));
		await phone.sync();
		const laptop = await device('laptop');
		await laptop.sync();

		await deleteCards(phone.db, ['c1']);
		await forgetDeck(phone.db, 'd1', minutes(5));
		const c2 = (await phone.db.cards.get('c2'))!;
		const result = await recordReview(phone.db, scheduler, c2, Grade.Easy, minutes(6));
		await phone.sync(); // the answer is pushed…
		await undoReview(phone.db, result.undo); // …then taken back
		await phone.sync();
		await laptop.sync();

		expect(await laptop.db.cards.get('c1')).toBeUndefined();
		const after = await laptop.db.cards.toArray();
		expect(after.map((card) => [card.id, card.state, card.reps])).toEqual([
			['c0', 0, 0],
			['c2', 0, 0]
		]);
		expect(await laptop.db.reviewLogs.count()).toBe(await phone.db.reviewLogs.count());
		expect(schedules(after)).toEqual(schedules(await phone.db.cards.toArray()));
	});

	it('loses and duplicates nothing when a push’s answer is lost or a pull is cut off', async () => {
		let loseBulk = true;
		const phone = await device('phone', (url) =>
			loseBulk && url.endsWith('/_bulk_docs') ? 'after' : null
		);
		const { deck, cards } = sampleDeck(4, T0);
		await addDeck(phone.db, deck, cards);
		for (let i = 0; i < 4; i++) await review(phone.db, `c${i}`, Grade.Good, minutes(i + 1));
		await expect(phone.sync()).rejects.toThrow(SyncError);
		loseBulk = false;
		await phone.sync();
		const logDocs = (await serverDocs()).filter((doc) => doc._id.startsWith('logs:'));
		expect(logDocs.flatMap((doc) => doc.logs)).toHaveLength(4);

		let changesCalls = 0;
		const laptop = await device('laptop', (url) =>
			url.includes('/_changes') && ++changesCalls === 2 ? 'before' : null
		);
		const first = syncOnce(laptop.db, laptop.client, () => {}, { pageSize: 2 });
		await expect(first).rejects.toThrow(SyncError);
		expect(await laptop.db.cards.count()).toBeGreaterThan(0); // the first page stayed
		await syncOnce(laptop.db, laptop.client, () => {}, { pageSize: 2 });
		expect(await laptop.db.cards.count()).toBe(4);
		expect(await laptop.db.reviewLogs.count()).toBe(4);
		expect(schedules(await laptop.db.cards.toArray())).toEqual(
			schedules(await phone.db.cards.toArray())
		);
	});

	it('applies a page of many log batches in parts, and resumes a cut between parts', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(3, T0);
		await addDeck(phone.db, deck, cards);
		for (let i = 0; i < 3; i++) {
			await review(phone.db, `c${i}`, Grade.Good, minutes(i + 1));
			await phone.sync(); // one log batch each
		}
		let documentCalls = 0;
		const laptop = await device('laptop', (url) =>
			url.includes('/_all_docs') && ++documentCalls === 2 ? 'before' : null
		);
		const cut = syncOnce(laptop.db, laptop.client, () => {}, { logBatchesPerPart: 1 });
		await expect(cut).rejects.toThrow(SyncError);
		// The first part stayed; the checkpoint waits for the page's last part.
		expect(await laptop.db.reviewLogs.count()).toBe(1);
		expect(await pullCheckpoint(laptop.db)).toBeNull();
		await syncOnce(laptop.db, laptop.client, () => {}, { logBatchesPerPart: 1 });
		expect(await laptop.db.reviewLogs.count()).toBe(3);
		expect(schedules(await laptop.db.cards.toArray())).toEqual(
			schedules(await phone.db.cards.toArray())
		);
	});

	it('merges a device that already had cards, without replacing them', async () => {
		const phone = await device('phone');
		const laptop = await device('laptop');
		const shared = sampleDeck(2, T0);
		await addDeck(phone.db, shared.deck, shared.cards);
		await addDeck(laptop.db, shared.deck, shared.cards);
		const own = sampleDeck(1, T0, 'd2');
		await addDeck(laptop.db, own.deck, own.cards);
		await review(phone.db, 'c0', Grade.Good, minutes(1));
		await review(laptop.db, 'c0', Grade.Hard, minutes(2));

		await phone.sync();
		await laptop.sync();
		await phone.sync();
		for (const { db } of [phone, laptop]) {
			expect((await db.decks.toArray()).map((d) => d.id).sort()).toEqual(['d1', 'd2']);
			expect(await db.reviewLogs.count()).toBe(2);
		}
		expect(schedules(await phone.db.cards.toArray())).toEqual(
			schedules(await laptop.db.cards.toArray())
		);
		expect((await serverDocs()).filter((doc) => doc._conflicts?.length)).toEqual([]);
	});

	it('refuses documents from a hostile server and keeps everything else', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(1, T0);
		await addDeck(phone.db, deck, cards);
		await phone.sync();
		const stamp = '000lp2w1ky8-00000-evil';
		await couch.admin(`${database}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				docs: [
					{ _id: 'card:x1', type: 'card', fields: { front: 42 }, stamps: { front: stamp } },
					{
						_id: 'card:x2',
						type: 'card',
						fields: { deckId: 'd1' },
						stamps: { deckId: 'yesterday' }
					},
					{ _id: 'deck:x3', type: 'deck', fields: { name: 'x'.repeat(1_100_000) }, stamps: {} },
					{ _id: 'logs:evil:1', type: 'logs', device: 'evil', logs: [{ id: 'l', rating: 9 }] },
					{ _id: 'other', type: 'card', fields: {}, stamps: {} }
				]
			})
		});
		const laptop = await device('laptop');
		const report = await laptop.sync();
		expect(report.refused.count).toBe(5);
		expect(report.refused.first).toMatch(/card:x1/);
		expect(await laptop.db.cards.toArray()).toHaveLength(1);
		expect(await laptop.db.reviewLogs.count()).toBe(0);
	});

	it('fetches only what it has not got: its own writes do not come back to it', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(3, T0);
		await addDeck(phone.db, deck, cards);
		await review(phone.db, 'c0', Grade.Good, minutes(1));
		await phone.sync();
		const fetched: string[] = [];
		const documents = phone.client.documents.bind(phone.client);
		phone.client.documents = async (ids) => {
			fetched.push(...ids);
			return documents(ids);
		};
		await phone.sync();
		expect(fetched).toEqual([]);

		const laptop = await device('laptop');
		await laptop.sync();
		await renameDeck(laptop.db, 'd1', 'From the laptop');
		await laptop.sync();
		await phone.sync();
		expect(fetched).toEqual(['deck:d1']);
		expect((await phone.db.decks.get('d1'))?.name).toBe('From the laptop');
	});

	it('merges the branches of a document CouchDB holds in conflict, and deletes the losers', async () => {
		const phone = await device('phone');
		const { deck, cards } = sampleDeck(1, T0);
		await addDeck(phone.db, deck, cards);
		await phone.sync();
		// A branch beside the current revision, as replication between two servers leaves one:
		// the same card with another front, stamped later. It loses CouchDB's choice of winner
		// (the lower revision id), so the phone holds the winning revision already.
		const response = await couch.admin(`${database}/card:c0?revs=true`);
		const current = (await response.json()) as {
			_rev: string;
			_revisions: { start: number; ids: string[] };
			fields: Record<string, unknown>;
			stamps: Record<string, string>;
		};
		const later = encodeHlc({ wall: Date.now() + 60_000, count: 0, device: 'elsewhere' });
		const generation = current._revisions.start;
		await couch.admin(`${database}/_bulk_docs`, {
			method: 'POST',
			body: JSON.stringify({
				new_edits: false,
				docs: [
					{
						...current,
						_rev: `${generation}-00000000000000000000000000000000`,
						_revisions: {
							start: generation,
							ids: ['00000000000000000000000000000000', ...current._revisions.ids.slice(1)]
						},
						fields: { ...current.fields, front: 'From the other branch' },
						stamps: { ...current.stamps, front: later }
					}
				]
			})
		});
		expect((await serverDocs()).filter((doc) => doc._conflicts?.length)).toHaveLength(1);

		await phone.sync();
		expect((await phone.db.cards.get('c0'))?.front).toBe('From the other branch');
		expect((await serverDocs()).filter((doc) => doc._conflicts?.length)).toEqual([]);
	});

	it('says plainly when the password is wrong or the server is away', async () => {
		const client = new CouchClient(serverUrl(couch.url), database, cookieFetch());
		await expect(client.logIn(`user${user}`, 'wrong')).rejects.toMatchObject({ failure: 'auth' });
		couch.setDown(true);
		try {
			await expect(client.databaseInfo()).rejects.toMatchObject({ failure: 'unreachable' });
		} finally {
			couch.setDown(false);
		}
		const stranger = new CouchClient(serverUrl(couch.url), 'userdb-00', cookieFetch());
		await stranger.logIn(`user${user}`, 'pw');
		await expect(stranger.databaseInfo()).rejects.toBeInstanceOf(SyncError);
	});
});
