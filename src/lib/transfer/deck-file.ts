import type { AnkiNoteRecord, AnkiNoteTypeRecord } from '$lib/domain/anki-note';
import { MEDIA_NAME, type MediaFile } from '$lib/domain/media';
import { MAX_STYLE_CHARS, noteStyleId, type NoteStyle } from '$lib/domain/note-style';
import type { Card, Deck, ReviewLog, Settings } from '$lib/domain/models';
import { ImportError } from '$lib/errors';
import { MAX_IMPORT_MEDIA_BYTES } from './anki-media';
import { fromBase64, toBase64 } from './base64';
import { sha1OfBytes } from './sha1';
import { jsonSyntaxError } from './json-error';
import type { DeckImport, ImportPlan, Sanitize } from './plan';
import {
	arrayAt,
	checkAnkiNote,
	checkAnkiNoteType,
	checkCard,
	checkDeck,
	checkLog,
	checkSettings,
	describeValue,
	MAX_DATE_MS,
	objectAt
} from './record-check';

/**
 * The app's own files: one deck (`article-flashcards.deck`) or everything
 * (`article-flashcards.backup`). `docs/deck-format.md` is the specification; this module is
 * its only reader and writer.
 */

export const DECK_FORMAT = 'article-flashcards.deck';
export const BACKUP_FORMAT = 'article-flashcards.backup';
/**
 * The version this app writes and the newest it reads. Version 2 added notes (`noteId`,
 * `ord`), bury and suspend on cards and `overrides` on decks; version 1 files read as
 * cards that are notes of their own.
 */
export const FORMAT_VERSION = 2;

/** A deck as exported. Leave `logs` out to export without review history. */
export interface DeckContent {
	deck: Deck;
	cards: readonly Card[];
	logs?: readonly ReviewLog[];
}

// Records are rebuilt field by field so whatever else an object carries (Dexie adds
// nothing today, but a UI view model might) never leaks into a file, and key order is fixed.
function deckRecord(d: Deck): Deck {
	return {
		id: d.id,
		name: d.name,
		created: d.created,
		source: d.source ? { title: d.source.title, text: d.source.text } : null,
		builtin: d.builtin,
		overrides: { ...d.overrides }
	};
}

function cardRecord(c: Card): Card {
	const s = c.source;
	return {
		id: c.id,
		deckId: c.deckId,
		noteId: c.noteId,
		ord: c.ord,
		kind: c.kind,
		front: c.front,
		back: c.back,
		format: c.format,
		tags: c.tags,
		source: s
			? { heading: s.heading, paragraph: s.paragraph, start: s.start, end: s.end, text: s.text }
			: null,
		suspended: c.suspended,
		buriedUntil: c.buriedUntil,
		created: c.created,
		modified: c.modified,
		due: c.due,
		stability: c.stability,
		difficulty: c.difficulty,
		elapsed_days: c.elapsed_days,
		scheduled_days: c.scheduled_days,
		learning_steps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		last_review: c.last_review,
		...(c.style === undefined ? {} : { style: c.style })
	};
}

function logRecord(l: ReviewLog): ReviewLog {
	return {
		id: l.id,
		cardId: l.cardId,
		deckId: l.deckId,
		rating: l.rating,
		state: l.state,
		due: l.due,
		stability: l.stability,
		difficulty: l.difficulty,
		elapsed_days: l.elapsed_days,
		last_elapsed_days: l.last_elapsed_days,
		scheduled_days: l.scheduled_days,
		learning_steps: l.learning_steps,
		review: l.review,
		...(l.duration === undefined ? {} : { duration: l.duration })
	};
}

/** `[` + one record per line + `]`: a diff or a parse error then points at one card. */
function listLines<T>(items: readonly T[], record: (item: T) => unknown): string {
	if (items.length === 0) return '[]';
	const lines = new Array<string>(items.length);
	for (let i = 0; i < items.length; i++) lines[i] = JSON.stringify(record(items[i] as T));
	return `[\n${lines.join(',\n')}\n]`;
}

function deckBody(content: DeckContent): string {
	let body = `"deck":${JSON.stringify(deckRecord(content.deck))},\n"cards":${listLines(content.cards, cardRecord)}`;
	if (content.logs) body += `,\n"logs":${listLines(content.logs, logRecord)}`;
	return body;
}

/** The pictures and sounds, one per line, after everything else; nothing when there are none. */
function mediaBody(media: readonly MediaFile[] | undefined): string {
	if (!media?.length) return '';
	const record = (file: MediaFile) => ({
		name: file.name,
		type: file.type,
		data: toBase64(file.bytes)
	});
	return `,\n"media":${listLines(media, record)}`;
}

/** The stylesheets of the cards' Anki note types, one per line; nothing when there are none. */
function stylesBody(styles: readonly NoteStyle[] | undefined): string {
	if (!styles?.length) return '';
	return `,\n"styles":${listLines(styles, (style) => ({ id: style.id, css: style.css }))}`;
}

