/**
 * Rescheduling from history: when FSRS's parameters or the desired retention change, a
 * card's memory state and due date are recomputed by answering it again, in order, as its
 * history says, with the new scheduler (Anki's "Reschedule cards on change").
 */

import { parseParameters } from './fsrs-parameters';
import { CardState, type Card, type DeckOptions } from './models';
import type { HistoryAnswer } from './review-history';
import { newScheduling, type Scheduler } from './scheduler';

/**
 * The card as the scheduler would have it after its history, or null when that changes
 * nothing or the history does not say: a new card (never answered, or reset since), no
 * history, or a card changed since its last logged answer (an imported schedule whose
 * history is missing its end).
 *
 * @example
 * rescheduledCard(card, cardHistories(logs)[0].answers, createScheduler(settings, { fuzz: true }));
 */
export function rescheduledCard(
	card: Card,
	answers: readonly HistoryAnswer[],
	scheduler: Scheduler
): Card | null {
	const last = answers[answers.length - 1];
	const first = answers[0];
	if (card.state === CardState.New || !first || !last) return null;
	if (card.last_review !== null && card.last_review > last.review) return null;
	let scheduling = newScheduling(new Date(first.review));
	for (const answer of answers) {
		const replayed = { ...scheduling, id: card.id };
		scheduling = scheduler.review(replayed, answer.rating, new Date(answer.review)).scheduling;
	}
	// The counts stay the card's own (an Anki card's lifetime reps and lapses, say): the replay
	// counts only since the history's start.
	const rescheduled = { ...card, ...scheduling, reps: card.reps, lapses: card.lapses };
	return SCHEDULE_FIELDS.every((field) => rescheduled[field] === card[field]) ? null : rescheduled;
}

/** The fields rescheduling may change. */
const SCHEDULE_FIELDS = [
	'due',
	'stability',
	'difficulty',
	'elapsed_days',
	'scheduled_days',
	'learning_steps',
	'state',
	'last_review'
] as const;

/**
 * Which of the options that shape how FSRS schedules existing cards new options change:
 * the parameters, the desired retention, or neither (steps and limits apply from the next
 * answer on).
 *
 * @example
 * memoryModelChanges(settings, { ...settings, desiredRetention: 0.95 }); // ['desiredRetention']
 */
export function memoryModelChanges(
	before: Pick<DeckOptions, 'desiredRetention' | 'fsrsParameters'>,
	after: Pick<DeckOptions, 'desiredRetention' | 'fsrsParameters'>
): ('desiredRetention' | 'fsrsParameters')[] {
	const changed: ('desiredRetention' | 'fsrsParameters')[] = [];
	if (before.desiredRetention !== after.desiredRetention) changed.push('desiredRetention');
	const a = parseParameters(before.fsrsParameters);
	const b = parseParameters(after.fsrsParameters);
	if (a.some((w, i) => w !== b[i])) changed.push('fsrsParameters');
	return changed;
}
