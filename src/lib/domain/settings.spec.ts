import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './models';
import { validateSettings } from './settings';

describe('validateSettings', () => {
	it('accepts the defaults', () => {
		expect(() => validateSettings(DEFAULT_SETTINGS)).not.toThrow();
	});

	it('names the first setting out of range', () => {
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, dayStartHour: 24 })).toThrow(
			'Next day starts at must be a number from 0 to 23.'
		);
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.5 })).toThrow(
			'Desired retention must be a number from 0.7 to 0.99.'
		);
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, newPerDay: 2.5 })).toThrow(
			'New cards per day must be a whole number.'
		);
		// An emptied number field binds to null.
		expect(() =>
			validateSettings({ ...DEFAULT_SETTINGS, reviewsPerDay: null as unknown as number })
		).toThrow('Reviews per day must be a number from 0 to 99999.');
	});
});