/**
 * The Anki notes the cards are rendered from and their note types, one per line; nothing when
 * there are none. Only what `parseDeckFile` checks goes out: the rest is worked out again on
 * import.
 */
function ankiNotesBody(kept: KeptAnkiNotes | undefined): string {
	if (!kept?.notes.length) return '';
	const type = (t: AnkiNoteTypeRecord) => ({
		id: t.id,
		mid: t.mid,
		name: t.name,
		cloze: t.cloze,
		fields: t.fields,
		templates: t.templates,
		formats: t.formats.map((f) => ({ qfmt: f.qfmt, afmt: f.afmt })),
		css: t.css
	});
	const note = (n: AnkiNoteRecord) => ({
		id: n.id,
		type: n.type,
		fields: n.fields,
		modified: n.modified
	});
	return `,\n"ankiNoteTypes":${listLines(kept.types, type)},\n"ankiNotes":${listLines(kept.notes, note)}`;
}

/** Anki notes kept for the cards (`readAnkiNotes`), with their note types. */
export interface KeptAnkiNotes {
	notes: readonly AnkiNoteRecord[];
	types: readonly AnkiNoteTypeRecord[];
}

/** What writing a deck file or backup needs besides its content. */
export interface EncodeOptions {
	now: Date;
	/** The pictures and sounds the cards show (`readMedia`), carried in the file. */
	media?: readonly MediaFile[];
	/** The stylesheets the cards name (`Card.style`; `readNoteStyles`), carried in the file. */
	styles?: readonly NoteStyle[];
	/** The Anki notes the cards are rendered from (`readAnkiNotes`), so they stay notes. */
	ankiNotes?: KeptAnkiNotes;
}

/** Everything after the decks: stylesheets, Anki notes, then the pictures and sounds. */
function extrasBody(options: EncodeOptions): string {
	return `${stylesBody(options.styles)}${ankiNotesBody(options.ankiNotes)}${mediaBody(options.media)}`;
}

function header(format: string, now: Date): string {
	return `{"format":${JSON.stringify(format)},"version":${FORMAT_VERSION},"exported":${now.getTime()},\n`;
}

/**
 * Writes one deck as a deck file. Logs are included only when given.
 *
 * @example
 * const text = encodeDeck({ deck, cards, logs }, { now: new Date() });
 * parseDeckFile(text); // { kind: 'decks', sourceFormat: 'deck-json', decks: [{ deck, cards, logs, warnings: [] }] }
 */
export function encodeDeck(content: DeckContent, options: EncodeOptions): string {
	return `${header(DECK_FORMAT, options.now)}${deckBody(content)}${extrasBody(options)}\n}\n`;
}

/**
 * Writes everything the app holds as a backup file.
 *
 * @example
 * const text = encodeBackup({ decks: [{ deck, cards, logs }], settings }, { now: new Date() });
 * parseDeckFile(text).kind; // 'backup'
 */
export function encodeBackup(
	content: { decks: readonly DeckContent[]; settings: Settings | null },
	options: EncodeOptions
): string {
	const decks = content.decks.map((d) => `{${deckBody({ ...d, logs: d.logs ?? [] })}}`);
	const settings = content.settings
		? JSON.stringify(checkedSettingsRecord(content.settings))
		: 'null';
	const list = decks.length ? `[\n${decks.join(',\n')}\n]` : '[]';
	return `${header(BACKUP_FORMAT, options.now)}"settings":${settings},\n"decks":${list}${extrasBody(options)}\n}\n`;
}

function checkedSettingsRecord(s: Settings): Settings {
	return {
		desiredRetention: s.desiredRetention,
		newPerDay: s.newPerDay,
		reviewsPerDay: s.reviewsPerDay,
		learningSteps: s.learningSteps,
		relearningSteps: s.relearningSteps,
		maximumInterval: s.maximumInterval,
		newCardOrder: s.newCardOrder,
		burySiblings: s.burySiblings,
		fsrsParameters: s.fsrsParameters,
		dayStartHour: s.dayStartHour,
		fuzz: s.fuzz,
		gradeBySwiping: s.gradeBySwiping,
		playSoundsAutomatically: s.playSoundsAutomatically
	};
}

/** Options for reading a deck file. */
export interface DeckFileOptions {
	/** Applied to the front and back of `html` cards; a hand-edited file is as untrusted as any. */
	sanitize?: Sanitize;
}

/**
 * Reads a deck file or a backup, checking every field of every record.
 *
 * Throws an `ImportError` whose `where` names the place (`line 3, column 10`,
 * `cards[3].due`) when the text is not JSON, is another program's JSON, was written by a
 * newer version, or holds a value of the wrong type or out of range. Cards that name another
 * deck are moved into the file's deck (with a warning); a log whose card is not in the file is
 * an error, since the file is then not one this app wrote.
 *
 * @example
 * const plan = parseDeckFile(await file.text(), { sanitize });
 * if (plan.kind === 'backup') plan.settings; // Settings | null
 */
