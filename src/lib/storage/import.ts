import { randomId } from '$lib/domain/ids';
import { ANKI_DEFAULT_DECK } from '$lib/transfer/anki-ids';
import { isAnkiNoteId, noteIdForGuid } from '$lib/transfer/note-guid';
import type { Card, ReviewLog } from '$lib/domain/models';
import { matchStored, mergeCards, newLogs } from '$lib/transfer/merge';
import type { DeckImport, ImportPlan } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';
import {
	cardsWithNewerNoteText,
	gatherAnkiNotes,
	storeAnkiNoteTypes,
	storeAnkiNotes,
	type NotesToKeep
} from './import-anki-notes';
import { inTurn } from './search-index';
import { withSearchDeferred } from './search-pending';
import { storeMedia } from './media';
import { keepSafetyCopy } from './safety-copies';
import { saveSettings } from './settings';

/** Rows written per `bulkPut`: small enough that the page keeps painting between chunks. */
const CHUNK = 2000;

/** What an import would do to one deck, shown before anything is written. */
export interface DeckImportPreview {
	name: string;
	cards: number;
	logs: number;
	/** The deck, or some of its cards, are already on this device. */
	exists: boolean;
	/** How many of the incoming cards are already stored (by id). */
	existingCards: number;
	warnings: string[];
}

export interface ImportPreview {
	kind: ImportPlan['kind'];
	decks: DeckImportPreview[];
	/** For a backup: how many decks it would replace. */
	replacesDecks: number;
}

/**
 * How `applyImport` treats a deck that is already here: `merge` updates cards by
 * id keeping the newer review state; `copy` imports it as a new deck with new ids.
 */
export type ImportMode = 'merge' | 'copy';

export interface ImportSummary {
	decks: number;
	added: number;
	updated: number;
	unchanged: number;
	logs: number;
	/** Pictures and sounds stored (files already here are not counted). */
	media: number;
	deckIds: string[];
}

export type Progress = (done: number, total: number) => void;

export interface ImportOptions {
	/** Makes the ids of a copy (`copy` mode); `randomId` unless a test fixes it. */
	newId?: () => string;
	onProgress?: Progress;
	/** The moment of the import. Required to restore a backup: it dates the safety copy. */
	now?: Date;
}

/** Reads, without writing, what the plan would add or change. */
export async function previewImport(db: FlashcardsDB, plan: ImportPlan): Promise<ImportPreview> {
	const decks = await Promise.all(
		plan.decks.map(async (original): Promise<DeckImportPreview> => {
			const item = await withStoredIds(db, plan, original);
			const [deck, stored] = await Promise.all([
				db.decks.get(item.deck.id),
				storedRows(db.cards, item.cards)
			]);
			const existingCards = stored.length;
			return {
				name: item.deck.name,
				cards: item.cards.length,
				logs: item.logs.length,
				exists: deck !== undefined || existingCards > 0,
				existingCards,
				warnings: item.warnings
			};
		})
	);
	const replacesDecks = plan.kind === 'backup' ? await db.decks.count() : 0;
	return { kind: plan.kind, decks, replacesDecks };
}

/**
 * Writes a plan in one transaction: every deck, card and log lands, or — on any
 * failure, a full disk included — nothing does. Decks are merged or copied as
 * `mode` says.
 *
 * A backup replaces everything on the device, after keeping what is here as a
 * safety copy (`keepSafetyCopy`), dated `options.now`. The copy is saved in the
 * restore's own transaction, first: the two commit together or not at all, so a
 * copy exists exactly for the restores that happened, no other tab can write
 * between them, and a copy that cannot be saved (a `SafetyCopyError`) leaves the
 * device as it was. The price is room for the old rows, the copy and the new
 * rows at once until the commit. (Chromium checks the quota only at the commit,
 * so a full disk may surface there instead, told by the general full-disk
 * sentence; nothing is changed either way.)
 */
