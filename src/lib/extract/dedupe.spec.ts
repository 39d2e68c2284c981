import { describe, expect, it } from 'vitest';
import type { CardKind } from '$lib/domain/models';
import type { Candidate } from './candidate';
import { FACT_SIMILARITY, mergeNearDuplicates } from './dedupe';
import { contentTokens, jaccard } from './tokens';

function candidate(
	kind: CardKind,
	front: string,
	back: string,
	fact = back,
	answer = back
): Candidate {
	return {
		kind,
		front,
		back,
		suggested: true,
		source: { heading: null, paragraph: 0, start: 0, end: 0, text: '' },
		tag: kind,
		fact,
		answer,
		order: [0, 0, 0]
	};
}

describe('mergeNearDuplicates', () => {
	it('keeps the first of two cards testing the same fact', () => {
		const merged = mergeNearDuplicates([
			candidate(
				'true-false',
				'True or false: tea is always served cold.',
				'False.',
				'tea is always served cold',
				'tea is always served cold'
			),
			candidate(
				'true-false',
				'True or false: tea is served cold, always.',
				'False!',
				'tea is served cold always',
				'tea is served cold always'
			)
		]);
		expect(merged.map((c) => c.back)).toEqual(['False.']);
	});

	it('keeps cards on different facts', () => {
		expect(
			mergeNearDuplicates([
				candidate('cloze', 'Tea is […].', 'Tea is hot.', 'tea hot', 'hot'),
				candidate('cloze', 'Coffee is […].', 'Coffee is bitter.', 'coffee bitter', 'bitter')
			])
		).toHaveLength(2);
	});

	it('merges clozes with the same front into one card with every answer', () => {
		const merged = mergeNearDuplicates([
			candidate(
				'cloze',
				'The chef must be able to […].',
				'The chef must be able to cook.',
				'chef cook',
				'cook'
			),
			candidate(
				'cloze',
				'The chef must be able to […].',
				'The chef must be able to clean.',
				'chef clean',
				'clean'
			)
		]);
		expect(merged).toHaveLength(1);
		expect(merged[0]?.back).toBe('The chef must be able to cook.\nThe chef must be able to clean.');
	});

	it('keeps list cards with the same front but different items, and cards of different kinds', () => {
		expect(
			mergeNearDuplicates([
				candidate('list', 'Steps: what are they? (3)', '• a\n• b\n• c', 'alpha beta gamma'),
				candidate('list', 'Steps: what are they? (3)', '• x\n• y\n• z', 'delta epsilon zeta')
			])
		).toHaveLength(2);
		expect(
			mergeNearDuplicates([
				candidate('question', 'What is tea?', 'Tea is a drink.'),
				candidate('cloze', 'Tea is […].', 'Tea is a drink.', 'Tea is a drink.', 'a drink')
			])
		).toHaveLength(2);
	});

	it('does not change the cards it was given', () => {
		const first = candidate('cloze', 'A […].', 'A b.', 'a b', 'b');
		mergeNearDuplicates([first, candidate('cloze', 'A […].', 'A c.', 'a c', 'c')]);
		expect(first.back).toBe('A b.');
	});

	it('merges 15,000 candidates that share most of their words', () => {
		// The cards of 3,000 sentences "Tools such as a, b, c, xN are used.": a list card and a
		// cloze per item each. All share "tool", "b" and "c", but only the clozes that blank xN
		// (one front) are merged.
		const candidates = Array.from({ length: 3000 }, (_, n) => {
			const items = ['a', 'b', 'c', `x${n}`];
			const sentence = (blank: number) =>
				`Tools such as ${items.map((item, i) => (i === blank ? '[…]' : item)).join(', ')} are used.`;
			return [
				candidate('list', `What are tools such as x${n}? (4)`, items.join('\n'), items.join('; ')),
				...items.map((item, i) =>
					candidate('cloze', sentence(i), sentence(-1), `${sentence(-1)} ${item}`, item)
				)
			];
		}).flat();
		expect(mergeNearDuplicates(candidates)).toHaveLength(12_001);
	});

	it('merges 10,000 clozes with one front', () => {
		const candidates = Array.from({ length: 10_000 }, () =>
			candidate(
				'cloze',
				'Kinds:\n• […]\n• Black',
				'Kinds:\n• Green\n• Black',
				'kinds green black',
				'green'
			)
		);
		expect(mergeNearDuplicates(candidates)).toHaveLength(1);
	});

	it('merges exactly as comparing every card with every kept card would', () => {
		/** The rule as first written: a scan of every kept card, quadratic but plain. */
		function byDefinition(cards: readonly Candidate[]): Candidate[] {
			const key = (front: string) =>
				front
					.toLowerCase()
					.replace(/[^\p{L}\p{N}[\]…]+/gu, ' ')
					.trim();
			const kept: { card: Candidate; front: string; fact: Set<string>; answer: Set<string> }[] = [];
			for (const card of cards) {
				const entry = {
					card: { ...card },
					front: key(card.front),
					fact: contentTokens(card.fact),
					answer: contentTokens(card.answer)
				};
				const twin = kept.find(
					(other) =>
						other.card.kind === card.kind &&
						((other.front === entry.front && card.kind !== 'list') ||
							(jaccard(other.fact, entry.fact) >= FACT_SIMILARITY &&
								jaccard(other.answer, entry.answer) >= 0.5))
				);
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

		// Few words and fronts, so that many cards are near-duplicates or share a front.
		let seed = 7;
		const next = (n: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % n;
		};
		const words = 'tea leaf cup pot kettle water steam green black oolong the of'.split(' ');
		const phrase = (size: number) =>
			Array.from({ length: size }, () => words[next(words.length)]).join(' ');
		const kinds = ['cloze', 'list', 'question', 'true-false'] as const;
		let kept = 0;
		let mergedBacks = 0;
		for (let round = 0; round < 40; round++) {
			const cards = Array.from({ length: 150 }, () => {
				const fact = phrase(1 + next(12));
				const answer =
					next(4) === 0 ? phrase(1 + next(3)) : fact.split(' ').slice(next(3)).join(' ');
				const card = candidate(
					kinds[next(4)] ?? 'cloze',
					`Front ${next(30)}.`,
					next(3) === 0 ? `Back ${next(4)}\nline` : `Back ${next(4)}`,
					fact,
					answer
				);
				return { ...card, suggested: next(2) === 0 };
			});
			const expected = byDefinition(cards);
			expect(mergeNearDuplicates(cards)).toEqual(expected);
			kept += expected.length;
			mergedBacks += expected.filter((card) => card.answer.includes('; ')).length;
		}
		// The cases are mixed: many cards merged, many kept, many backs joined.
		expect(kept).toBeGreaterThan(1000);
		expect(kept).toBeLessThan(5000);
		expect(mergedBacks).toBeGreaterThan(100);
	});
});
