/**
 * Quality gates: what every draft must be to be offered at all. A card is studied for
 * months, so one that is too long to recall, cut mid-phrase, full of page debris or
 * pointing at a sentence it does not carry costs more than it gives. Failing drafts are
 * dropped, not hidden: nobody should have to untick them.
 */

import type { Candidate } from './candidate';

export const MAX_FRONT = 200;
export const MAX_BACK = 300;
export const MAX_LIST_ITEMS = 10;
export const MAX_ITEM_WORDS = 12;

/** "[Company Name]", "[Your Name]": template text, not the blank of a cloze ("[…]"). */
const PLACEHOLDER = /\[(?:[\p{Lu}][\p{L}]*\s?){1,4}\]/u;
/** Markup, macros and addresses a page does not show. */
const DEBRIS =
	/\{\{|\}\}|\{%|%\}|\]\(|https?:\/\/|<\/?[a-z][\w-]*[\s>/]|^\s*:\s|\[!(?:NOTE|TIP|WARNING)/i;
/** A list item that is the tail of a phrase cut at the wrong comma. */
const CONNECTOR_START =
	/^(?:including|include|such as|such|in|and|or|but|etc|more|e\.g|i\.e|like|as well as|with|for example|for instance|which|that|who|where|meaning|based|to|from|ranging|between|within|by|of|at|on)\b/i;
/** An item holding a verb of its own is a clause cut from a sentence, not a list entry. */
const ITEM_VERB =
	/\b(?:is|are|was|were|can|could|will|would|should|must|may|might|has|have|had|does|did)\b/i;
/** A front or answer that starts by pointing at a sentence the card does not carry. */
const DANGLING = /^(?:it|they|this|these|those|that|he|she|them|its|their)\b(?! is a\b)/i;

function balanced(text: string): boolean {
	const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
	return count(/\(/g) === count(/\)/g) && count(/\[/g) === count(/\]/g) && count(/"/g) % 2 === 0;
}

function words(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

function listItems(back: string): string[] {
	return back
		.split('\n')
		.map((line) => line.replace(/^\s*(?:•|\d+\.)\s*/, '').trim())
		.filter(Boolean);
}

/** The visible text of a cloze front: its blanks' answers in place. */
function clozeText(front: string): string {
	return front.replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/g, '$1');
}

/**
 * Why a draft fails the gates, or null when it passes.
 *
 * @example
 * failure({ kind: 'basic', front: 'What is [Company Name]?', back: 'A firm.', … }); // "placeholder"
 */
export function failure(candidate: Candidate): string | null {
	const { kind, front, back } = candidate;
	const shownFront = kind === 'cloze' ? clozeText(front) : front;
	if (shownFront.length > MAX_FRONT) return 'front too long';
	if (kind !== 'list' && back.length > MAX_BACK) return 'back too long';
	if (PLACEHOLDER.test(front) || PLACEHOLDER.test(back)) return 'placeholder';
	if (DEBRIS.test(front) || DEBRIS.test(back)) return 'page debris';
	if (kind !== 'cloze' && DANGLING.test(front)) return 'pronoun without antecedent';
	if (kind === 'cloze' && DANGLING.test(shownFront)) return 'pronoun without antecedent';
	if (kind === 'list') {
		const items = listItems(back);
		if (items.length > MAX_LIST_ITEMS) return 'list too long';
		for (const item of items) {
			if (words(item) > MAX_ITEM_WORDS) return 'list item too long';
			if (CONNECTOR_START.test(item)) return 'item starts with a connector';
			if (candidate.source.text.indexOf('\n') < 0 && ITEM_VERB.test(item))
				return 'item is a clause';
			if (!balanced(item)) return 'item with unbalanced brackets';
		}
	}
	if (!balanced(shownFront)) return 'unbalanced brackets';
	return null;
}

/** The drafts that pass every gate. */
export function passingGates(candidates: readonly Candidate[]): Candidate[] {
	return candidates.filter((candidate) => failure(candidate) === null);
}
