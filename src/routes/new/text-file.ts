import { ValidationError } from '$lib/errors';
import { MAX_ARTICLE_CHARS } from '$lib/extract';

/** Bytes of a file worth reading: UTF-8 may use up to 4 bytes a character. */
const MAX_FILE_BYTES = MAX_ARTICLE_CHARS * 4;

/** An `.html` file, or a text file that is a web page's source. */
export function isHtmlFile(file: File, text: string): boolean {
	return (
		/\.html?$/i.test(file.name) ||
		file.type === 'text/html' ||
		/^\s*(?:<!doctype html|<html[\s>])/i.test(text)
	);
}

/**
 * Reads an opened `.txt`/`.md`/`.html` file as UTF-8 text. Files that are clearly not text
 * (a PDF, an image, a document) are refused with a sentence saying so; the
 * extractor then checks the text itself.
 */
export async function readTextFile(file: File): Promise<string> {
	const isTextName = /\.(txt|md|markdown|text|html|htm)$/i.test(file.name);
	const isTextType = file.type === '' || file.type.startsWith('text/');
	if (!isTextName && !isTextType)
		throw new ValidationError(`“${file.name}” is not a text file. Open a .md, .html or .txt file.`);
	if (file.size > MAX_FILE_BYTES)
		throw new ValidationError(
			`“${file.name}” is too large (${(file.size / 1_048_576).toFixed(1)} MB) for one article.`
		);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
	} catch {
		throw new ValidationError(`“${file.name}” is not UTF-8 text. Save it as UTF-8 and try again.`);
	}
}
