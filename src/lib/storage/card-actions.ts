import type { AnkiNoteRecord } from '$lib/domain/anki-note';
import { clozeNumbers } from '$lib/domain/cloze';
import type { Card, ReviewLog, Scheduling } from '$lib/domain/models';
import { cardsForNote, noteOrds, validateNote, type NoteInput } from '$lib/domain/notes';
import { StorageError } from '$lib/errors';
import type { FlashcardsDB } from './db';

/**
 * What an action changed, so it can be taken back exactly: the cards as they were,
 * and the cards it created.
 */
export interface CardsUndo {
	before: Card[];
	created: string[];
	/** Anki notes as they were, when the action edited their fields (`anki-notes.ts`). */
	notesBefore?: AnkiNoteRecord[];
}

const NOTHING: CardsUndo = { before: [], created: [] };

/**
 * Puts cards back as they were before an action, in one transaction. The cards are read
 * again first: one deleted since is not brought back, and one answered since (in another
 * tab) keeps that answer's schedule, so an undo never erases a later review. The cards
 * the action created are deleted with any history they have gained.
 */
export async function undoCardChanges(db: FlashcardsDB, undo: CardsUndo): Promise<void> {
	const notes = undo.notesBefore ?? [];
	// Only an edit of Anki notes needs their table (an answer's undo runs inside its own transaction).
	const tables = notes.length ? [db.cards, db.reviewLogs, db.ankiNotes] : [db.cards, db.reviewLogs];
	await db.transaction('rw', tables, async () => {
		if (notes.length) await db.ankiNotes.bulkPut(notes);
		if (undo.created.length > 0) {
			await db.reviewLogs.where('cardId').anyOf(undo.created).delete();
			await db.cards.bulkDelete(undo.created);
		}
		const current = await db.cards.bulkGet(undo.before.map((card) => card.id));
		const restored: Card[] = [];
		const movedBack: Card[] = [];
		undo.before.forEach((before, i) => {
			const now = current[i];
			if (!now) return;
			const answeredSince = now.reps !== before.reps || now.last_review !== before.last_review;
			restored.push(answeredSince ? { ...before, ...schedulingOf(now) } : before);
			if (now.deckId !== before.deckId) movedBack.push(before);
		});
		await db.cards.bulkPut(restored);
		// A card moved back takes its history with it.
		for (const card of movedBack) await moveLogsWith(db, [card.id], card.deckId);
	});
}

function schedulingOf(card: Card): Scheduling {
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		last_review: card.last_review
	};
}

/**
 * Applies `change` to each of the cards (read inside the transaction, so a change made
 * in another tab is not overwritten) and returns how to undo it.
 */
async function changeCards(
	db: FlashcardsDB,
	ids: readonly string[],
	change: (card: Card) => Card | null
): Promise<CardsUndo> {
	return db.transaction('rw', db.cards, async () => {
		const current = (await db.cards.bulkGet([...ids])).filter((c): c is Card => !!c);
		const before: Card[] = [];
		const after: Card[] = [];
		for (const card of current) {
			const changed = change(card);
			if (!changed) continue;
			before.push(card);
			after.push(changed);
		}
		await db.cards.bulkPut(after);
		return { before, created: [] };
	});
}

/** Buries cards until `until` (the start of the next study day). */
export function buryCards(
	db: FlashcardsDB,
	ids: readonly string[],
	until: Date,
	now: Date
): Promise<CardsUndo> {
	return changeCards(db, ids, (card) =>
		card.buriedUntil === until.getTime()
			? null
			: { ...card, buriedUntil: until.getTime(), modified: now.getTime() }
	);
}

/**
 * Buries the siblings of a card just answered, as Anki does with "bury siblings": only
 * those that would otherwise come up today (new or review cards, not learning ones).
 */
export async function burySiblings(
	db: FlashcardsDB,
	card: Pick<Card, 'id' | 'noteId'>,
	until: Date,
	now: Date
): Promise<CardsUndo> {
	const siblings = await db.cards.where('noteId').equals(card.noteId).toArray();
	const ids = siblings
		.filter((s) => s.id !== card.id && !s.suspended && (s.state === 0 || s.state === 2))
		.map((s) => s.id);
	return ids.length === 0 ? NOTHING : buryCards(db, ids, until, now);
}

export function setSuspended(
	db: FlashcardsDB,
	ids: readonly string[],
	suspended: boolean,
	now: Date
): Promise<CardsUndo> {
	return changeCards(db, ids, (card) =>
		card.suspended === suspended ? null : { ...card, suspended, modified: now.getTime() }
	);
}

/**
 * Moves cards to another deck with their review history, in one transaction: a deck's
 * logs must belong to its cards (a backup of the deck is checked for that, and deleting
 * the old deck must not take the moved cards' history with it).
 */
export async function moveCards(
	db: FlashcardsDB,
	ids: readonly string[],
	deckId: string,
	now: Date
): Promise<CardsUndo> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const undo = await changeCards(db, ids, (card) =>
			card.deckId === deckId ? null : { ...card, deckId, modified: now.getTime() }
		);
		await moveLogsWith(
			db,
			undo.before.map((card) => card.id),
			deckId
		);
		return undo;
	});
}

