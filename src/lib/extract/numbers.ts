/**
 * Numbers with their meaning → cloze cards. A sentence that dates an event ("In 1994, Peter
 * Shor found…") or gives a figure ("a 16 % increase", "over 130 GB") becomes a cloze with the
 * number blanked; the rest of the sentence says what it means. One blank per sentence: the
 * first year, else the first figure with a unit or a percent.
 */

import type { Article } from './article';
import { cardsFromSentences, clozeCandidate, type Candidate } from './candidate';
import { isNoise } from './noise';
import { startsDangling, stripConnectives, withFinalStop } from './wording';

const BLANK = '[…]';
const MAX_SENTENCE = 200;
const MIN_WORDS = 6;

const CITATION =
	/\bet al\b|arxiv|\bdoi\b|\(\s*[\p{Lu}][^()]{0,60}\b(?:1[5-9]|20)\d\d[a-z]?\s*\)|\b(?:1[5-9]|20)\d\d[a-z]?\)/iu;
const YEAR = /\b(?:1[5-9]\d\d|20\d\d)(?:s\b)?/;
const FIGURE =
	/\b\d[\d,.]*\s?(?:%|percent\b|per cent\b|million\b|billion\b|thousand\b|[KMGT]B\b|ms\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|times\b|x\b)/i;
/** The month (and day) before a year: "January 25, 2023", "9 Jan 2017", "May 2015" are asked whole. */
const MONTH_BEFORE =
	/(?:\b\d{1,2}\s+)?\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+$/;
/** A sentence pointing at what the card cannot show: "can be found here", "see these stats". */
const POINTING = /\b(?:here|see (?:below|above)|as follows|the following)\b/i;
/** An aside pointing elsewhere, "(see these stats)": dropped, the sentence kept. */
const SEE_ASIDE = /\s*\(see [^()]*\)/gi;

/**
 * The cloze of a sentence's key number, or null when it has none worth asking.
 *
 * @example
 * numberCloze('In 1994, Peter Shor found a fast factoring algorithm.');
 * // { front: "In […], Peter Shor found a fast factoring algorithm.", back: "In 1994, Peter Shor found…", answer: "1994" }
 */
export function numberCloze(text: string): { front: string; back: string; answer: string } | null {
	const sentence = stripConnectives(text.trim()).replace(SEE_ASIDE, '');
	if (sentence.length > MAX_SENTENCE || sentence.split(/\s+/).length < MIN_WORDS) return null;
	if (isNoise(sentence) || startsDangling(sentence)) return null;
	// A year in a citation ("(Smith et al. 2019)", arXiv ids) dates the source, not the fact.
	if (CITATION.test(sentence)) return null;
	if (POINTING.test(sentence)) return null;
	const match = YEAR.exec(sentence) ?? FIGURE.exec(sentence);
	if (!match) return null;
	// Only a year takes its month and day with it ("In March 40 % of users…" stays a figure).
	const isYear = YEAR.test(match[0]);
	const month = isYear ? MONTH_BEFORE.exec(sentence.slice(0, match.index)) : null;
	const start = month ? month.index : match.index;
	const end = match.index + match[0].trimEnd().length;
	const answer = sentence.slice(start, end);
	// Part of a longer token ("HTTP/1.x", "v2.0"): a blank there cuts a name in two.
	if (!/^$|[\s("'“‘$€£~]$/u.test(sentence.slice(0, start))) return null;
	// The answer said again elsewhere in the sentence gives the blank away.
	if (`${sentence.slice(0, start)} ${sentence.slice(end)}`.includes(match[0].trimEnd()))
		return null;
	// A number that is most of the sentence's content says nothing about its meaning.
	if (sentence.replace(match[0], '').replace(/\W+/g, '').length < 20) return null;
	return {
		front: withFinalStop(`${sentence.slice(0, start)}${BLANK}${sentence.slice(end)}`),
		back: withFinalStop(sentence),
		answer
	};
}

/**
 * Finds sentences that give a date or figure, skipping those another card already used.
 *
 * @example
 * findNumbers(parseArticle('# HTTP\n\nHTTP/1.1 was first published in 1997 as RFC 2068.'))[0]?.front;
 * // "HTTP/1.1 was first published in […] as RFC 2068."
 */
export function findNumbers(article: Article): Candidate[] {
	return cardsFromSentences(article, (sentence, block) => {
		const cloze = numberCloze(sentence.text);
		return cloze ? clozeCandidate(block, sentence, cloze, 'number') : null;
	});
}
