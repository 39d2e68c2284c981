/**
 * Answers that only echo their question. "What does '431 Request Header Fields Too Large'
 * mean?" → "The server will not process the request because its header fields are too large"
 * tests nothing: the term explains itself. "What are the common governance structures?" →
 * "There are three common governance structures." restates the question. Such drafts are
 * still offered, never ticked.
 */

import { contentTokens } from './tokens';

/** Words that ask rather than name: "What does X mean?". */
const ASKING = new Set(['mean', 'meaning', 'called', 'refer', 'define', 'definition']);
/** A term repeated in an answer that adds this few words of its own gives itself away. */
const MAX_NEW_WORDS_WHEN_ECHOING = 4;
/** An answer with fewer words the question does not hold says nothing new. */
const MIN_NEW_WORDS = 3;
/** Share of the term's words an answer must repeat to give the term away. */
const GIVE_AWAY_SHARE = 2 / 3;
/** Letters two words must share at their start to count as one ("authentication", "authenticate"). */
const SHARED_STEM = 5;

function sameWord(a: string, b: string): boolean {
	return (
		a === b ||
		(a.length >= SHARED_STEM &&
			b.length >= SHARED_STEM &&
			a.slice(0, SHARED_STEM) === b.slice(0, SHARED_STEM))
	);
}

/** Whether `word` or its positive form ("unsupported" → "supported") is among `words`. */
function repeated(word: string, words: ReadonlySet<string>): boolean {
	const positive = /^(?:un|non)(.{5,})$/.exec(word)?.[1];
	for (const other of words) {
		if (sameWord(word, other) || (positive && sameWord(positive, other))) return true;
	}
	return false;
}

/**
 * The words of the term a front asks about, in order, less numbers and asking words; none
 * when the term is code ("What is ::path?", "T: U?"), whose words are names, not meaning.
 */
function termWords(front: string): string[] {
	const term = front
		.replace(/\([^)]*\)/g, ' ')
		.replace(/^what (?:is|are|does)\s+/i, '')
		.replace(/(?:\s+mean)?\?$/i, '');
	if (/[^\p{L}\p{N}\s'"’“”-]/u.test(term)) return [];
	return [...contentTokens(term)].filter((word) => !ASKING.has(word) && !/^\d+$/.test(word));
}

/**
 * `back` without the term or the term's head it opens on: "Altmetrics are …" → "are …",
 * and "A computer that …" for a quantum computer → "that …" (a definition names its kind).
 */
function withoutOpeningTerm(back: string, term: readonly string[]): string {
	const words = back.split(/\s+/);
	const start = /^(?:a|an|the)$/i.test(words[0] ?? '') ? 1 : 0;
	const wordAt = (i: number) => [...contentTokens(words[i] ?? '')][0];
	let end = start;
	while (end < words.length && end - start < term.length && term.includes(wordAt(end) ?? ''))
		end += 1;
	if (end - start === term.length) return words.slice(end).join(' ');
	if (wordAt(start) === term[term.length - 1]) return words.slice(start + 1).join(' ');
	return back;
}

/** Content words of `back` that the front does not hold. */
function newWords(front: ReadonlySet<string>, back: ReadonlySet<string>): number {
	let count = 0;
	for (const word of back) if (!repeated(word, front)) count += 1;
	return count;
}

/**
 * Whether a definition's answer repeats most of its term's words and adds little: the
 * term explains itself.
 *
 * @example
 * givesTermAway('What does "423 Locked" mean?', 'The resource is locked.'); // true
 * givesTermAway('What is a qubit?', 'The basic unit of quantum information.'); // false
 */
export function givesTermAway(front: string, back: string): boolean {
	const term = termWords(front);
	if (term.length === 0) return false;
	const answer = contentTokens(withoutOpeningTerm(back, term));
	const shared = term.filter((word) => repeated(word, answer)).length;
	return (
		shared / term.length >= GIVE_AWAY_SHARE &&
		newWords(new Set(term), answer) <= MAX_NEW_WORDS_WHEN_ECHOING
	);
}

/**
 * Whether an answer restates its question instead of answering it.
 *
 * @example
 * restatesQuestion('What are the common governance structures?', 'There are three common governance structures.'); // true
 */
export function restatesQuestion(question: string, answer: string): boolean {
	return newWords(contentTokens(question), contentTokens(answer)) < MIN_NEW_WORDS;
}
