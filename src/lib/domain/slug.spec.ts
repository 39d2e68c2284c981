import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
	it('keeps letters and digits, folds accents, and never ends on a dash', () => {
		expect(slugify('Café: les verbes!', 60)).toBe('cafe-les-verbes');
		expect(slugify('What a backend developer is responsible for', 20)).toBe('what-a-backend-devel');
		expect(slugify('abc def', 4)).toBe('abc');
		expect(slugify('日本語', 60)).toBe('');
	});
});
