import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSqlJsLoader } from '../sqlite';

const require = createRequire(import.meta.url);

/** sql.js for Node specs, from the wasm in node_modules. */
export const loadSqlJs = createSqlJsLoader(
	readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'))
);
