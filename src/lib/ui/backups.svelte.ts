import { mediaShownBy } from '$lib/storage/media';
import { readNoteStyles } from '$lib/storage/note-styles';
import { database } from '$lib/storage/db';
import { readEverything } from '$lib/storage/export';
import { lastBackupTime, recordBackup } from '$lib/storage/settings';
import { localDateStamp, saveFile } from './save-file';

/**
 * The full backup, as one action shared by every screen that offers it
 * (Settings' Backups and Storage sections, the decks screen's reminder), so
 * they all show the same "last backup" as soon as one of them makes a backup.
 */
class Backups {
	/** Epoch ms of the last backup; null if never, undefined until read. */
	last = $state<number | null | undefined>(undefined);
	working = $state(false);

	async load(): Promise<void> {
		this.last = await lastBackupTime(database());
	}

	/**
	 * Writes every deck, card, review and setting to a file and hands it to the
	 * user (share sheet or download). Returns the file name, or null when the
	 * user cancelled the share sheet — then no backup is recorded.
	 */
	async backUpNow(now: Date): Promise<string | null> {
		this.working = true;
		try {
			const db = database();
			const [{ encodeBackup }, { readAnkiNotes }, everything] = await Promise.all([
				import('$lib/transfer/deck-file'),
				import('$lib/storage/anki-notes'),
				readEverything(db)
			]);
			const cards = everything.decks.flatMap((deck) => deck.cards);
			const media = await mediaShownBy(db, cards);
			const styles = await readNoteStyles(
				db,
				cards.map((card) => card.style)
			);
			const ankiNotes = await readAnkiNotes(db, cards);
			const text = encodeBackup(everything, { now, media, styles, ankiNotes });
			const file = new File([text], `flashcards-backup-${localDateStamp(now)}.json`, {
				type: 'application/json'
			});
			if ((await saveFile(file)) === 'cancelled') return null;
			await recordBackup(db, now);
			this.last = now.getTime();
			return file.name;
		} finally {
			this.working = false;
		}
	}
}

export const backups = new Backups();
