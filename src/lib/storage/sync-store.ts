/**
 * Sync's side of the database: what to push next, and what the server sent applied in one
 * transaction. The replicator (`$lib/sync/replicator.ts`) talks to the server; this module
 * is the only part of sync that reads or writes the collection.
 *
 * Besides the outbox (`sync-outbox.ts`), sync keeps `syncRecords`: each record as the server
 * last had it (stamped fields and revision). A local change is what differs between the row
 * and that record; it is stamped with its outbox entry's stamp and merged, field by field,
 * with whatever the server holds (`field-merge.ts`). A card's schedule is not a synced
 * field: whenever logs or a card's start arrive, it is replayed from its logs (`log-replay.ts`).
 */

import {
	DEFAULT_SETTINGS,
	type Card,
	type Deck,
	type ReviewLog,
	type Scheduling,
	type Settings
} from '$lib/domain/models';
import { newScheduling } from '$lib/domain/scheduler';
import {
	DELETED,
	isDeleted,
	mergeRecords,
	stampedRecord,
	withChanges,
	type StampedRecord
} from '$lib/sync/field-merge';
import {
	CARD_CONTENT_FIELDS,
	DECK_FIELDS,
	cardSyncFields,
	deckSyncFields,
	logBatchDocId,
	logBatchPrefix,
	recordDocId,
	recordOfDocId,
	settingsSyncFields,
	MAX_BATCH_LOGS,
	schedulingOf,
	type CardBase,
	type LogBatchDoc,
	type RecordDoc,
	type RecordType,
	type SyncDoc,
	type SyncedLog
} from '$lib/sync/documents';
import { decodeHlc, encodeHlc } from '$lib/sync/hlc';
import { RESET, replaySchedule, type ReplayLog } from '$lib/sync/log-replay';
import type { FlashcardsDB } from './db';
import { SyncRows, keysPresent, rowsByKey } from './sync-rows';
import {
	SYNC_ON,
	markFromServer,
	outboxId,
	seenStamp,
	type OutboxEntry,
	type SyncOnRow,
	type SyncedTable
} from './sync-outbox';

export interface SyncRecordRow {
	/** The document's id: `card:<id>`, `deck:<id>` or `settings`. */
	id: string;
	rev: string;
	record: StampedRecord;
}

/** Sync's own state, kept in the `SYNC_ON` row so it lives and dies with sync being on. */
interface SyncState extends SyncOnRow {
	/** The next log batch's number. */
	nextBatch: number;
	/** A batch sent whose answer has not been seen: sent again as it was, never renumbered. */
	pendingBatch: { n: number; logIds: string[]; retracted: string[] } | null;
	/** How far the first push has read each table that was there before sync was on. */
	scan: { table: SyncedTable; after: string | null } | null;
	/** Where the next pull starts: CouchDB's opaque `last_seq`. */
	since: unknown;
}

const SETTINGS_KEY = 'settings';
const SCAN_ORDER: readonly SyncedTable[] = ['settings', 'decks', 'cards', 'reviewLogs'];

async function syncState(db: FlashcardsDB): Promise<SyncState | null> {
	return ((await db.syncOutbox.get(SYNC_ON)) as SyncState | undefined) ?? null;
}

/** This device's sync id while sync is on, else null. */
export async function syncDevice(db: FlashcardsDB): Promise<string | null> {
	return (await syncState(db))?.device ?? null;
}

/**
 * Turns sync on for `device`: from now on every change is recorded, and the first push
 * reads through everything already here (nothing is replaced: it is merged on the server).
 */
export async function turnSyncOn(db: FlashcardsDB, device: string): Promise<void> {
	await db.transaction('rw', db.syncOutbox, async () => {
		if (await db.syncOutbox.get(SYNC_ON)) return;
		const state: SyncState = {
			id: SYNC_ON,
			device,
			nextBatch: 1,
			pendingBatch: null,
			scan: { table: SCAN_ORDER[0]!, after: null },
			since: null
		};
		await db.syncOutbox.put(state);
	});
}

