/**
 * Claims → cloze cards. A sentence that states a key fact in a recognisable frame becomes a
 * cloze: the front is the sentence with the key phrase replaced by "[…]", the back the whole
 * sentence. The frames, tried in this order (one card per sentence):
 *
 * - responsibility: "X is (also) responsible for […]"
 * - ability: "X must/should/need to be able to / be good at / be proficient in […]"
 * - superlative: "The most important / first / best / ultimate X is […]"
 * - kind: "X is just another form of […]", "X is a way to […]", "X is a mix of […]"
 * - definition: "X is the process of […]"
 * - contrast: "X is […], not a task"
 * - importance: "X are essential to […]"
 * - requirement: "X require […]"
 *
 * Before matching, a connective ("In contrast,", "In fact,") and a framing clause ("It's
 * important to remember that", "Another critical thing to note is that") are removed, so the
 * card states the fact itself. A sentence that starts with "They"/"It" is used only if the
 * pronoun can be replaced by the subject of the sentence before; one addressed to the reader
 * ("You need to …") only if it names the role ("As a backend developer, you are …"). Noise
 * (questions, calls to action, the author's voice) never becomes a card. A key phrase of more
 * than eight words is cut before a trailing "to …"/", …" phrase; one still longer than twelve
 * words is not a good blank and the sentence is skipped. A key phrase inside an opening
 * subordinate clause ("While it is true that …, ") is not the sentence's claim and is skipped.
 */

import { sentenceKey, type Article } from './article';
import { clozeCandidate, type Candidate } from './candidate';
import { capitaliseFirst } from './casing';
import { isNoise } from './noise';
import { contentTokens } from './tokens';
import {
	asStatement,
	resolveLeadingPronoun,
	startsDangling,
	stripConnectives,
	subjectOf,
	withFinalStop,
	withoutClosingPunctuation
} from './wording';

const BLANK = '[…]';
const MAX_KEY_WORDS = 12;
const CUT_KEY_OVER_WORDS = 8;

interface ClaimPattern {
	name: string;
	/** Must use the `d` flag and name the blanked phrase `key`; `subject`, if named, is checked for pronouns. */
	pattern: RegExp;
}

const CLAIM_PATTERNS: readonly ClaimPattern[] = [
	{
		name: 'responsibility',
		pattern:
			/\b(?:is|are) (?:also |primarily |mainly |ultimately |usually )?responsible for (?<key>.+)$/d
	},
	{
		name: 'ability',
		pattern:
			/\b(?:must|should|need to|needs to)(?: also| usually| always)? (?:be able to|be good at|be proficient in|be familiar with|have an? (?:good|strong|solid|deep) understanding of|understand|know how to) (?<key>.+)$/d
	},
	{
		name: 'superlative',
		pattern:
			/(?:^|, )(?:the|their|its|his|her|our|your) (?:single )?(?:most important|most common|most popular|most effective|ultimate|main|primary|key|biggest|first|best|greatest|only) (?<subject>[^,]{1,80}?) (?:is|are|should be|must be|will be|would be)(?: always| usually| often)? (?<key>.+)$/di
	},
	{
		name: 'kind',
		pattern:
			/\b(?:is|are) (?:just |simply |really |merely |essentially |basically )?(?:another |a |an |one )(?:form|kind|type|way|means|variety|mix|combination|blend) (?:of|to) (?<key>.+)$/d
	},
	{
		name: 'definition',
		pattern:
			/^(?<subject>[^,]{2,60}?) (?:is|are|refers to) (?:the|a|an) (?:process|practice|act|art|study|discipline|craft) of (?<key>.+)$/d
	},
	{
		name: 'contrast',
		pattern:
			/^(?<subject>[^,]{2,60}?) (?:is|are) (?<key>(?:a|an|the) [^,]{1,40}), not (?:a|an|the) [^,]{1,40}$/d
	},
	{
		name: 'importance',
		pattern: /\b(?:is|are) (?:essential|crucial|vital|critical) (?:to|for) (?<key>.+)$/d
	},
	{
		name: 'requirement',
		pattern: /^(?<subject>[^,]{2,60}?) (?:require|requires) (?<key>.+)$/d
	}
];

