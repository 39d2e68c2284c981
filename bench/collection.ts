/**
 * The synthetic heavy-user collection the browser benchmark seeds and imports: the one place
 * that builds bench cards and review logs. Cards come from the app's `createDeck`, so any
 * field the card model gains is filled there; only the scheduling is overwritten here, to
 * look like a collection that has been studied for years.
 */
import { createDeck } from '$lib/domain/deck-factory';
import {
	CardState,
	type Card,
	type CardDraft,
	type Deck,
	type Grade,
	type ReviewLog
} from '$lib/domain/models';

export interface CollectionSize {
	decks: number;
	cards: number;
	logs: number;
}

/** What the issue asks for: a heavy user's collection. */
export const FULL_SIZE: CollectionSize = { decks: 20, cards: 50_000, logs: 500_000 };
/** A smoke run: the same shape, small enough for CI. */
export const QUICK_SIZE: CollectionSize = { decks: 2, cards: 2_000, logs: 20_000 };

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Card `i` of a deck: the words differ per card so a search can hit few or many. */
function draft(deckIndex: number, i: number): CardDraft {
	const topic = TOPICS[i % TOPICS.length]!;
	return {
		kind: 'basic',
		front: `${topic} ${i} (deck ${deckIndex + 1}): what does rule ${i * 7 + deckIndex} say?`,
		back: `Rule ${i * 7 + deckIndex} says that ${topic} number ${i} follows from ${(i * 31) % 997}.`,
		tags: ['bench', topic],
		source: null
	};
}

const TOPICS = ['anatomy', 'botany', 'chemistry', 'geology', 'history', 'kanji', 'law', 'music'];

export function benchDeckId(index: number): string {
	return `bench-deck-${String(index + 1).padStart(2, '0')}`;
}

/**
 * One deck of `count` cards as of `now`: about 20 % new, 2 % learning, 1 % relearning and
 * the rest in review, with due dates spread from 60 days overdue to ten months ahead (so
 * about 15 % of reviews are due today, more than 300 in a 2,500-card deck).
 */
export function benchDeck(
	index: number,
	count: number,
	now: number,
	name = `Bench deck ${index + 1}`,
	id = benchDeckId(index)
): { deck: Deck; cards: Card[] } {
	const drafts = Array.from({ length: count }, (_, i) => draft(index, i));
	const { deck, cards } = createDeck({
		name,
		source: null,
		drafts,
		now: new Date(now - 1000 * DAY),
		newId: (i) => (i === 'deck' ? id : `${id}-c${i}`)
	});
	for (let i = 0; i < cards.length; i++) cards[i] = { ...cards[i]!, ...schedulingFor(i, now) };
	return { deck, cards };
}

function schedulingFor(i: number, now: number): Partial<Card> {
	const slot = i % 100;
	if (slot < 20) return {}; // new: createDeck's schedule
	const stability = 2 + ((i * 13) % 300);
	const difficulty = 1 + ((i * 7) % 90) / 10;
	if (slot < 22)
		return learning(CardState.Learning, now - ((i % 9) + 1) * MINUTE, i, stability, difficulty);
	if (slot < 23)
		return learning(CardState.Relearning, now + ((i % 30) + 1) * MINUTE, i, stability, difficulty);
	const scheduled = 1 + ((i * 17) % 360);
	const due = now + (((i * 37) % 360) - 60) * DAY + (i % 1440) * MINUTE;
	return {
		state: CardState.Review,
		due,
		stability,
		difficulty,
		elapsed_days: scheduled,
		scheduled_days: scheduled,
		learning_steps: 0,
		reps: 3 + (i % 20),
		lapses: i % 4,
		last_review: due - scheduled * DAY
	};
}

function learning(
	state: CardState,
	due: number,
	i: number,
	stability: number,
	difficulty: number
): Partial<Card> {
	return {
		state,
		due,
		stability,
		difficulty,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 1,
		reps: 1 + (i % 5),
		lapses: state === CardState.Relearning ? 1 : 0,
		last_review: due - 10 * MINUTE
	};
}

/**
 * `count` review logs for the studied cards of one deck, every one before `before` (the start
 * of today's study day, so today's limits are untouched): card by card, each log three days
 * before the next one of the same card. A card's oldest log answers it as new, as a real
 * history starts, so the optimiser has histories to fit.
 */
export function benchLogs(cards: readonly Card[], count: number, before: number): ReviewLog[] {
	const studied = cards.filter((card) => card.state !== CardState.New);
	const logs: ReviewLog[] = [];
	if (studied.length === 0) return logs;
	for (let n = 0; n < count; n++) {
		const card = studied[n % studied.length]!;
		const round = Math.floor(n / studied.length);
		const oldest = Math.floor((count - 1 - (n % studied.length)) / studied.length);
		const review = Math.min(card.last_review ?? before, before - DAY) - round * 3 * DAY - (n % 997);
		logs.push({
			id: `${card.id}-l${round}`,
			cardId: card.id,
			deckId: card.deckId,
			rating: (n % 10 === 0 ? 1 : n % 10 === 1 ? 2 : n % 10 === 9 ? 4 : 3) as Grade,
			state: round === oldest ? CardState.New : round === 0 ? CardState.Review : CardState.Learning,
			due: review,
			stability: card.stability,
			difficulty: card.difficulty,
			elapsed_days: 3,
			last_elapsed_days: 3,
			scheduled_days: 3,
			learning_steps: 0,
			review
		});
	}
	return logs;
}
