/// <reference lib="webworker" />
// Writes an .apkg off the main thread: building the SQLite file for 50,000
// cards takes seconds, and the page must keep responding meanwhile.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { describeError } from '$lib/errors';
import { encodeApkg } from '$lib/transfer/apkg-export';
import { createSqlJsLoader } from '$lib/transfer/sqlite';
import type { ApkgRequest, ApkgResponse } from './export-deck';

self.onmessage = async (event: MessageEvent<ApkgRequest>) => {
	let response: ApkgResponse;
	try {
		const bytes = await encodeApkg([event.data.content], {
			now: new Date(event.data.now),
			loadSqlJs: createSqlJsLoader(wasmUrl),
			media: event.data.media,
			styles: event.data.styles,
			ankiNotes: event.data.ankiNotes
		});
		response = { ok: true, bytes };
	} catch (error) {
		response = { ok: false, message: describeError(error) };
	}
	self.postMessage(response, response.ok ? [response.bytes.buffer] : []);
};
