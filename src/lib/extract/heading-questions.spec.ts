import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { Vocabulary } from './casing';
import { findHeadingQuestions, headingQuestion } from './heading-questions';

const vocabulary = Vocabulary.fromSentences(['We brew tea in China.', 'Brew it well.']);

describe('headingQuestion', () => {
	it('rewrites "How to …" and indirect "What a … is …" headings as questions', () => {
		expect(headingQuestion('How to Start as a Tea Maker?', vocabulary)).toBe(
			'How do you start as a tea maker?'
		);
		expect(headingQuestion('What a Tea Maker is Responsible For?', vocabulary)).toBe(
			'What is a tea maker responsible for?'
		);
		expect(headingQuestion('Why Tea Matters in China', vocabulary)).toBe(
			'Why tea matters in China?'
		);
	});

	it('returns null for headings that ask nothing', () => {
		expect(headingQuestion('Conclusion', vocabulary)).toBeNull();
		expect(headingQuestion('Typical Day a Tea Maker Might Have', vocabulary)).toBeNull();
	});
});

describe('findHeadingQuestions', () => {
	it('answers a how-to heading with the section\u2019s numbered steps', () => {
		const [card] = findHeadingQuestions(
			parseArticle(
				'Tea\n\nIntro text here.\n\nHow to Brew Tea?\n\nThe first step to brewing is boiling water. It takes time.\n\nNext, you add the leaves. Finally, you wait three minutes.'
			)
		);
		expect(card?.front).toBe('How do you brew tea?');
		expect(card?.back).toBe(
			'1. The first step to brewing is boiling water.\n2. You add the leaves.\n3. You wait three minutes.'
		);
	});

	it('answers a what-heading with the statements that contain all its words', () => {
		const [card] = findHeadingQuestions(
			parseArticle(
				'Tea\n\nIntro text here.\n\nWhat a Tea Maker is Responsible For?\n\nBut what does it mean? As a tea maker, you are responsible for taste. Cups are nice. The tea maker is also responsible for cleanliness.'
			)
		);
		expect(card?.front).toBe('What is a tea maker responsible for?');
		expect(card?.back).toBe(
			'As a tea maker, you are responsible for taste.\nThe tea maker is also responsible for cleanliness.'
		);
	});

	it('leaves a heading with a list right under it to the list card', () => {
		expect(
			findHeadingQuestions(
				parseArticle(
					'Tea\n\nIntro text here.\n\nHow to Brew Tea?\n\n1. Boil.\n2. Steep.\n3. Pour.\n\nThe first step is boiling. Next, steep it.'
				)
			)
		).toEqual([]);
	});

	it('makes no card when the section does not answer', () => {
		expect(
			findHeadingQuestions(
				parseArticle('Tea\n\nIntro text here.\n\nWhy Tea?\n\nCups are nice. Saucers too.')
			)
		).toEqual([]);
	});
});
