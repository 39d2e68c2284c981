/**
 * Near-duplicate merging. Articles repeat themselves (an introduction and a conclusion that
 * say the same thing, two patterns that fire on one sentence), and a deck should ask each
 * thing once. Two cards of the same kind are near-duplicates when the facts they test share
 * at least 80% of their content words (Jaccard) and their answers at least half; the first
 * one, from the more specific rule, is kept. Cloze and question cards with the same front but
 * different answers are merged into one card whose back gives every answer.
 */

import type { CardKind } from '$lib/domain/models';
import type { Candidate } from './candidate';
import { contentTokens, jaccard } from './tokens';

/** Facts at least this similar are the same fact. */
export const FACT_SIMILARITY = 0.8;
const ANSWER_SIMILARITY = 0.5;

function frontKey(front: string): string {
	return front
		.toLowerCase()
		.replace(/[^\p{L}\p{N}[\]…]+/gu, ' ')
		.trim();
}

interface Kept {
	card: Candidate;
	family: CardKind;
	front: string;
	fact: Set<string>;
	answer: Set<string>;
}

/**
 * Drops near-duplicate candidates, keeping the first of each group, and merges same-front
 * clozes. The input order is the priority order.
 *
 * @example
 * // Two true/false cards whose claims are "tea is always served cold" and
 * // "tea is served cold, always" have the same content words: only the first is kept.
 * mergeNearDuplicates([first, second]); // [first]
 */
export function mergeNearDuplicates(candidates: readonly Candidate[]): Candidate[] {
	const kept: Kept[] = [];
	for (const card of candidates) {
		const entry: Kept = {
			card: { ...card },
			family: card.kind,
			front: frontKey(card.front),
			fact: contentTokens(card.fact),
			answer: contentTokens(card.answer)
		};
		const twin = kept.find((other) => {
			if (other.family !== entry.family) return false;
			// A list's front can repeat ("Steps: what are they? (3)") over different items.
			if (other.front === entry.front && entry.family !== 'list') return true;
			return (
				jaccard(other.fact, entry.fact) >= FACT_SIMILARITY &&
				jaccard(other.answer, entry.answer) >= ANSWER_SIMILARITY
			);
		});
		if (!twin) {
			kept.push(entry);
			continue;
		}
		twin.card.suggested ||= card.suggested;
		const sameFront =
			twin.front === entry.front && (card.kind === 'cloze' || card.kind === 'question');
		if (sameFront && !twin.card.back.split('\n').includes(card.back)) {
			twin.card.back = `${twin.card.back}\n${card.back}`;
			twin.card.answer = `${twin.card.answer}; ${card.answer}`;
		}
	}
	return kept.map((entry) => entry.card);
}
