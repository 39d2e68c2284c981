import { describe, expect, it } from 'vitest';
import { countOf } from './count-of';

describe('countOf', () => {
	it('says one thing in the singular, and none or many in the plural', () => {
		expect(countOf(1, 'card')).toBe('1 card');
		expect(countOf(0, 'card')).toBe('0 cards');
		expect(countOf(2, 'entry', 'entries')).toBe('2 entries');
		expect(countOf(1208, 'review')).toBe((1208).toLocaleString() + ' reviews');
	});
});
