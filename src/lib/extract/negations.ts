/**
 * Negated facts → true/false cards. A sentence that says what something does not do or is
 * not ("On desktop, Safari and Firefox do not support PWA installation.") holds a belief a
 * reader could have, and its correction: "True or false: on desktop, Safari and Firefox
 * support PWA installation." / "False. On desktop, Safari and Firefox do not support PWA
 * installation."
 *
 * Taking the "not" out of a sentence is grammar: "does not support" becomes "supports",
 * "isn't" becomes "is", "Do not skip" becomes "You should skip", "There is no formal track"
 * becomes "There is a formal track". The rule needs parts of speech and runs only when
 * `extractDrafts` has a `Tagger`. It leaves alone what would turn into a trap or nonsense
 * when turned around: hedged verbs ("may not"), conditions ("unless", "if"), quantities
 * ("any", "only", "always"), a negation inside a clause that qualifies the subject ("tools
 * that do not…"), and sentences with a second negation.
 */

import { sourceRef, type Article } from './article';
import { cardsFromSentences, type Candidate } from './candidate';
import { capitaliseFirst } from './casing';
import { isNoise } from './noise';
import { clauseStart, isSubject } from './subjects';
import type { Tagger, TaggedWord } from './tagger';
import { startsDangling, stripConnectives, withFinalStop } from './wording';

const MIN_STATEMENT_WORDS = 5;
const MAX_STATEMENT_CHARS = 170;
const MAX_ANSWER_CHARS = 280;
const MIN_THERE_WORDS = 8;

