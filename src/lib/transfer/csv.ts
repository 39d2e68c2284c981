import Papa from 'papaparse';
import type { Card, Deck } from '$lib/domain/models';
import { ImportError } from '$lib/errors';
import { clozeNumbers, renderCloze } from '$lib/domain/cloze';
import {
	ankiTags,
	appNoteCard,
	appNoteOrds,
	htmlAsText,
	NOTE_TYPES,
	noteTypeByName,
	notesForExport,
	type NoteCardIn
} from './app-notes';
import { SEPARATOR_NAMES } from './csv-separators';
import { hasMarkup, isBlankHtml } from './html-text';
import { isAppGuid, readGuid } from './note-guid';
import { creationTimeFor, newCard, type CardContent } from './new-card';
import { randomId, type DeckImport, type ImportPlan, type ParseOptions } from './plan';

/**
 * CSV and TSV: what spreadsheets write and what Anki's "Notes in Plain Text" export
 * writes, including Anki's `#key:value` header lines. `docs/csv.md` describes what is read.
 */

/** Which column holds what, counted from 0. */
export interface CsvMapping {
	front: number;
	back: number;
	tags?: number | null;
	/** A column naming each row's deck (Anki's `#deck column:`); rows are grouped by it. */
	deck?: number | null;
	/** A column naming each row's note type; rows whose type contains "cloze" become cloze cards. */
	notetype?: number | null;
	/** Anki's guid column: a note exported by this app comes back as the same note. */
	guid?: number | null;
}

/** A parsed file before its columns are assigned. */
export interface CsvTable {
	/** The data rows, header row excluded. */
	rows: string[][];
	/** The line (from 1, in the whole file) on which each row starts. */
	lines: number[];
	/** Column names, from a header row or `#columns:`; null when the file has none. */
	header: string[] | null;
	/** The most fields any row has. */
	columnCount: number;
	delimiter: string;
	/** The separator was guessed from the rows (no `#separator:` line named it). */
	delimiterGuessed: boolean;
	/** `#html:true`: fields are HTML, to be sanitised. */
	html: boolean;
	/** `#deck:` */
	deckName: string | null;
	/** `#notetype:` */
	notetype: string | null;
	/** `#tags:` tags added to every card. */
	tags: string[];
	/** Columns the header lines assign (`#tags column:` …), counted from 0. */
	preset: {
		tags: number | null;
		deck: number | null;
		notetype: number | null;
		guid: number | null;
	};
	warnings: string[];
}

/**
 * The answer when the columns are not obvious (no header, no `#columns:`, more than two
 * columns): the UI shows `preview` and asks, then calls `csvToPlan(table, mapping, …)`.
 */
export interface CsvNeedsMapping {
	kind: 'needsMapping';
	table: CsvTable;
	/** The first rows, for the user to look at. */
	preview: string[][];
	columnCount: number;
	header: string[] | null;
	/** A reasonable first guess for the form. */
	suggested: CsvMapping;
	/** The file's text, so the form can read it again with another separator (`parseCsvTable`). */
	text: string;
	/**
	 * Why the user is asked although the columns are plain: the rows seem to mix separators
	 * (the sentence names the row), so the form offers the separator too. Null otherwise.
	 */
	problem: string | null;
}

export interface CsvOptions extends ParseOptions {
	/** The deck's name when the file names none (`#deck:`): usually the file's name. */
	deckName: string;
}

/** `#separator:` values by their lower-case name: "tab" → "\t". */
const SEPARATORS: Record<string, string> = Object.fromEntries(
	Object.entries(SEPARATOR_NAMES).map(([separator, name]) => [name.toLowerCase(), separator])
);

const HEADER_LINE = /^#([a-z ]+):(.*)$/i;
/** One line and its end, which may be CRLF, LF or (old Mac files) CR alone. */
const LINE = /([^\r\n]*)(\r\n|\r|\n|$)/y;
const HEADER_KEYS = new Set([
	'separator',
	'html',
	'tags column',
	'deck column',
	'notetype column',
	'guid column',
	'columns',
	'deck',
	'notetype',
	'tags',
	'if matches',
	'match scope'
]);

