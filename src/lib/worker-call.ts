/**
 * Sends one request to a dedicated worker and resolves with its one answer,
 * ending the worker either way. Heavy file work (parsing an import, writing an
 * .apkg) runs this way so the page keeps responding.
 */
export async function callWorker<Request, Response>(
	worker: Worker,
	request: Request,
	transfer: Transferable[] = []
): Promise<Response> {
	try {
		return await new Promise<Response>((resolve, reject) => {
			worker.onmessage = (event: MessageEvent<Response>) => resolve(event.data);
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'The background worker stopped.'));
			};
			worker.postMessage(request, transfer);
		});
	} finally {
		worker.terminate();
	}
}
