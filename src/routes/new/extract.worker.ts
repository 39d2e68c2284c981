/// <reference lib="webworker" />
// Turns an article into drafts off the main thread, with parts of speech from wink-nlp
// (see extract-in-worker.ts). Only this worker loads the language model.
import { ValidationError, describeError } from '$lib/errors';
import { extractDrafts } from '$lib/extract';
import { createWinkTagger } from '$lib/extract/wink-tagger';
import type { ExtractRequest, ExtractResponse } from './extract-in-worker';

self.onmessage = (event: MessageEvent<ExtractRequest>) => {
	let response: ExtractResponse;
	try {
		const extraction = extractDrafts(event.data.text, { tagger: createWinkTagger() });
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
