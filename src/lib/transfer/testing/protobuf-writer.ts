/** A protobuf writer for tests: varint and length-delimited fields are all fixtures need. */

function varint(n: number): number[] {
	const out: number[] = [];
	while (n >= 0x80) {
		out.push((n % 128) | 0x80);
		n = Math.floor(n / 128);
	}
	out.push(n);
	return out;
}

export type ProtoValue = number | string | Uint8Array;

/** Encodes `[field, value]` pairs in order: numbers as varints, the rest length-delimited. */
export function protoMessage(fields: [number, ProtoValue][]): Uint8Array {
	const bytes: number[] = [];
	for (const [field, value] of fields) {
		if (typeof value === 'number') {
			bytes.push(...varint(field * 8), ...varint(value));
		} else {
			const data = typeof value === 'string' ? new TextEncoder().encode(value) : value;
			bytes.push(...varint(field * 8 + 2), ...varint(data.length), ...data);
		}
	}
	return new Uint8Array(bytes);
}