const NEGATION_WORD = /^(?:not|n't|never|no)$/i;
/** Any negation: the sentence may hold only the one the rule takes out. */
const ANY_NEGATION =
	/\b(?:not|never|no|none|nothing|nobody|neither|nor|without|cannot)\b|n't\b|\bno-one\b/i;
/** The same, to count them (`String.match` with a global pattern keeps no state between calls). */
const EVERY_NEGATION = new RegExp(ANY_NEGATION.source, 'gi');
/** Auxiliaries whose "not" can simply go: "is not" → "is", "cannot" → "can". */
const PLAIN_AUXILIARY = /^(?:is|are|was|were|can|ca|will|wo|should|has|have)$/i;
/** "ca" and "wo" are how "can't" and "won't" are split into words. */
const FULL_FORM: Record<string, string> = { ca: 'can', wo: 'will' };
/**
 * Words after the negation that make the positive statement a trap or nonsense: "does not
 * support any X" → "supports any X"; "is not always" is a belief of its own (beliefs.ts).
 */
const UNSAFE_REST =
	/\b(?:if|unless|except|whether|until|any|anything|anyone|anybody|either|ever|yet|necessarily|always|only|just|merely|simply|longer|even|enough|too|much|all|every|everything|everyone)\b/i;
/** Words that point at another sentence or a figure: the card shows only this one. */
const POINTING = /\b(?:this|these|those|such|above|below|following|here)\b/i;
/** A short label before the sentence proper: "Note: ", "Here's the snag: ". */
const LABEL = /^[^:]{1,24}:\s+(?=[A-Z])/;
/** Uncountable nouns: "There is no evidence" → "There is evidence", not "a evidence". */
const UNCOUNTABLE =
	/^(?:evidence|information|support|data|software|hardware|research|proof|guidance|consensus|harm|money|advice|knowledge|access|funding|training|documentation|feedback|content)$/i;
/**
 * Hedges anywhere in the statement: "likely won't help" turned around ("likely will help")
 * is not false, and neither is "many X do" when "many X don't".
 */
const HEDGE =
	/\b(?:likely|unlikely|probably|perhaps|maybe|possibly|usually|often|typically|generally|normally|rarely|sometimes|many|several|few|lots|a lot|figure|listing|table)\b/i;

/** "support" → "supports", "copy" → "copies", "have" → "has". */
export function thirdPerson(verb: string): string {
	const lower = verb.toLowerCase();
	if (lower === 'have') return 'has';
	if (lower === 'be') return 'is';
	if (lower === 'do' || lower === 'go') return `${verb}es`;
	if (/(?:s|sh|ch|x|z)$/i.test(verb)) return `${verb}es`;
	if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
	return `${verb}s`;
}

/** "a" or "an" before a word, by its sound as far as its spelling tells. */
function article(word: string): string {
	return /^(?:[aeio]|u(?!ni|se|su|ti|ro)|hour|honest)/i.test(word) ? 'an' : 'a';
}

/** Replaces `[start, end)` of `text`, tidying the spaces around it. */
function splice(text: string, start: number, end: number, insert: string): string {
	const before = text.slice(0, start).replace(/\s+$/, '');
	const after = text.slice(end).replace(/^\s+/, '');
	return [before, insert, after]
		.filter(Boolean)
		.join(' ')
		.replace(/\s+([,.;:!?])/g, '$1');
}

/** The statement up to a clause that turns it around or adds another claim. */
function mainClause(text: string): string {
	const cut = text.search(
		/,\s*(?:but|rather|instead|and|so|which|as)\b|;|\s[-–—]+\s|:|\sand (?=(?:can|is|are|was|were|will|has|have|should|must|may)\b)|,?\s(?:unless|of course|but)\b/
	);
	return (cut > 0 ? text.slice(0, cut) : text).replace(/[.!]+$/, '').trim();
}

/**
 * The positive form of a negated statement ("X does not support Y" → "X supports Y"), or
 * null when the sentence is not one the rule can turn around safely.
 *
 * @example
 * affirmed(tagger.tag('Rust does not copy data.'), 'Rust does not copy data.'); // "Rust copies data."
 * affirmed(tagger.tag("Don't skip heading levels."), "Don't skip heading levels."); // "You should skip heading levels."
 */
export function affirmed(words: readonly TaggedWord[], sentence: string): string | null {
	const negations = sentence.match(EVERY_NEGATION) ?? [];
	if (negations.length !== 1) return null;
	const at = words.findIndex((word) => NEGATION_WORD.test(word.text));
	if (at < 0) return null;
	const negation = words[at]!;
	// "The first rule of ARIA states: don't…": the negation must be in the statement kept.
	const clause = mainClause(sentence);
	if (negation.start >= clause.length || HEDGE.test(clause) || POINTING.test(clause)) return null;
	const previous = words[at - 1];
	const next = words[at + 1];
	if (!next) return null;
	let subjectEnd: number;
	let positive: string;
	let imperative = false;
	if (/^no$/i.test(negation.text)) {
		// "There is (currently) no formal track…" → "There is (currently) a formal track…".
		const verbAt = previous?.pos === 'ADV' ? at - 2 : at - 1;
		const verb = words[verbAt];
		if (!verb || !/^(?:is|are|was|were)$/i.test(verb.text)) return null;
		// Only at the start: "Unlike later versions, there were no headers" needs its context.
		if (words[verbAt - 1]?.text.toLowerCase() !== 'there' || verbAt !== 1) return null;
		const head = words.slice(at + 1).find((word) => word.pos === 'NOUN' || word.pos === 'PROPN');
		if (!head) return null;
		const bare = /^(?:are|were)$/i.test(verb.text) || UNCOUNTABLE.test(head.text);
		positive = mainClause(
			splice(sentence, negation.start, negation.end, bare ? '' : article(next.text))
		);
		// "There were no status codes" says nothing without its section.
		if (positive.split(/\s+/).length < MIN_THERE_WORDS) return null;
		return withFinalStop(capitaliseFirst(positive));
	}
	const start = clauseStart(words, at);
	if (start < 0) return null;
	if (/^never$/i.test(negation.text)) {
		// "Rust never copies data" / "The outline was never adopted": the verb is already right.
		if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) return null;
		subjectEnd = previous?.pos === 'AUX' ? at - 1 : at;
		if (previous?.pos === 'AUX' && !PLAIN_AUXILIARY.test(previous.text)) return null;
		positive = splice(sentence, negation.start, negation.end, '');
	} else {
		if (!previous || previous.pos !== 'AUX') return null;
		subjectEnd = at - 1;
		const auxiliary = previous.text.toLowerCase();
		if (/^(?:do|does)$/.test(auxiliary)) {
			if (next.pos !== 'VERB') return null;
			// "Do not skip heading levels" speaks to the reader; "Does not limit…" is a fragment
			// whose subject is in another sentence.
			imperative = subjectEnd === start;
			if (imperative && auxiliary === 'does') return null;
			const verb = auxiliary === 'does' ? thirdPerson(next.text) : next.text;
			positive = splice(
				sentence,
				previous.start,
				next.end,
				imperative ? `${start === 0 ? 'You' : 'you'} should ${next.text}` : verb
			);
		} else if (PLAIN_AUXILIARY.test(auxiliary)) {
			const full = FULL_FORM[auxiliary];
			positive =
				full || sentence.slice(previous.end, negation.start) === ''
					? // "can't"/"won't"/"cannot"/"isn't": the auxiliary and its negation are one word.
						splice(
							sentence,
							previous.start,
							negation.end,
							full ? matchCase(full, previous.text) : previous.text
						)
					: splice(sentence, negation.start, negation.end, '');
		} else return null;
	}
	const subjectWords = words.slice(start, subjectEnd);
	const subject = sentence.slice(subjectWords[0]?.start ?? 0, subjectWords.at(-1)?.end ?? 0);
	if (!imperative && !isSubject(subjectWords, subject)) return null;
	const rest = sentence.slice(negation.end);
	if (UNSAFE_REST.test(mainClause(rest))) return null;
	const statement = mainClause(positive);
	if (statement.split(/\s+/).length < MIN_STATEMENT_WORDS) return null;
	return withFinalStop(capitaliseFirst(statement));
}

function matchCase(word: string, like: string): string {
	return /^[A-Z]/.test(like) ? capitaliseFirst(word) : word;
}

/**
 * Finds negated facts in paragraphs and list items, marking the sentences it used.
 *
 * @example
 * findNegations(parseArticle('# PWAs\n\nOn desktop, Firefox does not support PWA installation.'), tagger)[0]?.front;
 * // "True or false: on desktop, Firefox supports PWA installation."
 */
export function findNegations(article: Article, tagger: Tagger): Candidate[] {
	return cardsFromSentences(article, (sentence, block) => {
		// "Note: Devstats does not…": the label is not part of the statement.
		const text = stripConnectives(sentence.text.trim().replace(LABEL, ''));
		if (text.length > MAX_ANSWER_CHARS || /\?/.test(text) || !ANY_NEGATION.test(text)) return null;
		if (isNoise(text) || startsDangling(text)) return null;
		const statement = affirmed(tagger.tag(text), text);
		if (!statement || statement.length > MAX_STATEMENT_CHARS) return null;
		return {
			kind: 'true-false',
			front: `True or false: ${article.vocabulary.lowerFirstIfUsual(statement)}`,
			back: `False. ${withFinalStop(text)}`,
			suggested: true,
			source: sourceRef(block, sentence.start, sentence.end),
			tag: 'negation',
			fact: statement,
			answer: 'False',
			order: [block.index, sentence.start, 0]
		};
	});
}
