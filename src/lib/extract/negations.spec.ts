import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { affirmed, findNegations, thirdPerson } from './negations';
import { createWinkTagger } from './wink-tagger';

const tagger = createWinkTagger();
const turned = (sentence: string) => affirmed(tagger.tag(sentence), sentence);

describe('thirdPerson', () => {
	it('inflects a verb for a singular subject', () => {
		expect(['support', 'copy', 'have', 'push', 'play', 'go'].map(thirdPerson)).toEqual([
			'supports',
			'copies',
			'has',
			'pushes',
			'plays',
			'goes'
		]);
	});
});

describe('affirmed', () => {
	it('takes "do not" out and gives the verb its form', () => {
		expect(turned('On desktop, Safari and Firefox do not support PWA installation.')).toBe(
			'On desktop, Safari and Firefox support PWA installation.'
		);
		expect(turned('Rust does not copy heap data automatically.')).toBe(
			'Rust copies heap data automatically.'
		);
	});

	it('drops "not" after an auxiliary, contracted or not', () => {
		expect(turned('Landmark navigation is not common among screen reader users.')).toBe(
			'Landmark navigation is common among screen reader users.'
		);
		expect(turned("Store apps can't move to another platform easily.")).toBe(
			'Store apps can move to another platform easily.'
		);
		expect(turned('Safari cannot install web apps on desktop.')).toBe(
			'Safari can install web apps on desktop.'
		);
		expect(turned('SSL 1.0 was never released to the public.')).toBe(
			'SSL 1.0 was released to the public.'
		);
	});

	it('turns an instruction to the reader into what the reader should do', () => {
		expect(turned('Do not skip a heading level from the top down.')).toBe(
			'You should skip a heading level from the top down.'
		);
		expect(turned("You don't need to type the $ character; it's the prompt.")).toBe(
			'You need to type the $ character.'
		);
	});

	it('turns "there is no" into "there is a", or nothing for a plural or a mass noun', () => {
		expect(turned('There is currently no formal track to become a data steward.')).toBe(
			'There is currently a formal track to become a data steward.'
		);
		expect(turned('There are no accessibility requirements for the length of a heading.')).toBe(
			'There are accessibility requirements for the length of a heading.'
		);
		expect(turned('There is no evidence that search engines need another heading structure.')).toBe(
			'There is evidence that search engines need another heading structure.'
		);
		// Too short to say what it is about, or leaning on what came before.
		expect(turned('There were no status or error codes.')).toBeNull();
		expect(
			turned('Unlike later versions, there were no HTTP headers in requests at all.')
		).toBeNull();
	});

	it('keeps only the clause the negation is in', () => {
		// "not X but Y" without a comma: the statement is "X", not "X but Y".
		expect(turned('Git does not store differences between versions but whole snapshots.')).toBe(
			'Git stores differences between versions.'
		);
		expect(
			turned("You don't need a legal entity for your open source project unless you handle money.")
		).toBe('You need a legal entity for your open source project.');
		expect(
			turned("Paid developers shouldn't get special treatment over unpaid ones, of course.")
		).toBe('Paid developers should get special treatment over unpaid ones.');
		expect(
			turned("The first rule of ARIA states: don't use ARIA when HTML has an element.")
		).toBeNull();
	});

	it('leaves alone what would turn into a trap', () => {
		for (const sentence of [
			"Many programming languages don't require you to think about the stack.",
			"Minor tweaks to headings likely won't help your performance.",
			"Rust doesn't need to free anything when s1 goes out of scope.",
			'Tools that do not track contributions are less useful to maintainers.',
			'They do not have a formal career path or qualifications.',
			'The badge never expires once it is given to a participant.',
			'APIs should not indicate deleted resources with this status code.',
			'A maintainer does not write code and does not review it either.',
			'You may not want to give commit access to every contributor.',
			// A list item whose subject is the list's lead.
			'Does not limit the types of applications it supports.'
		])
			expect(turned(sentence), sentence).toBeNull();
	});
});

describe('findNegations', () => {
	it('makes a true/false card answered with the article’s sentence', () => {
		const article = parseArticle(
			'# Installing PWAs\n\nProgressive web apps install from the browser. On desktop, Safari and Firefox do not support PWA installation.'
		);
		const [card] = findNegations(article, tagger);
		expect(card).toMatchObject({
			kind: 'true-false',
			front: 'True or false: on desktop, Safari and Firefox support PWA installation.',
			back: 'False. On desktop, Safari and Firefox do not support PWA installation.',
			tag: 'negation'
		});
		expect(article.used.size).toBe(1);
	});
});
