import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { closeForNewerVersion } from './db';
import { testDatabase } from './test-db';

/** What another tab running a newer build does: open the same database at a higher version. */
function openNewerVersion(name: string, version: number): Promise<'opened' | 'blocked'> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name, version);
		let blocked = false;
		request.onblocked = () => (blocked = true);
		request.onsuccess = () => {
			request.result.close();
			resolve(blocked ? 'blocked' : 'opened');
		};
		request.onerror = () => reject(request.error);
	});
}

describe('closeForNewerVersion', () => {
	it('steps aside for another tab’s upgrade and stays closed instead of reopening', async () => {
		const db = testDatabase();
		let closed = 0;
		closeForNewerVersion(db, () => closed++);
		await db.settings.put({ key: 'k', value: 1 });
		const installed = db.verno * 10; // Dexie stores version n as n × 10

		expect(await openNewerVersion(db.name, installed + 1)).toBe('opened');
		expect(closed).toBe(1);
		expect(db.isOpen()).toBe(false);
		// Dexie would otherwise reopen on the next call — under this tab's old schema.
		await expect(db.settings.put({ key: 'k', value: 2 })).rejects.toMatchObject({
			name: 'DatabaseClosedError'
		});
	});
});
