// The study path at heavy-user scale: one deck of 50,000 cards (30,000 reviewed
// ones spread over the next year, 20,000 new) and 200,000 review logs, in
// fake-indexeddb. What matters is that the next card and the counts come from
// index ranges: their cost must not grow with the deck.
import { bench, describe } from 'vitest';
import { createDeck } from '../src/lib/domain/deck-factory';
import {
	CardState,
	DEFAULT_SETTINGS,
	type CardDraft,
	type ReviewLog
} from '../src/lib/domain/models';
import { addDeck } from '../src/lib/storage/decks';
import { deckCounts, nextStudyStep } from '../src/lib/storage/study-queue';
import { testDatabase } from '../src/lib/storage/test-db';

const CARDS = 50_000;
const LOGS = 200_000;
const DAY = 86_400_000;
const now = new Date(2026, 10, 28, 10, 0);
const db = testDatabase();

async function fill() {
	const drafts: CardDraft[] = Array.from({ length: CARDS }, (_, i) => ({
		kind: 'basic',
		front: `Question ${i}`,
		back: `Answer ${i}`,
		tags: [],
		source: null
	}));
	const { deck, cards } = createDeck({
		name: 'Heavy',
		source: null,
		drafts,
		now: new Date(now.getTime() - 400 * DAY)
	});
	cards.forEach((card, i) => {
		if (i >= 30_000) return;
		card.state = CardState.Review;
		card.due = now.getTime() + ((i % 365) - 5) * DAY;
		card.stability = 10;
		card.difficulty = 5;
		card.reps = 3;
		card.last_review = now.getTime() - 10 * DAY;
	});
	await addDeck(db, deck, cards);
	const logs: ReviewLog[] = Array.from({ length: LOGS }, (_, i) => ({
		id: `log-${i}`,
		cardId: cards[i % 30_000]!.id,
		deckId: deck.id,
		rating: 3,
		state: CardState.Review,
		due: 0,
		stability: 10,
		difficulty: 5,
		elapsed_days: 1,
		last_elapsed_days: 1,
		scheduled_days: 1,
		learning_steps: 0,
		review: now.getTime() - (i % 400) * DAY - 1000
	}));
	await db.reviewLogs.bulkAdd(logs);
	return deck.id;
}

const deckId = await fill();

describe(`study path, ${CARDS.toLocaleString()} cards and ${LOGS.toLocaleString()} logs`, () => {
	bench('nextStudyStep (next card + counts)', async () => {
		await nextStudyStep(db, deckId, now, DEFAULT_SETTINGS);
	});
	bench('deckCounts (decks screen)', async () => {
		await deckCounts(db, deckId, now, DEFAULT_SETTINGS);
	});
});
