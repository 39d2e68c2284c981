import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
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
		expect((await loadBackupReminder(db, at(10))).due).toBe(false);
		await saveBackupReminderDays(db, 30);
		expect((await loadBackupReminder(db, at(20))).due).toBe(false);
		expect((await loadBackupReminder(db, at(32))).due).toBe(true);
	});

	it('with no backup ever, counts from the oldest review', async () => {
		expect(await loadBackupReminder(db, at(100))).toMatchObject({
			lastBackup: null,
			reviewsSince: 0,
			firstReview: null,
			due: false
		});
		await answer('d2-c1', at(5));
		await answer('c2', at(3));
		const reminder = await loadBackupReminder(db, at(18));
		expect(reminder).toMatchObject({ reviewsSince: 2, firstReview: at(3).getTime(), due: true });
		expect((await loadBackupReminder(db, at(16))).due).toBe(false);
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
