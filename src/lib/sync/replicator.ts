/**
 * One sync: pull what the server has that this device has not seen, then push what changed
 * here, over CouchDB's replication protocol (`_changes` from a checkpoint, `_bulk_docs`).
 *
 * - Pull pages are applied one transaction each, checkpoint included, so a pull cut off by a
 *   lost connection or a reload resumes where it stopped and applies nothing twice. A page
 *   lists ids and revisions; only documents this device does not hold at that revision are
 *   fetched (`_all_docs` with their keys), so its own writes do not come back to it.
 * - A record that changed on both sides is merged field by field (`field-merge.ts`): a push
 *   the server refuses as a conflict is merged with the server's copy and pushed again; a
 *   conflict CouchDB kept (two devices wrote the same revision) is merged from all its
 *   branches, and the losing branches are deleted.
 * - Log batches are written once under an id their device alone uses, so one sent again
 *   after a lost answer is refused as already there, and counted as done.
 * - Documents from the server are checked (`checkRemoteDoc`); one that fails is left out
 *   and reported, and the rest is applied.
 */

import type { FlashcardsDB } from '$lib/storage/db';
import {
	applyPulled,
	nextPush,
	pullCheckpoint,
	recordPushed,
	syncDevice,
	unseenChanges
} from '$lib/storage/sync-store';
import type { CouchClient } from './couch-client';
import { SyncError } from './couch-client';
import { checkRemoteDoc, isLogBatchId, type RecordDoc, type SyncDoc } from './documents';
import { mergeRecords } from './field-merge';

/** Changes read per pull page. */
export const PULL_PAGE = 500;
/** Log batches (of up to 1,000 logs each) fetched and applied together. */
export const PULL_LOG_BATCHES = 20;
/** A round of push that keeps meeting conflicts gives up after this many, for the next sync. */
const MAX_PUSH_ROUNDS = 10_000;

export interface SyncProgress {
	phase: 'pull' | 'push';
	/** Documents applied (pull) or written (push) so far in this sync. */
	done: number;
}

export interface SyncReport {
	pulled: number;
	pushed: number;
	/** Documents from the server that failed their checks, with the first reason. */
	refused: { count: number; first: string | null };
}

export async function syncOnce(
	db: FlashcardsDB,
	client: CouchClient,
	onProgress: (progress: SyncProgress) => void = () => {},
	{ pageSize = PULL_PAGE, logBatchesPerPart = PULL_LOG_BATCHES } = {}
): Promise<SyncReport> {
	if (!(await syncDevice(db))) throw new SyncError('Sync is off on this device.', 'server');
	const report: SyncReport = { pulled: 0, pushed: 0, refused: { count: 0, first: null } };
	await pull(db, client, report, onProgress, pageSize, logBatchesPerPart);
	await push(db, client, report, onProgress);
	return report;
}

async function pull(
	db: FlashcardsDB,
	client: CouchClient,
	report: SyncReport,
	onProgress: (progress: SyncProgress) => void,
	pageSize: number,
	logBatchesPerPart: number
): Promise<void> {
	let since = await pullCheckpoint(db);
	for (;;) {
		const page = await client.changes(since, pageSize);
		const changed = page.results.filter(
			(change) =>
				typeof change.id === 'string' && !change.deleted && !change.id.startsWith('_design/')
		);
		const unseen = await unseenChanges(
			db,
			changed.map((change) => ({
				id: change.id,
				revs: (change.changes ?? [])
					.map((leaf) => leaf.rev)
					.filter((rev) => typeof rev === 'string')
			}))
		);
		// A page may list hundreds of log batches (a first push sends all of a device's logs
		// one after another): they are fetched and applied a few at a time, so that no response,
		// transaction or task holds half a million logs. The checkpoint moves with the last
		// part; a part applied again after a cut changes nothing (known revisions, known logs).
		const parts = partsOf(unseen, logBatchesPerPart);
		for (const [i, ids] of parts.entries()) {
			const last = i === parts.length - 1;
			await pullPart(db, client, ids, last ? page.lastSeq : undefined, report);
			onProgress({ phase: 'pull', done: report.pulled });
		}
		since = page.lastSeq;
		if (page.results.length < pageSize) return;
	}
}

/**
 * Fetches these documents and applies them in one transaction (moving the checkpoint to
 * `since` when given), then merges the branches of any the server holds in conflict.
 */
