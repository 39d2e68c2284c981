import type { MediaFile } from '$lib/domain/media';
import { zipSync } from 'fflate';
import { CardState, type Card, type ReviewLog } from '$lib/domain/models';
import { DAY_MS, difficultyToFactor } from './anki-schedule';
import type { DeckContent } from './deck-file';
import {
	ankiTags,
	NOTE_TYPES,
	notesForExport,
	styledNoteType,
	type NoteOut,
	type NoteTypeSpec
} from './app-notes';
import type { NoteStyle } from '$lib/domain/note-style';
import type { AnkiNoteRecord, AnkiNoteTypeRecord } from '$lib/domain/anki-note';
import { fieldsNamedBy } from './anki-template';
import { guidForNote } from './note-guid';
import { sha1Hex } from './sha1';
import type { SqlJsLoader } from './sqlite';

/**
 * Decks out as an Anki package in the legacy layout (`collection.anki2`, schema 11), which
 * every Anki since 2.1 opens. Each note becomes an Anki note of its own type (Basic, Basic
 * (and reversed card), Cloze, and the app's True/False and List; see `app-notes.ts`) with its
 * cards, their schedule and (when given) their review history carried over; see docs/anki.md.
 */

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
`;

// Built after the rows are in: one sort per index instead of a b-tree insert per row.
const INDEXES = `
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

/**
 * The fields a template's front names (`{{Field}}`, `{{#Field}}`, `{{cloze:Field}}`…, not
 * `{{^Field}}`, shown when the field is empty), by position: older Anki makes the card when
 * any of them has text.
 *
 * @example
 * fieldsShownBy('{{#Hint}}{{hint:Hint}}{{/Hint}} {{English}}', ['Korean', 'English', 'Hint']); // [1, 2]
 */
function fieldsShownBy(qfmt: string, fields: readonly string[]): number[] {
	const named = new Set(fieldsNamedBy(qfmt).map((field) => field.name));
	const shown = fields.flatMap((field, i) => (named.has(field) ? [i] : []));
	return shown.length > 0 ? shown : [0];
}

function ankiModel(spec: NoteTypeSpec, now: number) {
	const field = (name: string, ord: number) => ({
		name,
		ord,
		sticky: false,
		rtl: false,
		font: 'Arial',
		size: 20,
		media: []
	});
	return {
		id: spec.id,
		name: spec.name,
		type: spec.type,
		mod: Math.floor(now / 1000),
		usn: -1,
		sortf: 0,
		did: 1,
		tmpls: spec.templates.map((t, ord) => ({
			name: t.name,
			ord,
			qfmt: t.qfmt,
			afmt: t.afmt,
			bqfmt: '',
			bafmt: '',
			did: null,
			bfont: '',
			bsize: 0
		})),
		flds: spec.fields.map(field),
		css: spec.css,
		latexPre:
			'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
		latexPost: '\\end{document}',
		latexsvg: false,
		// Which fields a template needs to make its card (Anki ≥ 2.1.28 works it out itself).
		req: spec.templates.map((t, ord) => [ord, 'any', fieldsShownBy(t.qfmt, spec.fields)]),
		tags: [],
		vers: []
	};
}

function deckJson(id: number, name: string, now: number) {
	return {
		id,
		name,
		mod: Math.floor(now / 1000),
		usn: -1,
		lrnToday: [0, 0],
		revToday: [0, 0],
		newToday: [0, 0],
		timeToday: [0, 0],
		collapsed: false,
		browserCollapsed: false,
		desc: '',
		dyn: 0,
		conf: 1,
		extendNew: 0,
		extendRev: 0
	};
}

const DECK_CONFIG = {
	id: 1,
	name: 'Default',
	mod: 0,
	usn: 0,
	maxTaken: 60,
	autoplay: true,
	timer: 0,
	replayq: true,
	dyn: false,
	new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: 20 },
	rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
	lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
};

/** What a field shows as plain text, for Anki's sort field and duplicate checksum. */
function plainText(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, ' ')
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();
}

/**
 * Anki's `left` for a card in (re)learning: the steps still to go, as Anki encodes it (the
 * number of them that fit today × 1000, plus the number left; all are taken to fit today).
 * Counted against the steps of the deck options this package writes, which Anki will use.
 */
function stepsLeft(card: Card, steps: readonly number[]): number {
	const left = Math.max(1, steps.length - card.learning_steps);
	return left * 1000 + left;
}

