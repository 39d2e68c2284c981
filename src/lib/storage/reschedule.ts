import { cardHistories } from '$lib/domain/review-history';
import { deckSettings, type Card, type Deck, type Settings } from '$lib/domain/models';
import { rescheduledCard } from '$lib/domain/reschedule';
import { createScheduler } from '$lib/domain/scheduler';
import type { FlashcardsDB } from './db';

/**
 * Recomputes the schedule of a deck's cards from their review history with the deck's
 * current options (parameters, desired retention, steps), in one transaction: all of the
 * deck's cards or none. Cards the history says nothing about keep their schedule.
 *
 * @example
 * const changed = await rescheduleDeck(db, deck, settings, new Date());
 */
export async function rescheduleDeck(
	db: FlashcardsDB,
	deck: Deck,
	settings: Settings,
	now: Date
): Promise<number> {
	const scheduler = createScheduler(deckSettings(settings, deck), { fuzz: settings.fuzz });
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const cards = await db.cards.where('deckId').equals(deck.id).toArray();
		const logs = await db.reviewLogs
			.where('[deckId+review]')
			.between([deck.id, -Infinity], [deck.id, Infinity])
			.toArray();
		const histories = new Map(cardHistories(logs).map((h) => [h.cardId, h.answers]));
		const changed: Card[] = [];
		for (const card of cards) {
			const answers = histories.get(card.id);
			const rescheduled = answers ? rescheduledCard(card, answers, scheduler) : null;
			if (rescheduled) changed.push({ ...rescheduled, modified: now.getTime() });
		}
		await db.cards.bulkPut(changed);
		return changed.length;
	});
}