export function parseDeckFile(text: string, options: DeckFileOptions = {}): ImportPlan {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw jsonSyntaxError(error, text);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		throw new ImportError(
			`This is JSON, but not a deck file from this app (it is ${describeValue(data)}, not an object with a "format" field).`
		);
	const top = data as Record<string, unknown>;
	if (!('format' in top))
		throw new ImportError('This is JSON, but not a deck file from this app (no "format" field).');
	if (top.format !== DECK_FORMAT && top.format !== BACKUP_FORMAT)
		throw new ImportError(
			`This is JSON, but not a deck file from this app (its format is ${JSON.stringify(top.format)}).`
		);
	const version = top.version;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		throw new ImportError(
			`version should be a whole number, 1 or more, but it is ${describeValue(version)}`,
			'version'
		);
	if (version > FORMAT_VERSION)
		throw new ImportError(
			`This file was made by a newer version of the app (format version ${version}); this app reads version ${FORMAT_VERSION}.`
		);

	const seen: SeenIds = { cards: new Set(), logs: new Set() };
	// Only a file that carries pictures or sounds (or styles) gives its plan such a list.
	const media = {
		...(top.media === undefined ? {} : { media: readMediaList(top.media) }),
		...(top.styles === undefined ? {} : { styles: readStyleList(top.styles) })
	};
	if (top.format === DECK_FORMAT) {
		const one = readDeck(top, '', seen, options);
		const notes = readAnkiNoteLists(top, [one]);
		return { kind: 'decks', decks: [one], sourceFormat: 'deck-json', ...media, ...notes };
	}

	const settings =
		top.settings === null || top.settings === undefined
			? null
			: checkSettings(top.settings, 'settings');
	const list = arrayAt(top.decks, 'decks', 'a list of decks');
	const deckIds = new Map<string, number>();
	const decks = list.map((entry, i) => {
		const path = `decks[${i}]`;
		const one = readDeck(objectAt(entry, path), `${path}.`, seen, options);
		const earlier = deckIds.get(one.deck.id);
		if (earlier !== undefined)
			throw new ImportError(
				`id ${JSON.stringify(one.deck.id)} is used by two decks (decks[${earlier}] and decks[${i}])`,
				`${path}.deck.id`
			);
		deckIds.set(one.deck.id, i);
		return one;
	});
	// Informational: a missing or odd date is left out, not refused.
	const exported =
		typeof top.exported === 'number' && top.exported > 0 && top.exported <= MAX_DATE_MS
			? top.exported
			: null;
	return { kind: 'backup', decks, settings, exported, ...media, ...readAnkiNoteLists(top, decks) };
}

/**
 * The file's Anki notes and note types, when it carries them. A note must be of a note type
 * in the file and be the note of one of its cards.
 */
function readAnkiNoteLists(
	top: Record<string, unknown>,
	decks: readonly DeckImport[]
): { notes?: AnkiNoteRecord[]; noteTypes?: AnkiNoteTypeRecord[] } {
	if (top.ankiNotes === undefined && top.ankiNoteTypes === undefined) return {};
	const types = new Map<string, AnkiNoteTypeRecord>();
	arrayAt(top.ankiNoteTypes ?? [], 'ankiNoteTypes', 'a list of note types').forEach((entry, i) => {
		const type = checkAnkiNoteType(entry, `ankiNoteTypes[${i}]`);
		types.set(type.id, type);
	});
	const noteIds = new Set(decks.flatMap((deck) => deck.cards.map((card) => card.noteId)));
	const seen = new Set<string>();
	const notes = arrayAt(top.ankiNotes ?? [], 'ankiNotes', 'a list of notes').map((entry, i) => {
		const path = `ankiNotes[${i}]`;
		const note = checkAnkiNote(entry, path, types);
		if (!noteIds.has(note.id))
			throw new ImportError(
				`id ${JSON.stringify(note.id)} is not the noteId of any card in this file`,
				`${path}.id`
			);
		if (seen.has(note.id))
			throw new ImportError(`id ${JSON.stringify(note.id)} is used by two notes`, `${path}.id`);
		seen.add(note.id);
		return note;
	});
	return { notes, noteTypes: [...types.values()] };
}

/**
 * The file's note type stylesheets. Each must be named by its content (checked, as for
 * pictures: a hand-edited file cannot restyle cards under an id they already name).
 */
