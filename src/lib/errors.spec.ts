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

describe('describeError for write failures', () => {
	/** An error shaped as Dexie makes them: its own name, the browser's error as `inner`. */
	function dexieError(name: string, inner?: Error): Error {
		return Object.assign(new Error(`${name} wrapper`), { name, inner });
	}

	it('says the disk is full when the quota error is two wrappers deep', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const nested = dexieError('AbortError', dexieError('BulkError', quota));
		expect(describeError(nested)).toMatch(/^The device is out of storage space\. Nothing was/);
	});

	it('says the quota error also when only `cause` carries it', () => {
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		expect(describeError(new Error('write failed', { cause: quota }))).toMatch(
			/out of storage space/
		);
	});

	it('tells a tab whose database was closed for a newer version to reload', () => {
		expect(describeError(dexieError('DatabaseClosedError'))).toMatch(
			/updated in another tab.*reload the page/
		);
		expect(describeError(dexieError('OpenFailedError', dexieError('VersionError')))).toMatch(
			/updated in another tab/
		);
	});

	it('explains a browser without IndexedDB (private windows, site data off)', () => {
		expect(describeError(dexieError('MissingAPIError'))).toMatch(
			/will not let the app store anything.*private windows/
		);
		const privateFirefox = dexieError(
			'OpenFailedError',
			new DOMException('A mutation operation was attempted', 'InvalidStateError')
		);
		expect(describeError(privateFirefox)).toMatch(/private windows/);
		// What Dexie actually throws on every call when there is no IndexedDB.
		const closedForMissing = dexieError('DatabaseClosedError', dexieError('MissingAPIError'));
		expect(describeError(closedForMissing)).toMatch(/private windows/);
	});

	it('does not blame private mode for an InvalidStateError outside opening', () => {
		const state = new DOMException('The transaction has finished.', 'InvalidStateError');
		expect(describeError(state)).toMatch(/^Something went wrong/);
		expect(describeError(dexieError('OpenFailedError', new Error('?')))).toBe(
			"The browser's storage failed (OpenFailedError). Nothing was changed; try again."
		);
	});

	it('survives an error that wraps itself', () => {
		const loop = dexieError('AbortError');
		(loop as Error & { inner?: unknown }).inner = loop;
		expect(describeError(loop)).toMatch(/^The browser's storage failed \(AbortError\)/);
	});
});
