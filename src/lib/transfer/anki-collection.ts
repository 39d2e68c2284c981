import type { Database, SqlValue } from 'sql.js';
import { ImportError } from '$lib/errors';
import { floatsField, messageField, protoFields, varintField } from './protobuf';

/**
 * Reads an Anki collection (the SQLite file inside a package) into plain records, for both
 * generations: schema 11 (`collection.anki2` / `.anki21`, note types and decks as JSON in
 * the `col` row) and schema 18 (`collection.anki21b`, note types, fields, templates and
 * decks in their own tables). Only what the import uses is read.
 */

export interface AnkiNoteType {
	id: number;
	name: string;
	cloze: boolean;
	fields: string[];
	/** Card template names, by `ord`. */
	templates: string[];
	/** Each template's question and answer formats, by `ord` (empty strings when missing). */
	formats: AnkiTemplateFormat[];
	/** The note type's stylesheet (empty when it has none). */
	css: string;
}

export interface AnkiTemplateFormat {
	qfmt: string;
	afmt: string;
}

export interface AnkiNote {
	id: number;
	/** Anki's identity of the note across collections (kept when a deck is shared); may be empty in a damaged package. */
	guid: string;
	mid: number;
	/** Last change to fields or tags, epoch seconds. */
	mod: number;
	tags: string[];
	fields: string[];
}

/** A row of Anki's `cards` table, as stored (see docs/anki.md for the meanings). */
export interface AnkiCard {
	id: number;
	nid: number;
	did: number;
	ord: number;
	/** Last change, epoch seconds. */
	mod: number;
	type: number;
	queue: number;
	due: number;
	ivl: number;
	factor: number;
	reps: number;
	lapses: number;
	odue: number;
	odid: number;
	data: string;
}

/** A row of Anki's `revlog` table. `id` is the answer time in epoch ms. */
export interface AnkiRevlog {
	id: number;
	cid: number;
	ease: number;
	ivl: number;
	lastIvl: number;
	factor: number;
	type: number;
	/** How long the answer took, ms. */
	time: number;
}

export interface AnkiCollection {
	/** Collection creation, epoch seconds: review due dates count days from it. */
	crt: number;
	noteTypes: Map<number, AnkiNoteType>;
	/** Deck id → full name, levels joined with `::`. */
	decks: Map<number, string>;
	notes: Map<number, AnkiNote>;
	cards: AnkiCard[];
	/** Sorted by card, then time. */
	revlog: AnkiRevlog[];
	/**
	 * The FSRS parameters of each deck's options preset, by deck id, for the decks whose
	 * preset has some: the newest FSRS version's (6, else 5, else 4) as Anki keeps them.
	 */
	deckParameters: Map<number, number[]>;
}

const NOTETYPE_KIND_CLOZE = 1;

function each(db: Database, sql: string, row: (values: SqlValue[]) => void): void {
	const statement = db.prepare(sql);
	try {
		while (statement.step()) row(statement.get());
	} finally {
		statement.free();
	}
}

/**
 * A whole finite number. SQLite's loose typing lets any column hold a fraction, text, or an
 * infinite REAL (`9e999`), and an infinity here would become a date no Date can hold.
 */
function int(value: SqlValue | undefined): number {
	const v = typeof value === 'number' ? value : Number(value ?? 0);
	return Number.isFinite(v) ? Math.trunc(v) : 0;
}
const text = (v: SqlValue | undefined): string =>
	typeof v === 'string'
		? v
		: v instanceof Uint8Array
			? new TextDecoder().decode(v)
			: v == null
				? ''
				: String(v);

/**
 * Reads the collection in `db`, which came from the package entry `name`.
 *
 * @example
 * const collection = readAnkiCollection(db, 'collection.anki21b');
 * collection.cards.length;
 */
