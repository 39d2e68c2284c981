import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
	DEFAULT_PARAMETERS,
	formatParameters,
	parametersProblem,
	parseParameters
} from './fsrs-parameters';
import { DEFAULT_SETTINGS, Grade } from './models';
import { createScheduler, newScheduling } from './scheduler';

const FITTED = formatParameters(default_w.map((n, i) => (i === 2 ? 5 : n)));

describe('FSRS parameters', () => {
	it('takes empty text as the defaults', () => {
		expect(parametersProblem('FSRS parameters', '')).toBeNull();
		expect(parseParameters('')).toEqual([...DEFAULT_PARAMETERS]);
	});

	it('reads 21 numbers, and fills up the 17 of FSRS-4.5', () => {
		expect(parametersProblem('FSRS parameters', FITTED)).toBeNull();
		expect(parseParameters(FITTED)[2]).toBe(5);
		const fsrs45 =
			'0.4, 0.6, 2.4, 5.8, 4.93, 0.94, 0.86, 0.01, 1.49, 0.14, 0.94, 2.18, 0.05, 0.34, 1.26, 0.29, 2.61';
		expect(parametersProblem('FSRS parameters', fsrs45)).toBeNull();
		expect(parseParameters(fsrs45)).toHaveLength(21);
	});

	it('refuses the wrong count, words and numbers out of range, saying which', () => {
		expect(parametersProblem('FSRS parameters', '1, 2, 3')).toMatch(/21 numbers .*3 were given/);
		expect(parametersProblem('FSRS parameters', FITTED.replace('5.0000', 'five'))).toMatch(
			/must be numbers/
		);
		expect(parametersProblem('FSRS parameters', FITTED.replace('5.0000', '500'))).toMatch(
			/number 3 \(500\) must be from/
		);
		expect(parseParameters('1, 2, 3')).toEqual([...DEFAULT_PARAMETERS]);
	});

	it('are what the scheduler uses', () => {
		const now = new Date('2026-01-01T09:00:00Z');
		const firstGood = (fsrsParameters: string) =>
			createScheduler(
				{ ...DEFAULT_SETTINGS, fsrsParameters, learningSteps: '' },
				{ fuzz: false }
			).review(newScheduling(now), Grade.Good, now).scheduling.stability;
		expect(firstGood('')).toBeCloseTo(default_w[2] as number, 3);
		expect(firstGood(FITTED)).toBeCloseTo(5, 3);
	});
});