/** Stops recording changes and forgets the server's state; the collection stays as it is. */
export async function turnSyncOff(db: FlashcardsDB): Promise<void> {
	await db.transaction('rw', db.syncOutbox, db.syncRecords, async () => {
		await db.syncOutbox.clear();
		await db.syncRecords.clear();
	});
}

/** How many records wait to be pushed (the first push's unread part not counted). */
export async function changesWaiting(db: FlashcardsDB): Promise<number> {
	return Math.max(0, (await db.syncOutbox.count()) - 1);
}

/** Where the next pull starts, or null to start from the beginning. */
export async function pullCheckpoint(db: FlashcardsDB): Promise<unknown> {
	return (await syncState(db))?.since ?? null;
}

// ---------------------------------------------------------------- push

/** Documents to push, and what to record once the server has them. */
export interface PushBatch {
	records: { doc: RecordDoc; entryAt: string | null }[];
	logs: LogBatchDoc | null;
	/** The first push's progress once this batch is in. */
	scanAfter: SyncState['scan'];
}

/** A stamp for what was already here when sync came on: as old as the record's last edit. */
function scanStamp(device: string, wall: number): string {
	return encodeHlc({ wall: Math.max(0, Math.floor(wall)), count: 0, device });
}

/**
 * The next documents to push: changed records (at most `limit`) and one batch of new logs,
 * continuing the first push where it stopped. Empty when there is nothing to push.
 */
export async function nextPush(db: FlashcardsDB, limit = 200): Promise<PushBatch | null> {
	return db.transaction(
		'rw',
		[db.syncOutbox, db.syncRecords, db.decks, db.cards, db.reviewLogs, db.settings],
		async () => {
			const state = await syncState(db);
			if (!state) return null;
			const entries = (await db.syncOutbox
				.where('id')
				.notEqual(SYNC_ON)
				.limit(limit + MAX_BATCH_LOGS)
				.toArray()) as OutboxEntry[];
			const recordEntries = entries.filter((e) => e.table !== 'reviewLogs').slice(0, limit);
			const logEntries = entries.filter((e) => e.table === 'reviewLogs').slice(0, MAX_BATCH_LOGS);

			const rows = await SyncRows.load(db);
			const records: PushBatch['records'] = [];
			await readForPush(rows, recordEntries);
			const nothingToSay: string[] = [];
			for (const entry of recordEntries) {
				const doc = recordToPush(rows, state.device, entry.table, entry.key, entry.at);
				if (doc) records.push({ doc, entryAt: entry.at });
				else nothingToSay.push(entry.id);
			}
			await db.syncOutbox.bulkDelete(nothingToSay);

			// The first push: rows that were here before sync came on, in key order.
			let scan = state.scan;
			let logIds = logEntries.map((e) => e.key);
			while (scan && records.length < limit && logIds.length < MAX_BATCH_LOGS) {
				const table = db.table(scan.table);
				const scanned = scan.table;
				const room =
					scanned === 'reviewLogs' ? MAX_BATCH_LOGS - logIds.length : limit - records.length;
				const keys = (await (
					scan.after === null ? table.toCollection() : table.where(':id').above(scan.after)
				)
					.limit(room)
					.primaryKeys()) as string[];
				if (scanned === 'reviewLogs') logIds.push(...keys);
				else {
					await readForPush(
						rows,
						keys.map((key) => ({ table: scanned, key }))
					);
					for (const key of keys) {
						const doc = recordToPush(rows, state.device, scanned, key, null);
						if (doc) records.push({ doc, entryAt: null });
					}
				}
				if (keys.length < room) {
					const next = SCAN_ORDER[SCAN_ORDER.indexOf(scanned) + 1];
					scan = next ? { table: next, after: null } : null;
				} else scan = { table: scanned, after: keys[keys.length - 1]! };
			}

			const logs = await logBatchToPush(db, state, [...new Set(logIds)]);
			if (records.length === 0 && !logs && sameScan(scan, state.scan)) return null;
			return { records, logs, scanAfter: scan };
		}
	);
}

