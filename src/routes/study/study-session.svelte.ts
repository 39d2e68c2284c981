import {
	GRADES,
	MAX_ANSWER_MS,
	deckSettings,
	type Card,
	type Deck,
	type Grade,
	type Settings
} from '$lib/domain/models';
import { formatInterval } from '$lib/domain/interval-format';
import { saveCardEdit, type CardEdit } from '$lib/ui/card-edit';
import { CardChangedError } from '$lib/errors';
import { createScheduler, type Scheduler } from '$lib/domain/scheduler';
import { nextStudyDayStart } from '$lib/domain/study-day';
import {
	buryCards,
	setSuspended,
	undoCardChanges,
	type CardsUndo
} from '$lib/storage/card-actions';
import { todaysLimits, type CustomStudyRequest } from '$lib/domain/custom-study';
import { buildDeckTree, findNode, sortDeckTree, subtreeDecks } from '$lib/domain/deck-tree';
import { loadCustomStudy, studyMoreToday } from '$lib/storage/custom-study';
import type { FlashcardsDB } from '$lib/storage/db';
import { listDecks } from '$lib/storage/decks';
import { answerCard, undoAnswer, type Answer } from '$lib/storage/reviews';
import { loadSettings } from '$lib/storage/settings';
import { noteStudying } from '$lib/storage/study-activity';
import { prepareCard } from '$lib/ui/cards/card-html';
import {
	nextTargetStep,
	targetCounts,
	type StudyStep,
	type StudyTarget
} from '$lib/storage/study-queue';

export interface GradeChoice {
	grade: Grade;
	label: 'Again' | 'Hard' | 'Good' | 'Easy';
	interval: string;
}

const LABELS = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

export type AnswerOutcome =
	| { kind: 'recorded' }
	/** Not answerable now (no answer shown, or this card already answered): nothing happened. */
	| { kind: 'ignored' }
	/** Another tab answered or deleted the card first; nothing was counted. */
	| { kind: 'changed-elsewhere'; message: string };

/**
 * One step the user can take back, and the card to show when it is: an answer (with
 * the siblings it buried), or a bury, suspend or edit of the card on screen.
 */
type UndoEntry =
	{ kind: 'answer'; answer: Answer } | { kind: 'change'; change: CardsUndo; show: Card };

/** A step read ahead this long ago may have missed a learning card coming due: read it again. */
const READ_AHEAD_FRESH_MS = 30_000;

/** What is studied: a deck with its children (`deck`), a parent that is only a group of decks (`group`), or every deck. */
export type StudyChoice = { deck: string } | { group: string } | 'all';

/**
 * One study session over a deck and its children (or every deck): which card is up, whether its answer is
 * shown, and the undo history. The clock is read here, at the edge, and passed
 * into the domain and storage code.
 *
 * Every write (an answer, bury, suspend, edit, undo) runs after the one before it
 * has finished (`#serial`), so the undo stack keeps the order things happened in and
 * a read ahead never sees a half-done answer, even when the next card was shown
 * before the previous answer was written.
 */
export class StudySession {
	/** The deck chosen, when one was (not for a group or Study all). */
	deck = $state.raw<Deck | null>(null);
	/** What the screen is titled: the deck's name, the group's, or "All decks". */
	title = $state<string | null>(null);
	// Raw, not deep proxies: cards go back into IndexedDB, which cannot clone a Proxy.
	step = $state.raw<StudyStep | null>(null);
	revealed = $state(false);
	choices = $state.raw<GradeChoice[]>([]);
	/** Settings' "Grade by swiping", as it was when the session opened. */
	gradeBySwiping = $state(false);
	playSoundsAutomatically = $state(true);
	/** True while the screen waits on storage (the grade buttons are disabled). */
	busy = $state(false);
	#undoStack = $state.raw<UndoEntry[]>([]);
	/** The chosen deck's options over the global settings (the global ones for a group). */
	#settings: Settings | null = null;
	/** The decks studied and their limits. */
	#target: StudyTarget | null = null;
	/** What was opened, to open again with new limits (custom study). */
	#choice: StudyChoice | null = null;
	/** Each deck's options and scheduler: a card is scheduled by its own deck's. */
	#schedulers = new Map<string, Scheduler>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** The step after the card on screen, read while its answer is shown (see `reveal`). */
	#upcoming: { cardId: string; at: number; step: Promise<StudyStep | null> } | null = null;
	/** The last write started; the next one waits for it. */
	#writing: Promise<unknown> = Promise.resolve();
	/** The card whose answer is being written, so a second tap on it does nothing. */
	#answering: string | null = null;
	/** When the card on screen was shown: its answer's duration runs from here. */
	#shownAt = 0;

