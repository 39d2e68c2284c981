import { describe, expect, it } from 'vitest';
import { sampleDeck } from '$lib/storage/fixtures';
import type { ImportPlan } from '$lib/transfer/plan';
import { PlanAssembler, planParts, type PlanPart } from './plan-parts';
import { testLog } from '$lib/domain/testing/records';

describe('planParts and PlanAssembler', () => {
	it('send a large plan in parts and put it back together exactly', () => {
		const a = sampleDeck(9000, new Date(2026, 0, 1), 'a');
		const b = sampleDeck(3, new Date(2026, 0, 1), 'b');
		const logs = a.cards
			.slice(0, 5000)
			.map((card, i) => testLog({ id: `log-${i}`, cardId: card.id, deckId: 'a', review: i }));
		const plan: ImportPlan = {
			kind: 'decks',
			sourceFormat: 'deck-json',
			decks: [
				{ ...a, logs, warnings: ['one'] },
				{ ...b, logs: [], warnings: [] }
			]
		};
		const expected = structuredClone(plan);

		const parts: PlanPart[] = [];
		const generator = planParts(plan);
		let step = generator.next();
		while (!step.done) {
			parts.push(structuredClone(step.value));
			step = generator.next();
		}
		expect(parts.length).toBe(3 + 2 + 1); // 9000 cards, 5000 logs, 3 cards
		expect(step.value.decks[0]!.cards).toEqual([]);

		const assembler = new PlanAssembler();
		for (const part of parts) assembler.add(part);
		expect(assembler.finish(structuredClone(step.value))).toEqual(expected);
	});
});
