import { describe, expect, it } from 'vitest';
import { exportFileStem } from './save-file';

describe('exportFileStem', () => {
	it('names a file after the deck and the local date', () => {
		expect(exportFileStem('What Does A Backend Developer Do?', new Date(2026, 10, 28))).toBe(
			'what-does-a-backend-developer-do-2026-11-28'
		);
		expect(exportFileStem('Café: verbes', new Date(2026, 0, 5))).toBe('cafe-verbes-2026-01-05');
		expect(exportFileStem('日本語', new Date(2026, 0, 5))).toBe('deck-2026-01-05');
	});
});
