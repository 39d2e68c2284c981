import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise';

describe('normaliseText', () => {
	it('straightens typographic quotes and apostrophes', () => {
		expect(normaliseText('It\u2019s \u201Cfine\u201D')).toBe('It\'s "fine"');
	});

	it('turns no-break spaces and tabs into spaces and removes zero-width characters', () => {
		expect(normaliseText('a\u00A0b\tc\u200Bd\uFEFF')).toBe('a b\tcd');
	});

	it('uses \\n for every line end', () => {
		expect(normaliseText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
	});

	it('drops stray control characters but keeps line ends', () => {
		expect(normaliseText('a\u0007b\nc')).toBe('ab\nc');
	});
});
