import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { Vocabulary } from './casing';
import { findReasons, reasonCard } from './reasons';
import { createWinkTagger } from './wink-tagger';

const tagger = createWinkTagger();
const vocabulary = Vocabulary.fromSentences(['the heap holds data.', 'Rust is fast.']);

describe('reasonCard', () => {
	it('moves an auxiliary before the subject', () => {
		expect(
			reasonCard(
				tagger,
				'Pushing to the stack is faster than allocating on the heap because the allocator never has to search for space.',
				vocabulary
			)
		).toEqual({
			front: 'Why is pushing to the stack faster than allocating on the heap?',
			back: 'Because the allocator never has to search for space.'
		});
	});

	it('adds "does" and the verb’s dictionary form', () => {
		expect(
			reasonCard(
				tagger,
				'The heap requires more work because the allocator must find a big enough space.',
				vocabulary
			)?.front
		).toBe('Why does the heap require more work?');
	});

	it('keeps a name’s capital and reads a reason that opens the sentence', () => {
		expect(
			reasonCard(
				tagger,
				'Because headings give the content structure, the search engine is better able to index the page.',
				vocabulary
			)
		).toEqual({
			front: 'Why is the search engine better able to index the page?',
			back: 'Because headings give the content structure.'
		});
		expect(
			reasonCard(
				tagger,
				'Rust invalidates the first variable because two owners would free the memory twice.',
				vocabulary
			)?.front
		).toBe('Why does Rust invalidate the first variable?');
	});

	it.each([
		['a pronoun subject', 'It does take some time to get used to because ownership is new.'],
		['"because of"', 'Headings are used for quotes because of their big font size.'],
		[
			'a pointer outside the sentence',
			'This behaviour happens because a qubit can be in a superposition.'
		],
		['a reason too short to be an answer', 'People navigate by headings because headings stand.'],
		[
			'a label and a fragment',
			'Status: the server refused the request because its headers are too large.'
		],
		[
			'the reader’s own case',
			'Your lawyers may want signed terms because the licence is not enough for them.'
		]
	])('refuses %s', (_, sentence) => {
		expect(reasonCard(tagger, sentence, vocabulary)).toBeNull();
	});
});

describe('findReasons', () => {
	it('makes a "why" card and marks its sentence used', () => {
		const article = parseArticle(
			'# Memory\n\nAccessing data in the heap is slower than on the stack because you have to follow a pointer.'
		);
		const cards = findReasons(article, tagger);
		expect(cards.map((card) => [card.kind, card.tag, card.front])).toEqual([
			['basic', 'reason', 'Why is accessing data in the heap slower than on the stack?']
		]);
		expect(article.used.has('0:0')).toBe(true);
	});
});
