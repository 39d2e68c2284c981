import { describe, expect, it } from 'vitest';
import { findEnumeration } from './enumerations';

const items = (sentence: string) =>
	findEnumeration(sentence)?.items.map((item) => item.text) ?? null;

describe('findEnumeration', () => {
	it('finds Oxford-comma lists after a trigger word', () => {
		expect(
			items(
				'The backend is responsible for managing data, handling logic, and powering the frontend.'
			)
		).toEqual(['managing data', 'handling logic', 'powering the frontend']);
		expect(items('Some of the most popular are PHP, Java, Python, and Ruby.')).toEqual([
			'PHP',
			'Java',
			'Python',
			'Ruby'
		]);
	});

	it('finds lists without the Oxford comma and after "such as", "like" and ":"', () => {
		expect(items('Try drinks such as tea, coffee and cocoa.')).toEqual(['tea', 'coffee', 'cocoa']);
		expect(items('Pick one like Go, Rust, or Zig.')).toEqual(['Go', 'Rust', 'Zig']);
		expect(items('The kit includes: a hammer, nails, and glue.')).toEqual([
			'a hammer',
			'nails',
			'glue'
		]);
	});

	it('gives offsets that point at the items', () => {
		const sentence = 'They need strong understanding of networks, databases, and security.';
		const found = findEnumeration(sentence);
		expect(found?.trigger).toBe('of');
		for (const item of found?.items ?? [])
			expect(sentence.slice(item.start, item.end)).toBe(item.text);
		expect(sentence.slice(found?.start, found?.end)).toBe('networks, databases, and security');
	});

	it('does not take two items as a list', () => {
		expect(items('Writing code in languages like Java or Python.')).toBeNull();
		expect(items('It can do many things, and there is no single approach.')).toBeNull();
	});

	it('does not take clauses joined by commas as items', () => {
		expect(
			items(
				'Backend developers are paid well, especially if they have experience and expertise in particular areas (e.g., big data, machine learning).'
			)
		).toBeNull();
		expect(
			items(
				'As the day goes on, backend developers continue to work on new features and bug fixes.'
			)
		).toBeNull();
		expect(items('By doing this, you will gain experience and build your portfolio.')).toBeNull();
	});

	it('reads a long sentence of commas', () => {
		const sentence = `Items: ${'word, '.repeat(5000)}and end.`;
		expect(items(sentence)?.length).toBeGreaterThan(3);
	});

	it('reads a long sentence of "A and B" parts without a trigger', () => {
		expect(findEnumeration(`${'X and y, '.repeat(5000)}x and y.`)).toBeNull();
	});
});
