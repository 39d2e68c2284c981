import type { Card } from './models';

/**
 * Where a card sits for study, as Anki's `queue`: its FSRS state (0 new, 1 learning,
 * 2 review, 3 relearning) when it may be studied, or a negative number when the user
 * set it aside. Storage keeps it in an index so that the study path never reads a
 * suspended card, and reads buried ones only to give them back when their day is over.
 */
export const Queue = { Suspended: -1, Buried: -2 } as const;

/**
 * @example
 * queueOf({ state: 2, suspended: false, buriedUntil: 0 }); // 2
 * queueOf({ state: 2, suspended: true, buriedUntil: 0 }); // -1
 */
export function queueOf(card: Pick<Card, 'state' | 'suspended' | 'buriedUntil'>): number {
	if (card.suspended) return Queue.Suspended;
	if (card.buriedUntil > 0) return Queue.Buried;
	return card.state;
}
