import { describe, expect, it } from 'vitest';
import { stripInlineMarkdown } from './inline-markdown';

describe('stripInlineMarkdown', () => {
	it('keeps the words of emphasis, code and links', () => {
		expect(stripInlineMarkdown('Use **Go**, `rustc` or [Rust](https://rust-lang.org) *now*')).toBe(
			'Use Go, rustc or Rust now'
		);
	});

	it('removes images entirely', () => {
		expect(stripInlineMarkdown('Look ![a diagram](d.png) here')).toBe('Look here');
	});

	it('leaves snake_case and arithmetic alone', () => {
		expect(stripInlineMarkdown('call my_func_name with 2 * 3 * 4')).toBe(
			'call my_func_name with 2 * 3 * 4'
		);
	});

	it('keeps the words of a link whose address holds brackets', () => {
		expect(stripInlineMarkdown('See [Tea](https://en.wikipedia.org/wiki/Tea_(drink)) now')).toBe(
			'See Tea now'
		);
	});

	it('does not read a link across an unclosed bracket', () => {
		expect(stripInlineMarkdown('[see [Tea](https://tea.example) and ![x [y](a.png)')).toBe(
			'[see Tea and ![x y'
		);
	});
});
