import { ValidationError } from '$lib/errors';
import { MAX_ARTICLE_CHARS } from '$lib/extract';

/** Bytes of a file worth reading: UTF-8 may use up to 4 bytes a character. */
const MAX_FILE_BYTES = MAX_ARTICLE_CHARS * 4;

/**
 * Reads an opened `.txt`/`.md` file as UTF-8 text. Files that are clearly not text
 * (a PDF, an image, a document) are refused with a sentence saying so; the
 * extractor then checks the text itself.
 */
export async function readTextFile(file: File): Promise<string> {
	const isTextName = /\.(txt|md|markdown|text)$/i.test(file.name);
	const isTextType = file.type === '' || file.type.startsWith('text/');
	if (!isTextName && !isTextType)
		throw new ValidationError(`“${file.name}” is not a text file. Open a .txt or .md file.`);
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
