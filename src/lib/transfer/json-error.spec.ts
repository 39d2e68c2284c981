import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, lineAndColumn } from './json-error';

const text = '{"a":\n [1,\n  2';

describe('jsonSyntaxError', () => {
	it.each([
		['V8', "Expected ',' or ']' after array element in JSON at position 15"],
		[
			'V8 with line',
			"Expected ',' or ']' after array element in JSON at position 15 (line 3 column 4)"
		],
		[
			'Firefox',
			'JSON.parse: end of data after property value in object at line 3 column 4 of the JSON data'
		],
		['Safari', 'JSON Parse error: Unexpected EOF']
	])('reads %s messages about a cut-off file', (_, message) => {
		const error = jsonSyntaxError(new SyntaxError(message), text);
		expect(error.where).toBe('line 3, column 4');
		expect(error.message).toMatch(/^The file is not complete JSON/);
	});

	it('points into the middle for other errors, and falls back to the engine’s words', () => {
		expect(jsonSyntaxError(new SyntaxError('Unexpected token at position 3'), text).where).toBe(
			'line 1, column 4'
		);
		const vague = jsonSyntaxError(
			new SyntaxError('Unexpected token \'}\', "{"a": tru}" is not valid JSON'),
			'{"a": tru}'
		);
		expect(vague.where).toBeUndefined();
		expect(vague.message).toMatch(/^The file is not valid JSON \(Unexpected token/);
	});

	it('counts lines and columns from 1', () => {
		expect(lineAndColumn('ab\ncd', 0)).toBe('line 1, column 1');
		expect(lineAndColumn('ab\ncd', 3)).toBe('line 2, column 1');
		expect(lineAndColumn('ab\ncd', 5)).toBe('line 2, column 3');
	});
});
