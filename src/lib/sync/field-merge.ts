/**
 * The merge rule for everything that is edited rather than appended (a note's text, a deck's
 * name and options, a setting, suspend and bury): each field keeps the value with the latest
 * hybrid-logical-clock stamp (`hlc.ts`). Merging is commutative, associative and idempotent,
 * so every device that has seen the same changes holds the same record, whatever order they
 * arrived in and however often. A deletion is the field `deleted` set to true: a tombstone
 * that merges like any other field and is never revived by an older edit.
 */

/** A record as sync keeps it: its fields and, for each, the stamp of its last change. */
export interface StampedRecord {
	fields: Record<string, unknown>;
	stamps: Record<string, string>;
}

export const DELETED = 'deleted';

/** A new record whose every field was set by the change stamped `stamp`. */
export function stampedRecord(fields: Record<string, unknown>, stamp: string): StampedRecord {
	return {
		fields: { ...fields },
		stamps: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp]))
	};
}

/**
 * The record after a local change at `stamp`: the fields whose value differs take the new
 * value and stamp; the others keep theirs (an unchanged field must not win a later merge
 * against a real edit made elsewhere).
 *
 * @example
 * const note = stampedRecord({ front: 'Q', back: 'A' }, s1);
 * withChanges(note, { front: 'Q', back: 'B' }, s2).stamps; // { front: s1, back: s2 }
 */
export function withChanges(
	record: StampedRecord,
	changes: Record<string, unknown>,
	stamp: string
): StampedRecord {
	const fields = { ...record.fields };
	const stamps = { ...record.stamps };
	for (const [key, value] of Object.entries(changes)) {
		if (key in fields && sameValue(fields[key], value)) continue;
		fields[key] = value;
		stamps[key] = stamp;
	}
	return { fields, stamps };
}

/** The record deleted at `stamp`: its fields are kept, so a merge still has them to compare. */
export function deleted(record: StampedRecord, stamp: string): StampedRecord {
	return withChanges(record, { [DELETED]: true }, stamp);
}

export function isDeleted(record: StampedRecord): boolean {
	return record.fields[DELETED] === true;
}

/**
 * Two versions of one record merged field by field: the later stamp wins. Equal stamps
 * mean the same change, so the values should be equal; if a corrupt or hostile copy says
 * otherwise, the larger value (as JSON) wins, so that every device still picks the same one.
 *
 * @example
 * mergeRecords(phone, laptop); // equal to mergeRecords(laptop, phone)
 */
export function mergeRecords(a: StampedRecord, b: StampedRecord): StampedRecord {
	const fields: Record<string, unknown> = {};
	const stamps: Record<string, string> = {};
	const keys = new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)]);
	for (const key of [...keys].sort()) {
		const winner = fieldWinner(a, b, key);
		fields[key] = winner.fields[key];
		stamps[key] = winner.stamps[key]!;
	}
	return { fields, stamps };
}

function fieldWinner(a: StampedRecord, b: StampedRecord, key: string): StampedRecord {
	const stampA = a.stamps[key];
	const stampB = b.stamps[key];
	if (stampA === undefined) return b;
	if (stampB === undefined) return a;
	if (stampA !== stampB) return stampA > stampB ? a : b;
	return JSON.stringify(a.fields[key]) >= JSON.stringify(b.fields[key]) ? a : b;
}

function sameValue(x: unknown, y: unknown): boolean {
	return x === y || JSON.stringify(x) === JSON.stringify(y);
}
