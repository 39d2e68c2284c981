import type { Database } from 'sql.js';
import {
	ankiNoteTypeId,
	type AnkiNoteRecord,
	type AnkiNoteTypeRecord
} from '$lib/domain/anki-note';
import { CardState, type Card, type Deck } from '$lib/domain/models';
import { MAX_STYLE_CHARS, noteStyleId, scopedCss } from '$lib/domain/note-style';
import { ImportError } from '$lib/errors';
import {
	readAnkiCollection,
	type AnkiCard,
	type AnkiCollection,
	type AnkiNote,
	type AnkiNoteType,
	type AnkiRevlog
} from './anki-collection';
import { CarriedMedia, packagedMedia, readMediaShownBy } from './anki-media';
import { appNoteCard, noteTypeById, type NoteCardIn } from './app-notes';
import { isAppGuid, readGuid } from './note-guid';
import { ankiDeckOverrides, ankiReviewLogs, ankiScheduling } from './anki-schedule';
import { withoutMissingMedia, type MediaFile } from '$lib/domain/media';
import { deckIdOf } from './anki-ids';
import { isBlankHtml } from './html-text';
import { ankiSides } from './anki-sides';
import { creationTimeFor } from './new-card';
import type { DeckImport, ImportPlan, ParseOptions } from './plan';
import { checkCard, checkLog } from './record-check';
import { openDatabase, type SqlJsLoader } from './sqlite';
import { readZipDirectory, readZipEntry, ZipBudget, type ZipLimits } from './zip-reader';
import { unzstd } from './zstd';

/**
 * Anki packages (`.apkg`, and whole-profile `.colpkg`) in. `docs/anki.md` describes what is
 * carried over and what is not.
 */

export interface ApkgOptions extends ParseOptions {
	loadSqlJs: SqlJsLoader;
	/** Zip bomb limits; the defaults suit any real collection. */
	limits?: ZipLimits;
}

/**
 * Newest first. A package made by Anki ≥ 2.1.50 also holds a `collection.anki2` with one
 * note saying "please update to the latest Anki version", for older Ankis to show.
 */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'];

// Ids of Anki cards are their creation time in ms; anything outside these years is not.
const PLAUSIBLE_FROM = Date.UTC(2006, 0, 1);

/**
 * Reads an Anki package into one deck per Anki deck that has cards, with scheduling and
 * review history carried over.
 *
 * @example
 * const plan = await parseApkg(bytes, { now: new Date(), sanitize, loadSqlJs });
 * plan.decks.map((d) => d.deck.name); // ['Japanese::Kanji', 'Japanese::Vocab']
 */
export async function parseApkg(bytes: Uint8Array, options: ApkgOptions): Promise<ImportPlan> {
	const entries = readZipDirectory(bytes);
	const byName = new Map(entries.map((e) => [e.name, e]));
	const name = COLLECTIONS.find((n) => byName.has(n));
	if (!name)
		throw new ImportError(
			'This zip file has no Anki collection (collection.anki2, .anki21 or .anki21b).'
		);
	const budget = new ZipBudget(options.limits);
	let sqlite = readZipEntry(bytes, byName.get(name)!, budget);
	if (name.endsWith('b')) sqlite = unzstd(sqlite, name, budget);

	const media = packagedMedia(bytes, byName, budget);

	const sql = await options.loadSqlJs();
	const db = openDatabase(sql, sqlite, name);
	const collection = readAndClose(db, name);
	const files = await readMediaShownBy(
		media,
		[...collection.notes.values()].flatMap((note) => note.fields)
	);
	return collectionToPlan(collection, files, options);
}

function readAndClose(db: Database, name: string): AnkiCollection {
	try {
		return readAnkiCollection(db, name);
	} finally {
		db.close();
	}
}

/**
 * A card's kind, sides and `ord` here. A note this app wrote (its guid says so, its note
 * type is one of the app's) comes back as the note it was: the same text on each card, its
 * kind, the `ord` it had (see `appNoteCard`); a card it wrote as a note of its own keeps
 * its `ord` from the guid. Every other note is rendered from its note type's templates. Null
 * when the card has nothing to show.
 */
