/**
 * FSRS parameters as the user sees them: the 21 numbers of FSRS-6, written as Anki shows
 * them ("0.212, 1.2931, 2.3065, …"). Empty text means FSRS-6's defaults. Parameters from an
 * older FSRS (17 numbers of FSRS-4.5, 19 of FSRS-5) are accepted and filled up to 21 the way
 * ts-fsrs does.
 */

import { CLAMP_PARAMETERS, W17_W18_Ceiling, default_w, migrateParameters } from 'ts-fsrs';

export const PARAMETER_COUNT = 21;
/** The lengths older FSRS versions wrote, which are filled up to `PARAMETER_COUNT`. */
const OLDER_COUNTS = new Set([17, 19]);

export const DEFAULT_PARAMETERS: readonly number[] = default_w;

function numbersOf(text: string): number[] {
	return text
		.split(/[\s,]+/)
		.filter(Boolean)
		.map(Number);
}

/**
 * What is wrong with a parameters text, or null when it may be used.
 *
 * @example
 * parametersProblem('FSRS parameters', ''); // null (the defaults)
 * parametersProblem('FSRS parameters', '1, 2, 3'); // "FSRS parameters must be 21 numbers …"
 */
export function parametersProblem(label: string, value: unknown): string | null {
	if (typeof value !== 'string') return `${label} must be text: 21 numbers separated by commas.`;
	if (value.trim() === '') return null;
	const numbers = numbersOf(value);
	if (numbers.some((n) => !Number.isFinite(n)))
		return `${label} must be numbers separated by commas, such as "0.212, 1.2931, …".`;
	if (numbers.length !== PARAMETER_COUNT && !OLDER_COUNTS.has(numbers.length))
		return `${label} must be ${PARAMETER_COUNT} numbers (FSRS-6); ${numbers.length} were given.`;
	// The numbers given are checked; the ones an older version lacks are filled by ts-fsrs.
	const ranges = CLAMP_PARAMETERS(W17_W18_Ceiling, true);
	for (const [i, n] of numbers.entries()) {
		const [low, high] = ranges[i] ?? [-Infinity, Infinity];
		if (n < (low as number) || n > (high as number))
			return `${label}: number ${i + 1} (${n}) must be from ${low} to ${high}.`;
	}
	return null;
}

/**
 * The 21 parameters a text gives, or the defaults for empty (or unusable) text.
 *
 * @example
 * parseParameters('').length; // 21 (the defaults)
 */
export function parseParameters(text: string): number[] {
	if (parametersProblem('Parameters', text) !== null || text.trim() === '')
		return [...DEFAULT_PARAMETERS];
	const numbers = numbersOf(text);
	return numbers.length === PARAMETER_COUNT ? numbers : migrateParameters(numbers);
}

/**
 * Parameters as the settings store and show them: four decimals, as Anki shows them.
 *
 * @example
 * formatParameters([0.21234567, 1.2]); // "0.2123, 1.2000"
 */
export function formatParameters(parameters: readonly number[]): string {
	return parameters.map((n) => n.toFixed(4)).join(', ');
}
