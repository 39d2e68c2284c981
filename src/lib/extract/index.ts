/**
 * Article → card drafts. Plain text or Markdown in; true/false cards for misconceptions,
 * list cards for lists, question cards for question headings and cloze cards for key claims
 * out. Pure: no DOM, no storage, runs the same in Node and the browser.
 * See docs/extraction.md for the rules and limits.
 */

import type { CardDraft, CardKind } from '$lib/domain/models';
import { slugify } from '$lib/domain/slug';
import { ValidationError } from '$lib/errors';
import { parseArticle, sentenceCount, type Article } from './article';
import type { Candidate } from './candidate';
import { findAcronyms } from './acronyms';
import { findBeliefs } from './beliefs';
import { findCapabilities } from './capabilities';
import { findClaims } from './claims';
import { mergeNearDuplicates } from './dedupe';
import { findDefinitions } from './definitions';
import { passingGates } from './gates';
import { findHeadingLists } from './heading-lists';
import { findHeadingQuestions } from './heading-questions';
import { findLists } from './lists';
import { findMisconceptions } from './misconceptions';
import { findNamedTerms } from './named-terms';
import { findNegations } from './negations';
import { findNumbers } from './numbers';
import { findReasons } from './reasons';
import { answeredSentences, findKeySentences } from './key-sentences';
import type { Tagger } from './tagger';
import { findTopicSentences } from './topic-sentences';
import { rankSuggestions } from './rank';
import { assertEnoughText, assertReadableText } from './validate';

export { MAX_ARTICLE_CHARS } from './validate';

export interface ArticleDraft extends CardDraft {
	/** Stable within one extraction (and across extractions of the same text). */
	id: string;
	/** Ticked by default: among the best-ranked drafts (see `rank.ts`). */
	suggested: boolean;
	/**
	 * An optional extra no rule offers on its own (one cloze per list item; the list of
	 * misconceptions that are already true/false cards). Never ticked; the shipped deck
	 * leaves them out.
	 */
	extra: boolean;
}

export interface Extraction {
	/** The article's title (its first line or first `#` heading), or null if it has none. */
	title: string | null;
	drafts: ArticleDraft[];
}

/** Order of kinds among cards made from the same passage. */
const KIND_ORDER: Record<CardKind, number> = {
	'true-false': 0,
	question: 1,
	list: 2,
	cloze: 3,
	basic: 4,
	reversed: 5
};

/** FNV-1a, so a draft's id depends only on its content. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(36).padStart(7, '0');
}

function byPosition(a: Candidate, b: Candidate): number {
	for (let i = 0; i < 3; i++) {
		const difference = (a.order[i] ?? 0) - (b.order[i] ?? 0);
		if (difference !== 0) return difference;
	}
	return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

function articleWords(article: Article): number {
	return article.blocks.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0);
}

function toDrafts(candidates: Candidate[], offered: ReadonlySet<Candidate>): ArticleDraft[] {
	// Drafts with the same content get "-2", "-3"… in order. Counting per base, rather than
	// trying suffixes until one is free, keeps thousands of identical drafts linear. The ids are
	// the same: a base is "d-" and seven characters, so no other base's "-n" can take one.
	const uses = new Map<string, number>();
	return candidates.map((candidate) => {
		const base = `d-${hash(`${candidate.kind}\u0000${candidate.front}\u0000${candidate.back}`)}`;
		const n = (uses.get(base) ?? 0) + 1;
		uses.set(base, n);
		const id = n === 1 ? base : `${base}-${n}`;
		const section = candidate.source.heading ? slugify(candidate.source.heading, 48) : '';
		return {
			id,
			kind: candidate.kind,
			front: candidate.front,
			back: candidate.back,
			tags: section ? [candidate.tag, section] : [candidate.tag],
			source: candidate.source,
			suggested: candidate.suggested,
			extra: !offered.has(candidate)
		};
	});
}

export interface ExtractOptions {
	/**
	 * Parts of speech (the New deck screen passes `createWinkTagger()`). Without one, the
	 * rules that need to know where a noun phrase is (key sentences) do not run.
	 */
	tagger?: Tagger;
}

/**
 * Turns an article (plain text or Markdown) into card drafts, in article order.
 * Throws a `ValidationError` with a sentence the user can act on when the text is empty,
 * too short, too long (over `MAX_ARTICLE_CHARS`), binary, a PDF or HTML, or when nothing in it
 * can be made into a card.
 *
 * @example
 * const { title, drafts } = extractDrafts(
 *   '# Tea\n\nOne common misconception is that tea is always cold. In fact, tea is usually served hot.'
 * );
 * title; // "Tea"
 * drafts[0]?.front; // "True or false: tea is always cold."
 * drafts[0]?.back; // "False. Tea is usually served hot."
 */
export function extractDrafts(text: string, options: ExtractOptions = {}): Extraction {
	assertReadableText(text);
	const article = parseArticle(text);
	assertEnoughText(sentenceCount(article));
	// Specific rules first: a sentence one of them uses is not offered to the later, general ones.
	const candidates = [
		...findMisconceptions(article),
		...findBeliefs(article),
		...findLists(article),
		...findHeadingLists(article),
		...findHeadingQuestions(article),
		...findDefinitions(article),
		...findAcronyms(article),
		...(options.tagger ? findNamedTerms(article, options.tagger) : []),
		...(options.tagger ? findReasons(article, options.tagger) : []),
		...(options.tagger ? findNegations(article, options.tagger) : []),
		...(options.tagger ? findCapabilities(article, options.tagger) : []),
		...findClaims(article),
		...findNumbers(article),
		...findTopicSentences(article)
	];
	// The most general rule last, on what the others left.
	if (options.tagger)
		candidates.push(...findKeySentences(article, options.tagger, answeredSentences(candidates)));
	const kept = passingGates(mergeNearDuplicates(candidates)).sort(byPosition);
	const drafts = rankSuggestions(kept, articleWords(article));
	// Drafts their rule offered (ticked or not, after ranking); the rest are extras.
	const offered = new Set(drafts.filter((_, i) => kept[i]?.suggested));
	if (drafts.length === 0) {
		throw new ValidationError(
			'No cards could be made from this text: it has no lists, misconceptions or key statements ' +
				'the extractor recognises. Try a longer article, or add cards by hand.'
		);
	}
	return { title: article.title, drafts: toDrafts(drafts, offered) };
}