function cardSidesOf(
	note: AnkiNote,
	fields: string[],
	ankiOrd: number,
	collection: AnkiCollection,
	deck: string
): NoteCardIn | null {
	const fromHere = readGuid(note.guid || String(note.id));
	const appType = isAppGuid(note.guid) ? noteTypeById(note.mid) : undefined;
	if (appType && fromHere.ord === null) {
		const card = appNoteCard(appType, fields, ankiOrd);
		if (card) return card;
	}
	const sides = ankiSides(collection.noteTypes.get(note.mid), fields, note.tags, ankiOrd, deck);
	if (!sides) return null;
	return {
		front: sides.front,
		back: sides.back,
		// Anki's fields are HTML, even those without a tag: "Up until ___ weeks" is three
		// underscores, not Markdown.
		format: 'html',
		kind: sides.cloze ? 'cloze' : 'basic',
		// A cloze from here written in HTML is rendered, but keeps its number as its `ord`.
		ord: fromHere.ord ?? (appType === 'cloze' ? ankiOrd + 1 : ankiOrd)
	};
}

/** A side with nothing to show: no text, and no picture but ones the package lacked. */
function isBlank(side: string, html: boolean): boolean {
	return html ? isBlankHtml(withoutMissingMedia(side)) : side.trim() === '';
}

/*
 * Ids come from the package, never from `newId`: importing the same package again must name
 * the same decks, cards and logs, so storage finds them and offers to merge instead of
 * duplicating. The note guid (not the card or note id) identifies a card because it is what
 * Anki itself keeps when a deck is shared and re-imported into another collection.
 */
const cardIdOf = (note: AnkiNote, ord: number) => `anki-${note.guid || note.id}-${ord}`;
const logIdOf = (revlogId: number) => `anki-revlog-${revlogId}`;

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** Cards and history entries left out of one deck, by cause. */
interface Skipped {
	noNote: number;
	blank: number;
	impossible: number;
	notAnswers: number;
}

function skippedWarnings({ noNote, blank, impossible, notAnswers }: Skipped): string[] {
	const warnings: string[] = [];
	if (blank > 0)
		warnings.push(
			`${plural(blank, 'card was', 'cards were')} skipped because it had nothing to show (an empty field or cloze).`
		);
	if (impossible > 0)
		warnings.push(
			`${plural(impossible, 'card was', 'cards were')} skipped because its schedule holds dates no calendar has (the collection may be damaged).`
		);
	if (noNote > 0)
		warnings.push(
			`${plural(noNote, 'card was', 'cards were')} skipped because its note is missing from the package.`
		);
	if (notAnswers > 0)
		warnings.push(
			`${plural(notAnswers, 'history entry', 'history entries')} that recorded a manual reschedule rather than an answer ${notAnswers === 1 ? 'was' : 'were'} left out.`
		);
	return warnings;
}

/**
 * Turns the read collection into the plan; pure, so it is tested without zip or SQLite.
 * `options.newId` is not used: every id has a stable source in the package (see above).
 */
