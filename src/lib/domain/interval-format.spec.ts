import { describe, expect, it } from 'vitest';
import { formatInterval } from './interval-format';

describe('formatInterval', () => {
	it.each([
		[30_000, '<1m'],
		[60_000, '1m'],
		[600_000, '10m'],
		[3 * 3_600_000, '3h'],
		[86_400_000, '1d'],
		[4 * 86_400_000, '4d'],
		[45 * 86_400_000, '1.5mo'],
		[365 * 86_400_000, '1y'],
		[438 * 86_400_000, '1.2y']
	])('%i ms reads %s', (ms, text) => {
		expect(formatInterval(ms)).toBe(text);
	});
});
