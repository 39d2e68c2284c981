import { zipSync, type Zippable } from 'fflate';
import type { Database, SqlJsStatic } from 'sql.js';
import { protoMessage } from './protobuf-writer';
import { zstdRaw } from './zstd-raw';

/**
 * Builds Anki packages the way Anki writes them, for specs: the legacy generation
 * (`collection.anki2`/`.anki21`, schema 11, note types and decks as JSON in `col`) and the
 * current one (`collection.anki21b`, schema 18, Zstandard-compressed, with note types,
 * fields, templates and decks in tables, the "please update" dummy `collection.anki2`
 * beside it, and a Zstandard protobuf media list).
 */

export interface FixtureNoteType {
	id: number;
	name: string;
	cloze: boolean;
	fields: string[];
	templates: string[];
	/** Each template's formats; Anki's stock ones when left out (see `stockFormats`). */
	formats?: { qfmt: string; afmt: string }[];
	/** The note type's stylesheet; an empty `.card {}` when left out. */
	css?: string;
}

/**
 * The formats Anki's own note types use: Cloze asks `{{cloze:Text}}` and adds its second
 * field on the back; Basic and its reversed variants ask field 0 → 1 on even templates and
 * 1 → 0 on odd ones.
 */
export function stockFormats(t: FixtureNoteType): { qfmt: string; afmt: string }[] {
	if (t.formats) return t.formats;
	const [first = 'Front', second = 'Back'] = t.fields;
	return t.templates.map((_, ord) => {
		if (t.cloze)
			return {
				qfmt: `{{cloze:${first}}}`,
				afmt: `{{cloze:${first}}}<br>\n{{${second}}}`
			};
		const [q, a] = ord % 2 === 0 ? [first, second] : [second, first];
		return { qfmt: `{{${q}}}`, afmt: `{{FrontSide}}\n\n<hr id=answer>\n\n{{${a}}}` };
	});
}

export interface FixtureNote {
	id: number;
	mid: number;
	tags: string;
	fields: string[];
	/** Last change, epoch seconds; `id / 1000` when left out. */
	mod?: number;
}

export interface FixtureCard {
	id: number;
	nid: number;
	did: number;
	ord: number;
	type: number;
	queue: number;
	due: number;
	ivl: number;
	factor: number;
	reps: number;
	lapses: number;
	odue?: number;
	odid?: number;
	data?: string;
	mod?: number;
}

export interface FixtureRevlog {
	id: number;
	cid: number;
	ease: number;
	ivl: number;
	lastIvl: number;
	factor: number;
	type: number;
}

export interface FixtureCollection {
	/** Epoch seconds. */
	crt: number;
	decks: { id: number; name: string }[];
	noteTypes: FixtureNoteType[];
	notes: FixtureNote[];
	cards: FixtureCard[];
	revlog: FixtureRevlog[];
	/** Media file names, stored in the package as `0`, `1` … */
	media: string[];
	/** The bytes of some media files, by name (others get four made-up bytes). */
	mediaBytes?: Record<string, Uint8Array>;
	/** FSRS parameters of the options preset every deck uses (preset 1), by FSRS version. */
	fsrsParameters?: { version: 4 | 5 | 6; values: number[] };
}

/** The preset's JSON key (schema 11) and protobuf field (schema 18) for each FSRS version. */
const FSRS_KEY = { 4: 'fsrsWeights', 5: 'fsrsParams5', 6: 'fsrsParams6' } as const;
const FSRS_FIELD = { 4: 3, 5: 5, 6: 6 } as const;

function packedFloats(values: number[]): Uint8Array {
	return new Uint8Array(new Float32Array(values).buffer);
}

