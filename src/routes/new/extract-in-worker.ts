import type { Extraction } from '$lib/extract';
import { ValidationError } from '$lib/errors';
import { callWorker } from '$lib/worker-call';

/** What the page sends: an article to make drafts of, or `warm` to get the model ready. */
export type ExtractRequest = { text: string } | { warm: true };

export type ExtractResponse =
	{ ok: true; extraction: Extraction } | { ok: false; message: string; invalid: boolean };

/** A worker started before it is needed, building the model while the article is pasted. */
let warm: Worker | null = null;

function startWorker(): Worker {
	return new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the worker and has it load the language model now, so that Make cards does not wait
 * for it. Called when the New deck screen opens; `coolExtractor` ends it if it goes unused.
 */
export function warmExtractor(): void {
	if (warm) return;
	warm = startWorker();
	warm.postMessage({ warm: true } satisfies ExtractRequest);
}

/** Ends a warmed worker that was not used (the screen was left). */
export function coolExtractor(): void {
	warm?.terminate();
	warm = null;
}

/**
 * Makes card drafts from an article in a worker. The worker loads the English language model
 * (wink-nlp, about 3.7 MB) that the key-sentence rule needs; building it and tagging a long
 * article take a second or more on a phone, which must not freeze the page. A text the
 * extractor refuses comes back as the same `ValidationError` the page would have caught.
 */
export async function extractInWorker(text: string): Promise<Extraction> {
	const worker = warm ?? startWorker();
	warm = null;
	const response = await callWorker<ExtractRequest, ExtractResponse>(worker, { text });
	if (!response.ok)
		throw response.invalid ? new ValidationError(response.message) : new Error(response.message);
	return response.extraction;
}
