/**
 * Terms an article names in passing → "What is X?" cards. Writers often define a term inside
 * a sentence about something else, in two ways this rule reads:
 *
 * - an appositive: "We'll download Rust through rustup, a command line tool for managing
 *   Rust versions." → "What is rustup?" / "A command line tool for managing Rust versions.";
 *   also "a linker, which is a program that…";
 * - a name given to what the previous sentence said: "The stack removes values in the
 *   opposite order. This is referred to as last in, first out (LIFO)." → "What is last in,
 *   first out (LIFO)?" / the previous sentence.
 *
 * Where the term starts and ends is a noun phrase, so the rule needs parts of speech and runs
 * only when `extractDrafts` has a `Tagger`. ("A common method called clone" is not read: the
 * sentence around such a name was never an answer a reader kept.)
 */

import { sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst } from './casing';
import { isNoise } from './noise';
import type { Sentence } from './sentences';
import type { Tagger, TaggedWord } from './tagger';
import {
	onlyAVagueKind,
	startsDangling,
	stripConnectives,
	withFinalStop,
	withoutFinalStop
} from './wording';

const MAX_TERM_WORDS = 5;
const MAX_TERM_CHARS = 60;
const MIN_DEFINITION_WORDS = 4;
const MAX_DEFINITION_CHARS = 220;
const MAX_SENTENCE_CHARS = 300;

/** Words of a term: names, nouns, numbers and the adjectives before them. */
const TERM_WORD = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
/** Words that point at another sentence: a card shows one. */
const DEMONSTRATIVE = /\b(?:this|these|those|such)\b/i;
/** Pronouns a definition cannot use: it has no subject of its own for them to point at. */
const POINTS_BACK = /\b(?:this|these|those|such|it|they|them)\b/i;
/** Words a noun phrase is made of, before what qualifies it. */
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ', 'ADV', 'PUNCT']);
/** Nouns that name nothing in particular: "way, a …" is not a term being defined. */
const GENERAL =
	/^(?:way|thing|things|example|examples|time|times|people|one|part|kind|type|lot|case|fact|reason|result|number|point|day|year|years|step|place)$/i;

interface Term {
	text: string;
	plural: boolean;
}

/** "What is X?" / "What are X?". */
function question(term: Term): string {
	return `What ${term.plural ? 'are' : 'is'} ${term.text}?`;
}

/**
 * The term that ends just before word `end` (exclusive): a run of term words ending on a noun
 * or name, not part of a list ("MIT, Apache, and BSD") and not a general noun.
 */