/** Reads what `recordToPush` needs for these records: their sync rows, cards, and the logs of cards pushed for the first time. */
async function readForPush(
	rows: SyncRows,
	keys: readonly { table: SyncedTable; key: string }[]
): Promise<void> {
	const cardIds = keys.filter((k) => k.table === 'cards').map((k) => k.key);
	const docIds = keys.flatMap(({ table, key }) => {
		const type = recordTypeOf(table);
		return type ? [recordDocId(type, key)] : [];
	});
	await rows.read({ records: docIds, cards: cardIds });
	await rows.read({ logsOf: cardIds.filter((id) => needsFirstBase(rows, id)) });
}

/** A card here that the server has never had: its first push works out where its history starts. */
function needsFirstBase(rows: SyncRows, cardId: string): boolean {
	return !!rows.card(cardId) && !rows.record(recordDocId('card', cardId));
}

function sameScan(a: SyncState['scan'], b: SyncState['scan']): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The document that pushes a record's local changes, or null when it has none: its fields
 * that differ from the server's copy, stamped `at` (or, read by the first push, as old as
 * its last edit), merged into that copy. A record gone from here is pushed as a tombstone.
 */
function recordToPush(
	rows: SyncRows,
	device: string,
	table: SyncedTable,
	key: string,
	at: string | null
): RecordDoc | null {
	const type = recordTypeOf(table);
	if (!type || (type === 'settings' && key !== SETTINGS_KEY)) return null;
	const docId = recordDocId(type, key);
	const known = rows.record(docId);
	const local = localFields(rows, device, type, key, known?.record ?? null);
	let record: StampedRecord;
	if (!local.fields) {
		if (!known || isDeleted(known.record)) return null;
		record = withChanges(known.record, { [DELETED]: true }, at ?? scanStamp(device, Date.now()));
	} else {
		const stamp = at ?? scanStamp(device, local.modified);
		record = known
			? withChanges(known.record, local.fields, stamp)
			: stampedRecord(local.fields, stamp);
		if (known && isDeleted(known.record)) return null; // deleted elsewhere: the pull removes it here
	}
	if (known && JSON.stringify(record) === JSON.stringify(known.record)) return null;
	return { _id: docId, ...(known ? { _rev: known.rev } : {}), type, ...record };
}

function recordTypeOf(table: SyncedTable): RecordType | null {
	if (table === 'cards') return 'card';
	if (table === 'decks') return 'deck';
	if (table === 'settings') return 'settings';
	return null;
}

/** A record's synced fields as they are here (null when it is not here), and its last edit. */
function localFields(
	rows: SyncRows,
	device: string,
	type: RecordType,
	key: string,
	known: StampedRecord | null
): { fields: Record<string, unknown> | null; modified: number } {
	if (type === 'settings') return { fields: settingsSyncFields(rows.settings), modified: 0 };
	if (type === 'deck') {
		const deck = rows.deck(key);
		return { fields: deck ? deckSyncFields(deck) : null, modified: deck?.created ?? 0 };
	}
	const card = rows.card(key);
	if (!card) return { fields: null, modified: 0 };
	const resetAt = card.forgottenAt ?? null;
	const base = known
		? ((known.fields.base as CardBase | null | undefined) ?? null)
		: firstBase(rows, device, card);
	return { fields: cardSyncFields(card, base, resetAt), modified: card.modified };
}

interface CardStart {
	base: CardBase | null;
	resetAt: number | null;
}

function cardStartOf(record: StampedRecord): CardStart {
	return {
		base: (record.fields.base as CardBase | null | undefined) ?? null,
		resetAt: (record.fields.resetAt as number | null | undefined) ?? null
	};
}

/**
 * Where a card's synced history starts when it is first pushed: from new (null) when its
 * logs, replayed, give its schedule; otherwise (an import that brought a schedule without all
 * of its history, a Forget from before it was recorded, options changed since) from its
 * schedule now, counting every log it has so far.
 */
