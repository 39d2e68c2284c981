/**
 * The CouchDB documents sync writes, and the checks every document from a server passes
 * before it can touch the database (a server is as untrusted as an imported file).
 *
 * - `deck:<id>`, `card:<id>` and `settings`: a stamped record (`field-merge.ts`) of the
 *   fields that are edited. A card's schedule is not among them: it is rebuilt from logs.
 *   Instead a card carries `base` (null when its logs explain its schedule from new;
 *   otherwise the schedule to replay from, and the time up to which its logs are already
 *   counted in it: an import that brought a schedule without all of its history) and
 *   `resetAt` (its last Forget).
 * - `logs:<device>:<n>`: a batch of review logs one device wrote, never changed afterwards.
 *   `retracted` lists logs of this device that an undo took back after they were pushed.
 */

import type { Card, Deck, ReviewLog, Scheduling, Settings } from '$lib/domain/models';
import { ImportError } from '$lib/errors';
import { newScheduling } from '$lib/domain/scheduler';
import { checkCard, checkDeck, checkLog, checkSettings } from '$lib/transfer/record-check';
import type { StampedRecord } from './field-merge';
import { decodeHlc } from './hlc';

/** A card's own fields, as a change on one device carries them to the others. */
export const CARD_CONTENT_FIELDS = [
	'deckId',
	'noteId',
	'ord',
	'kind',
	'front',
	'back',
	'format',
	'tags',
	'source',
	'suspended',
	'buriedUntil',
	'created'
] as const;

/** The card fields a change carries: its content, and where its replayed history starts. */
export const CARD_FIELDS = [...CARD_CONTENT_FIELDS, 'base', 'resetAt'] as const;

export const DECK_FIELDS = ['name', 'created', 'source', 'builtin', 'overrides'] as const;

/** Fields every record may carry besides its own: the tombstone. */
const COMMON_FIELDS = ['deleted'] as const;

export type RecordType = 'deck' | 'card' | 'settings';

export interface RecordDoc extends StampedRecord {
	_id: string;
	_rev?: string;
	type: RecordType;
}

/** A review log as a batch carries it: with the device that recorded it. */
export type SyncedLog = ReviewLog & { device: string };

export interface LogBatchDoc {
	_id: string;
	_rev?: string;
	type: 'logs';
	device: string;
	logs: SyncedLog[];
	retracted: string[];
}

export type SyncDoc = RecordDoc | LogBatchDoc;

/** Where a card's replayed history starts, when not from new (see `CARD_FIELDS`). */
export type CardBase = Scheduling & { since: number };

/** A document larger than this (as JSON) is refused: no card or deck comes near it. */
export const MAX_DOC_CHARS = 1_000_000;
/** How many logs one batch may hold. */
export const MAX_BATCH_LOGS = 1000;

export function recordDocId(type: RecordType, id: string): string {
	return type === 'settings' ? 'settings' : `${type}:${id}`;
}

/** The id of the record a document holds, and its type; null for any other document. */
export function recordOfDocId(docId: string): { type: RecordType; id: string } | null {
	if (docId === 'settings') return { type: 'settings', id: 'settings' };
	const match = /^(deck|card):(.+)$/.exec(docId);
	return match ? { type: match[1] as RecordType, id: match[2]! } : null;
}

export function logBatchDocId(device: string, batch: number): string {
	return `${logBatchPrefix(device)}${batch}`;
}

/** Whether a document id names a log batch (of any device). */
export function isLogBatchId(id: string): boolean {
	return id.startsWith('logs:');
}

/** What the ids of every log batch of `device` start with. */
export function logBatchPrefix(device: string): string {
	return `logs:${device}:`;
}

/** The synced fields of a card: its content, and where its schedule's history starts. */
export function cardSyncFields(
	card: Card,
	base: CardBase | null,
	resetAt: number | null
): Record<string, unknown> {
	const fields: Record<string, unknown> = { base, resetAt };
	for (const key of CARD_CONTENT_FIELDS) fields[key] = card[key];
	return fields;
}

export function deckSyncFields(deck: Deck): Record<string, unknown> {
	return Object.fromEntries(DECK_FIELDS.map((key) => [key, deck[key]]));
}

export function settingsSyncFields(settings: Settings): Record<string, unknown> {
	return { ...settings };
}

/**
 * A document from the server, checked: its shape, its size, every stamp, and every field
 * against the same rules an imported file meets. Throws an ImportError naming the
 * document and field; returns a fresh copy holding only what it knows.
 */
export function checkRemoteDoc(value: unknown): SyncDoc {
	const json = JSON.stringify(value);
	const id =
		typeof (value as { _id?: unknown })?._id === 'string' ? (value as { _id: string })._id : '?';
	if (json === undefined || json.length > MAX_DOC_CHARS)
		throw new ImportError(`the document is larger than ${MAX_DOC_CHARS / 1_000_000} MB`, id);
	const doc = value as Record<string, unknown>;
	if (typeof doc._rev !== 'string') throw new ImportError('the document has no revision', id);
	if (doc.type === 'logs') return checkLogBatch(doc, id);
	const record = recordOfDocId(id);
	if (!record || doc.type !== record.type)
		throw new ImportError('this is not a document this app writes', id);
	return checkRecordDoc(doc, id, record.type);
}

