import { mediaHtml } from '$lib/domain/media';
import { database } from '$lib/storage/db';
import { readMedia } from '$lib/storage/media';

export interface ShownMedia {
	/** The card's HTML with its pictures and sounds pointed at the stored files. */
	html(clean: string): string;
	/** Frees the object URLs: call when the card is no longer shown. */
	revoke(): void;
}

/**
 * Object URLs for the stored files among `names`, read in one transaction. The keyboard
 * and the study path never wait on this: it runs only for a card that shows media.
 */
export async function mediaUrls(names: readonly string[]): Promise<ShownMedia> {
	const files = await readMedia(database(), names);
	const urls = new Map(
		files.map((file) => [
			file.name,
			URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.type }))
		])
	);
	return {
		html: (clean) => mediaHtml(clean, urls),
		revoke: () => urls.forEach((url) => URL.revokeObjectURL(url))
	};
}
