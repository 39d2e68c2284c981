import type { Card } from './models';
import { plainText } from './plain-text';

/** Longer words are cut to this length in the index; a search term is cut the same way. */
const MAX_WORD = 24;
/** A card's words are indexed up to this many, so one huge card cannot bloat the index. */
const MAX_WORDS = 200;

/** Cloze markers: `{{c1::`, a `::hint}}` and the closing `}}`. */
const CLOZE = /\{\{c\d+::|::[^{}]*?\}\}|\}\}/gi;

function normalise(text: string): string[] {
	return plainText(text.replace(CLOZE, ' '))
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '')
		.map((word) => word.slice(0, MAX_WORD));
}

/**
 * The words a card is found by, for a word index: lower case, without accents, cloze
 * and HTML markup, each once.
 *
 * @example
 * searchWords({ front: '{{c1::Café}} <b>latte</b>', back: 'café' }); // ['cafe', 'latte']
 */
export function searchWords(card: Pick<Card, 'front' | 'back'>): string[] {
	return [...new Set(normalise(`${card.front} ${card.back}`))].slice(0, MAX_WORDS);
}

/**
 * The terms of a search, normalised as the index is: each must begin a word of the card.
 *
 * @example
 * searchTerms('  Back-end APIs '); // ['back', 'end', 'apis']
 */
export function searchTerms(query: string): string[] {
	return [...new Set(normalise(query))];
}
