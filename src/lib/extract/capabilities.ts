/**
 * What something makes possible → "What does X allow … to do?" cards. A sentence that says
 * what its subject allows, enables, lets or helps someone do states a capability worth
 * recalling, and the question is its own sentence turned around:
 *
 * - "Sharing software openly allows developers to receive career credit." → "What does
 *   sharing software openly allow developers to do?" / "Receive career credit."
 * - "Headings help users and search engines read and understand text." → "What do headings
 *   help users and search engines do?" / "Read and understand text."
 * - "Preregistration can help counter reporting bias." → "What can preregistration help
 *   do?" / "Counter reporting bias."
 * - "Open data and shared protocols enable independent validation of findings." → "What do
 *   open data and shared protocols enable?" / "Independent validation of findings."
 *
 * The question moves the auxiliary or adds "do" (`invertedQuestion`), so the rule needs parts
 * of speech and runs only when `extractDrafts` has a `Tagger`.
 */

import type { Article } from './article';
import { cardsFromSentences, questionCandidate, type Candidate } from './candidate';
import { capitaliseFirst, type Vocabulary } from './casing';
import { isNoise } from './noise';
import { invertedQuestion } from './reasons';
import { clauseStart, isSubject } from './subjects';
import type { Tagger, TaggedWord } from './tagger';
import { startsDangling, stripConnectives, withFinalStop } from './wording';

const MIN_ANSWER_WORDS = 2;
const MAX_ANSWER_WORDS = 18;
const MAX_SENTENCE_CHARS = 300;
/** Words between the verb and "to" that may name who is enabled: "allows developers to". */
const MAX_OBJECT_WORDS = 6;