/** Anki's card columns for a card's schedule; `position` orders new cards. */
function ankiSchedule(card: Card, crt: number, position: number) {
	const seconds = Math.floor(card.due / 1000);
	const factor = difficultyToFactor(card.difficulty || 5);
	const memory =
		card.stability > 0 && card.difficulty >= 1 && card.difficulty <= 10
			? JSON.stringify({
					s: card.stability,
					d: card.difficulty,
					...(card.last_review !== null ? { lrt: Math.floor(card.last_review / 1000) } : {})
				})
			: '';
	const interval = Math.max(1, Math.round(card.scheduled_days || card.stability));
	switch (card.state) {
		case CardState.Learning:
			return {
				type: 1,
				queue: 1,
				due: seconds,
				ivl: 0,
				factor,
				left: stepsLeft(card, DECK_CONFIG.new.delays),
				data: memory
			};
		case CardState.Review:
			return {
				type: 2,
				queue: 2,
				due: Math.floor((seconds - crt) / 86_400),
				ivl: interval,
				factor,
				left: 0,
				data: memory
			};
		case CardState.Relearning:
			return {
				type: 3,
				queue: 1,
				due: seconds,
				ivl: interval,
				factor,
				left: stepsLeft(card, DECK_CONFIG.lapse.delays),
				data: memory
			};
		default:
			return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, left: 0, data: '' };
	}
}

const REVLOG_TYPE: Record<number, number> = { 0: 0, 1: 0, 2: 1, 3: 2 };

/**
 * A revlog row's `ivl`: days when the answer led to a review, and when it led to a learning
 * step, minus the step's seconds, as Anki writes it (-600 for a 10-minute step).
 */
function revlogInterval(log: ReviewLog, after: Pick<Card, 'state' | 'due' | 'scheduled_days'>) {
	if (after.state === CardState.Learning || after.state === CardState.Relearning)
		return -Math.max(1, Math.round((after.due - log.review) / 1000));
	return Math.round(after.scheduled_days);
}

export interface ApkgExportOptions {
	now: Date;
	loadSqlJs: SqlJsLoader;
	/** The pictures and sounds the cards show (`readMedia`), written as the package's media. */
	media?: readonly MediaFile[];
	/** The stylesheets the cards name (`Card.style`): each goes out as a note type's CSS. */
	styles?: readonly NoteStyle[];
	/**
	 * The Anki notes cards from Anki are rendered from, and their note types (`readAnkiNotes`):
	 * those cards go out as these notes, with their own note types, as Anki had them.
	 */
	ankiNotes?: { notes: readonly AnkiNoteRecord[]; types: readonly AnkiNoteTypeRecord[] };
}

/** One note to write: its guid, fields and tags, and its cards by Anki `ord`. */
type NoteRow = Pick<NoteOut, 'guid' | 'tags' | 'cards'> & { fields: readonly string[] };

/** An Anki note type kept on the device, as the package's model. */
function keptNoteType(type: AnkiNoteTypeRecord, id: number): NoteTypeSpec {
	return {
		id,
		name: type.name,
		type: type.cloze ? 1 : 0,
		fields: type.fields,
		templates: type.templates.map((name, ord) => ({
			name,
			qfmt: type.formats[ord]?.qfmt ?? '',
			afmt: type.formats[ord]?.afmt ?? ''
		})),
		css: type.css || NOTE_TYPES.basic.css
	};
}

/**
 * The cards of a deck whose Anki note is kept, grouped into those notes; the other cards are
 * left for `notesForExport`.
 */
function keptNotesOf(
	cards: readonly Card[],
	notes: ReadonlyMap<string, AnkiNoteRecord>
): { kept: { note: AnkiNoteRecord; row: NoteRow }[]; rest: Card[] } {
	const groups = new Map<string, Card[]>();
	const rest: Card[] = [];
	for (const card of cards) {
		if (!notes.has(card.noteId)) rest.push(card);
		else groups.set(card.noteId, [...(groups.get(card.noteId) ?? []), card]);
	}
	const kept = [...groups].map(([noteId, group]) => {
		const note = notes.get(noteId) as AnkiNoteRecord;
		return {
			note,
			row: {
				guid: guidForNote(noteId),
				fields: note.fields,
				tags: ankiTags(group[0]!.tags),
				cards: group.map((card) => ({ card, ord: card.ord }))
			}
		};
	});
	return { kept, rest };
}

