/**
 * The app's own record types. Dates are epoch milliseconds everywhere outside the
 * scheduler: IndexedDB indexes numbers cheaply and files round-trip them exactly.
 * Scheduling fields keep ts-fsrs's names so a reader of its docs recognises them.
 */

/** ts-fsrs's `State`, as stored. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

/** ts-fsrs's grades (`Rating` without Manual). */
export const Grade = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Grade = (typeof Grade)[keyof typeof Grade];
export const GRADES: readonly Grade[] = [Grade.Again, Grade.Hard, Grade.Good, Grade.Easy];

/**
 * How a card was made. `basic` is a plain front/back; the others come from the
 * article extractor (`true-false` for a refuted misconception, `list` for a list
 * to recall, `cloze` for a blanked key phrase, `question` for a heading question).
 */
export type CardKind = 'basic' | 'true-false' | 'list' | 'cloze' | 'question';
export const CARD_KINDS: readonly CardKind[] = ['basic', 'true-false', 'list', 'cloze', 'question'];

/** Where in its article a card came from, so study can show the passage after answering. */
export interface SourceRef {
	/** The heading the passage sits under, if any. */
	heading: string | null;
	/** Index of the paragraph (block) in the article, from 0. */
	paragraph: number;
	/** Character offsets of the passage inside that paragraph: [start, end). */
	start: number;
	end: number;
	/** The passage itself, kept so it can be shown without the whole article. */
	text: string;
}

/** The FSRS memory state of a card: ts-fsrs's `Card` with dates as epoch ms. */
export interface Scheduling {
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	reps: number;
	lapses: number;
	state: CardState;
	last_review: number | null;
}

/** Card text is plain text unless it came from an HTML source (Anki); then it is sanitised HTML. */
export type TextFormat = 'text' | 'html';

export interface Card extends Scheduling {
	id: string;
	deckId: string;
	kind: CardKind;
	front: string;
	back: string;
	format: TextFormat;
	tags: string[];
	source: SourceRef | null;
	/** Creation time; new cards are introduced in this order. */
	created: number;
	/** Last edit of content or scheduling; merges keep the newer one. */
	modified: number;
}

export interface Deck {
	id: string;
	name: string;
	created: number;
	/** The article the deck was made from, if any. */
	source: { title: string; text: string } | null;
	/** Set on the deck the app ships with, so it can be restored. */
	builtin: boolean;
}

/** One answer: ts-fsrs's `ReviewLog` with dates as epoch ms, tied to its card and deck. */
export interface ReviewLog {
	id: string;
	cardId: string;
	deckId: string;
	rating: Grade;
	/** The card's state before this review. */
	state: CardState;
	due: number;
	stability: number;
	difficulty: number;
	elapsed_days: number;
	last_elapsed_days: number;
	scheduled_days: number;
	learning_steps: number;
	/** When the answer was given. */
	review: number;
}

export interface Settings {
	/** FSRS desired retention, 0.7–0.99. */
	desiredRetention: number;
	newPerDay: number;
	reviewsPerDay: number;
	/** Local hour (0–23) at which a study day begins, as Anki's "next day starts at". */
	dayStartHour: number;
	/** Longest interval FSRS may give, in days. */
	maximumInterval: number;
}

export const DEFAULT_SETTINGS: Settings = {
	desiredRetention: 0.9,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	maximumInterval: 36500
};

/** A card the extractor or an importer proposes, before it has an id or a schedule. */
export interface CardDraft {
	kind: CardKind;
	front: string;
	back: string;
	tags: string[];
	source: SourceRef | null;
}
