import { backupReminderDue, type BackupFacts } from '$lib/domain/backup-reminder';
import type { FlashcardsDB } from './db';
import { lastBackupTime, loadBackupReminderDays } from './settings';

export interface BackupReminder extends BackupFacts {
	/** Show the reminder now. */
	due: boolean;
	/** The interval the user chose, in days. */
	days: number;
}

/**
 * Whether the decks screen should remind the user to back up, with the facts
 * it says so from. Reviews are counted on the `[deckId+review]` index, one
 * range per deck (above the backup time): keys are counted, no log is read,
 * however long the history grows.
 */
export async function loadBackupReminder(db: FlashcardsDB, now: Date): Promise<BackupReminder> {
	return db.transaction('r', db.decks, db.reviewLogs, db.settings, async () => {
		const [lastBackup, days, deckIds] = await Promise.all([
			lastBackupTime(db),
			loadBackupReminderDays(db),
			db.decks.toCollection().primaryKeys()
		]);
		const after = lastBackup ?? -Infinity;
		const counts = await Promise.all(
			deckIds.map((deckId) =>
				db.reviewLogs
					.where('[deckId+review]')
					.between([deckId, after], [deckId, Infinity], false, true)
					.count()
			)
		);
		const reviewsSince = counts.reduce((sum, n) => sum + n, 0);
		const firstReview =
			lastBackup === null && reviewsSince > 0 ? await oldestReview(db, deckIds) : null;
		const facts: BackupFacts = { lastBackup, reviewsSince, firstReview };
		return { ...facts, days, due: backupReminderDue(facts, days, now) };
	});
}

/** The time of the oldest review: the first key of each deck's range, nothing more. */
async function oldestReview(db: FlashcardsDB, deckIds: string[]): Promise<number | null> {
	const firsts = await Promise.all(
		deckIds.map((deckId) =>
			db.reviewLogs
				.where('[deckId+review]')
				.between([deckId, -Infinity], [deckId, Infinity])
				.first()
		)
	);
	const times = firsts.flatMap((log) => (log ? [log.review] : []));
	return times.length > 0 ? Math.min(...times) : null;
}
