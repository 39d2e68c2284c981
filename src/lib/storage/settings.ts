import {
	DEFAULT_BACKUP_REMINDER_DAYS,
	validateBackupReminderDays
} from '$lib/domain/backup-reminder';
import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/models';
import { validateSettings } from '$lib/domain/settings';
import type { FlashcardsDB } from './db';

export const SETTINGS_KEY = 'settings';

/** The user's settings, with defaults for anything never set. */
export async function loadSettings(db: FlashcardsDB): Promise<Settings> {
	const row = await db.settings.get(SETTINGS_KEY);
	return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<Settings> | undefined) };
}

/** Checks and saves settings; throws a ValidationError naming the first bad field. */
export async function saveSettings(db: FlashcardsDB, settings: Settings): Promise<void> {
	validateSettings(settings);
	await db.settings.put({ key: SETTINGS_KEY, value: { ...settings } });
}

/** A flag remembered across sessions (things asked or shown once). */
export async function getFlag(db: FlashcardsDB, key: string): Promise<boolean> {
	return (await db.settings.get(key))?.value === true;
}

export async function setFlag(db: FlashcardsDB, key: string): Promise<void> {
	await db.settings.put({ key, value: true });
}

const LAST_BACKUP = 'lastBackup';

/** When the user last made a full backup (epoch ms), or null if never. */
export async function lastBackupTime(db: FlashcardsDB): Promise<number | null> {
	const value = (await db.settings.get(LAST_BACKUP))?.value;
	return typeof value === 'number' ? value : null;
}

export async function recordBackup(db: FlashcardsDB, now: Date): Promise<void> {
	await db.settings.put({ key: LAST_BACKUP, value: now.getTime() });
}

/**
 * The backup reminder's interval is kept under its own key, not in `Settings`:
 * it is about this device's copy of the data, not about studying, so a restored
 * backup (which carries `Settings`) leaves it as the user set it here.
 */
const BACKUP_REMINDER_DAYS = 'backupReminderDays';

/** After how many days without a backup (and with reviews since) the decks screen reminds. */
export async function loadBackupReminderDays(db: FlashcardsDB): Promise<number> {
	const value = (await db.settings.get(BACKUP_REMINDER_DAYS))?.value;
	try {
		return validateBackupReminderDays(value);
	} catch {
		return DEFAULT_BACKUP_REMINDER_DAYS; // never set (or set by a build with other limits)
	}
}

/** Checks and saves the interval; throws a ValidationError saying what is allowed. */
export async function saveBackupReminderDays(db: FlashcardsDB, days: number): Promise<void> {
	await db.settings.put({ key: BACKUP_REMINDER_DAYS, value: validateBackupReminderDays(days) });
}
