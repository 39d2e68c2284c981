import type { FlashcardsDB } from '$lib/storage/db';
import { getFlag, setFlag } from '$lib/storage/settings';

const PERSIST_ASKED = 'persistAsked';

/**
 * Asks once, after the first review (when the user has something to lose), for
 * storage the browser will not evict — on iOS, data of a site unused for 7 days
 * is otherwise cleared. Browsers that prompt (Firefox) are asked only this once.
 */
export async function requestPersistenceOnce(db: FlashcardsDB, nav: Navigator): Promise<void> {
	if (!nav.storage?.persist || (await getFlag(db, PERSIST_ASKED))) return;
	await setFlag(db, PERSIST_ASKED);
	await nav.storage.persist();
}

/**
 * Chromium and Safari decide without prompting and grant more readily once the
 * app is installed, so an installed app that is still not persisted asks again
 * at start-up.
 */
export async function requestPersistenceIfInstalled(win: Window): Promise<void> {
	const storage = win.navigator.storage;
	if (!storage?.persist || !storage.persisted) return;
	if (!win.matchMedia('(display-mode: standalone)').matches) return;
	if (!(await storage.persisted())) await storage.persist();
}

/** Asks now, on the user's request (Settings). */
export async function requestPersistence(nav: Navigator): Promise<boolean> {
	return nav.storage?.persist ? nav.storage.persist() : false;
}

export interface StorageStatus {
	/** null when the browser cannot tell. */
	persisted: boolean | null;
	usageBytes: number | null;
	quotaBytes: number | null;
}

export async function storageStatus(nav: Navigator): Promise<StorageStatus> {
	const persisted = nav.storage?.persisted ? await nav.storage.persisted() : null;
	const estimate = nav.storage?.estimate ? await nav.storage.estimate() : null;
	return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}
