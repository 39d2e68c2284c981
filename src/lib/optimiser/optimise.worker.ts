/// <reference lib="webworker" />
// Fits FSRS parameters to the user's review logs with fsrs-browser (fsrs-rs, the optimiser
// Anki uses, compiled to WebAssembly) and evaluates them (see optimise.ts). Loaded only when
// the user presses Optimise or Evaluate: the module and its ~1.7 MB of WebAssembly are
// precached for offline use but never loaded on the study path.
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { DEFAULT_PARAMETERS, parseParameters } from '$lib/domain/fsrs-parameters';
import type { ReviewLog } from '$lib/domain/models';
import { describeError } from '$lib/errors';
import { FlashcardsDB } from '$lib/storage/db';
import { decksFollowingGlobal } from '$lib/storage/decks';
import { countedReviews, evaluateParameters } from './evaluate';
import {
	MIN_REVIEWS,
	type OptimiseProgress,
	type OptimiseRequest,
	type OptimiseResponse
} from './optimise';
import {
	ankiRevlog,
	cardHistories,
	minuteOffset,
	type CardHistory
} from '$lib/domain/review-history';

const progress = (part: OptimiseProgress) => self.postMessage({ part });

async function readLogs(db: FlashcardsDB, deckIds: string[] | null): Promise<ReviewLog[]> {
	const ids =
		deckIds ?? (await decksFollowingGlobal(db, ['fsrsParameters'])).map((deck) => deck.id);
	const logs: ReviewLog[] = [];
	for (const [i, id] of ids.entries()) {
		// Through the deck's index, one request per deck: never a table scan.
		const deckLogs = await db.reviewLogs
			.where('[deckId+review]')
			.between([id, -Infinity], [id, Infinity])
			.toArray();
		for (const log of deckLogs) logs.push(log);
		progress({ stage: 'reading', done: i + 1, total: ids.length });
	}
	return logs;
}

/** Fits parameters with fsrs-browser; null when it gave the defaults back (too little to learn from). */
async function fit(histories: CardHistory[], offset: number): Promise<number[] | null> {
	await init({ module_or_path: wasmUrl });
	const revlog = ankiRevlog(histories);
	const fsrs = new Fsrs();
	try {
		const { cids, eases, ids, types } = revlog;
		const parameters = Array.from(
			fsrs.computeParametersAnki(offset, cids, eases, ids, types, null, true)
		);
		const unchanged = parameters.every(
			(w, i) => Math.abs(w - (DEFAULT_PARAMETERS[i] ?? NaN)) < 1e-6
		);
		return unchanged ? null : parameters;
	} finally {
		fsrs.free();
	}
}

async function optimise(db: FlashcardsDB, request: OptimiseRequest): Promise<OptimiseResponse> {
	const histories = cardHistories(await readLogs(db, request.deckIds));
	const offset = minuteOffset(request.timezoneOffset, request.dayStartHour);
	const reviews = countedReviews(histories, offset);
	let fitted = null;
	if (request.fit) {
		if (reviews < MIN_REVIEWS) return { ok: true, kind: 'too-few', reviews };
		progress({ stage: 'fitting', reviews });
		const parameters = await fit(histories, offset);
		if (!parameters) return { ok: true, kind: 'kept-defaults', reviews };
		fitted = { parameters, evaluation: evaluateParameters(parameters, histories, offset) };
	}
	progress({ stage: 'evaluating' });
	const current = evaluateParameters(parseParameters(request.parameters), histories, offset);
	return { ok: true, kind: 'done', current, fitted };
}

self.onmessage = async (event: MessageEvent<OptimiseRequest>) => {
	const db = new FlashcardsDB();
	let response: OptimiseResponse;
	try {
		response = await optimise(db, event.data);
	} catch (error) {
		response = { ok: false, message: `Optimising failed: ${describeError(error)}` };
	} finally {
		db.close();
	}
	self.postMessage(response);
};
