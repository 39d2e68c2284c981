import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { extractDrafts } from './index';
import { findKeySentences, keySentenceCloze } from './key-sentences';
import { createWinkTagger } from './wink-tagger';

const tagger = createWinkTagger();
const none = new Map<string, number>();

describe('keySentenceCloze', () => {
	it('blanks the noun phrase whose words the article comes back to', () => {
		const frequencies = new Map([
			['sponsor', 3],
			['donation', 3],
			['fee', 1]
		]);
		expect(
			keySentenceCloze(
				tagger,
				'A fiscal sponsor accepts donations for a project in return for a small fee.',
				frequencies,
				new Set()
			)
		).toEqual({
			front: 'A […] accepts donations for a project in return for a small fee.',
			back: 'A fiscal sponsor accepts donations for a project in return for a small fee.',
			answer: 'fiscal sponsor'
		});
	});

	it('never blanks the article’s own topic', () => {
		const cloze = keySentenceCloze(
			tagger,
			'Rust installs its compiler and the Cargo build tool with one command.',
			new Map([['rust', 9]]),
			new Set(['rust'])
		);
		expect(cloze?.answer).not.toBe('Rust');
	});

	it('prefers a name to a general noun', () => {
		const cloze = keySentenceCloze(
			tagger,
			'Many scientists publish their software on Zenodo at every release.',
			none,
			new Set()
		);
		expect(cloze?.answer).toBe('Zenodo');
	});

	it.each([
		[
			'a fragment without a verb',
			'Support for larger collaborative grants from the European research council.'
		],
		[
			'a list item missing its subject',
			'Expected to be responsive to review requests from other members.'
		],
		[
			'a sentence pointing back',
			'Kubernetes also uses it to check that sponsors come from different companies.'
		],
		[
			'the author speaking',
			'We recommend that every maintainer writes a short governance document.'
		],
		[
			'a label and a fragment',
			'Compliance: advise researchers on the data laws and regulations of their country.'
		],
		[
			'a pointer to a figure',
			'The diagram below shows how the scheduler places every pod on a node.'
		],
		['a short sentence', 'Rust compiles to machine code.'],
		[
			'a part of a file name',
			'Every project keeps its licence text in a file named LICENSE.md at the top.'
		]
	])('refuses %s', (_, sentence) => {
		const cloze = keySentenceCloze(tagger, sentence, none, new Set());
		if (sentence.includes('LICENSE.md')) expect(cloze?.answer).not.toBe('LICENSE');
		else expect(cloze).toBeNull();
	});
});

describe('findKeySentences', () => {
	const text = [
		'# Fiscal sponsors',
		'',
		'A fiscal sponsor accepts donations for an open source project in return for a small fee. ' +
			'The project then spends the donations without forming a company of its own.',
		'',
		'## Who sponsors projects',
		'',
		'The Software Freedom Conservancy is a fiscal sponsor for dozens of open source projects. ' +
			'Weather was mild in the spring of that year.'
	].join('\n');

	it('takes at most one sentence per paragraph, the one most about the article', () => {
		const cards = findKeySentences(parseArticle(text), tagger);
		expect(cards.map((card) => card.back)).toEqual([
			'A fiscal sponsor accepts donations for an open source project in return for a small fee.',
			'The Software Freedom Conservancy is a fiscal sponsor for dozens of open source projects.'
		]);
		expect(cards.every((card) => card.tag === 'key-sentence')).toBe(true);
		expect(cards.map((card) => card.weight)).toEqual([expect.any(Number), expect.any(Number)]);
	});

	it('skips sentences another rule already used', () => {
		const article = parseArticle(text);
		article.used.add('2:0');
		const backs = findKeySentences(article, tagger).map((card) => card.back);
		expect(backs.join('\n')).not.toContain('Software Freedom Conservancy');
	});

	it('leaves alone a sentence another card already gives as its answer', () => {
		const drafts = extractDrafts(
			'# Sleep\n\nOne common misconception is that adults need only five hours of sleep. ' +
				'In fact, most adults need seven to nine hours of sleep every night.',
			{ tagger }
		).drafts;
		expect(drafts.map((draft) => draft.tags[0])).toEqual(['misconception']);
	});

	it('runs only when extractDrafts is given a tagger', () => {
		const tags = (options: Parameters<typeof extractDrafts>[1]) =>
			extractDrafts(text, options).drafts.map((draft) => draft.tags[0]);
		expect(tags({ tagger })).toContain('key-sentence');
		expect(tags({})).not.toContain('key-sentence');
	});
});