const NAMES = {
	front: ['front', 'question', 'term', 'word', 'prompt', 'q', 'side 1', 'side a', 'text'],
	back: ['back', 'answer', 'definition', 'meaning', 'a', 'side 2', 'side b', 'back extra', 'extra'],
	tags: ['tags', 'tag', 'labels'],
	deck: ['deck'],
	notetype: ['notetype', 'note type'],
	guid: ['guid']
};

function named(header: string[], names: string[]): number | null {
	const i = header.findIndex((h) => names.includes(h.trim().toLowerCase()));
	return i === -1 ? null : i;
}

function oneBased(value: string, key: string, line: number): number {
	const n = Number(value.trim());
	if (!Number.isInteger(n) || n < 1)
		throw new ImportError(
			`#${key} should be a column number from 1, but it is "${value.trim()}"`,
			`line ${line}`
		);
	return n - 1;
}

/**
 * Reads the rows of a CSV/TSV text without deciding what the columns mean.
 *
 * Anki's header lines at the top are understood; the separator is auto-detected among
 * comma, tab, semicolon and pipe unless `#separator:` names one or `chosenSeparator` is
 * given (the user's choice). Quoted fields may hold separators, line breaks and doubled quotes.
 *
 * @example
 * const table = parseCsvTable('#separator:tab\n#html:false\nfront\tback\n');
 * table.rows; // [['front', 'back']]
 */
export function parseCsvTable(input: string, chosenSeparator: string | null = null): CsvTable {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const table: CsvTable = {
		rows: [],
		lines: [],
		header: null,
		columnCount: 0,
		delimiter: ',',
		delimiterGuessed: true,
		html: false,
		deckName: null,
		notetype: null,
		tags: [],
		preset: { tags: null, deck: null, notetype: null, guid: null },
		warnings: []
	};

	// Anki's header lines: only at the very top, each `#key:value`. Anki reads every `#` line
	// there as one, and skips those it does not know: they are comments.
	let offset = 0;
	let line = 1;
	let separator: string | null = null;
	let columns: string | null = null;
	let htmlGiven = false;
	for (;;) {
		LINE.lastIndex = offset;
		const [, raw = '', end = ''] = LINE.exec(text) ?? [];
		if (!raw.startsWith('#')) break;
		const m = HEADER_LINE.exec(raw);
		const key = m?.[1]?.trim().toLowerCase() ?? '';
		const value = m?.[2] ?? '';
		switch (HEADER_KEYS.has(key) ? key : null) {
			case 'separator': {
				const name = value.trim().toLowerCase();
				separator = SEPARATORS[name] ?? (value.length === 1 ? value : null);
				if (separator === null)
					throw new ImportError(
						`#separator should be Comma, Semicolon, Tab, Space, Pipe, Colon or one character, but it is "${value}"`,
						`line ${line}`
					);
				break;
			}
			case 'html':
				table.html = value.trim().toLowerCase() === 'true';
				htmlGiven = true;
				break;
			case 'tags column':
				table.preset.tags = oneBased(value, key, line);
				break;
			case 'deck column':
				table.preset.deck = oneBased(value, key, line);
				break;
			case 'notetype column':
				table.preset.notetype = oneBased(value, key, line);
				break;
			case 'guid column':
				table.preset.guid = oneBased(value, key, line);
				break;
			case 'columns':
				columns = value;
				break;
			case 'deck':
				table.deckName = value.trim() || null;
				break;
			case 'notetype':
				table.notetype = value.trim() || null;
				break;
			case 'tags':
				table.tags = value.trim().split(/\s+/).filter(Boolean);
				break;
			// 'if matches' and 'match scope' tell Anki how to update existing notes; nothing to do here.
		}
		line++;
		offset = LINE.lastIndex;
		if (end === '') break;
	}

	const body = offset > 0 ? text.slice(offset) : text;
	// The user's choice in the import form wins over the file's own line and over a guess.
	separator = chosenSeparator ?? separator;
	table.delimiterGuessed = separator === null;
	readRows(body, separator, line, table);
	if (columns !== null) table.header = columns.split(table.delimiter);
	// Without `#html:`, Anki reads a file as HTML when its fields hold tags or entities (what
	// Anki's own text export writes): `<div>` and `&nbsp;` shown as typed would be wrong.
	if (!htmlGiven) table.html = table.rows.some((row) => row.some(hasMarkup));
	return table;
}

