import type { WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { ImportError } from '$lib/errors';
import { createSanitizer } from '../sanitize';

/** What specs share: a fixed clock, counting ids, a jsdom-backed sanitiser. */

export const NOW = new Date('2025-03-01T12:00:00Z');

/** Ids `id-1`, `id-2` … so expectations can name them. */
export function countingIds(prefix = 'id'): () => string {
	let n = 0;
	return () => `${prefix}-${++n}`;
}

let sanitizer: ((html: string) => string) | null = null;
export function jsdomSanitize(html: string): string {
	sanitizer ??= createSanitizer(new JSDOM('').window as unknown as WindowLike);
	return sanitizer(html);
}

/** The ImportError `run` throws (sync or async); fails the test if it throws anything else. */
export async function importErrorOf(run: () => unknown): Promise<ImportError> {
	try {
		await run();
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw new Error(`expected an ImportError, got ${String(error)}`, { cause: error });
	}
	throw new Error('expected an ImportError, nothing was thrown');
}
