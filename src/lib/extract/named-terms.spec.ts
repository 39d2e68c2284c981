import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { appositive, findNamedTerms, nameForPrevious } from './named-terms';
import { createWinkTagger } from './wink-tagger';

const tagger = createWinkTagger();

describe('appositive', () => {
	it('reads "X, a Y…" as what X is', () => {
		expect(
			appositive(
				tagger,
				'We install Rust through rustup, a command line tool for managing Rust versions.'
			)
		).toEqual({
			term: { text: 'rustup', plural: false },
			definition: 'A command line tool for managing Rust versions.'
		});
	});

	it('keeps a common noun’s article and reads "which is"', () => {
		expect(
			appositive(
				tagger,
				'You also need a linker, which is a program that joins compiled outputs into one file.'
			)
		).toMatchObject({
			term: { text: 'a linker' },
			definition: 'A program that joins compiled outputs into one file.'
		});
	});

	it.each([
		['an opening phrase and a clause', 'In Rust, a variable is dropped when it goes out of scope.'],
		[
			'one item of a list',
			'Licences such as MIT, Apache, a permissive licence used by many projects, are common.'
		],
		[
			'a term the previous sentence introduced',
			'To solve these issues, a standard document was published in 1996.'
		],
		[
			'a definite article (a term met before)',
			'It was served by the document, an early version of the server software.'
		],
		['a remark', 'The team shipped Kubernetes, a lot of work for a small group of engineers.'],
		[
			'only a vague kind',
			'The term sets apart commit access, which is a specific type of responsibility, from the rest.'
		]
	])('refuses %s', (_, sentence) => {
		expect(appositive(tagger, sentence)).toBeNull();
	});
});

describe('nameForPrevious', () => {
	it('takes the name a sentence gives to the one before it', () => {
		expect(nameForPrevious('This is referred to as last in, first out (LIFO).')).toBe(
			'last in, first out (LIFO)'
		);
		expect(nameForPrevious('This is known as a double free error.')).toBe('a double free error');
	});

	it('refuses a name that runs on into another clause', () => {
		expect(nameForPrevious('This is known as RFC 1945 and defined HTTP/1.0.')).toBeNull();
	});
});

describe('findNamedTerms', () => {
	it('asks what the term is, answered by the sentence it names', () => {
		const article = parseArticle(
			'# Memory\n\nThe stack removes values in the opposite order to the one it added them in. ' +
				'This is referred to as last in, first out (LIFO).'
		);
		const cards = findNamedTerms(article, tagger);
		expect(cards.map((card) => [card.front, card.back, card.tag])).toEqual([
			[
				'What is last in, first out (LIFO)?',
				'The stack removes values in the opposite order to the one it added them in.',
				'definition'
			]
		]);
		expect(article.used).toEqual(new Set(['0:0', '0:1']));
	});
});