/** Gives the logs of these cards the deck the cards are now in. */
async function moveLogsWith(db: FlashcardsDB, cardIds: readonly string[], deckId: string) {
	if (cardIds.length === 0) return;
	await db.reviewLogs
		.where('cardId')
		.anyOf([...cardIds])
		.modify({ deckId });
}

export function addTag(
	db: FlashcardsDB,
	ids: readonly string[],
	tag: string,
	now: Date
): Promise<CardsUndo> {
	return changeCards(db, ids, (card) =>
		card.tags.includes(tag) ? null : { ...card, tags: [...card.tags, tag], modified: now.getTime() }
	);
}

/** Cards deleted with their history, kept so that the delete can be undone. */
export interface DeletedCards {
	cards: Card[];
	logs: ReviewLog[];
}

/**
 * Deletes cards with their review history, in one transaction, and returns what it deleted
 * (read in that transaction) so the delete can be undone.
 */
export async function deleteCards(db: FlashcardsDB, ids: readonly string[]): Promise<DeletedCards> {
	return db.transaction('rw', db.cards, db.reviewLogs, async () => {
		const cards = (await db.cards.bulkGet([...ids])).filter((card): card is Card => !!card);
		const logs = await db.reviewLogs
			.where('cardId')
			.anyOf([...ids])
			.toArray();
		await db.reviewLogs.bulkDelete(logs.map((log) => log.id));
		await db.cards.bulkDelete([...ids]);
		return { cards, logs };
	});
}

/**
 * Undoes a delete: the cards and their history back as they were, in one transaction.
 * A card whose deck has been deleted since stays deleted (it would belong to no deck).
 * Returns how many came back.
 */
export async function restoreDeletedCards(
	db: FlashcardsDB,
	deleted: DeletedCards
): Promise<number> {
	return db.transaction('rw', db.decks, db.cards, db.reviewLogs, async () => {
		const deckIds = [...new Set(deleted.cards.map((card) => card.deckId))];
		const decks = await db.decks.bulkGet(deckIds);
		const present = new Set(deckIds.filter((_, i) => decks[i] !== undefined));
		const cards = deleted.cards.filter((card) => present.has(card.deckId));
		const back = new Set(cards.map((card) => card.id));
		await db.cards.bulkPut(cards);
		await db.reviewLogs.bulkPut(deleted.logs.filter((log) => back.has(log.cardId)));
		return cards.length;
	});
}

/** Adds a note to a deck: its cards, written together. */
export async function addNote(
	db: FlashcardsDB,
	deckId: string,
	note: NoteInput,
	now: Date
): Promise<Card[]> {
	const cards = cardsForNote({ note, deckId, now });
	await db.transaction('rw', db.decks, db.cards, async () => {
		if (!(await db.decks.get(deckId)))
			throw new StorageError('This deck is no longer on this device; it may have been deleted.');
		await db.cards.bulkAdd(cards);
	});
	return cards;
}

/**
 * Whether a card's text is its note's, shared with its siblings: a reversed note, or a
 * cloze note still written with `{{c1::…}}`. Cards whose sides were rendered when
 * imported (Anki) each keep their own text.
 */
function sharesNoteText(card: Pick<Card, 'kind' | 'front'>): boolean {
	return card.kind === 'reversed' || (card.kind === 'cloze' && clozeNumbers(card.front).length > 0);
}

/**
 * Saves new text for a card, keeping its schedule. The card's siblings that share the
 * note's text get it too, and a cloze note that gained a number gains its card.
 * (A card whose cloze number was removed is kept, as Anki keeps it, with its history.)
 */
export async function editNote(
	db: FlashcardsDB,
	cardId: string,
	text: Pick<NoteInput, 'front' | 'back' | 'tags'>,
	now: Date
): Promise<CardsUndo & { card: Card }> {
	return db.transaction('rw', db.cards, async () => {
		const card = await db.cards.get(cardId);
		if (!card)
			throw new StorageError('This card is no longer on this device; it may have been deleted.');
		const note: NoteInput = { kind: card.kind, ...text };
		const shared = sharesNoteText(card);
		// A cloze rendered on import has no markup to keep; it is edited as plain text.
		validateNote(card.kind === 'cloze' && !shared ? { ...note, kind: 'basic' } : note);
		const siblings = shared ? await db.cards.where('noteId').equals(card.noteId).toArray() : [card];
		const edited = siblings.map((s) => ({
			...s,
			front: text.front,
			back: text.back,
			tags: [...text.tags],
			modified: now.getTime()
		}));
		const have = new Set(siblings.map((s) => s.ord));
		const missing = shared ? noteOrds(note).filter((ord) => !have.has(ord)) : [];
		const added =
			missing.length === 0
				? []
				: cardsForNote({
						note,
						deckId: card.deckId,
						noteId: card.noteId,
						now,
						ords: missing,
						format: card.format,
						source: card.source
					});
		await db.cards.bulkPut([...edited, ...added]);
		return {
			before: siblings,
			created: added.map((c) => c.id),
			card: edited.find((c) => c.id === card.id) as Card
		};
	});
}
