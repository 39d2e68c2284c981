import { ValidationError } from '$lib/errors';
import type { Settings } from './models';

/** One setting as the user sees and may change it. */
export interface SettingField {
	key: keyof Settings;
	label: string;
	/** Shown after the label: the unit or the range. */
	hint: string;
	min: number;
	max: number;
	step: number;
}

/** Every user setting with its allowed range; the settings form is drawn from this. */
export const SETTING_FIELDS: readonly SettingField[] = [
	{ key: 'newPerDay', label: 'New cards per day', hint: '', min: 0, max: 9999, step: 1 },
	{ key: 'reviewsPerDay', label: 'Reviews per day', hint: '', min: 0, max: 99999, step: 1 },
	{
		key: 'dayStartHour',
		label: 'Next day starts at',
		hint: 'hour, 0–23',
		min: 0,
		max: 23,
		step: 1
	},
	{
		key: 'desiredRetention',
		label: 'Desired retention',
		hint: '0.70–0.99',
		min: 0.7,
		max: 0.99,
		step: 0.01
	},
	{ key: 'maximumInterval', label: 'Maximum interval', hint: 'days', min: 1, max: 36500, step: 1 }
];

/**
 * Throws a ValidationError naming the first setting out of range.
 *
 * @example
 * validateSettings({ ...DEFAULT_SETTINGS, dayStartHour: 24 });
 * // throws "Next day starts at must be a number from 0 to 23."
 */
export function validateSettings(settings: Settings): void {
	for (const { key, label, min, max, step } of SETTING_FIELDS) {
		const value = settings[key];
		if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max)
			throw new ValidationError(`${label} must be a number from ${min} to ${max}.`);
		if (step === 1 && !Number.isInteger(value))
			throw new ValidationError(`${label} must be a whole number.`);
	}
}