async function pullPart(
	db: FlashcardsDB,
	client: CouchClient,
	ids: readonly string[],
	since: unknown,
	report: SyncReport
): Promise<void> {
	const fetched = ids.length > 0 ? await client.documents(ids) : [];
	const docs: SyncDoc[] = [];
	const conflicted: { id: string; revs: string[] }[] = [];
	for (const value of fetched) {
		const doc = checked(value, report);
		if (!doc) continue;
		docs.push(doc);
		const conflicts = (value as { _conflicts?: unknown })._conflicts;
		if (doc.type !== 'logs' && Array.isArray(conflicts) && conflicts.length > 0)
			conflicted.push({ id: doc._id, revs: conflicts.filter((r) => typeof r === 'string') });
	}
	await applyPulled(db, docs, since);
	report.pulled += docs.length;
	for (const conflict of conflicted) await resolveConflict(db, client, conflict, report);
}

/** A page's ids cut into parts of at most `logBatches` log batches each (always one part). */
function partsOf(ids: readonly string[], logBatches: number): string[][] {
	const parts: string[][] = [[]];
	let batches = 0;
	for (const id of ids) {
		if (isLogBatchId(id)) {
			if (batches === logBatches) {
				parts.push([]);
				batches = 0;
			}
			batches++;
		}
		parts[parts.length - 1]!.push(id);
	}
	return parts;
}

function checked(value: unknown, report: SyncReport): SyncDoc | null {
	try {
		return checkRemoteDoc(value);
	} catch (error) {
		report.refused.count++;
		report.refused.first ??= error instanceof Error ? error.message : String(error);
		return null;
	}
}

/**
 * Merges every branch of a document CouchDB holds in conflict into its current revision and
 * deletes the others, in one `_bulk_docs`. Whichever device sees the conflict first does it;
 * the rule gives the same record whoever does.
 */
async function resolveConflict(
	db: FlashcardsDB,
	client: CouchClient,
	conflict: { id: string; revs: string[] },
	report: SyncReport
): Promise<void> {
	const current = checked(await client.document(conflict.id), report);
	if (!current || current.type === 'logs') return;
	const branches = (await client.revisions(conflict.id, conflict.revs))
		.map((branch) => checked(branch, report))
		.filter((branch): branch is RecordDoc => !!branch && branch.type === current.type);
	const merged = branches.reduce<RecordDoc>(
		(into, branch) => ({ ...into, ...mergeRecords(into, branch) }),
		current
	);
	const results = await client.bulkDocs([
		merged,
		...branches.map((branch) => ({ _id: branch._id, _rev: branch._rev, _deleted: true }))
	]);
	const written = results.find((result) => result.id === conflict.id && result.rev);
	// Applied here at once; the next pull brings the same revision back and changes nothing.
	if (written?.rev) await applyPulled(db, [{ ...merged, _rev: written.rev }], undefined);
}

async function push(
	db: FlashcardsDB,
	client: CouchClient,
	report: SyncReport,
	onProgress: (progress: SyncProgress) => void
): Promise<void> {
	for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
		const batch = await nextPush(db);
		if (!batch) return;
		const docs: object[] = batch.records.map((record) => record.doc);
		if (batch.logs) docs.push(batch.logs);
		const results = docs.length > 0 ? await client.bulkDocs(docs) : [];
		const accepted = new Map<string, string>();
		const conflicts: string[] = [];
		let logsDone = false;
		for (const result of results) {
			if (batch.logs && result.id === batch.logs._id) {
				// Already there: this batch was written before and its answer lost.
				logsDone = !!result.rev || result.error === 'conflict';
			} else if (result.rev) accepted.set(result.id, result.rev);
			else if (result.error === 'conflict') conflicts.push(result.id);
			else
				throw new SyncError(
					`The server refused a change (${result.reason ?? result.error ?? 'no reason given'}). Sync will try again later.`,
					'server'
				);
		}
		await recordPushed(db, batch, accepted, logsDone);
		report.pushed += accepted.size + (logsDone && batch.logs ? batch.logs.logs.length : 0);
		onProgress({ phase: 'push', done: report.pushed });
		// Changed on the server since this device last saw it: merge, then push on top of it.
		for (const id of conflicts) {
			const remote = checked(await client.document(id), report);
			if (remote) await applyPulled(db, [remote], undefined);
		}
	}
}