function firstBase(rows: SyncRows, device: string, card: Card): CardBase | null {
	const logs = rows.logsOf(card.id);
	const start = { base: null, resetAt: card.forgottenAt ?? null };
	const replayed = replayedSchedule(rows, card, start, logs, device);
	const now = schedulingOf(card);
	if (JSON.stringify(replayed) === JSON.stringify(now)) return null;
	return { ...now, since: Math.max(card.modified, ...logs.map((log) => log.review)) };
}

/** The batch of logs to push: the one sent last if its answer was lost, else a new one. */
async function logBatchToPush(
	db: FlashcardsDB,
	state: SyncState,
	logIds: string[]
): Promise<LogBatchDoc | null> {
	let pending = state.pendingBatch;
	let logs: ReviewLog[];
	if (pending) {
		// Sent before, its answer lost: the same logs again (less any undone since).
		const byId = await rowsByKey(db.reviewLogs, pending.logIds);
		logs = pending.logIds.flatMap((id) => byId.get(id) ?? []);
	} else {
		if (logIds.length === 0) return null;
		const found = await rowsByKey(db.reviewLogs, logIds);
		// Logs another device wrote (pulled, or changed here by a move) are that device's to
		// push: sent again under this device's id they would be sent twice, and attributed wrongly.
		const foreign = (log: ReviewLog) => {
			const writer = (log as Partial<SyncedLog>).device;
			return writer !== undefined && writer !== state.device;
		};
		const theirs = [...found.values()].filter(foreign).map((log) => log.id);
		if (theirs.length > 0)
			await db.syncOutbox.bulkDelete(theirs.map((id) => outboxId('reviewLogs', id)));
		logs = logIds.flatMap((id) => {
			const log = found.get(id);
			return log && !foreign(log) ? [log] : [];
		});
		pending = {
			n: state.nextBatch,
			logIds: logs.map((log) => log.id),
			retracted: logIds.filter((id) => !found.has(id))
		};
		if (pending.logIds.length === 0 && pending.retracted.length === 0) return null;
		await db.syncOutbox.put({ ...state, pendingBatch: pending } as SyncState);
	}
	return {
		_id: logBatchDocId(state.device, pending.n),
		type: 'logs',
		device: state.device,
		logs: logs.map((log) => ({ ...withoutDevice(log), device: state.device })),
		retracted: pending.retracted
	};
}

function withoutDevice(log: ReviewLog): ReviewLog {
	const { device, ...rest } = log as SyncedLog;
	void device;
	return rest;
}

/**
 * Records what the server accepted: each record's new revision (its outbox entry removed,
 * unless the record changed again meanwhile), the log batch done, and the first push's
 * progress. Records the server refused as conflicts stay in the outbox; the pull merges them.
 */
export async function recordPushed(
	db: FlashcardsDB,
	batch: PushBatch,
	accepted: ReadonlyMap<string, string>,
	logsDone: boolean
): Promise<void> {
	await db.transaction('rw', db.syncOutbox, db.syncRecords, db.reviewLogs, async () => {
		const state = await syncState(db);
		if (!state) return;
		const done = batch.records.filter(({ doc }) => accepted.has(doc._id));
		await db.syncRecords.bulkPut(
			done.map(({ doc }) => {
				const { _id, _rev, type, ...record } = doc;
				void [_rev, type];
				return { id: _id, rev: accepted.get(_id)!, record };
			})
		);
		const entryKeys = done.map(({ doc }) => entryKeyOf(doc));
		const entries = (await rowsByKey(db.syncOutbox, entryKeys)) as Map<string, OutboxEntry>;
		await db.syncOutbox.bulkDelete(
			entryKeys.filter((key, i) => entries.get(key)?.at === done[i]!.entryAt)
		);
		const next: SyncState = { ...state, scan: batch.scanAfter };
		if (logsDone && state.pendingBatch) {
			const { logIds, retracted } = state.pendingBatch;
			const present = await keysPresent(db.reviewLogs, logIds);
			// A log undone since it was sent keeps its entry, so the next batch retracts it.
			const sent = [...logIds.filter((id) => present.has(id)), ...retracted];
			// Most logs of a first push never had an entry: only those that have are deleted.
			const entryIds = sent.map((id) => outboxId('reviewLogs', id));
			await db.syncOutbox.bulkDelete([...(await keysPresent(db.syncOutbox, entryIds))]);
			next.pendingBatch = null;
			next.nextBatch = state.nextBatch + 1;
		}
		await db.syncOutbox.put(next);
	});
}

