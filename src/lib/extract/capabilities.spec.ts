import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { capabilityCard, findCapabilities } from './capabilities';
import { Vocabulary } from './casing';
import { createWinkTagger } from './wink-tagger';

const tagger = createWinkTagger();
const vocabulary = Vocabulary.fromSentences([
	'Headings matter.',
	'We use headings, preregistration, shared code and transparent methods.'
]);
const card = (sentence: string) => capabilityCard(tagger, sentence, vocabulary);

describe('capabilityCard', () => {
	it('asks what the subject allows someone to do', () => {
		expect(card('A license allows a third party to perform certain actions with a work.')).toEqual({
			front: 'What does a license allow a third party to do?',
			back: 'Perform certain actions with a work.'
		});
	});

	it('asks what the subject helps do, with the auxiliary moved', () => {
		expect(card('Preregistration can help counter reporting bias.')).toEqual({
			front: 'What can preregistration help do?',
			back: 'Counter reporting bias.'
		});
		expect(card('Shared source code also helps improve the impact of research.')?.front).toBe(
			'What does shared source code help do?'
		);
		expect(card('Headings help users and search engines read and understand text.')).toEqual({
			front: 'What do headings help users and search engines do?',
			back: 'Read and understand text.'
		});
	});

	it('asks what the subject enables when that is a noun phrase, and reads a listed subject', () => {
		expect(
			card(
				'Transparent methods, open data, and shared protocols enable independent validation of findings.'
			)
		).toEqual({
			front: 'What do transparent methods, open data, and shared protocols enable?',
			back: 'Independent validation of findings.'
		});
	});

	it('ends the answer where the clause or the subject’s next verb starts', () => {
		expect(
			card('Formal roles help people feel ownership and tells others who to ask for help.')?.back
		).toBe('Feel ownership.');
		expect(
			card('HTTP/1.1 allows you to reuse a TCP connection, so you avoid a new handshake.')
		).toEqual({
			front: 'What does HTTP/1.1 allow you to do?',
			back: 'Reuse a TCP connection.'
		});
	});

	it('leaves alone pronoun subjects, pointers, hedges, purposes and denials', () => {
		for (const sentence of [
			'It allows developers to receive credit for their work.',
			'This tool allows developers to receive credit for their work.',
			'Sharing code allows others to improve and build upon it.',
			'Many content systems allow people to write alt text in a field.',
			'Some housings use a vacuum chamber to help minimize vibrations.',
			'An API may not allow developers to delete a resource.',
			'You can help other people learn the language.'
		])
			expect(card(sentence), sentence).toBeNull();
	});
});

describe('findCapabilities', () => {
	it('makes a basic card and marks its sentence used', () => {
		const article = parseArticle(
			'# Licences\n\nEvery project needs one. A license allows a third party to perform certain actions with a work.'
		);
		const [found] = findCapabilities(article, tagger);
		expect(found).toMatchObject({
			kind: 'basic',
			front: 'What does a license allow a third party to do?',
			back: 'Perform certain actions with a work.',
			tag: 'capability'
		});
		expect(article.used.size).toBe(1);
	});
});