export function collectionToPlan(
	collection: AnkiCollection,
	media: ReadonlyMap<string, MediaFile>,
	options: ParseOptions
): ImportPlan {
	const now = options.now.getTime();
	/** What was left out, by the deck it would have gone to: its warnings say so there. */
	const skipped = new Map<DeckImport, Skipped>();
	const skip = (target: DeckImport, what: keyof Skipped, count = 1) => {
		const tally = skipped.get(target) ?? { noNote: 0, blank: 0, impossible: 0, notAnswers: 0 };
		tally[what] += count;
		skipped.set(target, tally);
	};

	const revlogByCard = new Map<number, AnkiRevlog[]>();
	for (const entry of collection.revlog) {
		const list = revlogByCard.get(entry.cid);
		if (list) list.push(entry);
		else revlogByCard.set(entry.cid, [entry]);
	}

	const decks = new Map<number, DeckImport>();
	const deckFor = (did: number): DeckImport => {
		let d = decks.get(did);
		if (!d) {
			const deck: Deck = {
				// Also for a deck missing from the deck list: its id still names it stably.
				id: deckIdOf(did),
				name: collection.decks.get(did) ?? 'Imported from Anki',
				created: now,
				source: null,
				builtin: false,
				overrides: ankiDeckOverrides(collection.deckParameters.get(did))
			};
			d = { deck, cards: [], logs: [], warnings: [] };
			decks.set(did, d);
		}
		return d;
	};

	/** The notes rendered from their note type's templates, kept so an edit renders them again. */
	const kept = new Map<string, AnkiNote>();
	// New cards are introduced in `created` order, which must follow Anki's new-card position.
	const fresh: { card: Card; position: number; ankiId: number }[] = [];
	const usedCardIds = new Set<string>();
	const carried = new CarriedMedia(media);
	/** The note types' stylesheets the cards use, by id; the app's own note types need none. */
	const styles = new Map<string, string>();
	/** Each note type's style id, worked out once, not for every card. */
	const styleOfType = new Map<number, string | undefined>();
	const styleOf = (note: AnkiNote): string | undefined => {
		if (styleOfType.has(note.mid)) return styleOfType.get(note.mid);
		const css = collection.noteTypes.get(note.mid)?.css.trim() ?? '';
		// A stylesheet with nothing the cards can use ('.card {}') is not kept.
		const usable =
			!noteTypeById(note.mid) && css.length <= MAX_STYLE_CHARS && scopedCss(css, '.card') !== '';
		const id = usable ? noteStyleId(css) : undefined;
		if (id) styles.set(id, css);
		styleOfType.set(note.mid, id);
		return id;
	};

	for (const ankiCard of collection.cards) {
		const note = collection.notes.get(ankiCard.nid);
		const target = deckFor(ankiCard.odid !== 0 ? ankiCard.odid : ankiCard.did);
		if (!note) {
			skip(target, 'noNote');
			continue;
		}
		const fields = note.fields;
		const fromHere = readGuid(note.guid || String(note.id));
		const { ord, kind, ...sides } = cardSidesOf(
			note,
			fields,
			ankiCard.ord,
			collection,
			target.deck.name
		) ?? {
			ord: ankiCard.ord,
			kind: 'basic' as const,
			front: '',
			back: '',
			format: 'text' as const
		};
		const html = sides.format === 'html';
		// Pictures and sounds are pointed at their stored names before sanitising, which
		// keeps only pictures with such a name.
		const front = html ? options.sanitize(carried.carry(sides.front)) : sides.front;
		if (isBlank(front, html)) {
			skip(target, 'blank');
			continue;
		}
		const back = html ? options.sanitize(carried.carry(sides.back)) : sides.back;

		const history = revlogByCard.get(ankiCard.id) ?? [];
		const { logs, skipped: notAnswers } = ankiReviewLogs(history);
		if (notAnswers > 0) skip(target, 'notAnswers', notAnswers);
		const schedule = ankiScheduling(ankiCard, {
			crt: collection.crt,
			now,
			history: {
				last: logs.at(-1)?.review ?? null,
				previous: logs.at(-2)?.review ?? null
			}
		});
		const isNew = schedule.state === CardState.New;
		const created = isNew
			? now
			: ankiCard.id >= PLAUSIBLE_FROM && ankiCard.id <= now
				? ankiCard.id
				: now;
		let id = cardIdOf(note, ankiCard.ord);
		// Anki keeps guids unique and one card per ord, but a damaged or hand-made package
		// may not; two cards with one id would silently become one card in storage.
		if (usedCardIds.has(id)) id = `anki-card-${ankiCard.id}`;
		usedCardIds.add(id);
		const card: Card = {
			id,
			deckId: target.deck.id,
			// Siblings in Anki stay siblings here (burying one buries the others); each card
			// keeps its own rendered text, so an edit changes that card only.
			noteId: fromHere.noteId,
			ord,
			kind,
			front,
			back,
			format: sides.format,
			tags: [...note.tags],
			source: null,
			suspended: ankiCard.queue === -1,
			buriedUntil: 0,
			created,
			// Anki's last change to the card (schedule, deck) or its note (fields, tags), and
			// nothing derived from `now` or `created`: re-importing an unchanged package then
			// ties with the stored card, which merging keeps, and a card answered here since
			// (`modified` = answer time) stays newer than the package.
			modified: Math.max(ankiCard.mod, note.mod) * 1000,
			...schedule
		};
		const style = html ? styleOf(note) : undefined;
		if (style) card.style = style;
		target.cards.push(card);
		if (collection.noteTypes.has(note.mid) && !isAppGuid(note.guid)) kept.set(card.noteId, note);
		// `review` is the revlog row's id unchanged (Anki's answer time, ms; see ankiReviewLogs).
		for (const log of logs)
			target.logs.push({
				id: logIdOf(log.review),
				cardId: card.id,
				deckId: target.deck.id,
				...log
			});
		if (isNew) fresh.push({ card, position: newPosition(ankiCard), ankiId: ankiCard.id });
	}

	fresh.sort((x, y) => x.position - y.position || x.ankiId - y.ankiId);
	fresh.forEach(({ card }, rank) => {
		card.created = creationTimeFor(now, rank, fresh.length);
		card.due = card.created; // the study queue introduces new cards in due order
	});

	// A damaged or hand-edited collection can hold numbers no date can carry (a due
	// of 1e13 seconds, a revlog id near 2^63). The checks the deck-file reader uses
	// decide what may be stored; a card that fails them is skipped, not imported broken.
	for (const target of decks.values()) {
		const kept = target.cards.filter((card, i) => storable(() => checkCard(card, `cards[${i}]`)));
		if (kept.length < target.cards.length)
			skip(target, 'impossible', target.cards.length - kept.length);
		const keptIds = new Set(kept.map((card) => card.id));
		target.cards = kept;
		target.logs = target.logs.filter(
			(log, i) => keptIds.has(log.cardId) && storable(() => checkLog(log, `logs[${i}]`))
		);
	}

	const result = [...decks.values()]
		.filter((target) => target.cards.length > 0)
		.sort((x, y) => x.deck.name.localeCompare(y.deck.name));
	if (result.length === 0)
		throw new ImportError(
			[...skipped.values()].some((tally) => tally.blank > 0)
				? 'The Anki package has no cards with anything to show (only empty fields or clozes).'
				: 'The Anki package holds no cards.'
		);

	// Each deck's own skips under it; a deck left with no card at all is named under the first.
	for (const [target, tally] of skipped) {
		const shown = target.cards.length > 0;
		const under = shown ? target : result[0]!;
		const where = shown ? '' : `In “${target.deck.name}”: `;
		for (const warning of skippedWarnings(tally)) under.warnings.push(where + warning);
	}
	// The package's media belong to no one deck: said once, under the first.
	const missing = carried.missing();
	if (missing > 0)
		result[0]!.warnings.unshift(
			`${plural(missing, 'picture or sound the cards show is', 'pictures or sounds the cards show are')} not in the package.`
		);
	// Only the stylesheets of cards that were kept.
	const used = new Set(result.flatMap((target) => target.cards.map((card) => card.style)));
	return {
		kind: 'decks',
		decks: result,
		sourceFormat: 'apkg',
		media: carried.files(),
		styles: [...styles].filter(([id]) => used.has(id)).map(([id, css]) => ({ id, css })),
		...keptNotes(result, kept, collection, carried)
	};
}

