import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, deckSettings, type DeckOptions } from './models';
import {
	describeSetting,
	parseSteps,
	SETTING_FIELDS,
	settingProblem,
	validateOverrides,
	validateSettings
} from './settings';

describe('validateSettings', () => {
	it('accepts the defaults', () => {
		expect(() => validateSettings(DEFAULT_SETTINGS)).not.toThrow();
	});

	it('names the first setting that is not allowed', () => {
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, dayStartHour: 24 })).toThrow(
			'Next day starts at must be a whole number from 0 to 23.'
		);
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.5 })).toThrow(
			'Desired retention must be a number from 0.7 to 0.99.'
		);
		expect(() => validateSettings({ ...DEFAULT_SETTINGS, newPerDay: 2.5 })).toThrow(
			'New cards per day must be a whole number from 0 to 9999.'
		);
		// An emptied number field binds to null.
		expect(() =>
			validateSettings({ ...DEFAULT_SETTINGS, reviewsPerDay: null as unknown as number })
		).toThrow('Reviews per day must be a whole number from 0 to 99999.');
	});

	it('checks learning steps, the new card order and the toggles', () => {
		expect(settingProblem('learningSteps', '1m 10m 1d')).toBeNull();
		expect(settingProblem('learningSteps', '')).toBeNull();
		expect(settingProblem('learningSteps', '1m ten')).toBe(
			'Learning steps: "ten" is not a step. Write a whole number and m, h or d, such as 10m.'
		);
		expect(settingProblem('relearningSteps', '0m')).toMatch(/"0m" is not a step/);
		expect(settingProblem('learningSteps', Array(11).fill('1m').join(' '))).toBe(
			'Learning steps may have at most 10 steps.'
		);
		expect(settingProblem('newCardOrder', 'random')).toBeNull();
		expect(settingProblem('newCardOrder', 'due')).toBe(
			'New card order must be one of: Article order, Random.'
		);
		expect(settingProblem('fuzz', 'yes')).toBe('Fuzz must be on or off.');
	});
});

describe('grade by swiping', () => {
	const field = SETTING_FIELDS.find((f) => f.key === 'gradeBySwiping')!;

	it('is off until turned on, and is this app’s, not a deck’s, to set', () => {
		expect(DEFAULT_SETTINGS.gradeBySwiping).toBe(false);
		expect(field).toMatchObject({ type: 'toggle', label: 'Grade by swiping', perDeck: false });
		expect(() => validateOverrides({ gradeBySwiping: true } as Partial<DeckOptions>)).toThrow(
			'A deck cannot set its own gradeBySwiping.'
		);
		expect(settingProblem('gradeBySwiping', 'on')).toBe('Grade by swiping must be on or off.');
	});

	it('says which way gives which grade', () => {
		expect(field.help).toContain('left for Again, down for Hard, right for Good, up for Easy');
	});
});

describe('parseSteps', () => {
	it('splits on any whitespace', () => {
		expect(parseSteps(' 1m\t10m  1h ')).toEqual(['1m', '10m', '1h']);
		expect(parseSteps('   ')).toEqual([]);
	});
});

describe('deck overrides', () => {
	it('accepts per-deck options and refuses global ones or bad values', () => {
		expect(() => validateOverrides({ newPerDay: 5, desiredRetention: 0.8 })).not.toThrow();
		expect(() => validateOverrides({ dayStartHour: 3 } as Partial<DeckOptions>)).toThrow(
			'A deck cannot set its own dayStartHour.'
		);
		expect(() => validateOverrides({ desiredRetention: 1 })).toThrow(/Desired retention/);
	});

	it('a deck follows the global settings except where it overrides them', () => {
		const effective = deckSettings(DEFAULT_SETTINGS, { overrides: { newPerDay: 3 } });
		expect(effective.newPerDay).toBe(3);
		expect(effective.reviewsPerDay).toBe(DEFAULT_SETTINGS.reviewsPerDay);
	});
});

describe('describeSetting', () => {
	const field = (key: string) => SETTING_FIELDS.find((f) => f.key === key)!;

	it('reads each kind of value as a person would', () => {
		expect(describeSetting(field('burySiblings'), true)).toBe('On');
		expect(describeSetting(field('fuzz'), false)).toBe('Off');
		expect(describeSetting(field('newCardOrder'), 'article')).toBe('Article order');
		expect(describeSetting(field('maximumInterval'), 36500)).toBe('36,500 days');
		expect(describeSetting(field('desiredRetention'), 0.9)).toBe('90 %');
		expect(describeSetting(field('dayStartHour'), 4)).toBe('4:00');
		expect(describeSetting(field('learningSteps'), '1m 10m')).toBe('1m 10m');
		expect(describeSetting(field('newPerDay'), 20)).toBe('20');
	});
});
