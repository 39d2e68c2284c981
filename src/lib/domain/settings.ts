import { ValidationError } from '$lib/errors';
import { parametersProblem } from './fsrs-parameters';
import type { DeckOptions, Settings } from './models';

interface FieldBase {
	label: string;
	/** A sentence under the field saying what it does. */
	help: string;
	/** Whether a deck may set its own value (Anki's deck options); otherwise global only. */
	perDeck: boolean;
}

export interface NumberField extends FieldBase {
	type: 'number';
	key: 'desiredRetention' | 'newPerDay' | 'reviewsPerDay' | 'maximumInterval' | 'dayStartHour';
	min: number;
	max: number;
	step: number;
}

export interface StepsField extends FieldBase {
	type: 'steps';
	key: 'learningSteps' | 'relearningSteps';
}

export interface ChoiceField extends FieldBase {
	type: 'choice';
	key: 'newCardOrder';
	options: readonly { value: string; label: string }[];
}

export interface ToggleField extends FieldBase {
	type: 'toggle';
	key: 'burySiblings' | 'fuzz' | 'gradeBySwiping' | 'playSoundsAutomatically';
}

export interface ParametersField extends FieldBase {
	type: 'parameters';
	key: 'fsrsParameters';
}

/** One setting as the user sees and may change it. */
export type SettingField = NumberField | StepsField | ChoiceField | ToggleField | ParametersField;

/**
 * A setting's value as a person reads it: "On", "Article order", "36,500 days", "4:00".
 *
 * @example
 * describeSetting(SETTING_FIELDS.find((f) => f.key === 'burySiblings')!, true); // "On"
 */
export function describeSetting(field: SettingField, value: unknown): string {
	switch (field.type) {
		case 'toggle':
			return value ? 'On' : 'Off';
		case 'choice':
			return field.options.find((option) => option.value === value)?.label ?? String(value);
		case 'steps':
			return String(value).trim() || 'None';
		case 'parameters':
			return String(value).trim() || 'FSRS-6 defaults';
		case 'number': {
			const number = Number(value);
			if (field.key === 'maximumInterval') return `${number.toLocaleString('en')} days`;
			if (field.key === 'dayStartHour') return `${number}:00`;
			if (field.key === 'desiredRetention') return `${Math.round(number * 100)} %`;
			return number.toLocaleString('en');
		}
	}
}

/** Every user setting with its allowed values; the settings forms are drawn from this. */
export const SETTING_FIELDS: readonly SettingField[] = [
	{
		type: 'number',
		key: 'desiredRetention',
		label: 'Desired retention',
		help: 'The chance of remembering a card that you want when it comes due, from 0.70 to 0.99. Higher means shorter intervals and more reviews: 0.90 is a good start, and 0.95 takes about twice the reviews.',
		min: 0.7,
		max: 0.99,
		step: 0.01,
		perDeck: true
	},
	{
		type: 'number',
		key: 'newPerDay',
		label: 'New cards per day',
		help: 'How many cards you see for the first time each day.',
		min: 0,
		max: 9999,
		step: 1,
		perDeck: true
	},
	{
		type: 'number',
		key: 'reviewsPerDay',
		label: 'Reviews per day',
		help: 'The most review cards shown in a day; the rest wait for the next day.',
		min: 0,
		max: 99999,
		step: 1,
		perDeck: true
	},
	{
		type: 'steps',
		key: 'learningSteps',
		label: 'Learning steps',
		help: 'Delays before a new card is shown again on its first day, such as "1m 10m" (m minutes, h hours, d days).',
		perDeck: true
	},
	{
		type: 'steps',
		key: 'relearningSteps',
		label: 'Relearning steps',
		help: 'Delays before a forgotten card is shown again, such as "10m".',
		perDeck: true
	},
	{
		type: 'number',
		key: 'maximumInterval',
		label: 'Maximum interval',
		help: 'The longest gap, in days, before a card is shown again.',
		min: 1,
		max: 36500,
		step: 1,
		perDeck: true
	},
	{
		type: 'choice',
		key: 'newCardOrder',
		label: 'New card order',
		help: 'Article order follows the text the deck was made from; random mixes the new cards.',
		options: [
			{ value: 'article', label: 'Article order' },
			{ value: 'random', label: 'Random' }
		],
		perDeck: true
	},
	{
		type: 'toggle',
		key: 'burySiblings',
		label: 'Bury siblings',
		help: 'After you answer a card, the other cards of its note wait until the next day.',
		perDeck: true
	},
	{
		type: 'parameters',
		key: 'fsrsParameters',
		label: 'FSRS parameters',
		help: 'The 21 numbers FSRS uses to predict how well you remember. Empty uses the defaults, fitted to many people; Optimise fits them to your own reviews.',
		perDeck: true
	},
	{
		type: 'toggle',
		key: 'fuzz',
		label: 'Fuzz',
		help: 'Spreads due dates by a little so cards learnt together do not always come back together.',
		perDeck: false
	},
	{
		type: 'number',
		key: 'dayStartHour',
		label: 'Next day starts at',
		help: 'The hour (0–23) at which a new study day begins.',
		min: 0,
		max: 23,
		step: 1,
		perDeck: false
	},
	{
		type: 'toggle',
		key: 'gradeBySwiping',
		label: 'Grade by swiping',
		help: 'Once the answer is shown, swipe the card to grade it, as in AnkiDroid: left for Again, down for Hard, right for Good, up for Easy. A short or slanting swipe does nothing. While the answer is shown, a drag on the card no longer scrolls the page: scroll from outside the card.',
		perDeck: false
	},
	{
		type: 'toggle',
		key: 'playSoundsAutomatically',
		label: 'Play sounds automatically',
		help: "A card's sounds (from Anki decks) play when its question is shown, and the answer's when the answer is shown. Off: press a sound's play button.",
		perDeck: false
	}
];

