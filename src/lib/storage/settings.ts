import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/models';
import { ValidationError } from '$lib/errors';
import type { FlashcardsDB } from './db';

const SETTINGS_KEY = 'settings';

/** The user's settings, with defaults for anything never set. */
export async function loadSettings(db: FlashcardsDB): Promise<Settings> {
	const row = await db.settings.get(SETTINGS_KEY);
	return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<Settings> | undefined) };
}

/** Checks and saves settings; throws ValidationError naming the first bad field. */
export async function saveSettings(db: FlashcardsDB, settings: Settings): Promise<void> {
	validateSettings(settings);
	await db.settings.put({ key: SETTINGS_KEY, value: { ...settings } });
}

export function validateSettings(settings: Settings): void {
	const rules: [keyof Settings, number, number, string][] = [
		['desiredRetention', 0.7, 0.99, 'Desired retention'],
		['newPerDay', 0, 9999, 'New cards per day'],
		['reviewsPerDay', 0, 99999, 'Reviews per day'],
		['dayStartHour', 0, 23, 'Next day starts at'],
		['maximumInterval', 1, 36500, 'Maximum interval']
	];
	for (const [key, min, max, label] of rules) {
		const value = settings[key];
		if (!Number.isFinite(value) || value < min || value > max)
			throw new ValidationError(`${label} must be a number from ${min} to ${max}.`);
		if (key !== 'desiredRetention' && !Number.isInteger(value))
			throw new ValidationError(`${label} must be a whole number.`);
	}
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
