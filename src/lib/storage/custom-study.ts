import {
	addCustomStudy,
	type CustomStudy,
	type CustomStudyRequest
} from '$lib/domain/custom-study';
import type { FlashcardsDB } from './db';

/**
 * Custom study is kept under its own key in the settings table, by deck id: it is about
 * today on this device, so it is not part of `Settings` (which a backup carries) and needs
 * no schema change.
 */
const CUSTOM_STUDY = 'customStudy';

/** What custom study added, by deck id (old days included; `todaysLimits` ignores them). */
export async function loadCustomStudy(db: FlashcardsDB): Promise<Record<string, CustomStudy>> {
	const value = (await db.settings.get(CUSTOM_STUDY))?.value;
	return value !== null && typeof value === 'object' ? (value as Record<string, CustomStudy>) : {};
}

/** Adds custom study to a deck for today, in one transaction (two tabs never lose one). */
export async function studyMoreToday(
	db: FlashcardsDB,
	deckId: string,
	request: CustomStudyRequest,
	now: Date,
	dayStartHour: number
): Promise<CustomStudy> {
	return db.transaction('rw', db.settings, async () => {
		const all = await loadCustomStudy(db);
		const added = addCustomStudy(all[deckId], request, now, dayStartHour);
		await db.settings.put({ key: CUSTOM_STUDY, value: { ...all, [deckId]: added } });
		return added;
	});
}
