import type { Card, ReviewLog } from '$lib/domain/models';
import type { ImportPlan } from '$lib/transfer/plan';

/** Rows per message: small enough that receiving one is a short task on the page. */
const ROWS_PER_PART = 4000;

export type PlanPart = { deck: number; cards: Card[] } | { deck: number; logs: ReviewLog[] };

/**
 * Splits a plan for sending from a worker: the rows go out in parts, and the
 * plan itself, emptied of them, goes last. `PlanAssembler` puts it back together.
 */
export function* planParts(plan: ImportPlan): Generator<PlanPart, ImportPlan> {
	for (const [deck, item] of plan.decks.entries()) {
		for (let i = 0; i < item.cards.length; i += ROWS_PER_PART)
			yield { deck, cards: item.cards.slice(i, i + ROWS_PER_PART) };
		for (let i = 0; i < item.logs.length; i += ROWS_PER_PART)
			yield { deck, logs: item.logs.slice(i, i + ROWS_PER_PART) };
	}
	return {
		...plan,
		decks: plan.decks.map((item) => ({ ...item, cards: [], logs: [] }))
	} as ImportPlan;
}

/** Collects the parts sent by `planParts`, then fills the emptied plan with them. */
export class PlanAssembler {
	#cards: Card[][] = [];
	#logs: ReviewLog[][] = [];

	add(part: PlanPart): void {
		if ('cards' in part) (this.#cards[part.deck] ??= []).push(...part.cards);
		else (this.#logs[part.deck] ??= []).push(...part.logs);
	}

	finish(plan: ImportPlan): ImportPlan {
		plan.decks.forEach((item, deck) => {
			item.cards = this.#cards[deck] ?? [];
			item.logs = this.#logs[deck] ?? [];
		});
		return plan;
	}
}