const SHARED_TABLES = `
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const COL_TABLE =
	'CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);';

function insertShared(db: Database, c: FixtureCollection): void {
	for (const n of c.notes)
		db.run('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, ?)', [
			n.id,
			`guid${n.id}`,
			n.mid,
			n.mod ?? Math.floor(n.id / 1000),
			n.tags,
			n.fields.join('\x1f'),
			n.fields[0] ?? '',
			''
		]);
	for (const k of c.cards)
		db.run('INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, ?)', [
			k.id,
			k.nid,
			k.did,
			k.ord,
			k.mod ?? Math.floor(k.id / 1000),
			k.type,
			k.queue,
			k.due,
			k.ivl,
			k.factor,
			k.reps,
			k.lapses,
			k.odue ?? 0,
			k.odid ?? 0,
			k.data ?? ''
		]);
	for (const r of c.revlog)
		db.run('INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, 6000, ?)', [
			r.id,
			r.cid,
			r.ease,
			r.ivl,
			r.lastIvl,
			r.factor,
			r.type
		]);
}

/** A schema 11 collection, as Anki 2.1.x writes into `collection.anki2`/`.anki21`. */
export function legacyCollection(sql: SqlJsStatic, c: FixtureCollection): Uint8Array {
	const db = new sql.Database();
	db.exec(COL_TABLE + SHARED_TABLES);
	const models = Object.fromEntries(
		c.noteTypes.map((t) => [
			String(t.id),
			{
				id: t.id,
				name: t.name,
				type: t.cloze ? 1 : 0,
				mod: 0,
				usn: 0,
				sortf: 0,
				did: 1,
				flds: t.fields.map((name, ord) => ({
					name,
					ord,
					sticky: false,
					rtl: false,
					font: 'Arial',
					size: 20
				})),
				// Anki does not promise list order matches `ord`; the reader sorts.
				tmpls: t.templates.map((name, ord) => ({ name, ord, ...stockFormats(t)[ord] })).reverse(),
				css: t.css ?? '.card {}',
				req: []
			}
		])
	);
	const decks = Object.fromEntries(
		c.decks.map((d) => [String(d.id), { id: d.id, name: d.name, dyn: 0, conf: 1, desc: '' }])
	);
	const fsrs = c.fsrsParameters;
	const presets = fsrs
		? { 1: { id: 1, name: 'Default', [FSRS_KEY[fsrs.version]]: fsrs.values } }
		: {};
	db.run('INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
		c.crt,
		'{}',
		JSON.stringify(models),
		JSON.stringify(decks),
		JSON.stringify(presets),
		'{}'
	]);
	insertShared(db, c);
	const bytes = db.export();
	db.close();
	return bytes;
}

/** A new card (never studied, first in the new queue) of note `nid` in deck `did`. */
export function newAnkiCard(id: number, nid: number, did: number, ord = 0): FixtureCard {
	return { id, nid, did, ord, type: 0, queue: 0, due: 1, ivl: 0, factor: 0, reps: 0, lapses: 0 };
}

/** A schema 18 collection, as Anki ≥ 2.1.50 writes (before compressing) into `.anki21b`. */
export function modernCollection(sql: SqlJsStatic, c: FixtureCollection): Uint8Array {
	const db = new sql.Database();
	db.exec(`${COL_TABLE}${SHARED_TABLES}
