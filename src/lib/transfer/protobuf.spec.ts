import { describe, expect, it } from 'vitest';
import { ImportError } from '$lib/errors';
import { protoFields, readVarint, varintField } from './protobuf';

describe('protobuf', () => {
	it('reads varints of one to many bytes', () => {
		expect(readVarint(new Uint8Array([0x01]), 0)).toEqual({ value: 1, next: 1 });
		expect(readVarint(new Uint8Array([0xac, 0x02]), 0)).toEqual({ value: 300, next: 2 });
		expect(readVarint(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), 0).value).toBe(2 ** 32 - 1);
		// 2^40 needs six bytes and more than 32 bits.
		expect(readVarint(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x20]), 0).value).toBe(2 ** 40);
	});

	it('refuses a varint that never ends', () => {
		expect(() => readVarint(new Uint8Array([0x80, 0x80]), 0)).toThrow(ImportError);
	});

	it('walks the fields of a message', () => {
		// field 1 varint 1; field 3 string "css"; field 4 fixed32 7; field 2 varint 5
		const message = new Uint8Array([
			0x08, 0x01, 0x1a, 0x03, 0x63, 0x73, 0x73, 0x25, 7, 0, 0, 0, 0x10, 0x05
		]);
		const fields = [...protoFields(message)];
		expect(fields.map((f) => [f.field, f.wireType])).toEqual([
			[1, 0],
			[3, 2],
			[4, 5],
			[2, 0]
		]);
		expect(new TextDecoder().decode(fields[1]!.value as Uint8Array)).toBe('css');
		expect(fields[2]!.value).toBe(7);
		expect(varintField(message, 1)).toBe(1);
		expect(varintField(message, 2)).toBe(5);
	});

	it('reads an absent field as the proto3 default', () => {
		expect(varintField(new Uint8Array([0x1a, 0x00]), 1)).toBe(0);
		expect(varintField(new Uint8Array([]), 1, 9)).toBe(9);
	});

	it('refuses a length that runs past the end', () => {
		expect(() => [...protoFields(new Uint8Array([0x1a, 0x05, 0x01]))]).toThrow(ImportError);
	});
});
