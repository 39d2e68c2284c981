/**
 * Reasons → "Why …?" cards. A sentence that gives its own reason ("Pushing to the stack is
 * faster than allocating on the heap because the allocator never has to search for a
 * place.") is a question and its answer: "Why is pushing to the stack faster than allocating
 * on the heap?" / "Because the allocator never has to search for a place."
 *
 * Turning a statement into a question moves its auxiliary before the subject ("is X
 * faster") or adds "do" with the verb's dictionary form ("X requires" → "does X require"),
 * so the rule needs parts of speech and runs only when `extractDrafts` has a `Tagger`.
 */

import type { Article } from './article';
import { cardsFromSentences, questionCandidate, type Candidate } from './candidate';
import { capitaliseFirst, type Vocabulary } from './casing';
import { isNoise } from './noise';
import type { Tagger, TaggedWord } from './tagger';
import { startsDangling, stripConnectives, withFinalStop, withoutFinalStop } from './wording';

const MIN_CLAIM_WORDS = 4;
const MAX_CLAIM_WORDS = 25;
const MIN_REASON_WORDS = 3;
const MAX_REASON_CHARS = 220;

/** Auxiliaries that move before the subject in a question. */
const AUXILIARY =
	/^(?:is|are|was|were|can|could|will|would|should|must|may|might|has|have|had|does|do|did)$/i;
/** Words that point outside the sentence: the card shows only this one. */
const POINTING = /\b(?:this|these|those|such|above|below|following)\b/i;

/** A subject's first word in lower case, unless it is a name ("Rust", "HTTP"). */
function lowerFirst(text: string, first: TaggedWord, vocabulary: Vocabulary): string {
	const name = first.pos === 'PROPN' || vocabulary.isName(first.text);
	return name ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/**
 * A claim turned into a question that starts with `wh`: "Pushing to the stack is faster" →
 * "Why is pushing to the stack faster?"; "Sharing code allows others" → "What does sharing
 * code allow others". Null when the claim has no simple subject and verb.
 *
 * @example
 * invertedQuestion('Why', tagger.tag('The allocator requires more work'), 'The allocator requires more work', vocabulary);
 * // "Why does the allocator require more work?"
 */
export function invertedQuestion(
	wh: string,
	words: readonly TaggedWord[],
	claim: string,
	vocabulary: Vocabulary,
	/** The main verb's index, when the caller has found it and checked the subject before it. */
	knownVerbAt?: number
): string | null {
	// The main verb: an auxiliary, or a verb that is not a gerund or infinitive in the subject
	// ("Pushing to the stack is…", "To install Rust requires…").
	const verbAt =
		knownVerbAt ??
		words.findIndex(
			(word, i) =>
				i > 0 &&
				(word.pos === 'AUX' ||
					(word.pos === 'VERB' && !/ing$/.test(word.text) && words[i - 1]?.text !== 'to'))
		);
	if (verbAt <= 0) return null;
	const subjectWords = words.slice(0, verbAt);
	// The subject names something: a noun, a name, or a gerund phrase ("Pushing to the stack");
	// a comma in a guessed subject is a clause ("X, which…, is").
	if (!subjectWords.some((word) => word.pos === 'NOUN' || word.pos === 'PROPN')) return null;
	const clause = (word: TaggedWord) =>
		(knownVerbAt === undefined && word.text === ',') || word.pos === 'SCONJ';
	if (subjectWords.some(clause)) return null;
	const verb = words[verbAt]!;
	const subject = lowerFirst(claim.slice(0, verb.start).trim(), words[0]!, vocabulary);
	const rest = claim.slice(verb.end).trim();
	if (AUXILIARY.test(verb.text)) return `${wh} ${verb.text.toLowerCase()} ${subject} ${rest}?`;
	// "requires" → "does … require"; "required" → "did … require"; "require" → "do … require".
	const helper = /ed$/.test(verb.text) ? 'did' : /[^s]s$/.test(verb.text) ? 'does' : 'do';
	if (verb.pos !== 'VERB' || !verb.lemma || /\s/.test(verb.lemma)) return null;
	return `${wh} ${helper} ${subject} ${verb.lemma}${rest ? ` ${rest}` : ''}?`;
}

/**
 * The claim and its reason: "X because Y" or "Because Y, X". A reason that opens the
 * sentence ends at its first comma.
 */
function claimAndReason(sentence: string): { claim: string; reason: string } | null {
	const opening = /^because (?!of\b)/i.exec(sentence);
	if (opening) {
		const comma = sentence.indexOf(', ');
		if (comma < 0) return null;
		return {
			claim: capitaliseFirst(withoutFinalStop(sentence.slice(comma + 2)).trim()),
			reason: sentence.slice(opening[0].length, comma).trim()
		};
	}
	const match = /,? because (?!of\b)/i.exec(sentence);
	if (!match) return null;
	return {
		// "…is unusual, however, because…": the aside goes with the sentence it tied to.
		claim: sentence
			.slice(0, match.index)
			.replace(/,? (?:however|perhaps|though|too|then|of course)$/i, '')
			.trim(),
		reason: withoutFinalStop(sentence.slice(match.index + match[0].length)).trim()
	};
}

/**
 * The "Why …?" card of a sentence "claim because reason", or null.
 *
 * @example
 * reasonCard(tagger, 'The heap is slower because you have to follow a pointer.', vocabulary);
 * // { front: "Why is the heap slower?", back: "Because you have to follow a pointer." }
 */
export function reasonCard(
	tagger: Tagger,
	text: string,
	vocabulary: Vocabulary
): { front: string; back: string } | null {
	const sentence = stripConnectives(text.trim());
	if (isNoise(sentence) || POINTING.test(sentence)) return null;
	const parts = claimAndReason(sentence);
	// "Status: the server…" is a label and a fragment; "your lawyers…" is the reader's case,
	// not a fact about the subject.
	if (!parts || startsDangling(parts.claim) || /:/.test(parts.claim)) return null;
	if (/\b(?:you|your|we|our|i)\b/i.test(parts.claim)) return null;
	const { claim, reason } = parts;
	const claimWords = claim.split(/\s+/).length;
	if (claimWords < MIN_CLAIM_WORDS || claimWords > MAX_CLAIM_WORDS) return null;
	if (reason.split(/\s+/).length < MIN_REASON_WORDS || reason.length > MAX_REASON_CHARS)
		return null;
	// "…because it's …": "it" points at the claim's subject, which the card shows; "they" too.
	// A reason that runs into another claim ("…, and as a result…") is cut there.
	const cut = reason.search(/[;:]|, (?:and|but|so) (?:as a result|therefore|then)\b/);
	const answer = cut > 0 ? reason.slice(0, cut) : reason;
	if (/[([{"]/.test(claim) !== /[)\]}"]/.test(claim)) return null;
	const front = invertedQuestion('Why', tagger.tag(claim), claim, vocabulary);
	if (!front) return null;
	return { front, back: withFinalStop(`Because ${answer}`) };
}

/**
 * Finds sentences that give their own reason, marking them used.
 */
export function findReasons(article: Article, tagger: Tagger): Candidate[] {
	return cardsFromSentences(article, (sentence, block) => {
		if (!/\bbecause\b/i.test(sentence.text)) return null;
		const card = reasonCard(tagger, sentence.text, article.vocabulary);
		if (!card) return null;
		return questionCandidate(
			block,
			sentence,
			{ ...card, front: capitaliseFirst(card.front) },
			'reason'
		);
	});
}
