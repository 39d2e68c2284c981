import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { clozeOf, findClaims } from './claims';

describe('clozeOf', () => {
	it('blanks what something is responsible for', () => {
		expect(clozeOf('As a gardener, you are responsible for the health of the plants.')).toEqual({
			front: 'As a gardener, you are responsible for […].',
			back: 'As a gardener, you are responsible for the health of the plants.',
			answer: 'the health of the plants'
		});
	});

	it('blanks "the most important/first/best … is …"', () => {
		expect(clozeOf('The most important skill for a chef should be a good palate.')?.front).toBe(
			'The most important skill for a chef should be […].'
		);
		expect(clozeOf('The first step to baking is reading the recipe.')?.answer).toBe(
			'reading the recipe'
		);
	});

	it('blanks "is just another form of", definitions, contrasts and requirements', () => {
		expect(clozeOf('In reality, cooking is just another form of chemistry.')?.front).toBe(
			'Cooking is just another form of […].'
		);
		expect(clozeOf('A starter is a mix of flour and water.')?.front).toBe(
			'A starter is a mix of […].'
		);
		expect(clozeOf('Gardening is the process of growing plants on purpose.')?.answer).toBe(
			'growing plants on purpose'
		);
		expect(clozeOf("It's important to remember that a knife is a tool, not a toy.")?.front).toBe(
			'A knife is […], not a toy.'
		);
		expect(
			clozeOf('Another critical thing to note is that bread and cake require different flours.')
				?.front
		).toBe('Bread and cake require […].');
	});

	it('blanks abilities and strips the connective', () => {
		expect(clozeOf('In contrast, bakers must be good at timing and measuring.')).toMatchObject({
			front: 'Bakers must be good at […].',
			answer: 'timing and measuring'
		});
	});

	it('replaces a leading "They" with the previous sentence\u2019s subject, or skips the sentence', () => {
		expect(
			clozeOf('They must be able to sharpen knives.', 'The chef is responsible for the kitchen.')
				?.front
		).toBe('The chef must be able to […].');
		expect(clozeOf('They must be able to sharpen knives.', 'Knives matter.')).toBeNull();
	});

	it('never makes a card of a question, a call to action or a reader-addressed step', () => {
		expect(clozeOf('Is the chef responsible for the menu?')).toBeNull();
		expect(clozeOf("Don't hesitate to read on, the chef is responsible for the menu.")).toBeNull();
		expect(clozeOf('Next, you need to be able to cook rice.')).toBeNull();
	});

	it('skips a key phrase inside an opening concession', () => {
		expect(
			clozeOf(
				'While it is true that cooks are responsible for taste, they also plan menus carefully.'
			)
		).toBeNull();
	});

	it('skips a subject that points outside the sentence and a blank that is too long', () => {
		expect(clozeOf('The best way to do this is by practising every day.')).toBeNull();
		expect(
			clozeOf(
				'Cooks are responsible for creating the dishes that the restaurant serves and ensuring every plate can handle the pressure of a busy night.'
			)
		).toBeNull();
	});

	it('cuts a long key phrase at a comma or before a purpose phrase', () => {
		expect(
			clozeOf(
				'Chefs must be proficient in a wide range of cooking methods and techniques to build varied menus.'
			)?.answer
		).toBe('a wide range of cooking methods and techniques');
	});
});

describe('findClaims', () => {
	it('skips sentences already used by another card', () => {
		const article = parseArticle(
			'T\n\nThe chef is responsible for the menu. The cook is responsible for the food.'
		);
		article.used.add('0:0');
		expect(findClaims(article).map((c) => c.back)).toEqual([
			'The cook is responsible for the food.'
		]);
	});
});
