import { describe, expect, it } from 'vitest';
import type { CardKind } from '$lib/domain/models';
import type { Candidate } from './candidate';
import { mergeNearDuplicates } from './dedupe';

function candidate(
	kind: CardKind,
	front: string,
	back: string,
	fact = back,
	answer = back
): Candidate {
	return {
		kind,
		front,
		back,
		suggested: true,
		source: { heading: null, paragraph: 0, start: 0, end: 0, text: '' },
		tag: kind,
		fact,
		answer,
		order: [0, 0, 0]
	};
}

describe('mergeNearDuplicates', () => {
	it('keeps the first of two cards testing the same fact', () => {
		const merged = mergeNearDuplicates([
			candidate(
				'true-false',
				'True or false: tea is always served cold.',
				'False.',
				'tea is always served cold',
				'tea is always served cold'
			),
			candidate(
				'true-false',
				'True or false: tea is served cold, always.',
				'False!',
				'tea is served cold always',
				'tea is served cold always'
			)
		]);
		expect(merged.map((c) => c.back)).toEqual(['False.']);
	});

	it('keeps cards on different facts', () => {
		expect(
			mergeNearDuplicates([
				candidate('cloze', 'Tea is […].', 'Tea is hot.', 'tea hot', 'hot'),
				candidate('cloze', 'Coffee is […].', 'Coffee is bitter.', 'coffee bitter', 'bitter')
			])
		).toHaveLength(2);
	});

	it('merges clozes with the same front into one card with every answer', () => {
		const merged = mergeNearDuplicates([
			candidate(
				'cloze',
				'The chef must be able to […].',
				'The chef must be able to cook.',
				'chef cook',
				'cook'
			),
			candidate(
				'cloze',
				'The chef must be able to […].',
				'The chef must be able to clean.',
				'chef clean',
				'clean'
			)
		]);
		expect(merged).toHaveLength(1);
		expect(merged[0]?.back).toBe('The chef must be able to cook.\nThe chef must be able to clean.');
	});

	it('keeps list cards with the same front but different items, and cards of different kinds', () => {
		expect(
			mergeNearDuplicates([
				candidate('list', 'Steps: what are they? (3)', '• a\n• b\n• c', 'alpha beta gamma'),
				candidate('list', 'Steps: what are they? (3)', '• x\n• y\n• z', 'delta epsilon zeta')
			])
		).toHaveLength(2);
		expect(
			mergeNearDuplicates([
				candidate('question', 'What is tea?', 'Tea is a drink.'),
				candidate('cloze', 'Tea is […].', 'Tea is a drink.', 'Tea is a drink.', 'a drink')
			])
		).toHaveLength(2);
	});

	it('does not change the cards it was given', () => {
		const first = candidate('cloze', 'A […].', 'A b.', 'a b', 'b');
		mergeNearDuplicates([first, candidate('cloze', 'A […].', 'A c.', 'a c', 'c')]);
		expect(first.back).toBe('A b.');
	});
});
