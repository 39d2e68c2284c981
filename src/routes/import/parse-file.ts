import { ImportError } from '$lib/errors';
import type { ImportResult } from '$lib/transfer/detect';
import { callWorker } from '$lib/worker-call';
import { PlanAssembler, type PlanPart } from './plan-parts';

export interface ParseRequest {
	bytes: ArrayBuffer;
	fileName: string;
	now: number;
}

/** The worker's answer; a plan's rows arrive before it, in parts (see `plan-parts.ts`). */
export type ParseResponse = { ok: true; result: ImportResult } | { ok: false; message: string };

/**
 * Parses an import file in a worker. The file's bytes are transferred, not
 * copied, so a large file is held once.
 */
export async function parseFileInWorker(file: File, now: Date): Promise<ImportResult> {
	const bytes = await file.arrayBuffer();
	const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
	const rows = new PlanAssembler();
	let response: ParseResponse;
	try {
		response = await callWorker<ParseRequest, ParseResponse, PlanPart>(
			worker,
			{ bytes, fileName: file.name, now: now.getTime() },
			{ transfer: [bytes], onPart: (part) => rows.add(part) }
		);
	} catch (error) {
		throw new ImportError(`The file could not be read: ${(error as Error).message}`);
	}
	if (!response.ok) throw new ImportError(response.message);
	return response.result.kind === 'needsMapping' ? response.result : rows.finish(response.result);
}
