import { database } from '$lib/storage/db';
import { readSafetyCopy } from '$lib/storage/safety-copies';
import { localDateStamp } from './save-file';

/**
 * A safety copy as the backup file it holds, named for when it was made
 * (`flashcards-before-restore-2026-12-02-1650.json`): what Download saves, and what
 * Restore this hands to the Import screen, which restores it as it restores any
 * backup file. Null when the copy is no longer kept.
 */
export async function safetyCopyFile(id: number): Promise<File | null> {
	const kept = await readSafetyCopy(database(), id);
	if (!kept) return null;
	const made = new Date(kept.copy.made);
	const time = `${made.getHours()}`.padStart(2, '0') + `${made.getMinutes()}`.padStart(2, '0');
	return new File([kept.text], `flashcards-before-restore-${localDateStamp(made)}-${time}.json`, {
		type: 'application/json'
	});
}
