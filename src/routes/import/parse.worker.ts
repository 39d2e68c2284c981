/// <reference lib="webworker" />
// Reads an import file off the main thread: unzipping, SQLite and JSON/CSV
// parsing of a 50,000-card file take seconds, and the page must keep responding.
// DOMPurify needs a DOM, which workers lack, so HTML fields come back as they are
// and the page sanitises them (`sanitize-plan.ts`) before anything is shown or stored.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { describeError } from '$lib/errors';
import { detectAndParse } from '$lib/transfer/detect';
import { createSqlJsLoader } from '$lib/transfer/sqlite';
import type { ParseRequest, ParseResponse } from './parse-file';
import { planParts } from './plan-parts';

const loadSqlJs = createSqlJsLoader(wasmUrl);

self.onmessage = async (event: MessageEvent<ParseRequest>) => {
	const { bytes, fileName, now } = event.data;
	let response: ParseResponse;
	try {
		const result = await detectAndParse(new Uint8Array(bytes), fileName, {
			now: new Date(now),
			sanitize: (html) => html,
			loadSqlJs
		});
		if (result.kind === 'needsMapping') response = { ok: true, result };
		else {
			// Rows go in parts, so the page never unpacks 50,000 cards in one task.
			const parts = planParts(result);
			let step = parts.next();
			for (; !step.done; step = parts.next()) self.postMessage({ part: step.value });
			response = { ok: true, result: step.value };
		}
	} catch (error) {
		response = { ok: false, message: describeError(error) };
	}
	// The pictures and sounds (up to hundreds of MB) are handed over, not copied.
	const media = response.ok && 'media' in response.result ? (response.result.media ?? []) : [];
	self.postMessage(
		response,
		media.map((file) => file.bytes.buffer as ArrayBuffer)
	);
};
