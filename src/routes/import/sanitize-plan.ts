import type { ImportPlan, Sanitize } from '$lib/transfer/plan';

const CHUNK = 500;

/**
 * Sanitises every HTML card of a plan in place, a chunk at a time, yielding to
 * the page between chunks so a large import keeps the progress bar moving.
 */
export async function sanitizePlan(
	plan: ImportPlan,
	sanitize: Sanitize,
	onProgress: (done: number, total: number) => void
): Promise<void> {
	const cards = plan.decks.flatMap((item) => item.cards).filter((card) => card.format === 'html');
	for (let i = 0; i < cards.length; i += CHUNK) {
		for (const card of cards.slice(i, i + CHUNK)) {
			card.front = sanitize(card.front);
			card.back = sanitize(card.back);
		}
		onProgress(Math.min(i + CHUNK, cards.length), cards.length);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}
