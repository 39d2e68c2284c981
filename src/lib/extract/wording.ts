/**
 * Wording: making a sentence taken out of its paragraph stand on its own. A card is read
 * weeks later with no article around it, so a leading "In contrast," or "They" that pointed
 * at the previous sentence must go or be replaced, and a fragment must end like a sentence.
 */

import { capitaliseFirst } from './casing';

/**
 * Openers that tie a sentence to the one before it. Removing them leaves a sentence that
 * still says the same thing.
 */
const CONNECTIVE =
	/^(?:(?:and|but|yet|so|also|still|thus|hence|therefore|however|moreover|furthermore|additionally|besides|indeed|importantly|similarly|likewise|overall|of course|in addition(?! to)|in contrast|by contrast|as such|as a result|in fact|in reality|in truth|in practice|in short|in summary|in conclusion|in other words|on the other hand|on top of that|that said|after all|actually|first|firstly|second|secondly|third|thirdly|next|then|finally|lastly|last but not least|to sum up|to begin with|for (?:this|that) reason)\b,?\s+)+/i;

/**
 * Removes connectives at the start of a sentence and capitalises what is left.
 *
 * @example
 * stripConnectives('In contrast, backend developers must be good at algorithms.');
 * // "Backend developers must be good at algorithms."
 */
export function stripConnectives(sentence: string): string {
	const stripped = sentence.replace(CONNECTIVE, '');
	return stripped === sentence ? sentence : capitaliseFirst(stripped);
}