/** Runs Papa Parse row by row, keeping each row's first line so errors can point at it. */
function readRows(
	body: string,
	separator: string | null,
	firstLine: number,
	table: CsvTable
): void {
	let line = firstLine;
	let rowStart = 0;
	let newline = '\n';
	let failure = null as ImportError | null;
	const countLines = (from: number, to: number) => {
		for (let i = body.indexOf(newline, from); i !== -1 && i < to; i = body.indexOf(newline, i + 1))
			line++;
	};

	Papa.parse<string[]>(body, {
		delimiter: separator ?? guessDelimiter(body),
		quoteChar: '"',
		escapeChar: '"',
		step(result, parser) {
			newline = result.meta.linebreak || '\n';
			const rowLine = line;
			const end = result.meta.cursor;
			countLines(rowStart, end);
			rowStart = end;
			const quoteError = result.errors.find((e) => e.type === 'Quotes');
			if (quoteError) {
				failure = new ImportError(
					quoteError.code === 'MissingQuotes'
						? 'A quoted field starts in this row but its closing quote is missing'
						: 'A quoted field in this row has text after its closing quote; a quote inside a field must be doubled ("")',
					`line ${rowLine}`
				);
				parser.abort();
				return;
			}
			const row = result.data;
			if (row.every((field) => field.trim() === '')) return;
			table.rows.push(row);
			table.lines.push(rowLine);
			if (row.length > table.columnCount) table.columnCount = row.length;
			table.delimiter = result.meta.delimiter;
		}
	});
	if (failure) throw failure;
	if (table.rows.length === 0) throw new ImportError('The file has no rows to make cards from.');
}

/**
 * Picks the separator that splits the first rows most evenly into two or more fields.
 * Papa Parse's own guess counts blank lines (a file's final newline is one), which tips it
 * away from tabs in a short TSV whose text holds commas.
 */
function guessDelimiter(body: string): string {
	let best = ',';
	let bestScore = -1;
	for (const delimiter of [',', '\t', ';', '|']) {
		const { data } = Papa.parse<string[]>(body, {
			delimiter,
			preview: 20,
			skipEmptyLines: 'greedy',
			quoteChar: '"'
		});
		const counts = new Map<number, number>();
		for (const row of data) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
		let mode = 0;
		let modeRows = 0;
		for (const [fields, rows] of counts)
			if (rows > modeRows || (rows === modeRows && fields > mode))
				[mode, modeRows] = [fields, rows];
		if (mode < 2) continue;
		// Rows that agree count most; more fields only break ties.
		const score = (modeRows / data.length) * 1000 + Math.min(mode, 999);
		if (score > bestScore) [best, bestScore] = [delimiter, score];
	}
	return best;
}

function looksLikeHeader(row: string[]): boolean {
	return named(row, NAMES.front) !== null && named(row, NAMES.back) !== null;
}

/** What the names say, then the first unused columns for whatever they do not say. */
function mappingFromNames(header: string[], table: CsvTable): CsvMapping {
	const tags = table.preset.tags ?? named(header, NAMES.tags);
	const deck = table.preset.deck ?? named(header, NAMES.deck);
	const notetype = table.preset.notetype ?? named(header, NAMES.notetype);
	const guid = table.preset.guid ?? named(header, NAMES.guid);
	const used = new Set([tags, deck, notetype, guid].filter((c): c is number => c !== null));
	const free = header.map((_, i) => i).filter((i) => !used.has(i));
	let front = named(header, NAMES.front);
	if (front === null || used.has(front)) front = free[0] ?? 0;
	let back = named(header, NAMES.back);
	if (back === null || used.has(back) || back === front)
		back = free.find((i) => i !== front) ?? front + 1;
	return { front, back, tags, deck, notetype, guid };
}

