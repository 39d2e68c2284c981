import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/errors';
import {
	backupOverdue,
	backupReminderDue,
	daysBetween,
	DEFAULT_BACKUP_REMINDER_DAYS,
	validateBackupReminderDays
} from './backup-reminder';

const DAY = 86_400_000;
const now = new Date('2026-11-28T10:00:00Z');
const daysAgo = (n: number) => now.getTime() - n * DAY;

describe('backupReminderDue', () => {
	it('reminds when the backup is older than the interval and reviews came after it', () => {
		const facts = { lastBackup: daysAgo(15), reviewsSince: 4, firstReview: daysAgo(100) };
		expect(backupReminderDue(facts, DEFAULT_BACKUP_REMINDER_DAYS, now)).toBe(true);
	});

	it('stays quiet while the backup is within the interval, up to its last moment', () => {
		expect(
			backupReminderDue({ lastBackup: daysAgo(13), reviewsSince: 4, firstReview: null }, 14, now)
		).toBe(false);
		expect(
			backupReminderDue({ lastBackup: daysAgo(14), reviewsSince: 4, firstReview: null }, 14, now)
		).toBe(false);
		expect(
			backupReminderDue(
				{ lastBackup: daysAgo(14) - 1, reviewsSince: 4, firstReview: null },
				14,
				now
			)
		).toBe(true);
	});

	it('stays quiet when nothing was studied since the backup, however old', () => {
		expect(
			backupReminderDue(
				{ lastBackup: daysAgo(400), reviewsSince: 0, firstReview: daysAgo(500) },
				14,
				now
			)
		).toBe(false);
	});

	it('follows the interval the user chose', () => {
		const facts = { lastBackup: daysAgo(20), reviewsSince: 1, firstReview: null };
		expect(backupReminderDue(facts, 30, now)).toBe(false);
		expect(backupReminderDue(facts, 7, now)).toBe(true);
	});

	it('without any backup, counts from the first review', () => {
		expect(
			backupReminderDue({ lastBackup: null, reviewsSince: 50, firstReview: daysAgo(2) }, 14, now)
		).toBe(false);
		expect(
			backupReminderDue({ lastBackup: null, reviewsSince: 50, firstReview: daysAgo(15) }, 14, now)
		).toBe(true);
		expect(
			backupReminderDue({ lastBackup: null, reviewsSince: 0, firstReview: null }, 14, now)
		).toBe(false);
	});
});

describe('backupOverdue', () => {
	it('looks at the time alone: the backup, or with none the first review', () => {
		expect(backupOverdue({ lastBackup: daysAgo(15), firstReview: daysAgo(2) }, 14, now)).toBe(true);
		expect(backupOverdue({ lastBackup: daysAgo(13), firstReview: daysAgo(90) }, 14, now)).toBe(
			false
		);
		expect(backupOverdue({ lastBackup: null, firstReview: daysAgo(15) }, 14, now)).toBe(true);
		expect(backupOverdue({ lastBackup: null, firstReview: daysAgo(2) }, 14, now)).toBe(false);
		expect(backupOverdue({ lastBackup: null, firstReview: null }, 14, now)).toBe(false);
	});
});

describe('validateBackupReminderDays', () => {
	it('accepts whole numbers of days from 1 to 365', () => {
		expect(validateBackupReminderDays(1)).toBe(1);
		expect(validateBackupReminderDays(365)).toBe(365);
	});

	it('refuses anything else, saying what is allowed', () => {
		for (const bad of [0, 366, 2.5, Number.NaN, Infinity, '14', null]) {
			expect(() => validateBackupReminderDays(bad)).toThrow(ValidationError);
		}
		expect(() => validateBackupReminderDays(0)).toThrow('a whole number of days from 1 to 365');
	});
});

describe('daysBetween', () => {
	it('counts whole days, never below zero', () => {
		expect(daysBetween(daysAgo(20) - 5, now)).toBe(20);
		expect(daysBetween(daysAgo(0.5), now)).toBe(0);
		expect(daysBetween(now.getTime() + DAY, now)).toBe(0);
	});
});