const STEP = /^(\d+)(m|h|d)$/;
const MAX_STEPS = 10;

/**
 * The steps of a learning-steps setting, in ts-fsrs's units.
 *
 * @example
 * parseSteps('1m  10m'); // ['1m', '10m']
 * parseSteps(''); // []
 */
export function parseSteps(text: string): `${number}${'m' | 'h' | 'd'}`[] {
	return text
		.trim()
		.split(/\s+/)
		.filter((step) => step !== '') as `${number}${'m' | 'h' | 'd'}`[];
}

function stepsProblem(label: string, value: unknown): string | null {
	if (typeof value !== 'string') return `${label} must be text such as "1m 10m".`;
	const steps = parseSteps(value);
	if (steps.length > MAX_STEPS) return `${label} may have at most ${MAX_STEPS} steps.`;
	for (const step of steps) {
		const match = STEP.exec(step);
		if (!match || Number(match[1]) === 0)
			return `${label}: "${step}" is not a step. Write a whole number and m, h or d, such as 10m.`;
	}
	return null;
}

/**
 * What is wrong with one setting's value, or null when it is allowed.
 *
 * @example
 * settingProblem('dayStartHour', 24); // 'Next day starts at must be a whole number from 0 to 23.'
 */
export function settingProblem(key: keyof Settings, value: unknown): string | null {
	const field = SETTING_FIELDS.find((f) => f.key === key);
	if (!field) return `There is no setting called ${key}.`;
	switch (field.type) {
		case 'number': {
			const whole = field.step === 1;
			const expected = `${field.label} must be ${whole ? 'a whole number' : 'a number'} from ${field.min} to ${field.max}.`;
			if (typeof value !== 'number' || !Number.isFinite(value)) return expected;
			if (value < field.min || value > field.max || (whole && !Number.isInteger(value)))
				return expected;
			return null;
		}
		case 'steps':
			return stepsProblem(field.label, value);
		case 'parameters':
			return parametersProblem(field.label, value);
		case 'choice':
			return field.options.some((option) => option.value === value)
				? null
				: `${field.label} must be one of: ${field.options.map((o) => o.label).join(', ')}.`;
		case 'toggle':
			return typeof value === 'boolean' ? null : `${field.label} must be on or off.`;
	}
}

/**
 * Throws a ValidationError naming the first setting that is not allowed.
 *
 * @example
 * validateSettings({ ...DEFAULT_SETTINGS, dayStartHour: 24 });
 * // throws "Next day starts at must be a whole number from 0 to 23."
 */
export function validateSettings(settings: Settings): void {
	for (const field of SETTING_FIELDS) {
		const problem = settingProblem(field.key, settings[field.key]);
		if (problem) throw new ValidationError(problem);
	}
}

/**
 * Throws a ValidationError when a deck overrides something it may not, or with a value
 * that is not allowed.
 *
 * @example
 * validateOverrides({ newPerDay: 5 }); // fine
 * validateOverrides({ dayStartHour: 3 } as Partial<DeckOptions>); // throws: global only
 */
export function validateOverrides(overrides: Partial<DeckOptions>): void {
	for (const [key, value] of Object.entries(overrides)) {
		const field = SETTING_FIELDS.find((f) => f.key === key);
		if (!field?.perDeck) throw new ValidationError(`A deck cannot set its own ${key}.`);
		const problem = settingProblem(field.key, value);
		if (problem) throw new ValidationError(problem);
	}
}
