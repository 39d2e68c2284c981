/// <reference lib="webworker" />
// Turns an article into drafts off the main thread, with parts of speech from wink-nlp
// (see extract-in-worker.ts). Only this worker loads the language model.
import { ValidationError, describeError } from '$lib/errors';
import { extractDrafts } from '$lib/extract';
import type { Tagger } from '$lib/extract/tagger';
import { createWinkTagger } from '$lib/extract/wink-tagger';
import type { ExtractRequest, ExtractResponse } from './extract-in-worker';

/** Built once, on the first message: a `warm` one when the page starts the worker early. */
let tagger: Tagger | null = null;

self.onmessage = (event: MessageEvent<ExtractRequest>) => {
	const request = event.data;
	if ('warm' in request) {
		try {
			tagger ??= createWinkTagger();
		} catch {
			// Tried again with the article, whose answer says what went wrong.
		}
		return;
	}
	let response: ExtractResponse;
	try {
		tagger ??= createWinkTagger();
		const extraction = extractDrafts(request.text, { tagger });
		response = { ok: true, extraction };
	} catch (error) {
		response = {
			ok: false,
			message: describeError(error),
			invalid: error instanceof ValidationError
		};
	}
	self.postMessage(response);
};