/** Clauses that announce a fact; the fact is what follows them. */
const FRAMES: readonly RegExp[] = [
	/^it(?:'s| is) (?:important|essential|crucial|vital|worth|useful|good) (?:to (?:remember|note|know|understand|keep in mind|realise|realize) )?that /i,
	/^(?:another |one |the |an? )?(?:critical|important|key|crucial|interesting|main|essential) (?:thing|point|fact|lesson) to (?:note|remember|know|understand|keep in mind) is that /i,
	/^(?:remember|note|keep in mind) that /i
];

const SUBORDINATE_OPENER =
	/^(?:while|although|though|even though|whereas|if|when|unless|since|because|as long as)\b/i;
const POINTING_WORD = /\b(?:this|these|those|it|them)\b/i;
const ADDRESSED = /^(?:you|we|i|your|our)\b/i;

function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** The sentence without connective or framing clause, or null if it cannot stand alone. */
function standalone(text: string, previous: string | undefined): string | null {
	let sentence = stripConnectives(text);
	for (const frame of FRAMES) {
		if (frame.test(sentence)) sentence = capitaliseFirst(sentence.replace(frame, ''));
	}
	sentence = asStatement(sentence);
	if (startsDangling(sentence)) {
		const antecedent = previous ? subjectOf(previous) : null;
		const resolved = antecedent ? resolveLeadingPronoun(sentence, antecedent) : null;
		if (!resolved) return null;
		sentence = resolved;
	}
	if (ADDRESSED.test(sentence)) return null;
	return sentence;
}

/** The key phrase's [start, end) in `sentence`, trimmed and cut; null when it makes a poor blank. */
function keySpan(sentence: string, match: RegExpExecArray): [number, number] | null {
	const span = match.indices?.groups?.key;
	if (!span) return null;
	const start = span[0];
	let key = withoutClosingPunctuation(sentence.slice(start, span[1]));
	if (wordCount(key) > CUT_KEY_OVER_WORDS) {
		// Prefer ending at a comma (the clause ends there); else before a purpose or reason phrase.
		const cut = /,\s/.exec(key) ?? / (?:to|so that|because|while|which) /.exec(key.slice(1));
		if (cut) key = key.slice(0, cut[0].startsWith(',') ? cut.index : cut.index + 1);
	}
	const trimmed = key.trimEnd();
	const end = start + trimmed.length;
	if (start >= end || wordCount(trimmed) > MAX_KEY_WORDS || contentTokens(trimmed).size === 0)
		return null;
	return [start, end];
}

/**
 * Makes a cloze of one sentence, or returns null when no claim frame fits.
 *
 * @example
 * clozeOf('The backend is responsible for the server side of web applications.');
 * // { front: "The backend is responsible for […].", back: "The backend is responsible for the server side of web applications.", answer: "the server side of web applications" }
 */
export function clozeOf(
	text: string,
	previous?: string
): { front: string; back: string; answer: string } | null {
	if (isNoise(text) || wordCount(text) < 4 || text.length > 300) return null;
	const sentence = standalone(text, previous);
	if (!sentence) return null;
	for (const { pattern } of CLAIM_PATTERNS) {
		const match = pattern.exec(sentence);
		if (!match) continue;
		const subject = match.groups?.subject;
		const before = sentence.slice(0, match.indices?.groups?.key?.[0] ?? 0);
		if ((subject && POINTING_WORD.test(subject)) || /\b(?:this|these|those)\b/i.test(before))
			return null;
		const span = keySpan(sentence, match);
		if (!span) return null;
		const [start, end] = span;
		// "While it is true that X is responsible for …, Y": the claim is Y, not the concession.
		const comma = sentence.indexOf(', ');
		if (SUBORDINATE_OPENER.test(sentence) && comma > start) return null;
		return {
			front: withFinalStop(`${sentence.slice(0, start)}${BLANK}${sentence.slice(end)}`),
			back: withFinalStop(sentence),
			answer: sentence.slice(start, end)
		};
	}
	return null;
}

/**
 * Finds the article's key claims and makes a cloze of each, skipping sentences another card
 * already used.
 *
 * @example
 * const article = parseArticle('# Tea\n\nThe first step to brewing tea is boiling water. It is easy.');
 * findClaims(article)[0]?.front; // "The first step to brewing tea is […]."
 */
export function findClaims(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind !== 'paragraph') continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key)) return;
			const cloze = clozeOf(sentence.text, block.sentences[index - 1]?.text);
			if (!cloze) return;
			article.used.add(key);
			cards.push(clozeCandidate(block, sentence, cloze, 'key-point'));
		});
	}
	return cards;
}