export function readAnkiCollection(db: Database, name: string): AnkiCollection {
	forgetAnkiCollation(db, name);
	const tables = new Set<string>();
	each(db, "SELECT name FROM sqlite_master WHERE type = 'table'", (r) => tables.add(text(r[0])));
	for (const table of ['col', 'notes', 'cards'])
		if (!tables.has(table))
			throw new ImportError(
				`The package's ${name} is a SQLite database but not an Anki collection (it has no ${table} table).`,
				name
			);

	try {
		let crt = 0;
		let modelsJson = '';
		let decksJson = '';
		let presetsJson = '';
		each(db, 'SELECT crt, models, decks, dconf FROM col LIMIT 1', (r) => {
			crt = int(r[0]);
			modelsJson = text(r[1]);
			decksJson = text(r[2]);
			presetsJson = text(r[3]);
		});

		const modern = tables.has('notetypes');
		const noteTypes = modern ? readNoteTypeTables(db, name) : readNoteTypeJson(modelsJson, name);
		const decks = tables.has('decks') && modern ? readDeckTable(db) : readDeckJson(decksJson, name);
		const deckParameters = optionalParameters(() =>
			tables.has('decks') && modern && tables.has('deck_config')
				? readDeckParameterTables(db, name)
				: readDeckParameterJson(decksJson, presetsJson, name)
		);

		const notes = new Map<number, AnkiNote>();
		each(db, 'SELECT id, guid, mid, mod, tags, flds FROM notes', (r) => {
			const id = int(r[0]);
			notes.set(id, {
				id,
				guid: text(r[1]),
				mid: int(r[2]),
				mod: int(r[3]),
				tags: text(r[4]).split(/\s+/).filter(Boolean),
				fields: text(r[5]).split('\x1f')
			});
		});

		const cards: AnkiCard[] = [];
		each(
			db,
			'SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, odue, odid, data FROM cards ORDER BY id',
			(r) =>
				cards.push({
					id: int(r[0]),
					nid: int(r[1]),
					did: int(r[2]),
					ord: int(r[3]),
					mod: int(r[4]),
					type: int(r[5]),
					queue: int(r[6]),
					due: int(r[7]),
					ivl: int(r[8]),
					factor: int(r[9]),
					reps: int(r[10]),
					lapses: int(r[11]),
					odue: int(r[12]),
					odid: int(r[13]),
					data: text(r[14])
				})
		);

		const revlog: AnkiRevlog[] = [];
		if (tables.has('revlog'))
			each(
				db,
				'SELECT id, cid, ease, ivl, lastIvl, factor, type, time FROM revlog ORDER BY cid, id',
				(r) =>
					revlog.push({
						id: int(r[0]),
						cid: int(r[1]),
						ease: int(r[2]),
						ivl: int(r[3]),
						lastIvl: int(r[4]),
						factor: int(r[5]),
						type: int(r[6]),
						time: int(r[7])
					})
			);

		return { crt, noteTypes, decks, notes, cards, revlog, deckParameters };
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError(`The package's ${name} could not be read as an Anki collection.`, name, {
			cause: error
		});
	}
}

/**
 * Anki declares its name columns `COLLATE unicase`, a collation it registers itself. sql.js
 * cannot register one, and SQLite then refuses even to scan a WITHOUT ROWID table using it
 * ("no query solution"). The collation only orders names, which this reader never compares,
 * so it is removed from the schema of this in-memory copy.
 */
function forgetAnkiCollation(db: Database, name: string): void {
	const patched: [string, string][] = [];
	each(db, "SELECT name, sql FROM sqlite_master WHERE sql LIKE '%unicase%'", (r) =>
		patched.push([text(r[0]), text(r[1]).replace(/\s+collate\s+unicase\b/gi, '')])
	);
	if (patched.length === 0) return;
	try {
		db.run('PRAGMA writable_schema = ON');
		for (const [object, sql] of patched)
			db.run('UPDATE sqlite_master SET sql = ? WHERE name = ?', [sql, object]);
		db.run('PRAGMA writable_schema = RESET');
	} catch (error) {
		throw new ImportError(`The package's ${name} could not be read as an Anki collection.`, name, {
			cause: error
		});
	}
}

