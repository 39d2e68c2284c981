/** A message a worker sends before its answer: one piece of a large result. */
export interface WorkerPart<Part> {
	part: Part;
}

/**
 * Sends one request to a dedicated worker and resolves with its one answer,
 * ending the worker either way. Heavy file work (parsing an import, writing an
 * .apkg) runs this way so the page keeps responding. A worker may send
 * `{ part }` messages before its answer: each is handed to `onPart` as it
 * arrives, so a large result is unpacked a piece at a time, never in one long
 * task on the page.
 */
export async function callWorker<Request, Response, Part = never>(
	worker: Worker,
	request: Request,
	options: { transfer?: Transferable[]; onPart?: (part: Part) => void } = {}
): Promise<Response> {
	try {
		return await new Promise<Response>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<Response | WorkerPart<Part>>) => {
				const data = event.data;
				if (data !== null && typeof data === 'object' && 'part' in data)
					options.onPart?.(data.part);
				else resolve(data as Response);
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The background worker stopped.'));
			};
			worker.postMessage(request, options.transfer ?? []);
		});
	} finally {
		worker.terminate();
	}
}
