import { describe, expect, it } from 'vitest';
import { contentTokens, jaccard, overlap } from './tokens';

describe('contentTokens', () => {
	it('keeps content words, lower-cased, with plurals folded', () => {
		expect([...contentTokens('The Backend developers are responsible for the servers')]).toEqual([
			'backend',
			'developer',
			'responsible',
			'server'
		]);
	});

	it('does not fold words that only look plural', () => {
		expect(contentTokens('process analysis').has('process')).toBe(true);
		expect(contentTokens('process analysis').has('analysis')).toBe(true);
	});
});

describe('jaccard and overlap', () => {
	it('measure shared members', () => {
		const a = new Set(['a', 'b', 'c']);
		const b = new Set(['b', 'c', 'd']);
		expect(overlap(a, b)).toBe(2);
		expect(jaccard(a, b)).toBeCloseTo(0.5);
		expect(jaccard(new Set(), new Set())).toBe(0);
	});
});