CREATE TABLE notetypes (id integer not null primary key, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null, config blob not null, primary key (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE decks (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);
CREATE TABLE deck_config (id integer primary key not null, name text not null, mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE config (KEY text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid;
CREATE TABLE tags (tag text not null primary key, usn integer not null, collapsed boolean not null, config blob null) without rowid;
`);
	db.run("INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", [c.crt]);
	for (const t of c.noteTypes) {
		// Notetype.Config: kind = 1 (cloze) is field 1; a normal type leaves it out (proto3 default);
		// css = field 3.
		const config = protoMessage(
			t.cloze
				? [
						[1, 1],
						[3, t.css ?? '.card {}']
					]
				: [[3, t.css ?? '.card {}']]
		);
		db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [t.id, t.name, config]);
		// Stored out of order on purpose: the reader must sort by ord.
		[...t.fields.entries()]
			.reverse()
			.forEach(([ord, name]) =>
				db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [t.id, ord, name, protoMessage([[1, 0]])])
			);
		t.templates.forEach((name, ord) =>
			db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [
				t.id,
				ord,
				name,
				protoMessage([
					[1, stockFormats(t)[ord]?.qfmt ?? ''],
					[2, stockFormats(t)[ord]?.afmt ?? '']
				])
			])
		);
	}
	for (const d of c.decks)
		db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
			d.id,
			d.name.split('::').join('\x1f'),
			protoMessage([[1, 0]]),
			protoMessage([[1, protoMessage([[1, 1]])]])
		]);
	if (c.fsrsParameters) {
		const { version, values } = c.fsrsParameters;
		db.run("INSERT INTO deck_config VALUES (1, 'Default', 0, 0, ?)", [
			protoMessage([[FSRS_FIELD[version], packedFloats(values)]])
		]);
	}
	insertShared(db, c);
	// Anki declares its name columns with a collation of its own, which sql.js lacks; the
	// reader must cope, so the fixture has it too (patched into the schema text).
	db.run('PRAGMA writable_schema = ON');
	for (const table of ['notetypes', 'fields', 'templates', 'decks'])
		db.run(
			"UPDATE sqlite_master SET sql = replace(sql, 'name text not null', 'name text not null collate unicase') WHERE name = ?",
			[table]
		);
	db.run(
		"UPDATE sqlite_master SET sql = replace(sql, 'tag text not null primary key', 'tag text not null primary key collate unicase') WHERE name = 'tags'"
	);
	db.run('PRAGMA writable_schema = OFF');
	const bytes = db.export();
	db.close();
	return bytes;
}

const DUMMY: FixtureCollection = {
	crt: 1_600_000_000,
	decks: [{ id: 1, name: 'Default' }],
	noteTypes: [
		{ id: 1, name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: ['Card 1'] }
	],
	notes: [
		{
			id: 1,
			mid: 1,
			tags: '',
			fields: [
				'Please update to the latest Anki version, then import the .colpkg/.apkg file again.',
				''
			]
		}
	],
	cards: [newAnkiCard(1, 1, 1)],
	revlog: [],
	media: []
};

/** A media file's bytes: the fixture's own, or four bytes that differ per file. */
function mediaBytes(c: FixtureCollection, name: string, i: number): Uint8Array {
	return c.mediaBytes?.[name] ?? new Uint8Array([i, 1, 2, 3]);
}

function mediaFiles(c: FixtureCollection, compress = false): Zippable {
	return Object.fromEntries(
		c.media.map((name, i) => {
			const bytes = mediaBytes(c, name, i);
			// Anki ≥ 2.1.50 compresses each file with Zstandard and stores it without deflate.
			return [String(i), compress ? [zstdRaw(bytes), { level: 0 }] : bytes];
		})
	);
}

/** A legacy package: `collection.anki2` (or `.anki21`), JSON media list, media files. */
export function legacyApkg(
	sql: SqlJsStatic,
	c: FixtureCollection,
	name: 'collection.anki2' | 'collection.anki21' = 'collection.anki2'
): Uint8Array {
	const files: Zippable = {
		[name]: legacyCollection(sql, c),
		media: new TextEncoder().encode(
			JSON.stringify(Object.fromEntries(c.media.map((m, i) => [String(i), m])))
		),
		...mediaFiles(c)
	};
	// Anki 2.1.x packages with `.anki21` also carry the dummy `.anki2` for older versions.
	if (name === 'collection.anki21') files['collection.anki2'] = legacyCollection(sql, DUMMY);
	return zipSync(files);
}

/** A current package: zstd `collection.anki21b`, dummy `collection.anki2`, zstd protobuf media list, `meta`. */
export function modernApkg(
	sql: SqlJsStatic,
	c: FixtureCollection,
	{ declareSize = true } = {}
): Uint8Array {
	const media = protoMessage(
		c.media.map((name, i): [number, Uint8Array] => [
			1,
			protoMessage([
				[1, name],
				[2, mediaBytes(c, name, i).length],
				[3, new Uint8Array(20).fill(i)]
			])
		])
	);
	return zipSync({
		// Anki stores already-compressed entries without deflate.
		'collection.anki21b': [zstdRaw(modernCollection(sql, c), { declareSize }), { level: 0 }],
		'collection.anki2': legacyCollection(sql, DUMMY),
		media: [zstdRaw(media), { level: 0 }],
		meta: protoMessage([[1, 3]]),
		...mediaFiles(c, true)
	});
}