const CAPABILITY = /^(?:allow|enable|let|help)$/;
/** Who a capability is given to may be the reader or people at large, never "them" or "it". */
const OBJECT_WORD = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ']);
const READER = /^(?:you|us|anyone|everyone|people)$/i;
/** Words that point at another sentence: a card shows one. */
const POINTING = /\b(?:this|these|those|such|above|below|following|here|it|they|them)\b/i;
/** A capability hedged or denied is not one to learn as stated. */
const HEDGE =
	/\b(?:not|never|no|n't|might|may|could|would|sometimes|likely|probably|perhaps|many|some|several|few)\b/i;

interface Capability {
	front: string;
	back: string;
}

/**
 * The answer: the verb phrase or noun phrase up to where the clause ends, or up to a second
 * verb of the sentence's subject ("feel ownership and tells others…").
 */
function answerFrom(text: string): string | null {
	const cut = text.search(
		/[,;:()]|\s[-–—]+\s|\s(?:so|because|which|while|whereas|but)\s|\sand\s+(?:also\s+)?(?:tells|makes|gives|helps|allows|lets|enables|provides|is|are|has|have|can|will)\b/
	);
	const answer = (cut > 0 ? text.slice(0, cut) : text).replace(/[.!]+$/, '').trim();
	const words = answer.split(/\s+/).length;
	if (words < MIN_ANSWER_WORDS || words > MAX_ANSWER_WORDS) return null;
	return withFinalStop(capitaliseFirst(answer));
}

/** Whether `words` name someone a capability is given to: "developers", "you", "other researchers". */
function isObject(words: readonly TaggedWord[]): boolean {
	if (words.length === 0 || words.length > MAX_OBJECT_WORDS) return false;
	if (words.length === 1 && READER.test(words[0]!.text)) return true;
	return (
		words.every((word) => OBJECT_WORD.has(word.pos)) &&
		words.some((word) => word.pos === 'NOUN' || word.pos === 'PROPN')
	);
}

/**
 * The capability card of one sentence, or null.
 *
 * @example
 * capabilityCard(tagger, 'Preregistration can help counter reporting bias.', vocabulary);
 * // { front: 'What can preregistration help do?', back: 'Counter reporting bias.' }
 */
export function capabilityCard(
	tagger: Tagger,
	sentence: string,
	vocabulary: Vocabulary
): Capability | null {
	const stripped = stripConnectives(sentence.trim());
	if (stripped.length > MAX_SENTENCE_CHARS || /\?/.test(stripped) || isNoise(stripped)) return null;
	if (startsDangling(stripped)) return null;
	// The subject as it reads inside a question ("Headings help…" → "…do headings help…"),
	// without an "also" that pointed at the sentence before.
	const text = vocabulary
		.lowerFirstIfUsual(stripped)
		.replace(/\b(?:also|further) (?=(?:can |will )?(?:allow|enable|let|help))/i, '');
	const words = tagger.tag(text);
	const at = words.findIndex(
		(word) => (word.pos === 'VERB' || word.pos === 'AUX') && CAPABILITY.test(word.lemma)
	);
	if (at <= 0) return null;
	// "use a vacuum chamber to help…": a purpose, not what the subject does.
	if (words[at - 1]!.text.toLowerCase() === 'to') return null;
	// "can help": the auxiliary belongs to the verb, not the subject.
	const subjectEnd = words[at - 1]!.pos === 'AUX' ? at - 1 : at;
	const start = clauseStart(words, subjectEnd);
	if (start < 0) return null;
	const subjectWords = words.slice(start, subjectEnd);
	const subject = text.slice(subjectWords[0]?.start ?? 0, subjectWords.at(-1)?.end ?? 0);
	if (!isSubject(subjectWords, subject) || /^you$/i.test(subject)) return null;
	const clause = text.slice(words[start]!.start);
	if (POINTING.test(clause.slice(0, 120)) || HEDGE.test(clause)) return null;
	const shape = capabilityShape(words[at]!, words.slice(at + 1));
	if (!shape) return null;
	// The question is asked of the clause; its verb is known, so it is not guessed again.
	const offset = words[start]!.start;
	const clauseWords = words
		.slice(start)
		.map((word) => ({ ...word, start: word.start - offset, end: word.end - offset }));
	const claim = `${text.slice(offset, shape.askedUpTo)}${shape.tail}`;
	const front = invertedQuestion('What', clauseWords, claim, vocabulary, subjectEnd - start);
	const back = answerFrom(text.slice(shape.answerAt));
	return front && back ? { front, back } : null;
}

/**
 * Where the question a capability asks ends (and what it adds: "allow developers to do"), and
 * where its answer starts, for the words after the capability's verb; null for none of the
 * shapes the rule reads.
 */
function capabilityShape(
	verb: TaggedWord,
	after: readonly TaggedWord[]
): { askedUpTo: number; tail: string; answerAt: number } | null {
	const to = after.findIndex((word) => word.text.toLowerCase() === 'to');
	// "allows developers to receive…" / "helps users to read…".
	if (to > 0 && isObject(after.slice(0, to)) && after[to + 1]?.pos === 'VERB')
		return { askedUpTo: after[to]!.end, tail: ' do', answerAt: after[to + 1]!.start };
	if (verb.lemma === 'help' || verb.lemma === 'let') {
		// "helps improve the impact": the verb phrase follows at once.
		if (after[0]?.pos === 'VERB')
			return { askedUpTo: verb.end, tail: ' do', answerAt: after[0].start };
		// "helps users feel ownership": who is helped, then what they do.
		const next = after.findIndex((word) => word.pos === 'VERB');
		if (next > 0 && isObject(after.slice(0, next)))
			return { askedUpTo: after[next - 1]!.end, tail: ' do', answerAt: after[next]!.start };
		return null;
	}
	// "enable independent validation of findings": what is made possible is a noun phrase.
	if (to < 0 && after[0] && after[0].pos !== 'PRON' && OBJECT_WORD.has(after[0].pos))
		return { askedUpTo: verb.end, tail: '', answerAt: after[0].start };
	return null;
}

/**
 * Finds sentences that say what their subject makes possible, marking them used.
 */
export function findCapabilities(article: Article, tagger: Tagger): Candidate[] {
	return cardsFromSentences(article, (sentence, block) => {
		if (!/\b(?:allow|enable|let|help)/i.test(sentence.text)) return null;
		const card = capabilityCard(tagger, sentence.text, article.vocabulary);
		if (!card) return null;
		const front = capitaliseFirst(card.front);
		return questionCandidate(block, sentence, { ...card, front }, 'capability');
	});
}
