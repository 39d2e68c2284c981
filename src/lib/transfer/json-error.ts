import { ImportError } from '$lib/errors';

/**
 * Turns a `JSON.parse` SyntaxError into a sentence with a line and column.
 *
 * Engines word these errors differently: V8 says "… at position 11" (newer builds add
 * "(line 3 column 3)"), Firefox says "… at line 3 column 3 of the JSON data", and all say
 * "end" when the text stops early. A file that stops early was almost always cut off while
 * copying or downloading, so that case gets its own message.
 *
 * @example
 * try { JSON.parse(text) } catch (e) { throw jsonSyntaxError(e, text) }
 * // ImportError: The file is not complete JSON: it ends too early, as if it was cut off (line 3, column 10)
 */
export function jsonSyntaxError(error: unknown, text: string): ImportError {
	const message = error instanceof Error ? error.message : String(error);
	const end = text.trimEnd().length;
	let position: number | null = null;

	const lineColumn = /line (\d+) column (\d+)/i.exec(message);
	const offset = /position (\d+)/i.exec(message);
	if (offset) position = Number(offset[1]);
	else if (lineColumn) position = positionOf(text, Number(lineColumn[1]), Number(lineColumn[2]));
	else if (/end of (JSON )?(input|data)|EOF/i.test(message)) position = end;

	if (position === null)
		return new ImportError(`The file is not valid JSON (${message.replace(/\.$/, '')}).`);
	const where = lineAndColumn(text, Math.min(position, text.length));
	if (position >= end)
		return new ImportError(
			'The file is not complete JSON: it ends too early, as if it was cut off',
			where
		);
	return new ImportError('The file is not valid JSON: something unexpected is here', where);
}

/** "line 3, column 10" for a 0-based offset; columns count UTF-16 units from 1. */
export function lineAndColumn(text: string, position: number): string {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return `line ${line}, column ${position - lineStart + 1}`;
}

function positionOf(text: string, line: number, column: number): number {
	let start = 0;
	for (let l = 1; l < line; l++) {
		const next = text.indexOf('\n', start);
		if (next === -1) return text.length;
		start = next + 1;
	}
	return start + column - 1;
}
