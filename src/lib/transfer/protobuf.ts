import { ImportError } from '$lib/errors';

/**
 * Just enough Protocol Buffers to read the few things this app needs from a new-style Anki
 * collection: a note type's kind (cloze or not), the names in the media list, and a deck's
 * options preset and its FSRS parameters. A full decoder with generated code would be
 * hundreds of kilobytes for a few integers, strings and floats.
 */

export interface ProtoField {
	field: number;
	/** 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit. */
	wireType: number;
	/** The number for wire types 0, 1 and 5; the bytes for wire type 2. */
	value: number | Uint8Array;
}

function broken(what: string): ImportError {
	return new ImportError(`The package's ${what} is damaged (bad protobuf data).`);
}

/**
 * Reads a base-128 varint at `at`. Values above 2^53 lose precision, which no field read
 * here comes near.
 *
 * @example
 * readVarint(new Uint8Array([0xac, 0x02]), 0); // { value: 300, next: 2 }
 */
export function readVarint(
	bytes: Uint8Array,
	at: number,
	what = 'data'
): { value: number; next: number } {
	let value = 0;
	let scale = 1;
	for (let i = at; i < bytes.length && i < at + 10; i++) {
		const byte = bytes[i] as number;
		value += (byte & 0x7f) * scale;
		if ((byte & 0x80) === 0) return { value, next: i + 1 };
		scale *= 128;
	}
	throw broken(what);
}

/**
 * The top-level fields of a message, in order.
 *
 * @example
 * [...protoFields(new Uint8Array([0x08, 0x01]))]; // [{ field: 1, wireType: 0, value: 1 }]
 */
export function* protoFields(bytes: Uint8Array, what = 'data'): Generator<ProtoField> {
	let at = 0;
	while (at < bytes.length) {
		const key = readVarint(bytes, at, what);
		at = key.next;
		const field = Math.floor(key.value / 8);
		const wireType = key.value % 8;
		switch (wireType) {
			case 0: {
				const v = readVarint(bytes, at, what);
				at = v.next;
				yield { field, wireType, value: v.value };
				break;
			}
			case 1:
			case 5: {
				const size = wireType === 1 ? 8 : 4;
				if (at + size > bytes.length) throw broken(what);
				const view = new DataView(bytes.buffer, bytes.byteOffset + at, size);
				const value = size === 4 ? view.getUint32(0, true) : Number(view.getBigUint64(0, true));
				at += size;
				yield { field, wireType, value };
				break;
			}
			case 2: {
				const length = readVarint(bytes, at, what);
				const end = length.next + length.value;
				if (end > bytes.length) throw broken(what);
				yield { field, wireType, value: bytes.subarray(length.next, end) };
				at = end;
				break;
			}
			default:
				throw broken(what);
		}
	}
}

/**
 * A varint field's value; the last occurrence wins, as in protobuf. Absent means 0 in
 * proto3, which is what `fallback` is for.
 *
 * @example
 * varintField(notetypeConfig, 1, 0); // 1 for a cloze note type
 */
export function varintField(bytes: Uint8Array, field: number, fallback = 0, what = 'data'): number {
	let value = fallback;
	for (const f of protoFields(bytes, what))
		if (f.field === field && f.wireType === 0) value = f.value as number;
	return value;
}

/**
 * A `repeated float` field's values, packed (one length-delimited run, as proto3 writes
 * them) or not (one fixed 32-bit field each).
 *
 * @example
 * floatsField(deckConfig, 6); // FSRS-6 parameters of an Anki options preset
 */
export function floatsField(bytes: Uint8Array, field: number, what = 'data'): number[] {
	const out: number[] = [];
	const scratch = new DataView(new ArrayBuffer(4));
	for (const f of protoFields(bytes, what)) {
		if (f.field !== field) continue;
		if (f.wireType === 5) {
			scratch.setUint32(0, f.value as number, true);
			out.push(scratch.getFloat32(0, true));
		} else if (f.wireType === 2) {
			const run = f.value as Uint8Array;
			if (run.length % 4 !== 0) throw broken(what);
			const view = new DataView(run.buffer, run.byteOffset, run.length);
			for (let at = 0; at < run.length; at += 4) out.push(view.getFloat32(at, true));
		}
	}
	return out;
}

/**
 * A length-delimited field's bytes (the last occurrence), or null when absent.
 *
 * @example
 * messageField(deckKind, 1); // a normal deck's settings
 */
export function messageField(bytes: Uint8Array, field: number, what = 'data'): Uint8Array | null {
	let value: Uint8Array | null = null;
	for (const f of protoFields(bytes, what))
		if (f.field === field && f.wireType === 2) value = f.value as Uint8Array;
	return value;
}
