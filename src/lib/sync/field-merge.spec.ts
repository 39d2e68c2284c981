import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	deleted,
	isDeleted,
	mergeRecords,
	stampedRecord,
	withChanges,
	type StampedRecord
} from './field-merge';
import { encodeHlc } from './hlc';

const stamp = (wall: number, device = 'a') => encodeHlc({ wall, count: 0, device });

/** Versions of one record as devices edit it: each a chain of changes from a common start. */
const recordArb: fc.Arbitrary<StampedRecord> = fc
	.array(
		fc.record({
			wall: fc.integer({ min: 1, max: 50 }),
			device: fc.constantFrom('phone', 'laptop', 'tablet'),
			changes: fc.dictionary(
				fc.constantFrom('front', 'back', 'tags', 'suspended', 'deleted'),
				fc.oneof(fc.string({ maxLength: 3 }), fc.boolean(), fc.array(fc.string({ maxLength: 2 })))
			)
		}),
		{ maxLength: 4 }
	)
	.map((edits) =>
		edits.reduce(
			(record, edit) => withChanges(record, edit.changes, stamp(edit.wall, edit.device)),
			stampedRecord({ front: 'Q', back: 'A' }, stamp(0))
		)
	);

describe('merging a record edited on several devices', () => {
	it('keeps, field by field, the value with the later stamp', () => {
		const start = stampedRecord({ front: 'Q', back: 'A', suspended: false }, stamp(1));
		const phone = withChanges(start, { front: 'Question' }, stamp(5, 'phone'));
		const laptop = withChanges(start, { back: 'Answer', front: 'Q?' }, stamp(3, 'laptop'));
		expect(mergeRecords(phone, laptop).fields).toEqual({
			front: 'Question',
			back: 'Answer',
			suspended: false
		});
	});

	it('does not give an unchanged field a new stamp', () => {
		const start = stampedRecord({ front: 'Q', back: 'A' }, stamp(1));
		const edited = withChanges(start, { front: 'Q', back: 'B' }, stamp(2));
		expect(edited.stamps).toEqual({ front: stamp(1), back: stamp(2) });
	});

	it('keeps a deletion against an older edit, and lets it win ties by value on every device', () => {
		const start = stampedRecord({ front: 'Q' }, stamp(1));
		const gone = deleted(start, stamp(4, 'phone'));
		const edited = withChanges(start, { front: 'Q2' }, stamp(3, 'laptop'));
		expect(isDeleted(mergeRecords(gone, edited))).toBe(true);
		expect(isDeleted(mergeRecords(edited, gone))).toBe(true);
		const twisted = { fields: { front: 'X' }, stamps: { front: stamp(1) } };
		expect(mergeRecords(start, twisted)).toEqual(mergeRecords(twisted, start));
	});

	it('converges whatever the order, grouping or repetition of merges', () => {
		fc.assert(
			fc.property(recordArb, recordArb, recordArb, (a, b, c) => {
				expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
				expect(mergeRecords(mergeRecords(a, b), c)).toEqual(mergeRecords(a, mergeRecords(b, c)));
				expect(mergeRecords(a, a)).toEqual(a);
				expect(mergeRecords(mergeRecords(a, b), b)).toEqual(mergeRecords(a, b));
			})
		);
	});

	it('gives every device the same record for any order in which the versions arrive', () => {
		fc.assert(
			fc.property(
				fc.array(recordArb, { minLength: 1, maxLength: 5 }),
				fc.nat(),
				(versions, seed) => {
					const shuffled = [...versions].sort(
						(x, y) => hash(JSON.stringify(x), seed) - hash(JSON.stringify(y), seed)
					);
					expect(shuffled.reduce(mergeRecords)).toEqual(versions.reduce(mergeRecords));
				}
			)
		);
	});
});

function hash(text: string, seed: number): number {
	let h = seed | 0;
	for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
	return h;
}