function entryKeyOf(doc: RecordDoc): string {
	const record = recordOfDocId(doc._id)!;
	return outboxId(tableOf(record.type), record.type === 'settings' ? SETTINGS_KEY : record.id);
}

// ---------------------------------------------------------------- pull

/**
 * Of these changed documents, those to fetch: not this device's own log batches, and not
 * records it holds at their only revision. A document in conflict (more than one leaf
 * revision) is always fetched, so that this device merges its branches.
 */
export async function unseenChanges(
	db: FlashcardsDB,
	changes: readonly { id: string; revs: readonly string[] }[]
): Promise<string[]> {
	return db.transaction('r', [db.syncOutbox, db.syncRecords], async () => {
		const state = await syncState(db);
		if (!state) return [];
		const own = logBatchPrefix(state.device);
		const records = await rowsByKey(
			db.syncRecords,
			changes.filter((change) => recordOfDocId(change.id)).map((change) => change.id)
		);
		return changes
			.filter(({ id, revs }) => {
				if (id.startsWith(own)) return false;
				const known = records.get(id);
				return !(known && revs.length === 1 && revs[0] === known.rev);
			})
			.map((change) => change.id);
	});
}

/**
 * Applies one page of documents from the server and moves the checkpoint past it, in one
 * transaction: all of it or none, so an interrupted pull resumes from its checkpoint and
 * applies nothing twice. Records merge with what is here (local changes not yet pushed
 * included); logs are added once each; every card whose logs or start changed is replayed.
 * The documents must have been checked (`checkRemoteDoc`).
 */
export async function applyPulled(
	db: FlashcardsDB,
	docs: readonly SyncDoc[],
	/** The checkpoint after these documents; undefined leaves it where it is. */
	since: unknown
): Promise<{ records: number; logs: number }> {
	return db.transaction(
		'rw',
		[db.syncOutbox, db.syncRecords, db.decks, db.cards, db.reviewLogs, db.settings],
		async (tx) => {
			markFromServer(tx.idbtrans);
			const state = await syncState(db);
			if (!state) return { records: 0, logs: 0 };
			const replay = new Set<string>();
			let logs = 0;
			let records = 0;
			for (const doc of docs) {
				if (doc.type !== 'logs') continue;
				if (doc.device === state.device) continue; // ours: already here
				logs += await addLogs(db, doc, replay);
			}
			const recordDocs = docs.filter((doc): doc is RecordDoc => doc.type !== 'logs');
			const rows = await readForMerge(db, recordDocs);
			for (const doc of recordDocs) {
				noteStamps(doc);
				if (mergeRecord(rows, state.device, doc)) records++;
				if (doc.type === 'card') replay.add(recordOfDocId(doc._id)!.id);
			}
			await rows.flush();
			const cardIds = [...replay];
			for (let i = 0; i < cardIds.length; i += REPLAY_CHUNK)
				await replayCards(db, state.device, cardIds.slice(i, i + REPLAY_CHUNK));
			const now = await syncState(db);
			if (since !== undefined) await db.syncOutbox.put({ ...(now ?? state), since } as SyncState);
			return { records, logs };
		}
	);
}

/**
 * How many cards are replayed at once. Replaying is synchronous work between two reads:
 * 1,000 cards of ten logs each made tasks of up to 2 s on a first sync of 50,000 cards.
 */
const REPLAY_CHUNK = 250;

