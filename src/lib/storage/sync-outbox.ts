import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';
import { encodeHlc, nextHlc, type Hlc } from '$lib/sync/hlc';

/**
 * The outbox: which records changed on this device since they were last pushed, written in
 * the same transaction as the change itself, so a crash or a closed tab can never lose a
 * change to sync. One row per record (a second change only moves its stamp), keyed
 * `table:key`, with the hybrid-clock stamp of the latest change: what the change is, the
 * push reads from the record itself.
 *
 * Nothing is written while sync is off: the row `SYNC_ON` is there only while it is on (it
 * names this device), and every write transaction reads it, so a tab that has not heard that
 * sync was switched on in another tab still records its changes. Writes that come from the
 * server (`markFromServer`) are not recorded: they are not changes to push back.
 */

export const SYNC_OUTBOX = 'syncOutbox';

/** The tables whose changes sync carries, and the one settings row it carries. */
export const SYNCED_TABLES = ['decks', 'cards', 'reviewLogs', 'settings'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
const SYNCED_SETTINGS_KEY = 'settings';

/** The outbox row that says sync is on, and for which device. */
export const SYNC_ON = '~on';

export interface OutboxEntry {
	/** `table:key`. */
	id: string;
	table: SyncedTable;
	key: string;
	/** The stamp of the record's latest change here (`hlc.ts`). */
	at: string;
}

export interface SyncOnRow {
	id: typeof SYNC_ON;
	device: string;
}

const fromServer = new WeakSet<object>();

/** Marks the transaction `trans` (Dexie's `idbtrans`) as applying what the server sent. */
export function markFromServer(trans: IDBTransaction): void {
	fromServer.add(trans);
}

export function outboxId(table: SyncedTable, key: string): string {
	return `${table}:${key}`;
}

/** This tab's clock: later than every stamp it made, whatever the wall clock does. */
let clock: Hlc | null = null;

/** The next stamp for a change made on `device` now. */
export function stampNow(device: string): string {
	clock = nextHlc(clock, device, Date.now());
	return encodeHlc(clock);
}

/** Moves this tab's clock past a stamp received from the server. */
export function seenStamp(hlc: Hlc): void {
	if (!clock || hlc.wall > clock.wall || (hlc.wall === clock.wall && hlc.count > clock.count))
		clock = { ...hlc };
}

function isSynced(name: string): name is SyncedTable {
	return (SYNCED_TABLES as readonly string[]).includes(name);
}

/** The keys a write names; a range delete names none, and its keys are read first. */
function keysNamed(
	table: DBCoreTable,
	request: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>
) {
	if (request.type === 'delete') return [...request.keys];
	return request.keys
		? [...request.keys]
		: request.values.map((value) => table.schema.primaryKey.extractKey!(value));
}

export function syncOutboxMiddleware(down: DBCore): DBCore {
	return {
		...down,
		transaction(stores, mode, options) {
			const withOutbox =
				mode === 'readwrite' && stores.some(isSynced) && !stores.includes(SYNC_OUTBOX)
					? [...stores, SYNC_OUTBOX]
					: stores;
			return down.transaction(withOutbox, mode, options);
		},
		table(name) {
			const table = down.table(name);
			if (!isSynced(name)) return table;
			return {
				...table,
				// Promise chains, not async functions: Dexie keeps a transaction alive across its
				// own promises, and a restore's parallel clears failed as "committed too early"
				// once these writes went through native async functions.
				mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
					const trans = request.trans as unknown as IDBTransaction;
					// An upgrade from before the outbox existed, or what the server sent.
					if (!trans.objectStoreNames.contains(SYNC_OUTBOX) || fromServer.has(trans))
						return table.mutate(request);
					const outbox = down.table(SYNC_OUTBOX);
					return outbox.get({ trans: request.trans, key: SYNC_ON }).then((on?: SyncOnRow) => {
						if (!on) return table.mutate(request);
						const write = (keys: readonly unknown[]) =>
							table.mutate(request).then((response) => {
								const at = stampNow(on.device);
								const entries: OutboxEntry[] = [];
								keys.forEach((key, i) => {
									if (i in response.failures || typeof key !== 'string') return;
									if (name === 'settings' && key !== SYNCED_SETTINGS_KEY) return;
									entries.push({ id: outboxId(name, key), table: name, key, at });
								});
								if (entries.length === 0) return response;
								return outbox
									.mutate({ trans: request.trans, type: 'put', values: entries })
									.then(() => response);
							});
						if (request.type !== 'deleteRange') return write(keysNamed(table, request));
						return table
							.query({
								trans: request.trans,
								values: false,
								query: { index: table.schema.primaryKey, range: request.range }
							})
							.then((read) => write(read.result));
					});
				}
			};
		}
	};
}