function readStyleList(value: unknown): NoteStyle[] {
	const list = arrayAt(value, 'styles', 'a list of stylesheets');
	return list.map((entry, i) => {
		const path = `styles[${i}]`;
		const { id, css } = objectAt(entry, path);
		if (typeof css !== 'string' || css.length > MAX_STYLE_CHARS)
			throw new ImportError(
				`css should be a stylesheet of at most ${MAX_STYLE_CHARS} characters, but it is ${describeValue(css)}`,
				`${path}.css`
			);
		if (id !== noteStyleId(css))
			throw new ImportError(
				`id should name the stylesheet by its content (${noteStyleId(css)}), but it is ${describeValue(id)}`,
				`${path}.id`
			);
		return { id, css };
	});
}

/**
 * The file's pictures and sounds. Each must be named by its content (the SHA-1 of its bytes,
 * checked, so a hand-edited file cannot put other bytes under a name cards already show), and
 * all together may not pass the import size guard.
 */
function readMediaList(value: unknown): MediaFile[] {
	const list = arrayAt(value, 'media', 'a list of files');
	const names = new Set<string>();
	let bytes = 0;
	return list.map((entry, i) => {
		const path = `media[${i}]`;
		const o = objectAt(entry, path);
		const { name, type, data } = o;
		if (typeof name !== 'string' || !MEDIA_NAME.test(name))
			throw new ImportError(
				`name should be a stored file's name (its SHA-1 and extension), but it is ${describeValue(name)}`,
				`${path}.name`
			);
		if (names.has(name)) throw new ImportError(`${name} is listed twice`, `${path}.name`);
		names.add(name);
		if (typeof type !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(type))
			throw new ImportError(
				`type should be a MIME type such as "image/png", but it is ${describeValue(type)}`,
				`${path}.type`
			);
		const decoded = typeof data === 'string' ? fromBase64(data) : null;
		if (!decoded)
			throw new ImportError(`data should be the file in base64, but it is not`, `${path}.data`);
		if (sha1OfBytes(decoded) !== name.slice(0, 40))
			throw new ImportError(
				`the file's bytes do not match its name (the file is damaged or was edited)`,
				`${path}.data`
			);
		bytes += decoded.length;
		if (bytes > MAX_IMPORT_MEDIA_BYTES)
			throw new ImportError(
				`The file's pictures and sounds take more than ${MAX_IMPORT_MEDIA_BYTES / 1_048_576} MB, more than one import may bring, so nothing was imported.`,
				path
			);
		return { name, type, bytes: decoded };
	});
}

/** Ids are keys across the whole database, so a backup must not repeat one in any two decks. */
interface SeenIds {
	cards: Set<string>;
	logs: Set<string>;
}

/** Reads `{deck, cards, logs}` at `prefix` (`""` in a deck file, `decks[2].` in a backup). */
function readDeck(
	o: Record<string, unknown>,
	prefix: string,
	seen: SeenIds,
	options: DeckFileOptions
): DeckImport {
	const deck = checkDeck(o.deck, `${prefix}deck`);
	const warnings: string[] = [];

	const rawCards = arrayAt(o.cards, `${prefix}cards`, 'a list of cards');
	const here = new Set<string>();
	let moved = 0;
	const cards = new Array<Card>(rawCards.length);
	for (let i = 0; i < rawCards.length; i++) {
		const path = `${prefix}cards[${i}]`;
		const card = checkCard(rawCards[i], path);
		if (seen.cards.has(card.id))
			throw new ImportError(
				`id ${JSON.stringify(card.id)} is used by more than one card`,
				`${path}.id`
			);
		seen.cards.add(card.id);
		here.add(card.id);
		if (card.deckId !== deck.id) {
			card.deckId = deck.id;
			moved++;
		}
		if (card.format === 'html' && options.sanitize) {
			card.front = options.sanitize(card.front);
			card.back = options.sanitize(card.back);
		}
		cards[i] = card;
	}
	if (moved > 0)
		warnings.push(
			`${moved} ${moved === 1 ? 'card named another deck; it was' : 'cards named another deck; they were'} put in “${deck.name}”.`
		);

	const logs: ReviewLog[] = [];
	if (o.logs !== undefined) {
		const rawLogs = arrayAt(o.logs, `${prefix}logs`, 'a list of review logs');
		logs.length = rawLogs.length;
		for (let i = 0; i < rawLogs.length; i++) {
			const path = `${prefix}logs[${i}]`;
			const log = checkLog(rawLogs[i], path);
			if (seen.logs.has(log.id))
				throw new ImportError(
					`id ${JSON.stringify(log.id)} is used by more than one review log`,
					`${path}.id`
				);
			seen.logs.add(log.id);
			if (!here.has(log.cardId))
				throw new ImportError(
					`cardId ${JSON.stringify(log.cardId)} is not the id of any card in this deck`,
					`${path}.cardId`
				);
			log.deckId = deck.id;
			logs[i] = log;
		}
	}
	return { deck, cards, logs, warnings };
}
