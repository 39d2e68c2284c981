import { describe, expect, it } from 'vitest';
import { difficultyToFactor, factorToDifficulty, readAnkiMemory } from './anki-schedule';

describe('ease factor ↔ difficulty', () => {
	it('maps 350 % to 1, 130 % to 10, linearly, clamped', () => {
		expect(factorToDifficulty(3500)).toBe(1);
		expect(factorToDifficulty(1300)).toBe(10);
		expect(factorToDifficulty(2500)).toBeCloseTo(5.0909, 4);
		expect(factorToDifficulty(9000)).toBe(1);
		expect(factorToDifficulty(0)).toBe(10);
	});

	it('round-trips within Anki’s whole permille', () => {
		for (const factor of [1300, 1800, 2500, 2650, 3500])
			expect(difficultyToFactor(factorToDifficulty(factor))).toBe(factor);
		expect(difficultyToFactor(0)).toBe(3500);
		expect(difficultyToFactor(11)).toBe(1300);
	});
});

describe('readAnkiMemory', () => {
	it('reads s, d and lrt', () => {
		expect(readAnkiMemory('{"s":12.5,"d":4.2,"dr":0.9,"lrt":1700000000}')).toEqual({
			stability: 12.5,
			difficulty: 4.2,
			lastReview: 1_700_000_000_000
		});
	});

	it.each([
		'',
		'{"pos":3}',
		'{"s":0,"d":5}',
		'{"s":3,"d":11}',
		'{"s":"3","d":5}',
		'{"s":3',
		'null'
	])('ignores %j', (data) => expect(readAnkiMemory(data)).toBeNull());
});