	readonly db: FlashcardsDB;
	readonly clock: () => Date;

	constructor(db: FlashcardsDB, clock: () => Date = () => new Date()) {
		this.db = db;
		this.clock = clock;
	}

	get card(): Card | null {
		return this.step?.kind === 'card' ? this.step.card : null;
	}

	get canUndo(): boolean {
		return this.#undoStack.length > 0 && !this.busy;
	}

	/**
	 * Loads what is to be studied: a deck with its children, a group, or every deck. False
	 * when there is no such deck, or nothing at all.
	 */
	async open(choice: StudyChoice): Promise<boolean> {
		// One transaction for the three reads: each is a round trip on a cold start.
		const [decks, settings, extra] = await this.db.transaction(
			'r',
			this.db.decks,
			this.db.settings,
			() => Promise.all([listDecks(this.db), loadSettings(this.db), loadCustomStudy(this.db)])
		);
		// Only the part studied is put in order: sorting costs a cold start time (`sortDeckTree`).
		const tree = buildDeckTree(decks, { sorted: false });
		const sortedNode = (name: string) => {
			const node = findNode(tree, name);
			if (node) sortDeckTree(node.children);
			return node;
		};
		let chosen: Deck[];
		let root: Deck | null = null;
		if (choice === 'all') {
			sortDeckTree(tree);
			chosen = tree.flatMap(subtreeDecks);
		} else if ('group' in choice) {
			const node = sortedNode(choice.group);
			chosen = node ? subtreeDecks(node) : [];
		} else {
			root = decks.find((deck) => deck.id === choice.deck) ?? null;
			const node = root ? sortedNode(root.name) : null;
			// The deck first, then its children's decks (the node may hold a namesake).
			chosen = root
				? [root, ...(node ? subtreeDecks(node) : []).filter((deck) => deck.id !== root?.id)]
				: [];
		}
		if (chosen.length === 0) return false;
		this.deck = root;
		this.title =
			root?.name ?? (choice === 'all' ? 'All decks' : (choice as { group: string }).group);
		this.#settings = root ? deckSettings(settings, root) : settings;
		this.gradeBySwiping = settings.gradeBySwiping;
		this.playSoundsAutomatically = settings.playSoundsAutomatically;
		this.#choice = choice;
		const now = this.clock();
		const options = chosen.map((deck) => ({ id: deck.id, options: deckSettings(settings, deck) }));
		// Today's limits include what custom study added.
		const limits = options.map(({ id, options: own }) => ({
			id,
			limits: todaysLimits(own, extra[id], now)
		}));
		// A chosen deck's own limits cap its whole tree (Anki v3); a group has none of its own.
		this.#target = { decks: limits, total: root ? limits[0]!.limits : null };
		this.#schedulers = new Map(
			options.map(({ id, options: own }) => [id, createScheduler(own, { fuzz: settings.fuzz })])
		);
		await this.advance();
		return true;
	}

	/**
	 * Custom study for the chosen deck (Anki's, once a deck is done for the day): more new
	 * cards or reviews today, or reviews due in the next days now. Studying goes on at once.
	 */
	async studyMore(request: CustomStudyRequest): Promise<void> {
		const deck = this.deck;
		const choice = this.#choice;
		if (!deck || !choice || !this.#settings) return;
		await studyMoreToday(this.db, deck.id, request, this.clock(), this.#settings.dayStartHour);
		await this.open(choice);
	}

	#schedulerFor(card: Card): Scheduler | null {
		return this.#schedulers.get(card.deckId) ?? null;
	}

	/** Shows the answer and the interval each grade would give. */
	reveal(): void {
		const card = this.card;
		const scheduler = card ? this.#schedulerFor(card) : null;
		if (!card || this.revealed || !scheduler) return;
		const now = this.clock();
		const preview = scheduler.preview(card, now);
		this.choices = GRADES.map((grade) => ({
			grade,
			label: LABELS[grade],
			interval: formatInterval(preview[grade].scheduling.due - now.getTime())
		}));
		this.revealed = true;
		noteStudying(this.db);
		// Read on showing the card; read again if the card has been up a while.
		const upcoming = this.#upcoming;
		if (upcoming?.cardId !== card.id || now.getTime() - upcoming.at >= READ_AHEAD_FRESH_MS)
			this.#readUpcoming(card);
	}

	/**
	 * Reads the step after `card` as soon as it is shown (once any write still going has
	 * finished), so that a grade can show the next card at once and write the answer
	 * behind it. A failed read only means the answer takes the slower path.
	 */
	#readUpcoming(card: Card): void {
		const target = this.#target;
		const settings = this.#settings;
		if (!target || !settings) return;
		const answered = { card, buryNote: settings.burySiblings };
		const read = async () => {
			await this.#writing.catch(() => {});
			return nextTargetStep(this.db, target, this.clock(), answered);
		};
		this.#upcoming = {
			cardId: card.id,
			at: this.clock().getTime(),
			step: read()
				.then((step) => {
					// Getting the card's code and files ready is a bonus: a failure costs nothing.
					if (step?.kind === 'card')
						try {
							prepareCard(step.card, this.db);
						} catch {
							/* the card reads them itself when shown */
						}
					return step;
				})
				.catch(() => null)
		};
	}

	/**
	 * Records the answer and moves on. The next card is shown at once when it was
	 * read ahead (see `reveal`), recently, and cannot depend on this answer; the answer
	 * and the burying of its siblings are then written behind it, in one transaction,
	 * and the counts brought up to date. When that write fails, the answered card comes
	 * back on screen, answer shown, so the same tap can be tried again, and the error
	 * goes to the caller. When another tab answered or deleted the card meanwhile,
	 * nothing is counted and the session moves on, returning the sentence to show.
	 */
	async answer(grade: Grade): Promise<AnswerOutcome> {
		const card = this.card;
		const settings = this.#settings;
		const scheduler = card ? this.#schedulerFor(card) : null;
		if (!card || !this.revealed || this.#answering === card.id || !scheduler || !settings)
			return { kind: 'ignored' };
		this.#answering = card.id;
		const shownAt = this.#shownAt;
		const shown = { step: this.step as StudyStep, choices: this.choices };
		const upcoming = this.#upcoming;
		const fresh =
			upcoming?.cardId === card.id && this.clock().getTime() - upcoming.at < READ_AHEAD_FRESH_MS;
		const next = fresh ? await upcoming.step : null;
		// A learn-ahead card, or the done screen, depends on when this card comes back.
		const ahead = next?.kind === 'card' && !next.learnAhead ? next : null;
		if (ahead) this.#show(ahead);
		else this.busy = true;
		try {
			const now = this.clock();
			const buryUntil = settings.burySiblings ? this.#nextDay(now) : null;
			const duration = Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - shownAt));
			let answer: Answer;
			try {
				answer = await this.#serial(() =>
					answerCard(this.db, scheduler, card, grade, now, buryUntil, duration)
				);
			} catch (error) {
				if (error instanceof CardChangedError) {
					if (!ahead) await this.advance();
					return { kind: 'changed-elsewhere', message: error.message };
				}
				if (ahead) {
					this.#show(shown.step);
					this.revealed = true;
					this.choices = shown.choices;
				}
				throw error;
			}
			this.#push({ kind: 'answer', answer });
			// The answer is stored: what follows only refreshes the screen.
			if (ahead) await this.#refreshCounts(ahead.card.id).catch(() => {});
			else await this.advance();
			return { kind: 'recorded' };
		} finally {
			this.#answering = null;
			this.busy = false;
		}
	}

	/** Brings the counts above the card up to date, if that card is still the one shown. */
	async #refreshCounts(cardId: string): Promise<void> {
		if (!this.#target) return;
		const counts = await targetCounts(this.db, this.#target, this.clock());
		const step = this.step;
		if (step?.kind === 'card' && step.card.id === cardId) this.step = { ...step, counts };
	}

	/** Hides the card on screen until the next study day (Anki's "bury", key `-`). */
	bury(): Promise<boolean> {
		return this.#setAside((card, now) => buryCards(this.db, [card.id], this.#nextDay(now), now));
	}

	/** Hides the card on screen until it is unsuspended in the browser (Anki's `@`). */
	suspend(): Promise<boolean> {
		return this.#setAside((card, now) => setSuspended(this.db, [card.id], true, now));
	}

	/**
	 * Saves new text for the card on screen (and its note's siblings); it stays on
	 * screen. The step read ahead is read again: it may be a sibling with the old text.
	 */
	async edit(edit: CardEdit): Promise<void> {
		const step = this.step;
		if (step?.kind !== 'card') return;
		this.busy = true;
		try {
			const result = await this.#serial(() =>
				saveCardEdit(this.db, step.card.id, edit, this.clock())
			);
			this.#push({ kind: 'change', change: result, show: step.card });
			this.step = { ...step, card: result.card };
			if (this.revealed) this.#readUpcoming(result.card);
			else this.#upcoming = null;
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Takes back the last answer, bury, suspend or edit and shows that card again, as Anki
	 * does. True when something was undone.
	 */
	async undo(): Promise<boolean> {
		if (this.busy || !this.#target) return false;
		this.busy = true;
		try {
			// An answer still being written is on the stack once this wait is over.
			await this.#writing.catch(() => {});
			const entry = this.#undoStack.at(-1);
			if (!entry) return false;
			try {
				await this.#serial(() =>
					entry.kind === 'answer'
						? undoAnswer(this.db, entry.answer)
						: undoCardChanges(this.db, entry.change)
				);
			} catch (error) {
				// Another tab answered the card since: this answer can never be undone now.
				if (error instanceof CardChangedError) this.#undoStack = this.#undoStack.slice(0, -1);
				throw error;
			}
			this.#undoStack = this.#undoStack.slice(0, -1);
			const card = entry.kind === 'answer' ? entry.answer.review.undo.previous : entry.show;
			const counts = await targetCounts(this.db, this.#target, this.clock());
			this.#show({ kind: 'card', card, counts, learnAhead: false });
			return true;
		} finally {
			this.busy = false;
		}
	}

	/** True once the card is set aside; false when there was nothing to do. */
	async #setAside(action: (card: Card, now: Date) => Promise<CardsUndo>): Promise<boolean> {
		const card = this.card;
		if (!card || this.busy) return false;
		this.busy = true;
		try {
			const change = await this.#serial(() => action(card, this.clock()));
			this.#push({ kind: 'change', change, show: card });
			await this.advance();
			return true;
		} finally {
			this.busy = false;
		}
	}

	/** Runs a write once the one before it has finished (whether it worked or not). */
	#serial<T>(write: () => Promise<T>): Promise<T> {
		const run = this.#writing.catch(() => {}).then(write);
		this.#writing = run;
		return run;
	}

	#push(entry: UndoEntry): void {
		this.#undoStack = [...this.#undoStack, entry];
	}

	#nextDay(now: Date): Date {
		return nextStudyDayStart(now, this.#settings?.dayStartHour ?? 4);
	}

	/** Loads the next card, or the done screen (and wakes up when a learning card comes due). */
	async advance(): Promise<void> {
		if (!this.#target) return;
		this.#show(await nextTargetStep(this.db, this.#target, this.clock()));
	}

	close(): void {
		clearTimeout(this.#timer);
	}

	#show(step: StudyStep): void {
		clearTimeout(this.#timer);
		this.#shownAt = this.clock().getTime();
		this.#upcoming = null;
		this.step = step;
		this.revealed = false;
		this.choices = [];
		if (step.kind === 'card') {
			noteStudying(this.db);
			this.#readUpcoming(step.card);
		}
		if (step.kind === 'done' && step.nextDue !== null) {
			// Come back by ourselves when the queue gets a card (a learning card comes due).
			const wait = step.nextDue.wakeAt - this.clock().getTime();
			if (wait < 6 * 3_600_000)
				this.#timer = setTimeout(() => void this.advance(), Math.max(wait, 1000));
		}
	}
}
