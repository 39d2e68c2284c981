import { describe, expect, it } from 'vitest';
import { describeError, ImportError, ValidationError } from './errors';

describe('describeError', () => {
	it('passes the app’s own sentences through, with where they happened', () => {
		expect(describeError(new ValidationError('The article is empty.'))).toBe(
			'The article is empty.'
		);
		expect(describeError(new ImportError('Bad field', 'cards[3].due'))).toBe(
			'Bad field (cards[3].due)'
		);
	});

	it('says the disk is full, also when Dexie wraps the quota error in an abort', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const abort = Object.assign(new Error('QuotaExceededError The quota has been exceeded.'), {
			name: 'AbortError',
			inner: quota
		});
		expect(describeError(quota)).toMatch(/out of storage space/);
		expect(describeError(abort)).toMatch(/out of storage space/);
	});

	it('names a storage failure and never shows a stack trace', () => {
		const constraint = Object.assign(new Error('Key already exists'), { name: 'ConstraintError' });
		expect(describeError(constraint)).toBe(
			"The browser's storage failed (ConstraintError). Nothing was changed; try again."
		);
		expect(describeError(new TypeError('x is undefined'))).toMatch(/^Something went wrong/);
		expect(describeError('a string')).toMatch(/^Something went wrong/);
	});
});
