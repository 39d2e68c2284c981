import { ValidationError } from '$lib/errors';

const DAY_MS = 86_400_000;

/** How old the last backup may get, with reviews since, before the decks screen reminds. */
export const DEFAULT_BACKUP_REMINDER_DAYS = 14;
export const BACKUP_REMINDER_DAYS_MIN = 1;
export const BACKUP_REMINDER_DAYS_MAX = 365;

/**
 * Checks the reminder interval a user typed; returns it, or throws a
 * ValidationError saying what is allowed.
 *
 * @example
 * validateBackupReminderDays(30); // 30
 * validateBackupReminderDays(0); // throws "The backup reminder must be a whole number of days from 1 to 365."
 */
export function validateBackupReminderDays(days: unknown): number {
	if (
		typeof days !== 'number' ||
		!Number.isInteger(days) ||
		days < BACKUP_REMINDER_DAYS_MIN ||
		days > BACKUP_REMINDER_DAYS_MAX
	)
		throw new ValidationError(
			`The backup reminder must be a whole number of days from ${BACKUP_REMINDER_DAYS_MIN} to ${BACKUP_REMINDER_DAYS_MAX}.`
		);
	return days;
}

/**
 * Reviews are counted up to this many for the reminder. Past it the message says
 * "over 1,000 answers", which is reason enough to back up, and counting stays a
 * few milliseconds however long the history grows (every log counted took about
 * two seconds with 500,000 of them, on every visit to the decks screen).
 */
export const REVIEW_COUNT_CAP = 1000;

/** What the reminder rule needs to know, read from storage. */
export interface BackupFacts {
	/** Epoch ms of the last full backup; null if there never was one. */
	lastBackup: number | null;
	/**
	 * Reviews answered after the last backup (all reviews when there was none),
	 * counted up to `REVIEW_COUNT_CAP + 1`: more than the cap means "over the cap".
	 */
	reviewsSince: number;
	/** Epoch ms of the oldest review on the device; only needed when there was no backup. */
	firstReview: number | null;
}

/**
 * The time half of the reminder rule: the last backup — or, with none, the first
 * review — is more than `days` old. Storage asks this before counting any
 * reviews, since when it is false no count can make the reminder due.
 *
 * @example
 * const day = 86_400_000, now = new Date(40 * day);
 * backupOverdue({ lastBackup: 30 * day, firstReview: 0 }, 14, now); // false
 * backupOverdue({ lastBackup: null, firstReview: 20 * day }, 14, now); // true
 */
export function backupOverdue(
	facts: Pick<BackupFacts, 'lastBackup' | 'firstReview'>,
	days: number,
	now: Date
): boolean {
	const since = facts.lastBackup ?? facts.firstReview;
	if (since === null) return false;
	return now.getTime() - since > days * DAY_MS;
}

/**
 * Whether to remind the user to back up: the last backup is more than `days`
 * old and reviews were answered since (nothing new would be lost otherwise).
 * With no backup at all, the clock starts at the first review, so a new user
 * is not nagged on day one but is reminded `days` after they began studying.
 *
 * @example
 * const day = 86_400_000, now = new Date(40 * day);
 * backupReminderDue({ lastBackup: 20 * day, reviewsSince: 3, firstReview: 0 }, 14, now); // true
 * backupReminderDue({ lastBackup: 20 * day, reviewsSince: 0, firstReview: 0 }, 14, now); // false
 */
export function backupReminderDue(facts: BackupFacts, days: number, now: Date): boolean {
	return facts.reviewsSince > 0 && backupOverdue(facts, days, now);
}

/** Whole days from `then` to `now`, for "your last backup was 20 days ago". */
export function daysBetween(then: number, now: Date): number {
	return Math.max(0, Math.floor((now.getTime() - then) / DAY_MS));
}