/** Reads what merging these records needs: their sync rows, rows and outbox entries. */
async function readForMerge(db: FlashcardsDB, docs: readonly RecordDoc[]): Promise<SyncRows> {
	const ids = docs.map((doc) => recordOfDocId(doc._id)!);
	const cardIds = ids.filter((r) => r.type === 'card').map((r) => r.id);
	const rows = await SyncRows.load(db, {
		records: docs.map((doc) => doc._id),
		cards: cardIds,
		entries: ids.map(({ type, id }) => outboxId(tableOf(type), id))
	});
	await rows.read({ logsOf: cardIds.filter((id) => needsFirstBase(rows, id)) });
	return rows;
}

function tableOf(type: RecordType): SyncedTable {
	return type === 'card' ? 'cards' : type === 'deck' ? 'decks' : 'settings';
}

function noteStamps(doc: RecordDoc): void {
	for (const stamp of Object.values(doc.stamps)) {
		const hlc = decodeHlc(stamp);
		if (hlc) seenStamp(hlc);
	}
}

async function addLogs(db: FlashcardsDB, doc: LogBatchDoc, replay: Set<string>): Promise<number> {
	const have = await keysPresent(
		db.reviewLogs,
		doc.logs.map((log) => log.id)
	);
	const fresh = doc.logs.filter((log) => !have.has(log.id));
	if (fresh.length > 0) await db.reviewLogs.bulkPut(fresh);
	for (const log of fresh) replay.add(log.cardId);
	// Only the device that wrote a log may take it back.
	const retracted = (await db.reviewLogs.bulkGet(doc.retracted)).filter(
		(log): log is SyncedLog => !!log && (log as SyncedLog).device === doc.device
	);
	if (retracted.length > 0) await db.reviewLogs.bulkDelete(retracted.map((log) => log.id));
	for (const log of retracted) replay.add(log.cardId);
	return fresh.length;
}

/**
 * Merges a record from the server with the copy here and writes the result: the server's
 * copy is remembered as it is, and the row takes it merged with any local change not yet
 * pushed (which stays in the outbox, to be pushed on top of the server's revision).
 */
function mergeRecord(rows: SyncRows, device: string, doc: RecordDoc): boolean {
	const known = rows.record(doc._id);
	if (known?.rev === doc._rev) return false; // this device's own write, back from the server
	const remote: StampedRecord = { fields: doc.fields, stamps: doc.stamps };
	const server = known ? mergeRecords(remote, known.record) : remote;
	rows.setRecord({ id: doc._id, rev: doc._rev!, record: server });

	const { type, id } = recordOfDocId(doc._id)!;
	const entry = rows.entry(outboxId(tableOf(type), id));
	let merged = server;
	const local = localFields(rows, device, type, id, known?.record ?? null);
	if (local.fields && (entry || !known)) {
		const stamp = entry?.at ?? scanStamp(device, local.modified);
		const base = known?.record ?? { fields: {}, stamps: {} };
		merged = mergeRecords(server, withChanges(base, local.fields, stamp));
	}
	return writeRecord(rows, type, id, merged);
}

/**
 * Writes a merged record to its row (or deletes the row) in `rows`; true when something
 * changed. Synchronous on purpose: it runs once per document inside the pull's transaction,
 * and an async function there that often awaits nothing of Dexie's loses the transaction
 * (Dexie's PrematureCommitError); `rows.flush` writes it all afterwards.
 */