function termBefore(sentence: string, words: readonly TaggedWord[], end: number): Term | null {
	let start = end;
	while (start > 0 && TERM_WORD.has(words[start - 1]!.pos)) start -= 1;
	const run = words.slice(start, end);
	const head = run[run.length - 1];
	if (!head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
	if (run.length > MAX_TERM_WORDS || GENERAL.test(head.text)) return null;
	// "MIT, Apache, and BSD, …": one item of a list, not a term on its own; "these issues,
	// …": a term the previous sentence introduced.
	const before = words[start - 1];
	if (before && (before.text === ',' || /^(?:and|or)$/i.test(before.text))) return null;
	if (before && /^(?:this|that|these|those|its|their|our|your|my|his|her)$/i.test(before.text))
		return null;
	// "the document, an early version of…": the term was introduced earlier.
	if (before && /^the$/i.test(before.text) && head.pos === 'NOUN') return null;
	// A common noun keeps its article: "What is a linker?"; a name does not need one.
	const article = before && head.pos === 'NOUN' && /^(?:a|an)$/i.test(before.text) ? before : null;
	const text = sentence.slice((article ?? run[0]!).start, head.end);
	if (text.length > MAX_TERM_CHARS) return null;
	const plural = head.pos === 'NOUN' && /[^s]s$/.test(head.text);
	return { text: article ? text.replace(/^\p{Lu}/u, (c) => c.toLowerCase()) : text, plural };
}

/**
 * An appositive definition: "…rustup, a command line tool for managing Rust versions." or
 * "…a linker, which is a program that joins…". The definition runs to the next comma or the
 * end of the sentence.
 *
 * @example
 * appositive(tagger, 'We install rustup, a command line tool for managing Rust versions.');
 * // { term: { text: "rustup", plural: false }, definition: "A command line tool for managing Rust versions." }
 */
export function appositive(
	tagger: Tagger,
	sentence: string
): { term: Term; definition: string } | null {
	// "X, the Y" is as often a clause ("In Rust, the memory is…") as a definition: only the
	// indefinite article, or "which is", introduces one reliably.
	const match = /, (?:(?=an? )|which (?:is|are) (?=(?:an?|the) ))/.exec(sentence);
	if (!match) return null;
	const words = tagger.tag(sentence);
	const comma = words.findIndex((word) => word.start === match.index);
	if (comma <= 0) return null;
	const term = termBefore(sentence, words, comma);
	if (!term) return null;
	const from = match.index + match[0].length;
	const next = sentence.indexOf(',', from);
	const definition = withoutFinalStop(sentence.slice(from, next < 0 ? undefined : next)).trim();
	const definitionWords = definition.split(/\s+/);
	if (POINTS_BACK.test(definition) || onlyAVagueKind(definition)) return null;
	if (definitionWords.length < MIN_DEFINITION_WORDS || definition.length > MAX_DEFINITION_CHARS)
		return null;
	// "…, the first of its kind", "…, a lot of …": a remark, not what the term is.
	if (
		/^(?:the (?:first|second|last|same|other|rest|latter|former|most|best|only)|an? (?:lot|few|bit|number|couple|way))\b/i.test(
			definition
		)
	)
		return null;
	// "In Rust, the memory is returned…": an opening phrase and a clause, not a term and
	// what it is. The definition is a noun phrase: no verb before the first word that
	// starts a qualifier ("for managing", "that joins").
	const opening = words[0]?.pos === 'ADP' || words[0]?.pos === 'SCONJ';
	if (opening && words.slice(0, comma).every((word) => word.pos !== 'VERB' && word.pos !== 'AUX'))
		return null;
	const after = words.filter((word) => word.start >= from);
	// "the address of that location": "that" pointing, not relating.
	if (after.some((word) => word.text.toLowerCase() === 'that' && word.pos === 'DET')) return null;
	const stop = after.find((word) => !NOUN_PHRASE.has(word.pos) && word.text !== '-');
	if (stop && (stop.pos === 'VERB' || stop.pos === 'AUX')) return null;
	return { term, definition: withFinalStop(capitaliseFirst(definition)) };
}

/**
 * A name for what the previous sentence said: "This is referred to as last in, first out
 * (LIFO).", "This is known as a double free error." The whole sentence is the naming.
 *
 * @example
 * nameForPrevious('This is referred to as last in, first out (LIFO).'); // "last in, first out (LIFO)"
 */
export function nameForPrevious(sentence: string): string | null {
	const match =
		/^(?:this|that|it) (?:is|was) (?:(?:also |often |commonly |sometimes )?(?:known as|referred to as|called))\s+(?<term>.{2,60}?)[.!]?$/i.exec(
			sentence.trim()
		);
	const term = match?.groups?.term?.trim();
	if (!term || term.split(/\s+/).length > 8 || /\b(?:because|when|if|and|which)\b/i.test(term))
		return null;
	return term.replace(/^["“]|["”]$/g, '').replace(/^(?:A|An|The) /, (a) => a.toLowerCase());
}

function card(
	block: ArticleBlock,
	sentence: Sentence,
	front: string,
	back: string,
	term: string
): Candidate {
	return {
		kind: 'basic',
		front,
		back,
		suggested: true,
		source: sourceRef(block, sentence.start, sentence.end),
		tag: 'definition',
		fact: `${term} ${back}`,
		answer: back,
		order: [block.index, sentence.start, 0]
	};
}

/** Whether a sentence can be a card's answer on its own. */
function answerable(text: string): boolean {
	return text.length <= MAX_SENTENCE_CHARS && !isNoise(text) && !startsDangling(text);
}

/**
 * Finds terms named in passing, marking the sentences it used in `article.used`.
 */
export function findNamedTerms(article: Article, tagger: Tagger): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind === 'heading' || block.term !== null) continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key) || sentence.text.length > MAX_SENTENCE_CHARS) return;
			if (isNoise(sentence.text)) return;
			const named = nameForPrevious(sentence.text);
			const previous = block.sentences[index - 1];
			if (named) {
				const previousText = previous ? stripConnectives(previous.text.trim()) : '';
				if (!previous || !answerable(previousText) || DEMONSTRATIVE.test(previousText)) return;
				article.used.add(key);
				article.used.add(sentenceKey(block.index, index - 1));
				cards.push(
					card(
						block,
						sentence,
						question({ text: named, plural: false }),
						withFinalStop(previousText),
						named
					)
				);
				return;
			}
			const text = stripConnectives(sentence.text.trim());
			const found = appositive(tagger, text);
			if (found) {
				article.used.add(key);
				cards.push(card(block, sentence, question(found.term), found.definition, found.term.text));
				return;
			}
		});
	}
	return cards;
}
