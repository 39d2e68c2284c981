import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_COUNT_CAP } from '$lib/domain/backup-reminder';
import { CardState, DEFAULT_SETTINGS, Grade, type ReviewLog } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { ValidationError } from '$lib/errors';
import { loadBackupReminder } from './backup-reminder';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { sampleDeck } from './fixtures';
import { recordReview } from './reviews';
import { loadBackupReminderDays, recordBackup, saveBackupReminderDays } from './settings';
import { testDatabase } from './test-db';

const DAY = 86_400_000;
const start = new Date('2026-03-01T09:00:00Z');
const at = (days: number) => new Date(start.getTime() + days * DAY);
const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
let db: FlashcardsDB;

async function answer(cardId: string, when: Date) {
	const card = (await db.cards.get(cardId))!;
	await recordReview(db, scheduler, card, Grade.Good, when);
}

/** `count` answers to one deck's card, a minute apart from `from`, written directly. */
function logs(deckId: string, count: number, from: Date): ReviewLog[] {
	return Array.from({ length: count }, (_, i) => ({
		id: `${deckId}-log-${i}`,
		cardId: `${deckId}-card`,
		deckId,
		rating: Grade.Good,
		state: CardState.Review,
		due: from.getTime(),
		stability: 1,
		difficulty: 5,
		elapsed_days: 1,
		last_elapsed_days: 1,
		scheduled_days: 1,
		learning_steps: 0,
		review: from.getTime() + i * 60_000
	}));
}

beforeEach(async () => {
	db = testDatabase();
	for (const deckId of ['d1', 'd2']) {
		const { deck, cards } = sampleDeck(3, start, deckId);
		await addDeck(db, deck, cards);
	}
});

describe('loadBackupReminder', () => {
	it('counts reviews after the last backup across every deck', async () => {
		await answer('c0', at(0));
		await recordBackup(db, at(1));
		await answer('c1', at(2));
		await answer('d2-c0', at(3));
		const reminder = await loadBackupReminder(db, at(20));
		expect(reminder).toMatchObject({ lastBackup: at(1).getTime(), reviewsSince: 2, days: 14 });
		expect(reminder.due).toBe(true);
	});

	it('does not count a review made in the same millisecond as the backup', async () => {
		await answer('c0', at(1));
		await recordBackup(db, at(1));
		const reminder = await loadBackupReminder(db, at(30));
		expect(reminder.reviewsSince).toBe(0);
		expect(reminder.due).toBe(false);
	});

	it('is not due while the backup is recent, or with the interval the user chose', async () => {
		await recordBackup(db, at(1));
		await answer('c1', at(2));
		// Recent enough that no count could make it due: the logs are not read at all.
		const where = vi.spyOn(db.reviewLogs, 'where');
		expect(await loadBackupReminder(db, at(10))).toMatchObject({ due: false, reviewsSince: null });
		expect(where).not.toHaveBeenCalled();
		where.mockRestore();
		await saveBackupReminderDays(db, 30);
		expect((await loadBackupReminder(db, at(20))).due).toBe(false);
		expect((await loadBackupReminder(db, at(32))).due).toBe(true);
	});

	it('with no backup ever, counts from the oldest review', async () => {
		expect(await loadBackupReminder(db, at(100))).toMatchObject({
			lastBackup: null,
			reviewsSince: null,
			firstReview: null,
			due: false
		});
		await answer('d2-c1', at(5));
		await answer('c2', at(3));
		const reminder = await loadBackupReminder(db, at(18));
		expect(reminder).toMatchObject({ reviewsSince: 2, firstReview: at(3).getTime(), due: true });
		expect(await loadBackupReminder(db, at(16))).toMatchObject({
			firstReview: at(3).getTime(),
			reviewsSince: null,
			due: false
		});
	});

	it('counts up to one past the cap, across decks, and stops there', async () => {
		await recordBackup(db, at(1));
		await db.reviewLogs.bulkAdd([
			...logs('d1', REVIEW_COUNT_CAP - 200, at(2)),
			...logs('d2', 400, at(2))
		]);
		const reminder = await loadBackupReminder(db, at(20));
		expect(reminder).toMatchObject({ due: true, reviewsSince: REVIEW_COUNT_CAP + 1 });

		// Just under the cap, the count is exact.
		await db.reviewLogs.bulkDelete(logs('d2', 400, at(2)).map((log) => log.id));
		expect((await loadBackupReminder(db, at(20))).reviewsSince).toBe(REVIEW_COUNT_CAP - 200);
	});
});

describe('backup reminder days', () => {
	it('defaults to 14, saves a valid number and refuses an invalid one', async () => {
		expect(await loadBackupReminderDays(db)).toBe(14);
		await saveBackupReminderDays(db, 7);
		expect(await loadBackupReminderDays(db)).toBe(7);
		await expect(saveBackupReminderDays(db, 0)).rejects.toThrow(ValidationError);
		await expect(saveBackupReminderDays(db, 1.5)).rejects.toThrow(ValidationError);
		expect(await loadBackupReminderDays(db)).toBe(7);
	});

	it('is its own key, out of the study settings', async () => {
		await saveBackupReminderDays(db, 21);
		expect(await db.settings.get('backupReminderDays')).toEqual({
			key: 'backupReminderDays',
			value: 21
		});
		expect(await db.settings.get('settings')).toBeUndefined();
	});
});
