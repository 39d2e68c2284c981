import { extensionOf, mediaType, storedMediaName } from '$lib/domain/media';
import type { TextFormat } from '$lib/domain/models';
import { ValidationError } from '$lib/errors';
import { database } from '$lib/storage/db';
import { storeMedia } from '$lib/storage/media';
import { sha1OfBytesFast } from '$lib/transfer/sha1';

/** Largest picture the card editor takes: a phone camera's photo is 2–8 MB. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;

/** "image/jpeg" → "jpg", for a picked file whose name has no extension. */
function extensionFor(file: File): string {
	const fromName = extensionOf(file.name);
	if (fromName) return fromName;
	const subtype = file.type.split('/')[1] ?? '';
	return subtype === 'jpeg' ? 'jpg' : subtype.replace(/[^a-z0-9]/g, '').slice(0, 8);
}

/**
 * Stores a picture picked in the card editor (camera or file) under its content's name and
 * returns that name. The file is kept at once, in its own transaction; if the card is then
 * not saved, Settings' "Check for unused files" finds it.
 */
export async function storePicture(file: File): Promise<string> {
	if (!file.type.startsWith('image/'))
		throw new ValidationError(`“${file.name}” is not a picture.`);
	if (file.size > MAX_PICTURE_BYTES)
		throw new ValidationError(
			`This picture is ${(file.size / 1_048_576).toFixed(1)} MB; pictures up to ${MAX_PICTURE_BYTES / 1_048_576} MB can be added.`
		);
	const bytes = new Uint8Array(await file.arrayBuffer());
	const extension = extensionFor(file);
	const name = storedMediaName(
		await sha1OfBytesFast(bytes),
		extension ? `picture.${extension}` : 'picture'
	);
	const db = database();
	await db.transaction('rw', db.media, () =>
		storeMedia(db, [{ name, type: file.type || mediaType(name), bytes }])
	);
	return name;
}

/**
 * How a card's text refers to a stored picture: an `<img>` in an HTML card (from Anki), the
 * light Markdown's `![](name)` in the app's own cards.
 *
 * @example
 * pictureReference('ab….png', 'text'); // '![](ab….png)'
 */
export function pictureReference(name: string, format: TextFormat): string {
	return format === 'html' ? `<img src="${name}">` : `![](${name})`;
}