/**
 * Reads a CSV/TSV file into a plan, or asks for the column mapping when it cannot tell.
 *
 * Columns are obvious when there is a header row whose names include a front and a back
 * (Front/Back, Question/Answer, Term/Definition …), an Anki `#columns:` line, or at most
 * two columns left once Anki's `#tags column:`-style columns are set aside.
 *
 * @example
 * const result = parseCsv('Front,Back\nHello,Bonjour\n', { now, sanitize, deckName: 'French' });
 * if (result.kind === 'needsMapping') askUser(result.preview);
 * else result.decks[0].cards[0].front; // 'Hello'
 */
export function parseCsv(text: string, options: CsvOptions): ImportPlan | CsvNeedsMapping {
	const table = readCsvTable(text);
	const columns = table.header ?? Array.from({ length: table.columnCount }, (_, i) => i.toString());
	const suggested = mappingFromNames(columns, table);
	const asked = (problem: string | null): CsvNeedsMapping => ({
		kind: 'needsMapping',
		table,
		preview: table.rows.slice(0, 5),
		columnCount: table.columnCount,
		header: table.header,
		suggested,
		text,
		problem
	});
	const special = Object.values(table.preset).filter((c) => c !== null).length;
	if (!table.header && table.columnCount - special > 2) return asked(null);
	// A row that seems to use another separator: the user chooses, seeing the rows.
	const mixed = mixedSeparatorRow(table, Math.max(suggested.front, suggested.back) + 1);
	if (mixed) return asked(mixed.message);
	return csvToPlan(table, suggested, options);
}

/**
 * `parseCsvTable`, then a first row that names a front and a back column taken as the header.
 *
 * @example
 * readCsvTable('Front;Back\ncat;chat\n', ';').header; // ['Front', 'Back']
 */
export function readCsvTable(text: string, separator: string | null = null): CsvTable {
	const table = parseCsvTable(text, separator);
	if (!table.header && looksLikeHeader(table.rows[0] as string[])) {
		table.header = table.rows.shift() as string[];
		table.lines.shift();
		if (table.rows.length === 0)
			throw new ImportError('The file has a header row but no rows to make cards from.');
	}
	return table;
}

/**
 * The error for the first row too short for the front and back columns that holds another
 * separator, when the separator was guessed: the file seems to mix them. Null otherwise.
 */
export function mixedSeparatorRow(table: CsvTable, needed: number): ImportError | null {
	if (!table.delimiterGuessed) return null;
	for (let r = 0; r < table.rows.length; r++) {
		const row = table.rows[r] as string[];
		if (row.length >= needed || !otherSeparatorIn(table, row)) continue;
		return shortRow(table, row.length, needed, table.lines[r] as number);
	}
	return null;
}

/**
 * The error for a row with too few fields. It names the separator the file was read with
 * and, when that was a guess and the row holds another separator, says the file seems to mix
 * them and how to say which one it uses (Anki's `#separator:` line).
 */
function shortRow(table: CsvTable, fields: number, needed: number, line: number): ImportError {
	const name = SEPARATOR_NAMES[table.delimiter] ?? `"${table.delimiter}"`;
	const other = otherSeparatorIn(table, table.rows[table.lines.indexOf(line)] ?? []);
	const read = `Read with ${name.toLowerCase()}s between fields${table.delimiterGuessed ? ' (the separator most rows use)' : ''}, this row has ${fields} field${fields === 1 ? '' : 's'}; front and back need at least ${needed}.`;
	const mixed =
		table.delimiterGuessed && other
			? ` It holds a ${(SEPARATOR_NAMES[other] as string).toLowerCase()} instead: the file seems to mix separators. Use one throughout, or put a line such as #separator:${name} at the top.`
			: '';
	return new ImportError(read + mixed, `line ${line}`);
}

