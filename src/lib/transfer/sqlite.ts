import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { ImportError } from '$lib/errors';

/**
 * sql.js (SQLite compiled to WebAssembly), loaded once and only when an Anki package is
 * opened: its 650 kB of WebAssembly should not slow the app's start.
 */

/** Gives the sql.js module, loading the WebAssembly on first call. */
export type SqlJsLoader = () => Promise<SqlJsStatic>;

/**
 * Makes a loader from where the WebAssembly is. The glue code and the `.wasm` must come from
 * the same build: in the browser `sql.js` resolves to `dist/sql-wasm-browser.js`, so pass
 * the URL of `sql-wasm-browser.wasm`; in Node it resolves to `dist/sql-wasm.js`, so pass the
 * bytes (or path) of `sql-wasm.wasm`.
 *
 * @example
 * // browser (Vite)
 * import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
 * const loadSqlJs = createSqlJsLoader(wasmUrl);
 * // Node (tests)
 * const loadSqlJs = createSqlJsLoader(readFileSync('node_modules/sql.js/dist/sql-wasm.wasm'));
 */
export function createSqlJsLoader(wasm: string | URL | ArrayBuffer | Uint8Array): SqlJsLoader {
	let loading: Promise<SqlJsStatic> | null = null;
	return () => {
		loading ??= initSqlJs(
			typeof wasm === 'string' || wasm instanceof URL
				? { locateFile: () => String(wasm) }
				: {
						wasmBinary:
							wasm instanceof Uint8Array
								? (wasm.buffer.slice(
										wasm.byteOffset,
										wasm.byteOffset + wasm.byteLength
									) as ArrayBuffer)
								: wasm
					}
		).catch((error: unknown) => {
			// A failed load (offline before the app was cached, say) may work next time.
			loading = null;
			throw new ImportError(
				'The SQLite reader needed for Anki packages could not be loaded. Reload the app and try again.',
				undefined,
				{ cause: error }
			);
		});
		return loading;
	};
}

/**
 * Opens SQLite bytes, failing with an ImportError that names the file when they are not a
 * database. sql.js reads lazily, so a query is run here to find out.
 *
 * @example
 * const db = openDatabase(await loadSqlJs(), bytes, 'collection.anki21');
 * try { … } finally { db.close(); }
 */
export function openDatabase(sql: SqlJsStatic, bytes: Uint8Array, name: string): Database {
	let db: Database | null = null;
	try {
		db = new sql.Database(bytes);
		db.exec('SELECT count(*) FROM sqlite_master');
		return db;
	} catch (error) {
		db?.close();
		throw new ImportError(`The package's ${name} is not a readable SQLite database.`, name, {
			cause: error
		});
	}
}