function checkLogBatch(doc: Record<string, unknown>, id: string): LogBatchDoc {
	const match = /^logs:([^:]+):(\d+)$/.exec(id);
	if (!match || doc.device !== match[1])
		throw new ImportError('a log batch must name its device', id);
	const device = match[1]!;
	if (!Array.isArray(doc.logs) || doc.logs.length > MAX_BATCH_LOGS)
		throw new ImportError(`logs should be a list of at most ${MAX_BATCH_LOGS} review logs`, id);
	const retracted = doc.retracted ?? [];
	if (!Array.isArray(retracted) || !retracted.every((r) => typeof r === 'string'))
		throw new ImportError('retracted should be a list of log ids', id);
	const logs = doc.logs.map((log, i) => ({ ...checkLog(log, `${id}.logs[${i}]`), device }));
	return {
		_id: id,
		_rev: doc._rev as string,
		type: 'logs',
		device,
		logs,
		retracted: [...retracted]
	};
}

function checkRecordDoc(doc: Record<string, unknown>, id: string, type: RecordType): RecordDoc {
	const { fields, stamps } = doc;
	if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
		throw new ImportError('fields should be an object', id);
	if (typeof stamps !== 'object' || stamps === null || Array.isArray(stamps))
		throw new ImportError('stamps should be an object', id);
	const f = fields as Record<string, unknown>;
	const s = stamps as Record<string, unknown>;
	const allowed = new Set<string>([...fieldsOf(type), ...COMMON_FIELDS]);
	const keys = Object.keys(s);
	for (const key of keys) {
		if (!allowed.has(key)) throw new ImportError(`${key} is not a field of a ${type}`, id);
		if (typeof s[key] !== 'string' || !decodeHlc(s[key]))
			throw new ImportError(`the stamp of ${key} is not a clock stamp`, id);
		if (!(key in f)) throw new ImportError(`${key} has a stamp but no value`, id);
	}
	if (Object.keys(f).some((key) => !(key in s)))
		throw new ImportError('every field should have a stamp', id);
	if ('deleted' in f && typeof f.deleted !== 'boolean')
		throw new ImportError('deleted should be true or false', id);
	const checked =
		f.deleted === true ? pick(f, keys) : checkFields(type, recordOfDocId(id)!.id, f, id);
	return {
		_id: id,
		_rev: doc._rev as string,
		type,
		fields: checked,
		stamps: Object.fromEntries(keys.map((key) => [key, s[key] as string]))
	};
}

function fieldsOf(type: RecordType): readonly string[] {
	if (type === 'card') return CARD_FIELDS;
	if (type === 'deck') return DECK_FIELDS;
	return Object.keys(checkSettings({}, 'settings'));
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
	return Object.fromEntries(keys.filter((key) => key in o).map((key) => [key, o[key]]));
}

/**
 * The fields of a live record, checked by building the record they describe (any field
 * missing makes it incomplete: a record is only ever pushed whole) and checking it as an
 * import would, so a value that would break the app is refused here.
 */
function checkFields(
	type: RecordType,
	recordId: string,
	f: Record<string, unknown>,
	id: string
): Record<string, unknown> {
	if (type === 'settings') {
		const settings = checkSettings(f, id);
		return pick(settings as unknown as Record<string, unknown>, Object.keys(f));
	}
	if (type === 'deck') {
		const deck = checkDeck({ ...f, id: recordId }, id);
		return { ...deckSyncFields(deck), ...pick(f, ['deleted']) };
	}
	const base = f.base === null ? null : checkBase(f.base, `${id}.base`);
	const resetAt = f.resetAt;
	if (resetAt !== null && (typeof resetAt !== 'number' || !Number.isFinite(resetAt) || resetAt < 0))
		throw new ImportError('resetAt should be a number of milliseconds or null', id);
	// A schedule is needed to make a card; the check of the content does not look at it.
	const card = checkCard({ ...f, id: recordId, modified: 0, ...(base ?? NEW_SCHEDULE) }, id);
	return { ...cardSyncFields(card, base, resetAt as number | null), ...pick(f, ['deleted']) };
}

/** A new card's schedule, for checking a card document that has no base. */
const NEW_SCHEDULE: Scheduling = newScheduling(new Date(0));

function checkBase(value: unknown, path: string): CardBase {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new ImportError('base should be null or a schedule', path);
	const o = value as Record<string, unknown>;
	const since = o.since;
	if (typeof since !== 'number' || !Number.isFinite(since) || since < 0)
		throw new ImportError('since should be a number of milliseconds', path);
	const card = checkCard(
		{
			...o,
			id: 'x',
			deckId: 'x',
			kind: 'basic',
			format: 'text',
			front: '',
			back: '',
			tags: [],
			created: 0,
			modified: 0
		},
		path
	);
	return { ...schedulingOf(card), since };
}

/** The schedule fields of a card. */
export function schedulingOf(card: Card): Scheduling {
	const { due, stability, difficulty, elapsed_days, scheduled_days, learning_steps } = card;
	const { reps, lapses, state, last_review } = card;
	return {
		due,
		stability,
		difficulty,
		elapsed_days,
		scheduled_days,
		learning_steps,
		reps,
		lapses,
		state,
		last_review
	};
}