function parseJson(json: string, what: string, name: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(json);
		if (typeof value === 'object' && value !== null && !Array.isArray(value))
			return value as Record<string, unknown>;
	} catch {
		// fall through to the message below
	}
	throw new ImportError(`The package's ${name} has damaged ${what}.`, name);
}

/** The items of a note type's JSON list (fields, templates) in `ord` order. */
function byOrd(list: unknown): Record<string, unknown>[] {
	if (!Array.isArray(list)) return [];
	return list
		.map((item, i) => ({ item: (item ?? {}) as Record<string, unknown>, i }))
		.sort((a, b) => int(a.item.ord as SqlValue) - int(b.item.ord as SqlValue) || a.i - b.i)
		.map(({ item }) => item);
}

function stringOf(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

function names(list: unknown): string[] {
	return byOrd(list).map((item) => stringOf(item.name));
}

function formats(list: unknown): AnkiTemplateFormat[] {
	return byOrd(list).map((item) => ({ qfmt: stringOf(item.qfmt), afmt: stringOf(item.afmt) }));
}

/** `Notetype.Template.Config { string q_format = 1; string a_format = 2; … }`. */
function templateConfig(config: SqlValue, what: string): AnkiTemplateFormat {
	const format = { qfmt: '', afmt: '' };
	if (!(config instanceof Uint8Array)) return format;
	const decoder = new TextDecoder();
	for (const { field, value } of protoFields(config, what)) {
		if (!(value instanceof Uint8Array)) continue;
		if (field === 1) format.qfmt = decoder.decode(value);
		else if (field === 2) format.afmt = decoder.decode(value);
	}
	return format;
}

function readNoteTypeJson(json: string, name: string): Map<number, AnkiNoteType> {
	const models = parseJson(json || '{}', 'note types', name);
	const out = new Map<number, AnkiNoteType>();
	for (const [key, value] of Object.entries(models)) {
		const m = (value ?? {}) as Record<string, unknown>;
		const id = int((m.id ?? key) as SqlValue);
		out.set(id, {
			id,
			name: typeof m.name === 'string' ? m.name : 'Note',
			cloze: m.type === 1,
			fields: names(m.flds),
			templates: names(m.tmpls),
			formats: formats(m.tmpls),
			css: stringOf(m.css)
		});
	}
	return out;
}

function readDeckJson(json: string, name: string): Map<number, string> {
	const decks = parseJson(json || '{}', 'decks', name);
	const out = new Map<number, string>();
	for (const [key, value] of Object.entries(decks)) {
		const d = (value ?? {}) as Record<string, unknown>;
		out.set(int((d.id ?? key) as SqlValue), typeof d.name === 'string' ? d.name : 'Imported');
	}
	return out;
}

function readNoteTypeTables(db: Database, name: string): Map<number, AnkiNoteType> {
	const out = new Map<number, AnkiNoteType>();
	each(db, 'SELECT id, name, config FROM notetypes', (r) => {
		const config = r[2];
		const what = `${name} note type settings`;
		const kind = config instanceof Uint8Array ? varintField(config, 1, 0, what) : 0;
		// `Notetype.Config { Kind kind = 1; … string css = 3; … }`.
		const css = config instanceof Uint8Array ? messageField(config, 3, what) : null;
		out.set(int(r[0]), {
			id: int(r[0]),
			name: text(r[1]),
			cloze: kind === NOTETYPE_KIND_CLOZE,
			fields: [],
			templates: [],
			formats: [],
			css: css ? new TextDecoder().decode(css) : ''
		});
	});
	each(db, 'SELECT ntid, name FROM fields ORDER BY ntid, ord', (r) =>
		out.get(int(r[0]))?.fields.push(text(r[1]))
	);
	each(db, 'SELECT ntid, name, config FROM templates ORDER BY ntid, ord', (r) => {
		const type = out.get(int(r[0]));
		type?.templates.push(text(r[1]));
		type?.formats.push(templateConfig(r[2] ?? null, `${name} card template`));
	});
	return out;
}

/** Anki's DeckConfig.Config fields holding FSRS parameters, newest version first. */
const FSRS_PARAMETER_FIELDS = [6, 5, 3];
/** The same in the legacy JSON presets (`col.dconf`), newest first. */
const FSRS_PARAMETER_KEYS = ['fsrsParams6', 'fsrsParams5', 'fsrsWeights'];

/**
 * The decks' FSRS parameters, or none when the options presets are damaged: they are
 * optional, and the decks and cards come in without them (the defaults apply).
 */
function optionalParameters(read: () => Map<number, number[]>): Map<number, number[]> {
	try {
		return read();
	} catch (error) {
		if (error instanceof ImportError) return new Map();
		throw error;
	}
}

/** Deck id → its preset's FSRS parameters, from a map of preset id → parameters. */
function parametersByDeck(
	presetOfDeck: Map<number, number>,
	presets: Map<number, number[]>
): Map<number, number[]> {
	const out = new Map<number, number[]>();
	for (const [deck, preset] of presetOfDeck) {
		const parameters = presets.get(preset);
		if (parameters) out.set(deck, parameters);
	}
	return out;
}

/** Schema 18: presets in `deck_config` (protobuf), a deck's preset in its `kind`. */
function readDeckParameterTables(db: Database, name: string): Map<number, number[]> {
	const what = `${name} deck options`;
	const presets = new Map<number, number[]>();
	each(db, 'SELECT id, config FROM deck_config', (r) => {
		const config = r[1];
		if (!(config instanceof Uint8Array)) return;
		for (const field of FSRS_PARAMETER_FIELDS) {
			const parameters = floatsField(config, field, what);
			if (parameters.length > 0) {
				presets.set(int(r[0]), parameters);
				break;
			}
		}
	});
	const presetOfDeck = new Map<number, number>();
	each(db, 'SELECT id, kind FROM decks', (r) => {
		const kind = r[1];
		// DeckKind: a normal deck (field 1) names its preset in field 1; a filtered deck has none.
		const normal = kind instanceof Uint8Array ? messageField(kind, 1, what) : null;
		if (normal) presetOfDeck.set(int(r[0]), varintField(normal, 1, 1, what));
	});
	return parametersByDeck(presetOfDeck, presets);
}

/** Schema 11: presets as JSON in `col.dconf`, a deck's preset in its `conf`. */
function readDeckParameterJson(
	decksJson: string,
	presetsJson: string,
	name: string
): Map<number, number[]> {
	const presets = new Map<number, number[]>();
	for (const [key, value] of Object.entries(parseJson(presetsJson || '{}', 'deck options', name))) {
		const preset = (value ?? {}) as Record<string, unknown>;
		for (const field of FSRS_PARAMETER_KEYS) {
			const list = preset[field];
			if (Array.isArray(list) && list.length > 0 && list.every((n) => typeof n === 'number')) {
				presets.set(int((preset.id ?? key) as SqlValue), list as number[]);
				break;
			}
		}
	}
	const presetOfDeck = new Map<number, number>();
	for (const [key, value] of Object.entries(parseJson(decksJson || '{}', 'decks', name))) {
		const deck = (value ?? {}) as Record<string, unknown>;
		if (deck.dyn) continue;
		presetOfDeck.set(int((deck.id ?? key) as SqlValue), int((deck.conf ?? 1) as SqlValue));
	}
	return parametersByDeck(presetOfDeck, presets);
}

function readDeckTable(db: Database): Map<number, string> {
	const out = new Map<number, string>();
	// Schema 18 separates deck name levels with \x1f where the UI shows `::`.
	each(db, 'SELECT id, name FROM decks', (r) =>
		out.set(int(r[0]), text(r[1]).split('\x1f').join('::'))
	);
	return out;
}
