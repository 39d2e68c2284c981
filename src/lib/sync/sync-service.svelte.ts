/**
 * Sync as the app runs it: connecting, a sync now and then, and what the Settings screen shows.
 *
 * Sync runs on opening the app, when the connection comes back, after a study session and on
 * "Sync now"; one at a time across tabs (a Web Lock). While the server is away it tries again
 * after 30 s, then twice as long each time, up to 30 minutes. A wrong password or an expired
 * session stops the retries until the user signs in again: the password is never stored.
 */

import { randomId } from '$lib/domain/ids';
import { describeError } from '$lib/errors';
import { database } from '$lib/storage/db';
import {
	changesWaiting,
	loadSyncConnection,
	saveSyncConnection,
	syncDevice,
	turnSyncOff,
	turnSyncOn,
	type SyncConnection
} from '$lib/storage/sync-store';
import { CouchClient, SyncError, serverUrl, userDatabase } from './couch-client';
import { syncOnce, type SyncProgress } from './replicator';

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 30 * 60_000;

class SyncStatus {
	connection = $state.raw<SyncConnection | null>(null);
	running = $state(false);
	progress = $state.raw<SyncProgress | null>(null);
	waiting = $state(0);
	/** The session ended (or was refused): sign in again to go on syncing. */
	needsSignIn = $state(false);
	loaded = $state(false);
}

export const syncStatus = new SyncStatus();

let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = FIRST_RETRY_MS;
let listening = false;

function clientFor(connection: Pick<SyncConnection, 'url' | 'database'>): CouchClient {
	return new CouchClient(serverUrl(connection.url), connection.database);
}

/** Reads this device's connection into `syncStatus`. */
export async function loadSyncStatus(): Promise<void> {
	const db = database();
	syncStatus.connection = await loadSyncConnection(db);
	syncStatus.waiting = await changesWaiting(db);
	syncStatus.loaded = true;
}

/**
 * Signs in and turns sync on (or signs in again): checks the address, the password and the
 * user's database before anything is recorded, then syncs. What is on this device stays and
 * is merged with what the server has.
 */
export async function connectSync(url: string, user: string, password: string): Promise<void> {
	const root = serverUrl(url);
	const connection: SyncConnection = {
		url: root.href,
		user: user.trim(),
		database: userDatabase(user.trim()),
		lastSync: syncStatus.connection?.lastSync ?? null,
		lastError: null
	};
	const client = clientFor(connection);
	await client.logIn(connection.user, password);
	await client.databaseInfo();
	const db = database();
	if (!(await syncDevice(db))) await turnSyncOn(db, randomId().replaceAll('-', '').slice(0, 12));
	await saveSyncConnection(db, connection);
	syncStatus.connection = connection;
	syncStatus.needsSignIn = false;
	listenForChances();
	await syncNow();
}

/** Stops syncing: the session ends, and the collection stays on this device as it is. */
export async function stopSync(): Promise<void> {
	clearTimeout(retryTimer);
	const db = database();
	const connection = syncStatus.connection;
	await turnSyncOff(db);
	await saveSyncConnection(db, null);
	syncStatus.connection = null;
	syncStatus.waiting = 0;
	syncStatus.needsSignIn = false;
	if (connection)
		await clientFor(connection)
			.logOut()
			.catch(() => {});
}

/** Syncs now, unless a sync is running (here or in another tab) or sync is off. */
export async function syncNow(): Promise<void> {
	const connection = syncStatus.connection;
	if (!connection || syncStatus.running) return;
	clearTimeout(retryTimer);
	const run = () => runSync(connection);
	if (typeof navigator !== 'undefined' && navigator.locks)
		await navigator.locks.request('article-flashcards-sync', { ifAvailable: true }, (lock) =>
			lock ? run() : undefined
		);
	else await run();
}

async function runSync(connection: SyncConnection): Promise<void> {
	const db = database();
	syncStatus.running = true;
	let next: SyncConnection;
	try {
		const report = await syncOnce(db, clientFor(connection), (progress) => {
			syncStatus.progress = progress;
		});
		const refused =
			report.refused.count > 0
				? `${report.refused.count} changes from the server were not used, as they are not valid: ${report.refused.first}`
				: null;
		next = { ...connection, lastSync: Date.now(), lastError: refused };
		retryDelay = FIRST_RETRY_MS;
	} catch (error) {
		next = { ...connection, lastError: describeError(error) };
		const failure = error instanceof SyncError ? error.failure : null;
		if (failure === 'auth') syncStatus.needsSignIn = true;
		else if (failure !== 'insecure' && failure !== 'forbidden' && failure !== 'missing-db') {
			retryTimer = setTimeout(() => void syncNow(), retryDelay);
			retryDelay = Math.min(retryDelay * 2, LONGEST_RETRY_MS);
		}
	} finally {
		syncStatus.running = false;
		syncStatus.progress = null;
	}
	// Stopped meanwhile: say nothing more.
	if (!syncStatus.connection) return;
	await saveSyncConnection(db, next);
	syncStatus.connection = next;
	syncStatus.waiting = await changesWaiting(db);
}

/** Syncs when the connection comes back. */
function listenForChances(): void {
	if (listening || typeof window === 'undefined') return;
	listening = true;
	window.addEventListener('online', () => void syncNow());
}

/** On opening the app: sync if this device syncs. */
export async function startAutoSync(): Promise<void> {
	await loadSyncStatus();
	if (!syncStatus.connection) return;
	listenForChances();
	await syncNow();
}
