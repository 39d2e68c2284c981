/**
 * Noise: sentences that are the author talking to the reader rather than saying something
 * about the subject. Rhetorical questions, calls to action, greetings, transitions and the
 * author's own voice never become cards, and never serve as a card's answer.
 */

export type NoiseKind = 'question' | 'call-to-action' | 'greeting' | 'transition' | 'author';

/** "Great, because…" greets; "Great engineers…" does not, hence the punctuation. */
const GREETING =
	/^(?:(?:hi|hello|hey|greetings)\b|(?:great|awesome|cool|good news|thanks|thank you|congratulations|welcome)[,!.])/i;

const CALL_TO_ACTION =
	/\b(?:don't hesitate|do not hesitate|read on|keep reading|stay tuned|subscribe|sign up|click (?:here|on|the)|follow (?:me|us)|share (?:this|it)|leave a comment|let me know|let us know|feel free|see you|check out|you can start by|join (?:us|me)|don't forget|don't miss|don't let|do not let|thanks for reading|make sure to (?:read|check|follow))\b/i;

const TRANSITION =
	/^(?:(?:so|now|anyway)[, ]|(?:moving on|with that|that said|to (?:explain|understand|answer) (?:it|this|that)|whatever the reason|suppose|imagine|in that case|as you can see|as mentioned|as we (?:saw|discussed)|let's|let us|you probably|you might (?:be wondering|ask)|before we|here's the thing)\b)/i;

/** The author's own voice, or the article talking about itself. */
const AUTHOR =
	/\b(?:I|I'm|I'll|I've|I'd)\b|\b(?:in|from) (?:this|the next|the following|the previous|the subsequent|these|subsequent|upcoming) (?:article|post|series|tutorial|guide|video|chapter|posts|articles)\b|\bthis (?:article|post|series|tutorial|guide)\b/;

/** Conditions addressed to the reader: "If you're interested…", "Suppose you have a knack…". */
const ADDRESS = /^(?:if|suppose|imagine|whether) you(?:'re|'ve| are| have| want| like| enjoy)?\b/i;

/**
 * Why a sentence is noise, or null when it says something about the subject.
 *
 * @example
 * noiseKind('But what does it actually mean?'); // "question"
 * noiseKind("Don't hesitate to read on!"); // "call-to-action"
 * noiseKind('The backend stores data.'); // null
 */
export function noiseKind(sentence: string): NoiseKind | null {
	const text = sentence.trim();
	if (/\?["')\]]*$/.test(text)) return 'question';
	if (CALL_TO_ACTION.test(text)) return 'call-to-action';
	if (GREETING.test(text)) return 'greeting';
	if (AUTHOR.test(text)) return 'author';
	if (TRANSITION.test(text) || ADDRESS.test(text)) return 'transition';
	return null;
}

/**
 * True for a sentence that must never be a card or a card's answer.
 *
 * @example
 * isNoise('See you there on our adventure as problem-solvers!'); // true
 */
export function isNoise(sentence: string): boolean {
	return noiseKind(sentence) !== null;
}
