/**
 * Near-duplicate merging. Articles repeat themselves (an introduction and a conclusion that
 * say the same thing, two patterns that fire on one sentence), and a deck should ask each
 * thing once. Two cards of the same kind are near-duplicates when the facts they test share
 * at least 80% of their content words (Jaccard) and their answers at least half; the first
 * one, from the more specific rule, is kept. Cloze and question cards with the same front but
 * different answers are merged into one card whose back gives every answer.
 *
 * Comparing every card with every kept card is quadratic: 15,000 candidates took seconds. So
 * cards with the same front are found through a map, and a card is compared only with the
 * kept cards an index of their facts' words offers (prefix filtering, as in Bayardo et al.,
 * "Scaling up all pairs similarity search", and Xiao et al., "Efficient similarity joins for
 * near duplicate detection"). The index offers every kept card that could reach the
 * threshold, so the result is the same as comparing with all of them.
 */

import type { CardKind } from '$lib/domain/models';
import type { Candidate } from './candidate';
import { contentTokens, jaccard } from './tokens';

/** Facts at least this similar are the same fact. */
export const FACT_SIMILARITY = 0.8;
const ANSWER_SIMILARITY = 0.5;
/** Slack for the filters' floating-point bounds: they may offer a card too many, never one too few. */
const EPSILON = 1e-9;

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
	/** The lines of `card.back`, to tell whether a merged back already gives an answer. */
	lines: Set<string> | null;
}

/** Where a kept fact has a word in its prefix: which card, the word's rank in it, its size. */
interface Posting {
	index: number;
	position: number;
	size: number;
}

/** Smallest number of shared words with which facts of these sizes reach `FACT_SIMILARITY`. */
function minimumOverlap(a: number, b: number): number {
	// |A ∩ B| / |A ∪ B| ≥ t  ⇔  |A ∩ B| ≥ t (|A| + |B|) / (1 + t)
	return Math.ceil((FACT_SIMILARITY * (a + b)) / (1 + FACT_SIMILARITY) - EPSILON);
}

/**
 * How many of a fact's rarest words must be indexed (and looked up): two facts that reach the
 * threshold share a word among the first `size - ⌈t·size⌉ + 1` of each, in one global order.
 */
function prefixLength(size: number): number {
	// An empty fact is no one's near-duplicate (Jaccard 0), so it has no prefix.
	return size === 0 ? 0 : size - Math.ceil(FACT_SIMILARITY * size - EPSILON) + 1;
}

/**
 * The kept facts of one family, indexed by the rarest words of each. A fact is offered for
 * another when they share a word in both prefixes at positions that leave enough words after
 * it to reach the threshold (the first word they share is in both prefixes, and no word
 * before it in either fact can be shared).
 */
class FactIndex {
	readonly #rank: ReadonlyMap<string, number>;
	/** Family and word → size of the kept fact → postings. */
	readonly #postings = new Map<string, Map<number, Posting[]>>();

	constructor(facts: readonly Set<string>[]) {
		// Rarest words first, so prefixes hold the words few facts share and lookups stay short.
		const counts = new Map<string, number>();
		for (const fact of facts)
			for (const word of fact) counts.set(word, (counts.get(word) ?? 0) + 1);
		const order = [...counts.keys()].sort(
			(a, b) =>
				(counts.get(a) as number) - (counts.get(b) as number) || (a < b ? -1 : a > b ? 1 : 0)
		);
		this.#rank = new Map(order.map((word, rank) => [word, rank]));
	}

	#ordered(fact: ReadonlySet<string>): string[] {
		return [...fact].sort((a, b) => (this.#rank.get(a) as number) - (this.#rank.get(b) as number));
	}

	add(family: CardKind, fact: ReadonlySet<string>, index: number): void {
		const words = this.#ordered(fact);
		const size = words.length;
		for (let position = 0; position < prefixLength(size); position++) {
			const key = `${family}\u0000${words[position]}`;
			const bySize = this.#postings.get(key) ?? new Map<number, Posting[]>();
			this.#postings.set(key, bySize);
			const postings = bySize.get(size) ?? [];
			bySize.set(size, postings);
			postings.push({ index, position, size });
		}
	}

	/** Indexes of kept facts of `family` that may share `FACT_SIMILARITY` with `fact`, each once. */
	*candidates(family: CardKind, fact: ReadonlySet<string>): Generator<number> {
		const words = this.#ordered(fact);
		const size = words.length;
		const smallest = Math.ceil(FACT_SIMILARITY * size - EPSILON);
		const largest = Math.floor(size / FACT_SIMILARITY + EPSILON);
		const offered = new Set<number>();
		for (let position = 0; position < prefixLength(size); position++) {
			const bySize = this.#postings.get(`${family}\u0000${words[position]}`);
			if (!bySize) continue;
			for (let other = smallest; other <= largest; other++) {
				const postings = bySize.get(other);
				const needed = minimumOverlap(size, other);
				if (!postings || size - position < needed) continue;
				for (const posting of postings) {
					if (posting.size - posting.position < needed || offered.has(posting.index)) continue;
					offered.add(posting.index);
					yield posting.index;
				}
			}
		}
	}
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
	const entries = candidates.map((card): Kept => ({
		card: { ...card },
		family: card.kind,
		front: frontKey(card.front),
		fact: contentTokens(card.fact),
		answer: contentTokens(card.answer),
		lines: null
	}));
	const index = new FactIndex(entries.map((entry) => entry.fact));
	const kept: Kept[] = [];
	/** Family and front → the kept card with that front (lists excepted). */
	const byFront = new Map<string, number>();
	for (const entry of entries) {
		// The first kept card that is the same front or the same fact, as a scan of `kept` finds.
		// A list's front can repeat ("Steps: what are they? (3)") over different items.
		const frontId = `${entry.family}\u0000${entry.front}`;
		let first = entry.family === 'list' ? undefined : byFront.get(frontId);
		for (const i of index.candidates(entry.family, entry.fact)) {
			if (first !== undefined && i >= first) continue;
			const other = kept[i] as Kept;
			if (
				jaccard(other.answer, entry.answer) >= ANSWER_SIMILARITY &&
				jaccard(other.fact, entry.fact) >= FACT_SIMILARITY
			)
				first = i;
		}
		if (first === undefined) {
			if (entry.family !== 'list') byFront.set(frontId, kept.length);
			index.add(entry.family, entry.fact, kept.length);
			kept.push(entry);
			continue;
		}
		const twin = kept[first] as Kept;
		const card = entry.card;
		twin.card.suggested ||= card.suggested;
		const sameFront =
			twin.front === entry.front && (card.kind === 'cloze' || card.kind === 'question');
		if (!sameFront) continue;
		twin.lines ??= new Set(twin.card.back.split('\n'));
		// As before, a back is added unless it is one of the lines already there: a back of
		// several lines (a list cloze) is added again each time.
		if (!twin.lines.has(card.back)) {
			twin.card.back = `${twin.card.back}\n${card.back}`;
			twin.card.answer = `${twin.card.answer}; ${card.answer}`;
			for (const line of card.back.split('\n')) twin.lines.add(line);
		}
	}
	return kept.map((entry) => entry.card);
}