/** A separator other than the table's in a row's text (not space or colon: prose has them). */
function otherSeparatorIn(table: CsvTable, row: readonly string[]): string | undefined {
	const text = row.join(table.delimiter);
	return Object.keys(SEPARATOR_NAMES).find(
		(s) => s !== table.delimiter && s !== ' ' && s !== ':' && text.includes(s)
	);
}

function listLines(lines: number[]): string {
	const shown = lines.slice(0, 5).join(', ');
	return lines.length > 5
		? `lines ${shown} …`
		: lines.length === 1
			? `line ${shown}`
			: `lines ${shown}`;
}

/**
 * Makes the plan from a parsed table and a column mapping (the user's, or the obvious one).
 * Every card is new, due `now`, in file order. A row too short for the front and back
 * columns is an error naming its line; rows with an empty front are skipped with a warning.
 *
 * @example
 * const plan = csvToPlan(answer.table, { front: 1, back: 2, tags: 0 }, { now, sanitize, deckName: 'Imported' });
 */
export function csvToPlan(table: CsvTable, mapping: CsvMapping, options: CsvOptions): ImportPlan {
	const newId = options.newId ?? randomId;
	const needed = Math.max(mapping.front, mapping.back) + 1;
	const fallbackDeck = table.deckName ?? options.deckName;
	const { html } = table;
	const emptyFront: number[] = [];
	const drafts: { deck: string; content: CardContent }[] = [];

	for (let r = 0; r < table.rows.length; r++) {
		const row = table.rows[r] as string[];
		const line = table.lines[r] as number;
		if (row.length < needed) throw shortRow(table, row.length, needed, line);
		const rawFront = row[mapping.front] as string;
		const rawBack = row[mapping.back] as string;
		const deck = (mapping.deck != null ? row[mapping.deck]?.trim() : '') || fallbackDeck;
		const tags = [
			...(mapping.tags != null ? (row[mapping.tags] ?? '').split(/\s+/).filter(Boolean) : []),
			...table.tags
		];
		const notetype = (mapping.notetype != null ? row[mapping.notetype] : null) || table.notetype;
		const guid = mapping.guid != null ? (row[mapping.guid]?.trim() ?? '') : '';
		const fromHere = notetype ? noteFromHere(guid, notetype, rawFront, rawBack, html) : null;
		const numbers = notetype && /cloze/i.test(notetype) ? clozeNumbers(rawFront) : [];
		const sides: NoteCardIn[] =
			fromHere ??
			(numbers.length > 0
				? numbers.map((n) => ({
						ord: 0,
						kind: 'cloze' as const,
						front: renderCloze(rawFront, n, 'front', html),
						back: joinBack(renderCloze(rawFront, n, 'back', html), rawBack, html),
						format: html ? ('html' as const) : ('text' as const)
					}))
				: [
						{
							ord: 0,
							kind: 'basic' as const,
							front: rawFront,
							back: rawBack,
							format: html ? ('html' as const) : ('text' as const)
						}
					]);
		const noteId = fromHere && readGuid(guid).noteId;
		for (const { ord, kind, front: f, back: b, format } of sides) {
			const tidy = format === 'html' ? options.sanitize : (s: string) => s;
			const front = tidy(f);
			if (format === 'html' ? isBlankHtml(front) : front.trim() === '') {
				emptyFront.push(line);
				continue;
			}
			drafts.push({
				deck,
				content: {
					kind,
					front,
					back: tidy(b),
					format,
					tags,
					source: null,
					...(noteId ? { noteId, ord } : {})
				}
			});
		}
	}

	const now = options.now.getTime();
	const decks = new Map<string, DeckImport>();
	const deckFor = (name: string): DeckImport => {
		let d = decks.get(name);
		if (!d) {
			const deck: Deck = {
				id: newId(),
				name,
				created: now,
				source: null,
				builtin: false,
				overrides: {}
			};
			d = { deck, cards: [], logs: [], warnings: [...table.warnings] };
			decks.set(name, d);
		}
		return d;
	};
	drafts.forEach(({ deck, content }, i) => {
		const d = deckFor(deck);
		d.cards.push(
			newCard(content, {
				id: newId(),
				deckId: d.deck.id,
				created: creationTimeFor(now, i, drafts.length),
				now: options.now
			})
		);
	});
	if (decks.size === 0)
		throw new ImportError('No row has a front, so there are no cards to import.');
	if (emptyFront.length > 0) {
		const n = emptyFront.length;
		const first = decks.values().next().value as DeckImport;
		first.warnings.push(
			`${n} ${n === 1 ? 'row has' : 'rows have'} an empty front and ${n === 1 ? 'was' : 'were'} skipped (${listLines(emptyFront)}).`
		);
	}
	return { kind: 'decks', decks: [...decks.values()], sourceFormat: 'csv' };
}