export async function applyImport(
	db: FlashcardsDB,
	plan: ImportPlan,
	mode: ImportMode,
	options: ImportOptions = {}
): Promise<ImportSummary> {
	const newId = options.newId ?? randomId;
	const now = options.now;
	if (plan.kind === 'backup' && !now)
		throw new TypeError('Restoring a backup needs `now`, to date the safety copy it keeps.');
	const total = plan.decks.reduce((sum, item) => sum + item.cards.length + item.logs.length, 0);
	let written = 0;
	const progress = (rows: number) => {
		written += rows;
		options.onProgress?.(written, total);
	};
	const summary: ImportSummary = {
		decks: 0,
		added: 0,
		updated: 0,
		unchanged: 0,
		logs: 0,
		media: 0,
		deckIds: []
	};

	const collection = [
		db.decks,
		db.cards,
		db.reviewLogs,
		db.settings,
		db.media,
		db.noteStyles,
		db.ankiNotes,
		db.ankiNoteTypes
	];
	const ankiNotes = new Map((plan.notes ?? []).map((note) => [note.id, note]));
	const tables =
		plan.kind === 'backup' ? [...collection, db.safetyCopies, db.safetyCopyFiles] : collection;
	// The background search indexer (`search-index.ts`) steps aside while this runs.
	await inTurn(db, () =>
		db.transaction('rw', tables, async () => {
			if (plan.kind === 'backup') {
				await keepSafetyCopy(db, now!);
				// Anki notes stay, as pictures and sounds do: the backup's own replace them
				// (`storeAnkiNotes`), and a note whose restored cards it does not render is
				// edited card by card (`rendersItsCards`).
				await Promise.all([db.decks.clear(), db.cards.clear(), db.reviewLogs.clear()]);
				if (plan.settings) await saveSettings(db, plan.settings);
			}
			// The pictures and sounds first: a full disk then stops the import before any card.
			summary.media = await storeMedia(db, plan.media ?? []);
			// Note types' stylesheets are named by their content: storing one again changes nothing.
			if (plan.styles?.length) await db.noteStyles.bulkPut(plan.styles);
			await storeAnkiNoteTypes(db, plan.notes ?? [], plan.noteTypes ?? []);
			const notesToKeep: NotesToKeep = new Map();
			for (const original of plan.decks) {
				const matched = await withStoredIds(db, plan, original);
				const item =
					mode === 'copy' && plan.kind === 'decks'
						? await asCopyIfPresent(db, matched, newId)
						: matched;
				const stored = await storedRows(db.cards, item.cards);
				const { added, updated, unchanged } = mergeCards(stored, item.cards);
				const newerText = await cardsWithNewerNoteText(
					db,
					ankiNotes,
					original,
					item,
					stored,
					new Set(updated.map((card) => card.id))
				);
				const logs = newLogs(await storedRows(db.reviewLogs, item.logs), item.logs);

				if (!(await db.decks.get(item.deck.id))) await db.decks.add(item.deck);
				// Their search words come after the import (`indexWaitingCards`): the cards are
				// studyable as soon as this commits, and the import writes ~40 % less.
				await putInChunks(
					[...added, ...updated, ...newerText].map(withSearchDeferred),
					(rows) => db.cards.bulkPut(rows),
					progress
				);
				progress(unchanged - newerText.length);
				await putInChunks(logs, (rows) => db.reviewLogs.bulkPut(rows), progress);
				progress(item.logs.length - logs.length);
				gatherAnkiNotes(notesToKeep, ankiNotes, original, item);

				summary.decks++;
				summary.added += added.length;
				summary.updated += updated.length + newerText.length;
				summary.unchanged += unchanged - newerText.length;
				summary.logs += logs.length;
				summary.deckIds.push(item.deck.id);
			}
			await storeAnkiNotes(db, notesToKeep, plan.kind === 'backup', CHUNK);
		})
	);
	return summary;
}

/**
 * A CSV or `.apkg` deck with the ids of what is stored: the deck of the same name, and the
 * cards of the same note and position (see `matchStored`). Those files carry no ids of this
 * app, so without this re-importing one of its own exports would make a second deck. The
 * deck file and backups carry every id and are left as they are.
 */
