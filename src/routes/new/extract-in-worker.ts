import type { Extraction } from '$lib/extract';
import { ValidationError } from '$lib/errors';
import { callWorker } from '$lib/worker-call';

export interface ExtractRequest {
	text: string;
}

export type ExtractResponse =
	{ ok: true; extraction: Extraction } | { ok: false; message: string; invalid: boolean };

/**
 * Makes card drafts from an article in a worker. The worker loads the English language model
 * (wink-nlp, about 3.7 MB) that the key-sentence rule needs; building it and tagging a long
 * article take a second or more on a phone, which must not freeze the page. A text the
 * extractor refuses comes back as the same `ValidationError` the page would have caught.
 */
export async function extractInWorker(text: string): Promise<Extraction> {
	const worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' });
	const response = await callWorker<ExtractRequest, ExtractResponse>(worker, { text });
	if (!response.ok)
		throw response.invalid ? new ValidationError(response.message) : new Error(response.message);
	return response.extraction;
}