/**
 * The cards of a row this app exported (its guid says so, its note type is one of the
 * app's; see `app-notes.ts`), as the note they were; null for any other row.
 */
function noteFromHere(
	guid: string,
	notetype: string,
	front: string,
	back: string,
	html: boolean
): NoteCardIn[] | null {
	const type = noteTypeByName(notetype);
	if (!type || !isAppGuid(guid)) return null;
	const { ord } = readGuid(guid);
	if (ord !== null)
		// A card written as a note of its own: its sides as they were studied.
		return [{ ord, kind: 'basic', front, back, format: html ? 'html' : 'text' }];
	const text = html ? (htmlAsText(front) ?? front) : front;
	const cards = appNoteOrds(type, text).map((o) => appNoteCard(type, [front, back], o, html));
	return cards.length > 0 && cards.every((c) => c !== null) ? (cards as NoteCardIn[]) : null;
}

function joinBack(answer: string, extra: string, html: boolean): string {
	if (extra.trim() === '') return answer;
	return `${answer}${html ? '<br><br>' : '\n\n'}${extra}`;
}

// Anki reads a record that starts with `#` as a comment, so such a field is quoted too.
function field(value: string): string {
	return /[\t\r\n"]|^#/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes a deck as a tab-separated file of notes, one row each, in the layout Anki's File ›
 * Import reads (Anki ≥ 2.1.55 uses the header lines): the note's guid, its note type (Basic,
 * Basic (and reversed card), Cloze, and the app's True/False and List; see `app-notes.ts`),
 * its deck, two fields and its tags. This app reads such a file back into the same notes.
 * HTML is used when some card is HTML or a list (its back is a `<ul>`); text cards in such
 * a file are escaped so they still read the same. Tags cannot hold spaces in Anki, so a
 * space inside a tag becomes `_`.
 *
 * @example
 * encodeCsv(deck, cards);
 * // '#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n'
 * // + '#columns:GUID\tNotetype\tDeck\tFront\tBack\tTags\n'
 * // + 'article-flashcards:n1\tBasic (and reversed card)\tFrench\tHello\tBonjour\tgreeting\n'
 */
export function encodeCsv(deck: Deck, cards: readonly Card[]): string {
	const html = cards.some((c) => c.format === 'html' || c.kind === 'list');
	const deckName = deck.name.replace(/[\r\n]+/g, ' ');
	const lines = [
		'#separator:tab',
		`#html:${html}`,
		'#guid column:1',
		'#notetype column:2',
		'#deck column:3',
		'#tags column:6',
		'#columns:GUID\tNotetype\tDeck\tFront\tBack\tTags'
	];
	for (const note of notesForExport(cards, html))
		lines.push(
			[
				note.guid,
				NOTE_TYPES[note.type].name,
				deckName,
				...note.fields,
				ankiTags(note.tags).join(' ')
			]
				.map(field)
				.join('\t')
		);
	return `${lines.join('\n')}\n`;
}
