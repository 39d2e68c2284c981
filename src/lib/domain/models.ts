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
 * The card type, which decides how a card's note is shown. `basic` is a plain
 * front/back; `reversed` is a note studied both ways (two sibling cards); `cloze`
 * hides one numbered deletion per card; `true-false` asks about a statement
 * (made from a refuted misconception); `list` asks for a list to recall;
 * `question` is a basic card the extractor made from a heading.
 */
export type CardKind = 'basic' | 'reversed' | 'true-false' | 'list' | 'cloze' | 'question';
export const CARD_KINDS: readonly CardKind[] = [
	'basic',
	'reversed',
	'true-false',
	'list',
	'cloze',
	'question'
];

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
	/**
	 * Cards made from one note are siblings and share its text: the two directions
	 * of a `reversed` note, each cloze number of a `cloze` note. Other notes have one card.
	 */
	noteId: string;
	/** Which card of its note: 1 for the reverse direction, the cloze number for a cloze, else 0. */
	ord: number;
	kind: CardKind;
	front: string;
	back: string;
	format: TextFormat;
	tags: string[];
	source: SourceRef | null;
	/** Set aside by the user until unsuspended: never shown in study. */
	suspended: boolean;
	/** Buried until this time (the start of the next study day); 0 when not buried. */
	buriedUntil: number;
	/** Creation time; new cards are introduced in this order. */
	created: number;
	/** Last edit of content or scheduling; merges keep the newer one. */
	modified: number;
	/** When it was last reset to new (Forget), if ever: sync replays its history from then. */
	forgottenAt?: number;
	/** For a card from Anki: its note type's styling, a `NoteStyle` id (`$lib/domain/note-style`). */
	style?: string;
}

export interface Deck {
	id: string;
	name: string;
	created: number;
	/** The article the deck was made from, if any. */
	source: { title: string; text: string } | null;
	/** Set on the deck the app ships with, so it can be restored. */
	builtin: boolean;
	/** This deck's own values for some study options; the rest follow the global settings. */
	overrides: Partial<DeckOptions>;
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
	/**
	 * How long the answer took, in ms: from the question shown to the grade, at most
	 * `MAX_ANSWER_MS` (Anki's revlog `time`). Absent for answers recorded before it was kept.
	 */
	duration?: number;
}

/** The longest an answer is counted as taking (Anki's default "maximum answer seconds": 60). */
export const MAX_ANSWER_MS = 60_000;

/** In what order a deck's new cards are introduced. */
export type NewCardOrder = 'article' | 'random';

/** Study options a deck may set for itself (Anki's deck options preset). */
export interface DeckOptions {
	/** FSRS desired retention, 0.7–0.99. */
	desiredRetention: number;
	newPerDay: number;
	reviewsPerDay: number;
	/** Learning steps as ts-fsrs writes them, space-separated: "1m 10m". */
	learningSteps: string;
	relearningSteps: string;
	/** Longest interval FSRS may give, in days. */
	maximumInterval: number;
	newCardOrder: NewCardOrder;
	/** Answering a card buries its siblings until the next day, as Anki does. */
	burySiblings: boolean;
	/**
	 * FSRS-6's 21 parameters as text ("0.212, 1.2931, …", see fsrs-parameters.ts); empty for
	 * the defaults. Optimising fits them to the user's own reviews.
	 */
	fsrsParameters: string;
}

/** Every setting: the deck options' global values and the settings that are global only. */
export interface Settings extends DeckOptions {
	/** Local hour (0–23) at which a study day begins, as Anki's "next day starts at". */
	dayStartHour: number;
	/** Spreads due dates a little so cards learnt together do not stay together. */
	fuzz: boolean;
	/** A swipe on a shown answer grades it, as in AnkiDroid (left Again … up Easy). */
	gradeBySwiping: boolean;
	/** A card's sounds play when its side is shown, as in Anki. */
	playSoundsAutomatically: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
	desiredRetention: 0.9,
	newPerDay: 20,
	reviewsPerDay: 200,
	learningSteps: '1m 10m',
	relearningSteps: '10m',
	maximumInterval: 36500,
	newCardOrder: 'article',
	burySiblings: true,
	fsrsParameters: '',
	dayStartHour: 4,
	fuzz: true,
	gradeBySwiping: false,
	playSoundsAutomatically: true
};

/** The options that apply to one deck: its overrides over the global settings. */
export function deckSettings(settings: Settings, deck: Pick<Deck, 'overrides'>): Settings {
	return { ...settings, ...deck.overrides };
}

/** A card the extractor or an importer proposes, before it has an id or a schedule. */
export interface CardDraft {
	kind: CardKind;
	front: string;
	back: string;
	tags: string[];
	source: SourceRef | null;
}
