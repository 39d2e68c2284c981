import {
	createEmptyCard,
	fsrs,
	GenSeedStrategyWithCardId,
	StrategyMode,
	generatorParameters,
	type Card as FsrsCard,
	type FSRS,
	type Grade as FsrsGrade,
	type RecordLogItem,
	type ReviewLog as FsrsReviewLog
} from 'ts-fsrs';
import {
	GRADES,
	CardState,
	type Grade,
	type ReviewLog,
	type Scheduling,
	type Settings
} from './models';
import { parseParameters } from './fsrs-parameters';
import { parseSteps } from './settings';

export interface SchedulerOptions {
	/** Fuzz spreads due dates so cards learnt together do not stay together. Off in tests. */
	fuzz: boolean;
}

/** What one grade would do to a card: its next scheduling state and the log of the answer. */
export interface ReviewOutcome {
	scheduling: Scheduling;
	log: Omit<ReviewLog, 'id' | 'cardId' | 'deckId'>;
}

export type ReviewPreview = Record<Grade, ReviewOutcome>;

/** A card's schedule, with its id when it has one (it seeds the fuzz). */
export type SchedulableCard = Scheduling & { id?: string };

/**
 * FSRS as the app uses it, with the user's (or the deck's) desired retention, learning
 * and relearning steps and maximum interval. `now` is always passed in.
 *
 * @example
 * const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
 * const card = newScheduling(new Date('2026-01-01T09:00:00Z'));
 * const { scheduling } = scheduler.review(card, Grade.Good, new Date('2026-01-01T09:00:00Z'));
 * scheduling.due - card.due; // 600_000 (10 minutes: the second learning step)
 */
export function createScheduler(
	settings: Pick<
		Settings,
		'desiredRetention' | 'maximumInterval' | 'learningSteps' | 'relearningSteps'
	> &
		Partial<Pick<Settings, 'fsrsParameters'>>,
	options: SchedulerOptions
) {
	const engine: FSRS = fsrs(
		generatorParameters({
			request_retention: settings.desiredRetention,
			w: parseParameters(settings.fsrsParameters ?? ''),
			maximum_interval: settings.maximumInterval,
			enable_fuzz: options.fuzz,
			enable_short_term: true,
			learning_steps: parseSteps(settings.learningSteps),
			relearning_steps: parseSteps(settings.relearningSteps)
		})
		// Fuzz is seeded by card and repetition, not by the clock, so the interval a
		// button shows when the answer is revealed is the one the tap then gives.
	).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('id'));

	function outcome(item: RecordLogItem, now: Date): ReviewOutcome {
		return {
			scheduling: capInterval(fromFsrsCard(item.card), now, settings.maximumInterval),
			log: fromFsrsLog(item.log)
		};
	}

	return {
		/** The outcome of each of the four grades, for the interval shown on each button. */
		preview(card: SchedulableCard, now: Date): ReviewPreview {
			const record = engine.repeat(toFsrsCard(card), now);
			const preview = {} as ReviewPreview;
			for (const grade of GRADES) preview[grade] = outcome(record[grade as FsrsGrade], now);
			return preview;
		},

		/** Applies one answer. */
		review(card: SchedulableCard, grade: Grade, now: Date): ReviewOutcome {
			return outcome(engine.next(toFsrsCard(card), now, grade as FsrsGrade), now);
		},

		/** The chance (0–1) of recalling the card at `now`; null for a card never studied. */
		retrievability(card: SchedulableCard, now: Date): number | null {
			if (card.state === CardState.New) return null;
			return engine.get_retrievability(toFsrsCard(card), now, false);
		}
	};
}

export type Scheduler = ReturnType<typeof createScheduler>;

/** The scheduling state of a card nobody has studied yet, due at `now`. */
export function newScheduling(now: Date): Scheduling {
	return fromFsrsCard(createEmptyCard(now));
}

/**
 * ts-fsrs keeps Hard < Good < Easy by adding a day after clamping to the maximum
 * interval, so Easy can land two days past it. The user's maximum is a promise:
 * hold it.
 */
function capInterval(card: Scheduling, now: Date, maximumDays: number): Scheduling {
	if (card.scheduled_days <= maximumDays) return card;
	return { ...card, scheduled_days: maximumDays, due: now.getTime() + maximumDays * 86_400_000 };
}

// The one mapper between ts-fsrs's Date-based records and the stored epoch-ms ones.

function toFsrsCard(card: SchedulableCard): FsrsCard & { id?: string } {
	return {
		id: card.id,
		due: new Date(card.due),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review === null ? undefined : new Date(card.last_review)
	};
}

function fromFsrsCard(card: FsrsCard): Scheduling {
	return {
		due: card.due.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as number as CardState,
		last_review: card.last_review ? card.last_review.getTime() : null
	};
}

function fromFsrsLog(log: FsrsReviewLog): ReviewOutcome['log'] {
	return {
		rating: log.rating as number as Grade,
		state: log.state as number as CardState,
		due: log.due.getTime(),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsed_days,
		last_elapsed_days: log.last_elapsed_days,
		scheduled_days: log.scheduled_days,
		learning_steps: log.learning_steps,
		review: log.review.getTime()
	};
}
