import { ImportError } from '$lib/errors';
import { parseApkg } from './apkg';
import { parseCsv, type CsvNeedsMapping } from './csv';
import { parseDeckFile } from './deck-file';
import type { ImportPlan, ParseOptions } from './plan';
import type { SqlJsLoader } from './sqlite';
import { decodeText, looksBinary } from './text-decoding';
import { looksLikeZip, megabytes, type ZipLimits } from './zip-reader';

/**
 * The one entry point for "Import a file": looks at the name and the first bytes, and hands
 * the bytes to the right reader.
 */

/** Text files (deck files, backups, CSV) beyond this are refused before being decoded. */
export const MAX_TEXT_BYTES = 100 * 1024 * 1024;

export type ImportResult = ImportPlan | CsvNeedsMapping;

export interface ImportOptions extends ParseOptions {
	/** Loads sql.js; called only for Anki packages. */
	loadSqlJs: SqlJsLoader;
	/** Zip bomb limits for Anki packages. */
	limits?: ZipLimits;
}

export type DetectedFormat = 'apkg' | 'deck-json' | 'csv' | 'binary' | 'empty';

function extension(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The first character that is not whitespace or a BOM, looked for in a short prefix. */
function firstCharacter(bytes: Uint8Array): string {
	const head = decodeText(bytes.subarray(0, 1024)).text;
	return head.replace(/^[\s\ufeff]+/, '').charAt(0);
}

/**
 * What a file is, from its name and first bytes: a zip (`PK\x03\x04`) is an Anki package,
 * text starting with `{` (or named `.json`) is a deck file or backup, other text is CSV/TSV.
 *
 * @example
 * detectFormat(bytes, 'French.apkg'); // 'apkg'
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
	if (bytes.length === 0) return 'empty';
	if (looksLikeZip(bytes)) return 'apkg';
	if (looksBinary(bytes)) return 'binary';
	const ext = extension(fileName);
	if (ext === 'json' || firstCharacter(bytes) === '{') return 'deck-json';
	return 'csv';
}

/** SQLite's file header: what a bare Anki collection (`collection.anki2`) starts with. */
const SQLITE_HEADER = 'SQLite format 3\u0000';

function isSqlite(bytes: Uint8Array): boolean {
	return (
		bytes.length >= SQLITE_HEADER.length &&
		[...SQLITE_HEADER].every((char, i) => bytes[i] === char.charCodeAt(0))
	);
}

/** "French vocab.csv" → "French vocab". */
function deckNameFrom(fileName: string): string {
	const base = fileName.replace(/^.*[\\/]/, '');
	const dot = base.lastIndexOf('.');
	return (dot > 0 ? base.slice(0, dot) : base).trim() || 'Imported';
}

/**
 * Reads any file the app can import: an Anki package (`.apkg`, `.colpkg`), a deck file or
 * backup (JSON), or CSV/TSV. Returns the plan to write, or, for a CSV whose columns are not
 * obvious, a `needsMapping` answer for the UI (then `csvToPlan`). Every failure is an
 * `ImportError` with a sentence for the user.
 *
 * @example
 * const result = await detectAndParse(new Uint8Array(await file.arrayBuffer()), file.name, {
 *   now: new Date(), sanitize, loadSqlJs
 * });
 * if (result.kind === 'needsMapping') showMappingForm(result);
 * else await applyImportPlan(db, result);
 */
export async function detectAndParse(
	bytes: Uint8Array,
	fileName: string,
	options: ImportOptions
): Promise<ImportResult> {
	const format = detectFormat(bytes, fileName);
	const ext = extension(fileName);
	if (format === 'empty') throw new ImportError('The file is empty.');
	if (format === 'apkg') return parseApkg(bytes, options);
	if (ext === 'apkg' || ext === 'colpkg')
		throw new ImportError(
			`This .${ext} file is not a zip archive, so it is not an Anki package. It may be damaged or only partly downloaded.`
		);
	if (bytes.length > MAX_TEXT_BYTES)
		throw new ImportError(
			`This file is ${megabytes(bytes.length)}; deck files, backups and CSV files over ${megabytes(MAX_TEXT_BYTES)} cannot be imported.`
		);
	if (format === 'binary' && isSqlite(bytes))
		throw new ImportError(
			ext === 'anki2' || ext === 'anki21' || ext === 'anki21b'
				? 'This is an Anki collection file on its own, not a package. In Anki, choose File › Export, then “Anki Deck Package (.apkg)”, and import that file here.'
				: 'This is a database file, not a deck file, a backup, a CSV/TSV file or an Anki package. From Anki, export a .apkg (File › Export) and import that.'
		);
	if (format === 'binary')
		throw new ImportError(
			'This file is not a deck file, a backup, a CSV/TSV file or an Anki package: it holds binary data.'
		);

	const { text, warning } = decodeText(bytes);
	if (format === 'deck-json') {
		const plan = parseDeckFile(text, { sanitize: options.sanitize });
		if (warning) plan.decks[0]?.warnings.push(warning);
		return plan;
	}
	const result = parseCsv(text, { ...options, deckName: deckNameFrom(fileName) });
	if (warning) {
		if (result.kind === 'needsMapping') result.table.warnings.push(warning);
		else result.decks[0]?.warnings.push(warning);
	}
	return result;
}
