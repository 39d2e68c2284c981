import type { Card } from '$lib/domain/models';
import { mediaReferences } from '$lib/domain/media';
import type { FlashcardsDB } from '$lib/storage/db';
import type { Sanitize } from '$lib/transfer/plan';
import { renderMarkdown } from '$lib/ui/markdown';

// The code a card from Anki or with pictures needs (the sanitiser, the media reader) loads
// with the first such card and is then used at once: an `import()`, even of a module already
// loaded, waits 7-17 ms while the answer before is being written (measured on the study
// screen), and the next card's text would wait with it.
let sanitizer: Sanitize | null = null;
let media: typeof import('$lib/ui/media-urls') | null = null;

/** The HTML sanitiser, loaded on first use; afterwards it costs a microtask, not an import. */
export async function loadSanitizer(): Promise<Sanitize> {
	sanitizer ??= (await import('$lib/transfer/sanitize')).createSanitizer(window);
	return sanitizer;
}

/** The media reader (object URLs for stored files), loaded on first use, as the sanitiser. */
export async function loadMediaReader(): Promise<typeof import('$lib/ui/media-urls')> {
	media ??= await import('$lib/ui/media-urls');
	return media;
}

/**
 * Gets ready to show `card` next (the study screen calls it for the card read ahead): loads
 * the sanitiser for an HTML card and starts reading its pictures and sounds, so it appears
 * with them at once after the tap. A card of plain text loads and reads nothing.
 */
export function prepareCard(card: Pick<Card, 'front' | 'back' | 'format'>, db: FlashcardsDB): void {
	const html = card.format === 'html';
	if (html) void loadSanitizer().catch(() => {});
	const names = [card.front, card.back].flatMap((side) =>
		mediaReferences(html ? side : side.includes('![') ? renderMarkdown(side) : '')
	);
	if (names.length > 0)
		void loadMediaReader()
			.then((reader) => reader.readMediaAhead(names, db))
			.catch(() => {});
}
