/**
 * Subjects: where a sentence's main clause starts and whether the words before its verb name
 * what the sentence is about. Rules that rephrase a sentence (a negation turned around, a
 * statement turned into a question) need a subject a card can show on its own: a noun or a
 * name, or "you", never a pronoun that points at another sentence or a clause.
 */

import type { TaggedWord } from './tagger';

const MAX_SUBJECT_WORDS = 10;

/** Words in the subject that point at another sentence or qualify it with a clause. */
const UNSAFE_SUBJECT =
	/\b(?:this|these|those|that|which|who|whom|whose|such|it|its|they|them|their|he|she|his|her|we|our|us|i|me|my|all|every|each|some|any|if|when|while|because|although|though|unless)\b/i;
/**
 * Where the main clause starts, given the word its verb is at: after an opening phrase with
 * no verb ("On desktop, Safari…" → 3), 0 without one, -1 when the words before the verb hold
 * more than one comma or an opening clause with a verb of its own.
 */
export function clauseStart(words: readonly TaggedWord[], before: number): number {
	const comma = words.findIndex((word, i) => i < before && word.text === ',');
	if (comma < 0) return 0;
	// "Open methods, open data, and shared protocols enable…": the commas list the subject.
	if (isListedSubject(words.slice(0, before))) return 0;
	const opening = words.slice(0, comma);
	if (opening.some((word) => word.pos === 'VERB' || word.pos === 'AUX' || word.pos === 'SCONJ'))
		return -1;
	// Only one opening phrase: "On desktop, Safari…", not "A, B, and C do not…".
	return words.slice(comma + 1, before).some((word) => word.text === ',') ? -1 : comma + 1;
}

/** Words a noun phrase is made of, and what joins several into a list. */
const LISTED = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'CCONJ']);

/** "A, B, and C": noun phrases joined by commas and a last "and" or "or". */
function isListedSubject(words: readonly TaggedWord[]): boolean {
	const participle = (word: TaggedWord, i: number) =>
		word.pos === 'VERB' && words[i + 1]?.pos === 'NOUN';
	return (
		words.some((word) => word.pos === 'CCONJ') &&
		words.every((word, i) => LISTED.has(word.pos) || word.text === ',' || participle(word, i))
	);
}

/** A subject that names what the statement is about: a noun or name, or "you". */
export function isSubject(words: readonly TaggedWord[], text: string): boolean {
	if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return false;
	if (/^you$/i.test(text)) return true;
	if (UNSAFE_SUBJECT.test(text)) return false;
	// "The badge", "The representation": a common noun with "the" points at the paragraph.
	if (/^the$/i.test(words[0]!.text) && !words.some((word) => word.pos === 'PROPN')) return false;
	// "you" and "your" are the reader, whom a card may address.
	const pronoun = (word: TaggedWord) => word.pos === 'PRON' && !/^(?:you|your)$/i.test(word.text);
	if (words.some((word) => word.pos === 'AUX' || word.pos === 'SCONJ' || pronoun(word)))
		return false;
	// A gerund may open the subject ("Skipping heading levels") and a participle may qualify a
	// noun ("Paid developers"); no other verb may be in it.
	const modifier = (word: TaggedWord, i: number) =>
		(i === 0 && /ing$/i.test(word.text)) || words[i + 1]?.pos === 'NOUN';
	if (words.some((word, i) => word.pos === 'VERB' && !modifier(word, i))) return false;
	return words.some((word) => word.pos === 'NOUN' || word.pos === 'PROPN');
}
