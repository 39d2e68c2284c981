/**
 * A candidate card: what each finder proposes, before near-duplicates are merged and ids
 * are given. It carries what merging and ordering need beside the draft's own fields.
 */

import type { CardKind, SourceRef } from '$lib/domain/models';
import { sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Sentence } from './sentences';

export interface Candidate {
	kind: CardKind;
	front: string;
	back: string;
	/** False for optional extras (one cloze per list item) the UI shows unticked. */
	suggested: boolean;
	source: SourceRef;
	/** The rule's tag, e.g. "misconception" or "list". */
	tag: string;
	/** The fact the card tests, for near-duplicate detection (a claim, a list's items). */
	fact: string;
	/** What the learner must produce (a key phrase, items); two cards with one fact but different answers are both kept. */
	answer: string;
	/**
	 * How this candidate compares with the others of its rule (0 to 1), added to the rule's
	 * worth when ranking: key sentences carry their salience. A rule sets it below zero for a
	 * draft worth offering but not ticking.
	 */
	weight?: number;
	/** Position in the article for ordering: block, offset, then order among cards of one passage. */
	order: readonly [number, number, number];
}

/** A cloze made from one sentence: the sentence with its key phrase blanked, and the phrase. */
export interface SentenceCloze {
	front: string;
	back: string;
	answer: string;
}

/**
 * The candidate for a cloze of one sentence of `block`, ticked unless ranking says otherwise.
 *
 * @example
 * clozeCandidate(block, sentence, { front: 'Tea is […].', back: 'Tea is hot.', answer: 'hot' }, 'key-point');
 */
export function clozeCandidate(
	block: ArticleBlock,
	sentence: Sentence,
	cloze: SentenceCloze,
	tag: string
): Candidate {
	return {
		kind: 'cloze',
		front: cloze.front,
		back: cloze.back,
		suggested: true,
		source: sourceRef(block, sentence.start, sentence.end),
		tag,
		fact: cloze.back,
		answer: cloze.answer,
		order: [block.index, sentence.start, 0]
	};
}

/**
 * The cards `make` finds in the sentences of the article's paragraphs and list items that no
 * earlier rule has used, in article order; each sentence it makes a card of is marked used,
 * so the later, more general rules leave it alone.
 *
 * @example
 * cardsFromSentences(article, (sentence, block) => (/because/.test(sentence.text) ? reasonCandidate(…) : null));
 */
export function cardsFromSentences(
	article: Article,
	make: (sentence: Sentence, block: ArticleBlock) => Candidate | null
): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind === 'heading') continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key)) return;
			const card = make(sentence, block);
			if (!card) return;
			article.used.add(key);
			cards.push(card);
		});
	}
	return cards;
}

/**
 * A question card made from one sentence: its front and back, the sentence as the fact.
 *
 * @example
 * questionCandidate(block, sentence, { front: 'Why is tea hot?', back: 'Because it boils.' }, 'reason');
 */
export function questionCandidate(
	block: ArticleBlock,
	sentence: Sentence,
	card: { front: string; back: string },
	tag: string
): Candidate {
	return {
		kind: 'basic',
		front: card.front,
		back: card.back,
		suggested: true,
		source: sourceRef(block, sentence.start, sentence.end),
		tag,
		fact: sentence.text,
		answer: card.back,
		order: [block.index, sentence.start, 0]
	};
}
