import {
	backupOverdue,
	backupReminderDue,
	REVIEW_COUNT_CAP,
	type BackupFacts
} from '$lib/domain/backup-reminder';
import type { FlashcardsDB } from './db';
import { lastBackupTime, loadBackupReminderDays } from './settings';

/** The interval the user chose, in days, with the facts the reminder was decided from. */
export type BackupReminder = { days: number } & (
	| ({ due: true } & BackupFacts)
	| ({ due: false } & Omit<BackupFacts, 'reviewsSince'> & {
				/** Null when reviews were not counted: the backup is recent enough that no count could make the reminder due. */
				reviewsSince: number | null;
			})
);

/**
 * Whether the decks screen should remind the user to back up, with the facts it
 * says so from. This runs on every visit to the decks screen and shares
 * IndexedDB with the reads of the next screen, so it decides by time first and
 * counts reviews only when the backup (or, with none, the first review) is older
 * than the interval; then it reads at most `REVIEW_COUNT_CAP + 1` keys of the
 * `[deckId+review]` index, deck after deck, stopping once the cap is passed.
 * (`Collection.count()` would ignore a limit and count every log in range.)
 */
export async function loadBackupReminder(db: FlashcardsDB, now: Date): Promise<BackupReminder> {
	return db.transaction('r', db.decks, db.reviewLogs, db.settings, async () => {
		const [lastBackup, days, deckIds] = await Promise.all([
			lastBackupTime(db),
			loadBackupReminderDays(db),
			db.decks.toCollection().primaryKeys()
		]);
		const firstReview = lastBackup === null ? await oldestReview(db, deckIds) : null;
		if (!backupOverdue({ lastBackup, firstReview }, days, now))
			return { days, due: false, lastBackup, firstReview, reviewsSince: null };

		const after = lastBackup ?? -Infinity;
		let reviewsSince = 0;
		for (const deckId of deckIds) {
			if (reviewsSince > REVIEW_COUNT_CAP) break;
			const keys = await db.reviewLogs
				.where('[deckId+review]')
				.between([deckId, after], [deckId, Infinity], false, true)
				.limit(REVIEW_COUNT_CAP + 1 - reviewsSince)
				.primaryKeys();
			reviewsSince += keys.length;
		}
		const facts: BackupFacts = { lastBackup, reviewsSince, firstReview };
		return backupReminderDue(facts, days, now)
			? { ...facts, days, due: true }
			: { ...facts, days, due: false };
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
