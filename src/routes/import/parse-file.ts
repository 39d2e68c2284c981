import { ImportError } from '$lib/errors';
import type { ImportResult } from '$lib/transfer/detect';

export interface ParseRequest {
	bytes: ArrayBuffer;
	fileName: string;
	now: number;
}

export type ParseResponse = { ok: true; result: ImportResult } | { ok: false; message: string };

/**
 * Parses an import file in a worker. The file's bytes are transferred, not
 * copied, so a large file is held once; the worker ends when it has answered.
 */
export async function parseFileInWorker(file: File, now: Date): Promise<ImportResult> {
	const bytes = await file.arrayBuffer();
	const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
	try {
		const response = await new Promise<ParseResponse>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<ParseResponse>) => resolve(event.data);
			worker.onerror = (event) => {
				event.preventDefault();
				reject(
					new ImportError(`The file could not be read: ${event.message || 'the reader stopped'}.`)
				);
			};
			const request: ParseRequest = { bytes, fileName: file.name, now: now.getTime() };
			worker.postMessage(request, [bytes]);
		});
		if (!response.ok) throw new ImportError(response.message);
		return response.result;
	} finally {
		worker.terminate();
	}
}
