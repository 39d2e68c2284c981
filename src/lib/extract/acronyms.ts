/**
 * Acronyms → "What does X stand for?" cards. Technical writing spells an abbreviation out
 * once ("Web Content Accessibility Guidelines (WCAG)", "CORS (Cross-Origin Resource
 * Sharing)") and uses the short form from then on; a reader who forgets the long form loses
 * what the short one means.
 *
 * An expansion is the words next to the brackets whose initials, in order, are the acronym's
 * capitals ("HyperText" gives H and T; "of", "and", "for", "the"… give none). Only acronyms
 * the article uses again are asked: one spelled out and never seen again is not worth a card.
 * The rule reads text and marks no sentence used: the sentence around the acronym stays free
 * for the rules that make a card of what it says.
 */

import { sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';

/** At most this many words in an expansion. */
const MAX_EXPANSION_WORDS = 8;
/** Enough characters before a bracket for `MAX_EXPANSION_WORDS` long words. */
const LOOK_BACK_CHARS = 240;
/** Words an acronym usually skips. */
const MINOR = /^(?:of|and|for|the|in|to|on|a|an|by|with|&)$/i;
/** "(WCAG)", "(PWAs)", "(HTTP/2)" is not one: digits and letters only, two capitals at least. */
const BRACKETED = /\((?<acronym>[A-Z][A-Za-z0-9]{1,7})\)/g;
/** "CORS (Cross-Origin Resource Sharing)": the acronym before its expansion. */
const BEFORE = /\b(?<acronym>[A-Z][A-Z0-9]{1,7}s?) \((?<expansion>[A-Za-z][A-Za-z -]{3,80})\)/g;

/** The capitals an acronym spells, whether it is a plural ("PWAs"), and its singular ("PWA"). */
function spelled(acronym: string): { letters: string; plural: boolean; core: string } | null {
	const plural = /[A-Z]s$/.test(acronym);
	const core = plural ? acronym.slice(0, -1) : acronym;
	const letters = core.replace(/[^A-Z]/g, '');
	// "Ok", "Node": not an acronym. Lower-case letters inside ("RxJS") are allowed.
	if (letters.length < 2 || letters.length < core.length - 2) return null;
	return { letters, plural, core };
}

/** The initials a word gives: "HyperText" → "HT", "Cross-Origin" → "CO", "of" → "". */
function initials(word: string): string {
	if (MINOR.test(word)) return '';
	return word
		.split('-')
		.filter(Boolean)
		.map((part) => {
			const capitals = part.match(/(?<=[a-z])[A-Z]/g) ?? [];
			return `${part.charAt(0).toUpperCase()}${capitals.join('')}`;
		})
		.join('');
}

/**
 * The words just before `end` in `text` that spell `letters`, or null.
 *
 * @example
 * expansionBefore('the Web Content Accessibility Guidelines', 'WCAG'); // "Web Content Accessibility Guidelines"
 */
export function expansionBefore(text: string, letters: string): string | null {
	const words = text.trimEnd().split(/\s+/).slice(-MAX_EXPANSION_WORDS);
	for (let take = 1; take <= words.length; take++) {
		const candidate = words.slice(words.length - take);
		if (MINOR.test(candidate[0]!)) continue;
		const spelt = candidate.map(initials).join('');
		if (spelt === letters) return candidate.join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
		if (spelt.length > letters.length) return null;
	}
	return null;
}

/** "Progressive Web Apps" for "PWAs" → "Progressive Web App"; "Authorities" → "Authority". */
function singular(expansion: string, plural: boolean): string {
	if (!plural) return expansion;
	if (/ies$/.test(expansion)) return expansion.replace(/ies$/, 'y');
	if (/(?:ss|sh|ch|x)es$/.test(expansion)) return expansion.replace(/es$/, '');
	return expansion.replace(/s$/, '');
}

interface Found {
	acronym: string;
	expansion: string;
	block: ArticleBlock;
	start: number;
	end: number;
}

function foundIn(block: ArticleBlock): Found[] {
	const found: Found[] = [];
	for (const match of block.text.matchAll(BRACKETED)) {
		const acronym = match.groups!.acronym!;
		const spelling = spelled(acronym);
		if (!spelling) continue;
		// The expansion is a few words: only the text just before the bracket is read, so a
		// paragraph of many acronyms stays linear.
		const before = block.text.slice(Math.max(0, match.index - LOOK_BACK_CHARS), match.index);
		const expansion = expansionBefore(before, spelling.letters);
		if (!expansion) continue;
		const start = block.text.lastIndexOf(expansion, match.index);
		found.push({
			acronym: spelling.core,
			expansion: singular(expansion, spelling.plural),
			block,
			start,
			end: match.index + match[0].length
		});
	}
	for (const match of block.text.matchAll(BEFORE)) {
		const acronym = match.groups!.acronym!;
		const spelling = spelled(acronym);
		const expansion = match.groups!.expansion!.trim();
		if (!spelling || MINOR.test(expansion.split(/\s+/)[0]!)) continue;
		if (expansion.split(/\s+/).map(initials).join('') !== spelling.letters) continue;
		found.push({
			acronym: spelling.core,
			expansion: singular(expansion, spelling.plural),
			block,
			start: match.index,
			end: match.index + match[0].length
		});
	}
	return found;
}

/**
 * How many times each word that could be an acronym appears in the article, counted in one
 * pass ("PWAs" counts for "PWA"), so checking many acronyms stays linear in the text.
 */
function wordCounts(article: Article): Map<string, number> {
	const counts = new Map<string, number>();
	for (const block of article.blocks) {
		for (const [word] of block.text.matchAll(
			/(?<![\p{L}\p{N}])[A-Z][A-Za-z0-9]{1,8}(?![\p{L}\p{N}])/gu
		)) {
			const singular = /[A-Z]s$/.test(word) ? word.slice(0, -1) : word;
			counts.set(singular, (counts.get(singular) ?? 0) + 1);
		}
	}
	return counts;
}

/**
 * Finds acronyms the article spells out and uses again: one card each, at its first
 * spelling out.
 *
 * @example
 * findAcronyms(parseArticle('# A11y\n\nRead the Web Content Accessibility Guidelines (WCAG). WCAG has levels.'))[0]?.front;
 * // "What does WCAG stand for?"
 */
export function findAcronyms(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	const asked = new Set<string>();
	const counts = wordCounts(article);
	for (const block of article.blocks) {
		for (const found of foundIn(block)) {
			if (asked.has(found.acronym) || (counts.get(found.acronym) ?? 0) < 2) continue;
			asked.add(found.acronym);
			const back = `${found.expansion.charAt(0).toUpperCase()}${found.expansion.slice(1)}.`;
			cards.push({
				kind: 'basic',
				front: `What does ${found.acronym} stand for?`,
				back,
				suggested: true,
				source: sourceRef(block, found.start, found.end),
				tag: 'acronym',
				fact: `${found.acronym} ${found.expansion}`,
				answer: found.expansion,
				order: [block.index, found.start, 1]
			});
		}
	}
	return cards;
}
