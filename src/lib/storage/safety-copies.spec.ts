import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { SafetyCopyError } from '$lib/errors';
import { parseDeckFile } from '$lib/transfer/deck-file';
import type { ImportPlan } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { readEverything } from './export';
import { sampleDeck } from './fixtures';
import { applyImport } from './import';
import { recordReview } from './reviews';
import {
	keepSafetyCopy,
	listSafetyCopies,
	readSafetyCopy,
	SAFETY_COPIES_KEPT
} from './safety-copies';
import { saveSettings } from './settings';
import { testDatabase } from './test-db';

const now = new Date('2026-12-02T16:50:00Z');
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let db: FlashcardsDB;

/** A backup holding one deck of `cards` cards, as a restored file would give. */
function backupPlan(deckId: string, cards: number): ImportPlan {
	const fresh = sampleDeck(cards, now, deckId);
	return {
		kind: 'backup',
		decks: [{ ...fresh, logs: [], warnings: [] }],
		settings: { ...DEFAULT_SETTINGS, newPerDay: 3 },
		exported: now.getTime()
	};
}

/** The plan a safety copy restores through: its file text, read as any backup file is. */
async function planOfCopy(id: number): Promise<ImportPlan> {
	const kept = await readSafetyCopy(db, id);
	if (!kept) throw new Error(`no safety copy ${id}`);
	return parseDeckFile(kept.text);
}

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(36, now, 'mine');
	await addDeck(db, deck, cards);
	const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
	await recordReview(db, scheduler, cards[0]!, Grade.Good, now);
	await saveSettings(db, { ...DEFAULT_SETTINGS, newPerDay: 12 });
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('a restore keeps a safety copy', () => {
	it('of everything it replaces, dated and counted, as a backup file', async () => {
		const before = await readEverything(db);
		await applyImport(db, backupPlan('theirs', 2), 'merge', { now });

		const copies = await listSafetyCopies(db);
		expect(copies).toEqual([
			{ id: expect.any(Number), made: now.getTime(), decks: 1, cards: 36, reviews: 1 }
		]);
		const plan = await planOfCopy(copies[0]!.id);
		expect(plan).toMatchObject({ kind: 'backup', exported: now.getTime() });
		if (plan.kind !== 'backup') throw new Error('unreachable');
		expect(plan.settings).toEqual(before.settings);
		expect(plan.decks.map(({ deck, cards, logs }) => ({ deck, cards, logs }))).toEqual(
			before.decks
		);
		// And the restore itself went ahead.
		expect((await readEverything(db)).decks.map((d) => d.deck.id)).toEqual(['theirs']);
	});

	it('restoring the copy brings back what was replaced, and keeps a copy in turn', async () => {
		const before = await readEverything(db);
		await applyImport(db, backupPlan('theirs', 2), 'merge', { now });
		const [copy] = await listSafetyCopies(db);

		await applyImport(db, await planOfCopy(copy!.id), 'merge', { now: minutesLater(5) });

		expect(await readEverything(db)).toEqual(before);
		const copies = await listSafetyCopies(db);
		expect(
			copies.map(({ made, decks, cards, reviews }) => ({ made, decks, cards, reviews }))
		).toEqual([
			{ made: minutesLater(5).getTime(), decks: 1, cards: 2, reviews: 0 },
			{ made: now.getTime(), decks: 1, cards: 36, reviews: 1 }
		]);
	});

	it(`keeps only the newest ${SAFETY_COPIES_KEPT}, with their files`, async () => {
		for (let i = 1; i <= 5; i++)
			await applyImport(db, backupPlan(`backup-${i}`, i), 'merge', { now: minutesLater(i) });

		const copies = await listSafetyCopies(db);
		expect(copies.map((copy) => copy.made)).toEqual(
			[5, 4, 3].map((i) => minutesLater(i).getTime())
		);
		// Each copy holds what the restore after it replaced: restore i replaced backup i − 1.
		expect(copies.map((copy) => copy.cards)).toEqual([4, 3, 2]);
		expect(await db.safetyCopyFiles.count()).toBe(SAFETY_COPIES_KEPT);
		const oldest = Math.min(...copies.map((copy) => copy.id));
		expect(await readSafetyCopy(db, oldest - 1)).toBeNull();
	});

	it('of nothing when there is no deck to lose', async () => {
		await applyImport(db, backupPlan('theirs', 2), 'merge', { now });
		await db.transaction('rw', db.decks, db.cards, db.reviewLogs, async () => {
			await Promise.all([db.decks.clear(), db.cards.clear(), db.reviewLogs.clear()]);
		});
		expect(await keepSafetyCopy(db, minutesLater(1))).toBeNull();
		expect(await listSafetyCopies(db)).toHaveLength(1);
	});

	it('and does not go ahead when the copy cannot be saved, changing nothing', async () => {
		await applyImport(db, backupPlan('earlier', 4), 'merge', { now });
		await applyImport(db, await planOfCopy((await listSafetyCopies(db))[0]!.id), 'merge', {
			now: minutesLater(1)
		});
		const before = await readEverything(db);
		const copiesBefore = await listSafetyCopies(db);
		// A full disk, as IndexedDB reports it, when the copy's file text is written.
		const add = IDBObjectStore.prototype.add;
		vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
			this: IDBObjectStore,
			...args: Parameters<IDBObjectStore['add']>
		) {
			if (this.name === 'safetyCopyFiles')
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return add.apply(this, args);
		});

		const error = await applyImport(db, backupPlan('theirs', 2), 'merge', {
			now: minutesLater(2)
		}).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(SafetyCopyError);
		expect((error as Error).message).toBe(
			'Nothing was restored: a copy of what is on this device could not be kept first, and a restore never goes ahead without one. The device is out of storage space. Nothing was changed: free some space (or back up and delete decks you no longer need), then try again.'
		);
		expect(await readEverything(db)).toEqual(before);
		expect(await listSafetyCopies(db)).toEqual(copiesBefore);
		expect(await db.safetyCopyFiles.count()).toBe(copiesBefore.length);
	});

	it('needs the moment of the restore, and refuses one without it', async () => {
		const before = await readEverything(db);
		await expect(applyImport(db, backupPlan('theirs', 2), 'merge')).rejects.toThrow(TypeError);
		expect(await readEverything(db)).toEqual(before);
		expect(await listSafetyCopies(db)).toEqual([]);
	});
});
