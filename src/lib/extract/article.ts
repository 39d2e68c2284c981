/**
 * The parsed article every card finder reads: normalised blocks with their sentences, the
 * article's names (for capitalisation), and a record of which sentences a finder has already
 * turned into a card, so a later, more general finder does not make a second card of them.
 */

import type { SourceRef } from '$lib/domain/models';
import { parseBlocks, type Block } from './blocks';
import { Vocabulary } from './casing';
import { normaliseText } from './normalise';
import { splitSentences, type Sentence } from './sentences';

export interface ArticleBlock extends Block {
	/** Empty for headings. */
	sentences: Sentence[];
}

export interface Article {
	title: string | null;
	blocks: ArticleBlock[];
	vocabulary: Vocabulary;
	/** Sentences already used by a card, as `block:sentence` keys (see `sentenceKey`). */
	used: Set<string>;
}

/**
 * The key of one sentence in `Article.used`.
 *
 * @example
 * article.used.add(sentenceKey(3, 0)); // the first sentence of block 3 is taken
 */
export function sentenceKey(block: number, sentence: number): string {
	return `${block}:${sentence}`;
}

/**
 * Normalises and parses an article.
 *
 * @example
 * const article = parseArticle('# Tea\n\nTea is a drink. It is hot.');
 * article.blocks[0]?.sentences.length; // 2
 */
export function parseArticle(text: string): Article {
	const { title, blocks } = parseBlocks(normaliseText(text));
	const withSentences = blocks.map((block) => ({
		...block,
		sentences: block.kind === 'heading' ? [] : splitSentences(block.text)
	}));
	const vocabulary = Vocabulary.fromSentences(
		withSentences.flatMap((block) => block.sentences.map((sentence) => sentence.text))
	);
	return { title, blocks: withSentences, vocabulary, used: new Set() };
}

/**
 * Number of sentences (paragraph sentences and list items) in the article.
 *
 * @example
 * sentenceCount(parseArticle('Tea is hot. Coffee too.')); // 2
 */
export function sentenceCount(article: Article): number {
	return article.blocks.reduce((sum, block) => sum + block.sentences.length, 0);
}

/**
 * Where a passage of a block is, as the `SourceRef` a card keeps. `text` defaults to the
 * passage itself; lists pass their lead and items, which span several blocks.
 *
 * @example
 * sourceRef(block, 0, 11); // { heading: block.section, paragraph: block.index, start: 0, end: 11, text: "Tea is hot." }
 */
export function sourceRef(
	block: ArticleBlock,
	start: number,
	end: number,
	text = block.text.slice(start, end)
): SourceRef {
	return { heading: block.section, paragraph: block.index, start, end, text };
}

/**
 * The paragraph block right after `block` in the same section, if there is one.
 *
 * @example
 * nextParagraph(article, article.blocks[0]!); // article.blocks[1], if it is a paragraph
 */
export function nextParagraph(article: Article, block: ArticleBlock): ArticleBlock | null {
	const next = article.blocks[block.index + 1];
	return next && next.kind === 'paragraph' && next.section === block.section ? next : null;
}