/**
 * The notes of the cards imported, with their note types, as they are kept on the device
 * (`$lib/domain/anki-note`): fields with their pictures and sounds named as stored.
 */
function keptNotes(
	result: readonly DeckImport[],
	kept: ReadonlyMap<string, AnkiNote>,
	collection: AnkiCollection,
	carried: CarriedMedia
): { notes: AnkiNoteRecord[]; noteTypes: AnkiNoteTypeRecord[] } {
	const types = new Map<number, AnkiNoteTypeRecord>();
	const notes: AnkiNoteRecord[] = [];
	const imported = new Set(result.flatMap((target) => target.cards.map((card) => card.noteId)));
	for (const [id, note] of kept) {
		if (!imported.has(id)) continue;
		let type = types.get(note.mid);
		if (!type) {
			const { id: mid, ...rest } = collection.noteTypes.get(note.mid)!;
			const described = { ...rest, mid };
			type = { id: ankiNoteTypeId(described), ...described };
			types.set(note.mid, type);
		}
		notes.push({
			id,
			type: type.id,
			fields: note.fields.map((field) => carried.named(field)),
			modified: note.mod * 1000
		});
	}
	return { notes, noteTypes: [...types.values()] };
}

function storable(check: () => unknown): boolean {
	try {
		check();
		return true;
	} catch {
		return false;
	}
}

/** Anki's position of a new card (its `due`, or `odue` while in a filtered deck). */
function newPosition(card: AnkiCard): number {
	return card.odid !== 0 && card.odue !== 0 ? card.odue : card.due;
}
