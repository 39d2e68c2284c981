import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { findBeliefs, positiveOf } from './beliefs';

const fronts = (text: string) => findBeliefs(parseArticle(text)).map((c) => [c.front, c.back]);

describe('findBeliefs', () => {
	it('flips "X is not a Y" into a false statement, keeping names capitalised', () => {
		expect(
			fronts(
				'# K\n\nKubernetes is not a traditional, all-inclusive PaaS system. It runs containers.'
			)
		).toEqual([
			[
				'True or false: Kubernetes is a traditional, all-inclusive PaaS system.',
				'False. Kubernetes is not a traditional, all-inclusive PaaS system.'
			]
		]);
	});

	it('leaves negations that would read as traps, and pronoun subjects', () => {
		expect(positiveOf('Testing does not need a lab.')).toBeNull();
		expect(positiveOf('It is not a toy.')).toBeNull();
		expect(positiveOf('Tea is not always hot.')).toBeNull();
	});

	it('reads Myth / Fact pairs and "contrary to popular belief"', () => {
		expect(
			fronts('# T\n\nMyth: green tea has no caffeine. Fact: green tea has some caffeine.')[0]
		).toEqual(['True or false: green tea has no caffeine.', 'False. Green tea has some caffeine.']);
		expect(
			fronts(
				'# T\n\nContrary to popular belief, tea has more caffeine than coffee by dry weight.'
			)[0]?.[1]
		).toMatch(/^True\./);
	});

	it('reads a yes/no question answered "No" (a heading or a sentence)', () => {
		expect(
			fronts('# Jobs\n\n## Is a CS degree necessary?\n\nNope. Many developers learn on their own.')
		).toEqual([
			[
				'True or false: a CS degree is necessary.',
				'False. Nope. Many developers learn on their own.'
			]
		]);
		expect(fronts('# Jobs\n\n## Is a CS degree necessary?\n\nYes, for most jobs.')).toEqual([]);
	});
});