async function withStoredIds(
	db: FlashcardsDB,
	plan: ImportPlan,
	item: DeckImport
): Promise<DeckImport> {
	if (plan.kind !== 'decks' || plan.sourceFormat === 'deck-json') return item;
	// By name first, as Anki matches decks. By id only where an id names one deck everywhere:
	// every Anki collection numbers its Default deck 1, whatever it was renamed to, so a deck 1
	// here of another name is another collection's, and the incoming one gets an id of its own.
	let deck = await db.decks.where('name').equals(item.deck.name).first();
	if (!deck) {
		const sameId = await db.decks.get(item.deck.id);
		if (sameId && item.deck.id === ANKI_DEFAULT_DECK)
			item = { ...item, deck: { ...item.deck, id: randomId() } };
		else deck = sameId;
	}
	const noteIds = [...new Set(item.cards.map((card) => card.noteId))];
	const siblings: Card[] = [];
	for (let i = 0; i < noteIds.length; i += CHUNK)
		siblings.push(
			...(await db.cards
				.where('noteId')
				.anyOf(noteIds.slice(i, i + CHUNK))
				.toArray())
		);
	const cardIds = siblings.map((card) => card.id);
	const logs: ReviewLog[] = [];
	for (let i = 0; i < cardIds.length; i += CHUNK)
		logs.push(
			...(await db.reviewLogs
				.where('cardId')
				.anyOf(cardIds.slice(i, i + CHUNK))
				.toArray())
		);
	return matchStored(item, { deck, siblings, logs }, { contentOnly: plan.sourceFormat === 'csv' });
}

/**
 * The stored rows with the same ids as `rows`, looked up a chunk at a time so no
 * single answer from IndexedDB is large enough to stall the page.
 */
async function storedRows<T extends { id: string }>(
	table: { bulkGet(ids: string[]): PromiseLike<(T | undefined)[]> },
	rows: readonly { id: string }[]
): Promise<T[]> {
	const found: T[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		const ids = rows.slice(i, i + CHUNK).map((row) => row.id);
		for (const row of await table.bulkGet(ids)) if (row !== undefined) found.push(row);
	}
	return found;
}

async function putInChunks<T>(
	rows: T[],
	put: (rows: T[]) => Promise<unknown>,
	progress: (n: number) => void
) {
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		await put(chunk);
		progress(chunk.length);
	}
}

/**
 * The deck with fresh ids for deck, notes, cards and logs when it (or any of its
 * cards) is already stored, so the copy sits beside the original; unchanged
 * otherwise. Note ids are renewed too: siblings share their note's text and bury
 * each other, so a copy keeping the original's note ids would be edited and
 * buried along with the original. Cards that shared a note still share its new id.
 */
async function asCopyIfPresent(
	db: FlashcardsDB,
	item: DeckImport,
	newId: () => string
): Promise<DeckImport> {
	const deckExists = (await db.decks.get(item.deck.id)) !== undefined;
	if (!deckExists && (await storedRows(db.cards, item.cards)).length === 0) return item;
	const deckId = newId();
	const cardIds = new Map(item.cards.map((card) => [card.id, newId()]));
	const noteIds = new Map<string, string>();
	// A copy of a note from Anki is a note from Anki with a guid of its own, so its kept
	// Anki note (`gatherAnkiNotes`) is edited and exported as one.
	const copyNoteId = (noteId: string) => {
		let id = noteIds.get(noteId);
		if (id === undefined)
			noteIds.set(noteId, (id = isAnkiNoteId(noteId) ? noteIdForGuid(newId()) : newId()));
		return id;
	};
	return {
		...item,
		deck: { ...item.deck, id: deckId, name: `${item.deck.name} (copy)`, builtin: false },
		cards: item.cards.map((card) => ({
			...card,
			id: cardIds.get(card.id)!,
			noteId: copyNoteId(card.noteId),
			deckId
		})),
		logs: item.logs.map((log) => ({
			...log,
			id: newId(),
			deckId,
			cardId: cardIds.get(log.cardId) ?? log.cardId
		}))
	};
}