function writeRecord(rows: SyncRows, type: RecordType, id: string, record: StampedRecord): boolean {
	const f = record.fields;
	if (type === 'settings') {
		const now = rows.settings;
		const value = { ...now, ...pickKnown(f, Object.keys(DEFAULT_SETTINGS)) } as Settings;
		if (JSON.stringify(value) === JSON.stringify(now)) return false;
		rows.setSettings(value);
		return true;
	}
	if (type === 'deck') {
		const current = rows.deck(id);
		if (isDeleted(record)) {
			if (!current) return false;
			rows.setDeck(id, undefined);
			return true;
		}
		const deck = {
			...(pickKnown(f, DECK_FIELDS) as Omit<Deck, 'id'>),
			id
		};
		if (current && JSON.stringify(deckSyncFields(current)) === JSON.stringify(deckSyncFields(deck)))
			return false;
		rows.setDeck(id, deck);
		return true;
	}
	const current = rows.card(id);
	if (isDeleted(record)) {
		if (!current) return false;
		rows.deleteCard(id);
		return true;
	}
	const content = pickKnown(f, CARD_CONTENT_FIELDS) as Partial<Card>;
	const { forgottenAt, ...kept } = current ?? {
		...newScheduling(new Date((f.created as number) ?? 0)),
		modified: 0,
		forgottenAt: undefined
	};
	void forgottenAt;
	const resetAt = typeof f.resetAt === 'number' ? { forgottenAt: f.resetAt } : {};
	const card: Card = {
		...kept,
		...content,
		...resetAt,
		id,
		modified: Math.max(current?.modified ?? 0, latestWall(record))
	} as Card;
	const same = (c: Card) => JSON.stringify(cardSyncFields(c, null, c.forgottenAt ?? null));
	if (current && same(current) === same(card)) return false;
	rows.setCard(card);
	return true;
}

function latestWall(record: StampedRecord): number {
	let wall = 0;
	for (const stamp of Object.values(record.stamps))
		wall = Math.max(wall, decodeHlc(stamp)?.wall ?? 0);
	return wall;
}

function pickKnown(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(keys.filter((key) => key in o).map((key) => [key, o[key]]));
}

/** The cards' schedules replayed from their starts and every log of them, written where they differ. */
async function replayCards(db: FlashcardsDB, device: string, cardIds: string[]): Promise<void> {
	const rows = await SyncRows.load(db, {
		cards: cardIds,
		records: cardIds.map((id) => recordDocId('card', id)),
		logsOf: cardIds
	});
	for (const cardId of cardIds) {
		const card = rows.card(cardId);
		const known = rows.record(recordDocId('card', cardId));
		if (!card || !known) continue; // its card has not arrived yet: replayed when it does
		// The reset is the row's: the server's merged with a Forget here not yet pushed.
		const start = { ...cardStartOf(known.record), resetAt: card.forgottenAt ?? null };
		const scheduling = replayedSchedule(rows, card, start, rows.logsOf(cardId), device);
		if (JSON.stringify(schedulingOf(card)) !== JSON.stringify(scheduling))
			rows.setCard({ ...card, ...scheduling });
	}
	await rows.flush();
}

function schedulingWithout({ since, ...scheduling }: CardBase): Scheduling {
	void since;
	return scheduling;
}

function replayedSchedule(
	rows: SyncRows,
	card: Card,
	start: CardStart,
	logs: readonly ReviewLog[],
	device: string
): Scheduling {
	const replayLogs: ReplayLog[] = logs.map((log) => ({
		id: log.id,
		cardId: log.cardId,
		rating: log.rating,
		review: log.review,
		device: (log as Partial<SyncedLog>).device ?? device
	}));
	if (start.resetAt !== null)
		replayLogs.push({ id: '', cardId: card.id, rating: RESET, review: start.resetAt, device: '' });
	const base = start.base ? schedulingWithout(start.base) : newScheduling(new Date(card.created));
	return replaySchedule(
		{ id: card.id, created: card.created, base, since: start.base?.since ?? null },
		replayLogs,
		rows.scheduler(card.deckId)
	);
}

// ---------------------------------------------------------------- this device's connection

/** Where this device syncs, and how the last sync went. Kept on this device only. */
export interface SyncConnection {
	/** The server's root address. */
	url: string;
	user: string;
	database: string;
	lastSync: number | null;
	lastError: string | null;
}

const CONNECTION_KEY = 'syncConnection';

export async function loadSyncConnection(db: FlashcardsDB): Promise<SyncConnection | null> {
	const value = (await db.settings.get(CONNECTION_KEY))?.value;
	return value && typeof value === 'object' ? (value as SyncConnection) : null;
}

export async function saveSyncConnection(
	db: FlashcardsDB,
	connection: SyncConnection | null
): Promise<void> {
	if (connection) await db.settings.put({ key: CONNECTION_KEY, value: { ...connection } });
	else await db.settings.delete(CONNECTION_KEY);
}