/** A sentence starting with a word that needs something earlier to be understood. */
const DANGLING_START =
	/^(?:this|that|these|those|it|it's|its|they|they're|their|them|he|she|his|her|such|both|the latter|the former|here|there's)\b/i;

/**
 * True when a sentence starts with a pronoun or demonstrative that points outside itself.
 *
 * @example
 * startsDangling('They must be able to optimise queries.'); // true
 * startsDangling('There are many options.'); // false
 */
export function startsDangling(sentence: string): boolean {
	return DANGLING_START.test(sentence);
}

/** A date, place or adverb set before the subject: "In 1994, ", "Between 1991-1995, ", "Notably, ". */
const FRONTED_PHRASE =
	/^(?:(?:in|on|by|between|since|around|from|during|until|after|before|as of)\b[^,]{1,40}|\p{L}+ly),\s+/iu;
/** The writer as the subject: "We can cite…" (not "US law", "I/O"). */
const WRITER_SUBJECT = /^(?:We|Our)\b|^I(?=\s|['’])/;
/**
 * "The" before a plan, policy, step or solution the text has been describing ("The plan will
 * go into effect…", "The public access plan requires…"), or before a first, best or next one
 * ("The first step is…"): names something said earlier, without saying what. A general
 * statement ("The heart has four chambers", "The speed of light is…") is not caught.
 */
const BARE_SUBJECT =
	/^The (?:(?:first|second|third|next|last|final|best|main|only|same|new|above|following) [\p{Ll}-]+|(?:[\p{Ll}-]+ ){0,2}(?:plan|policy|step|solution|approach|proposal|change|project|memo|guidance|rule|program|programme|initiative|order|report|update)) (?:is|are|was|were|will|would|can|could|should|may|might|must|has|have|had|requires?|includes?|allows?|means|makes?|gives?|provides?)\b/u;

/**
 * True when a sentence's subject, past any connective and date set before it, needs the
 * sentences before it: a pronoun, the writer, or "the" with something said before.
 *
 * @example
 * subjectFromBefore('Between 1991-1995, these were introduced one by one.'); // true
 * subjectFromBefore('The plan will go into effect January 25, 2023.'); // true
 * subjectFromBefore('In 1989, Tim Berners-Lee wrote a proposal.'); // false
 */
export function subjectFromBefore(sentence: string): boolean {
	let rest = sentence.trim();
	for (let previous = ''; previous !== rest;) {
		previous = rest;
		rest = capitaliseFirst(stripConnectives(rest).replace(FRONTED_PHRASE, ''));
	}
	return startsDangling(rest) || WRITER_SUBJECT.test(rest) || BARE_SUBJECT.test(rest);
}

/**
 * "A specific type of responsibility", "A growing role within scientific communities": a short
 * definition that only names a vague kind the term belongs to, without telling it apart from
 * the rest of that kind. On the tuned articles the reader called both such ticked drafts junk.
 *
 * @example
 * onlyAVagueKind('A specific type of responsibility.'); // true
 * onlyAVagueKind('A quantum correlation between quantum systems.'); // false
 */
export function onlyAVagueKind(definition: string): boolean {
	return (
		definition.trim().split(/\s+/).length <= 6 &&
		/^(?:an?|the|one) (?:\S+ )?(?:type|kind|sort|form|role|way|part|thing|term|concept)\b/i.test(
			definition.trim()
		)
	);
}

/** A noun phrase a pronoun can be replaced with, and whether it is plural. */
export interface Antecedent {
	text: string;
	plural: boolean;
}

const VERB_AFTER_SUBJECT =
	/\s(?:is|are|was|were|has|have|must|should|can|could|will|would|may|might|need|needs|usually|typically|often|also)\b/i;

/**
 * Guesses whether a noun phrase is plural from its head noun (the last word before a
 * preposition): "a typical day for a backend developer" → "day" → singular.
 *
 * @example
 * isPluralPhrase('backend developers'); // true
 * isPluralPhrase('a typical day for a backend developer'); // false
 */
export function isPluralPhrase(phrase: string): boolean {
	const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
	if (/^(?:these|those|many|most|some|all|both|several|few|various|multiple)$/.test(words[0] ?? ''))
		return true;
	if (/^(?:a|an|one|each|every|this|that)$/.test(words[0] ?? '')) return false;
	const preposition = words.findIndex(
		(w, i) => i > 0 && /^(?:for|of|in|on|with|at|by|from|to|about|during|that|who|which)$/.test(w)
	);
	const head = words[(preposition > 0 ? preposition : words.length) - 1] ?? '';
	if (/(?:ss|us|is)$/.test(head)) return false;
	return (
		head.endsWith('s') ||
		/^(?:people|children|data|media|criteria)$/.test(head) ||
		words.includes('and')
	);
}

/**
 * The subject of a simple sentence ("The backend developer is also responsible…" →
 * "The backend developer"), or null when there is no short, concrete one.
 *
 * @example
 * subjectOf('Backend developers must know SQL.'); // { text: "Backend developers", plural: true }
 */
export function subjectOf(sentence: string): Antecedent | null {
	const clean = stripConnectives(sentence);
	const verb = VERB_AFTER_SUBJECT.exec(clean);
	if (!verb) return null;
	const text = clean.slice(0, verb.index).trim();
	const words = text.split(/\s+/);
	if (words.length === 0 || words.length > 6 || /[,;:()]/.test(text) || startsDangling(text))
		return null;
	if (/^(?:you|we|i|there|here|what|which|who|how|why|when|if|as|while)$/i.test(words[0] ?? ''))
		return null;
	return { text, plural: isPluralPhrase(text) };
}

const MODAL =
	/^(?:must|should|can|could|will|would|may|might|also|usually|often|typically|always|never|then)\b/i;

/**
 * Replaces a leading "It"/"They" with its antecedent when the verb after it still agrees
 * ("They must…" works for any subject; "They are…" only for a plural one).
 * Returns null when the pronoun cannot be replaced safely.
 *
 * @example
 * resolveLeadingPronoun("It's a way to talk.", { text: 'coding', plural: false });
 * // "Coding is a way to talk."
 */
export function resolveLeadingPronoun(sentence: string, antecedent: Antecedent): string | null {
	const match = /^(it's|it is|it|they're|they are|they)\b\s*/i.exec(sentence);
	if (!match) return null;
	const pronoun = (match[1] ?? '').toLowerCase();
	const rest = sentence.slice(match[0].length);
	const subject = capitaliseFirst(antecedent.text);
	const be = antecedent.plural ? 'are' : 'is';
	const singularPronoun = pronoun.startsWith('it');
	if (
		pronoun === "it's" ||
		pronoun === 'it is' ||
		pronoun === "they're" ||
		pronoun === 'they are'
	) {
		if (singularPronoun === antecedent.plural) return null;
		return `${subject} ${be} ${rest}`;
	}
	if (MODAL.test(rest) || singularPronoun !== antecedent.plural) return `${subject} ${rest}`;
	return null;
}

/**
 * Where the run of characters from `chars` that ends at `end` starts (`end` itself when there
 * is none). A loop rather than a pattern such as `/[.!]+$/`: a regular expression tries every
 * position of a long run and takes quadratic time on "....x", and an article can hold a
 * 200,000-character line.
 *
 * @example
 * runStart('Wait!!', '!'); // 4
 * runStart('Wait!!")', '!', 6); // 4
 */
export function runStart(text: string, chars: string | RegExp, end = text.length): number {
	let start = end;
	while (start > 0) {
		const c = text.charAt(start - 1);
		if (typeof chars === 'string' ? !chars.includes(c) : !chars.test(c)) break;
		start -= 1;
	}
	return start;
}

/**
 * `text` without the characters from `chars` at its end.
 *
 * @example
 * withoutTrailing('Really?!?', '?!'); // "Really"
 */
export function withoutTrailing(text: string, chars: string): string {
	return text.slice(0, runStart(text, chars));
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = `"')]`;

/**
 * `text` without final punctuation (`.!?;:`) and the quotes or brackets after it; unchanged
 * when it does not end in punctuation.
 *
 * @example
 * withoutClosingPunctuation('and Ruby.")'); // "and Ruby"
 */
export function withoutClosingPunctuation(text: string): string {
	const closers = runStart(text, CLOSERS);
	const punctuation = runStart(text, '.!?;:', closers);
	return punctuation < closers ? text.slice(0, punctuation) : text;
}

/**
 * Ends `text` with a full stop unless it already ends with punctuation that ends a sentence.
 *
 * @example
 * withFinalStop('Good pay'); // "Good pay."
 */
export function withFinalStop(text: string): string {
	const trimmed = withoutTrailing(text.trim(), ',;:');
	return /[.!?]["')\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Removes final sentence punctuation, for items shown in a list.
 *
 * @example
 * withoutFinalStop('Debugging issues.'); // "Debugging issues"
 */
export function withoutFinalStop(text: string): string {
	return withoutTrailing(text.trim(), '.!;:,').trim();
}

/**
 * Makes an exclamation a statement: cards state facts, the article's enthusiasm stays behind.
 *
 * @example
 * asStatement('Anyone can learn it!'); // "Anyone can learn it."
 */
export function asStatement(sentence: string): string {
	const closers = runStart(sentence, CLOSERS);
	const bangs = runStart(sentence, '!', closers);
	return bangs < closers ? `${sentence.slice(0, bangs)}.${sentence.slice(closers)}` : sentence;
}