/**
 * The package's media as Anki's legacy layout has them, which every Anki version imports:
 * entries `0`, `1` … holding the files, and a `media` entry naming them in JSON.
 */
function mediaEntries(media: readonly MediaFile[]): Record<string, Uint8Array> {
	const names: Record<string, string> = {};
	const entries: Record<string, Uint8Array> = {};
	media.forEach((file, i) => {
		names[String(i)] = file.name;
		entries[String(i)] = file.bytes;
	});
	return { ...entries, media: new TextEncoder().encode(JSON.stringify(names)) };
}

/**
 * Writes decks as an `.apkg` Anki imports (File › Import). Logs are written for the decks
 * that include them, and `options.media` as the package's media. Text cards are escaped into
 * HTML, as Anki fields are HTML.
 *
 * @example
 * const bytes = await encodeApkg([{ deck, cards, logs }], { now: new Date(), loadSqlJs });
 * download(new Blob([bytes]), `${deck.name}.apkg`);
 */
export async function encodeApkg(
	decks: readonly DeckContent[],
	options: ApkgExportOptions
): Promise<Uint8Array<ArrayBuffer>> {
	const now = options.now.getTime();
	const all = decks.flatMap((d) => d.cards);
	// Review due dates are days since `crt`, so it must not be after any of them.
	let earliest = now;
	for (const card of all) {
		earliest = Math.min(earliest, card.created);
		if (card.state !== CardState.New) earliest = Math.min(earliest, card.due);
	}
	const crt = Math.floor(Math.max(0, earliest) / DAY_MS) * 86_400;

	const sql = await options.loadSqlJs();
	const db = new sql.Database();
	try {
		// A scratch database in memory: no rollback journal needed while it is filled.
		db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
		db.exec(SCHEMA);
		const deckIds = decks.map((_, i) => now + i);
		// The note types: the app's own, and one more for each stylesheet cards from Anki keep,
		// so Anki shows them styled as they were.
		const models = new Map(Object.values(NOTE_TYPES).map((spec) => [spec.id, spec]));
		const styles = new Map((options.styles ?? []).map((style) => [style.id, style]));
		const modelOf = (note: NoteOut): number => {
			const id = note.cards[0]?.card.style;
			const style = id && note.cards.every(({ card }) => card.style === id) ? styles.get(id) : null;
			if (!style) return NOTE_TYPES[note.type].id;
			const spec = styledNoteType(note.type, style);
			models.set(spec.id, spec);
			return spec.id;
		};
		const types = new Map((options.ankiNotes?.types ?? []).map((type) => [type.id, type]));
		const ankiNotes = new Map(
			(options.ankiNotes?.notes ?? [])
				.filter((note) => types.has(note.type))
				.map((note) => [note.id, note])
		);
		// Each kept note type under its Anki id, unless that id is taken (by another type of
		// the same id from another collection): then the next free one.
		const modelOfType = new Map<string, number>();
		const keptModel = (type: AnkiNoteTypeRecord): number => {
			let id = modelOfType.get(type.id);
			if (id === undefined) {
				id = type.mid;
				while (models.has(id)) id++;
				models.set(id, keptNoteType(type, id));
				modelOfType.set(type.id, id);
			}
			return id;
		};
		const notesOf = decks.map((d): { note: NoteRow; model: number }[] => {
			const { kept, rest } = keptNotesOf(d.cards, ankiNotes);
			return [
				...kept.map(({ note, row }) => ({
					note: row,
					model: keptModel(types.get(note.type) as AnkiNoteTypeRecord)
				})),
				...notesForExport(rest, true).map((note) => ({ note, model: modelOf(note) }))
			];
		});
		const decksJson: Record<string, unknown> = { '1': deckJson(1, 'Default', now) };
		decks.forEach((d, i) => {
			const id = deckIds[i] as number;
			decksJson[String(id)] = deckJson(id, d.deck.name, now);
		});
		const conf = {
			activeDecks: [1],
			curDeck: deckIds[0] ?? 1,
			newSpread: 0,
			collapseTime: 1200,
			timeLim: 0,
			estTimes: true,
			dueCounts: true,
			curModel: NOTE_TYPES.basic.id,
			nextPos: all.length + 1,
			sortType: 'noteFld',
			sortBackwards: false,
			addToCur: true,
			schedVer: 2
		};
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			crt,
			now,
			now,
			JSON.stringify(conf),
			JSON.stringify(
				Object.fromEntries(
					[...models.values()].map((spec) => [String(spec.id), ankiModel(spec, now)])
				)
			),
			JSON.stringify(decksJson),
			JSON.stringify({ '1': DECK_CONFIG }),
			'{}'
		]);

		// Anki ids are creation times in ms and must be unique: take each card's creation
		// time, nudged forward past any id already used.
		const order = all
			.map((card, i) => ({ card, i }))
			.sort((a, b) => a.card.created - b.card.created || a.i - b.i);
		const ankiId = new Map<Card, number>();
		let last = 0;
		for (const { card } of order) {
			last = Math.max(Math.floor(card.created), last + 1);
			ankiId.set(card, last);
		}
		const position = new Map(order.map(({ card }, rank) => [card, rank + 1]));

		const insertNote = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)');
		const insertCard = db.prepare(
			'INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)'
		);
		const insertLog = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)');
		const usedLogIds = new Set<number>();
		/** The Anki id of each note written, by guid. */
		const noteIds = new Map<string, number>();
		db.run('BEGIN');
		decks.forEach((d, i) => {
			const did = deckIds[i] as number;
			for (const { note, model } of notesOf[i]!) {
				// A note whose cards are in two of the decks is written once.
				const written = noteIds.get(note.guid);
				// A note's id is its first card's: unique, since card ids are.
				const noteId = written ?? (ankiId.get(note.cards[0]!.card) as number);
				noteIds.set(note.guid, noteId);
				const sortField = plainText(note.fields[0] ?? '');
				// The earliest change of its cards: the importer dates each card by the later of
				// its own and its note's change, and a sibling answered here since must not make
				// the other card look changed in the file.
				const noteMod = Math.min(...note.cards.map(({ card }) => Math.floor(card.modified / 1000)));
				if (written === undefined)
					insertNote.run([
						noteId,
						note.guid,
						model,
						noteMod,
						note.tags.length ? ` ${note.tags.join(' ')} ` : '',
						note.fields.join('\x1f'),
						sortField,
						parseInt(sha1Hex(sortField).slice(0, 8), 16),
						''
					]);
				for (const { card, ord } of note.cards) {
					const id = ankiId.get(card) as number;
					const s = ankiSchedule(card, crt, position.get(card) as number);
					insertCard.run([
						id,
						noteId,
						did,
						ord,
						Math.floor(card.modified / 1000),
						s.type,
						// Anki's queue −1: suspended there too. (Burying lasts a day; it is not carried.)
						card.suspended ? -1 : s.queue,
						s.due,
						s.ivl,
						s.factor,
						card.reps,
						card.lapses,
						s.left,
						s.data
					]);
				}
			}
			if (!d.logs) return;
			const cards = new Map(d.cards.map((c) => [c.id, c]));
			const byCard = new Map<string, ReviewLog[]>();
			for (const log of d.logs) {
				const list = byCard.get(log.cardId) ?? [];
				list.push(log);
				byCard.set(log.cardId, list);
			}
			for (const [cardId, logs] of byCard) {
				const card = cards.get(cardId);
				if (!card) continue;
				logs.sort((a, b) => a.review - b.review);
				logs.forEach((log, k) => {
					// ts-fsrs logs hold the card before the answer, Anki's revlog the result
					// after it: the next log (or the card itself) says what the answer led to.
					const after = logs[k + 1] ?? card;
					let logId = Math.floor(log.review);
					while (usedLogIds.has(logId)) logId++;
					usedLogIds.add(logId);
					insertLog.run([
						logId,
						ankiId.get(card) as number,
						log.rating,
						revlogInterval(log, after),
						Math.round(log.scheduled_days),
						after.difficulty > 0 ? difficultyToFactor(after.difficulty) : 0,
						// How long the answer took (ms), as Anki's statistics count time.
						Math.round(log.duration ?? 0),
						REVLOG_TYPE[log.state] ?? 0
					]);
				});
			}
		});
		db.exec(INDEXES);
		db.run('COMMIT');
		insertNote.free();
		insertCard.free();
		insertLog.free();
		const collection = db.export();
		return zipSync({ 'collection.anki2': collection, ...mediaEntries(options.media ?? []) });
	} finally {
		db.close();
	}
}
