import type { MediaFile } from '$lib/domain/media';
import type { NoteStyle } from '$lib/domain/note-style';
import { AppError, ValidationError } from '$lib/errors';
import type { FlashcardsDB } from '$lib/storage/db';
import { readDeckForExport, type DeckExport } from '$lib/storage/export';
import { mediaShownBy } from '$lib/storage/media';
import { readAnkiNotes } from '$lib/storage/anki-notes';
import { readNoteStyles } from '$lib/storage/note-styles';
import { exportFileStem } from '$lib/ui/save-file';
import { callWorker } from '$lib/worker-call';

export type ExportFormat = 'json' | 'csv' | 'apkg';

export interface ApkgRequest {
	content: DeckExport;
	now: number;
	/** The pictures and sounds the deck's cards show. */
	media: MediaFile[];
	/** The stylesheets the deck's cards from Anki keep. */
	styles: NoteStyle[];
	/** The Anki notes the deck's cards from Anki are rendered from, with their note types. */
	ankiNotes: Awaited<ReturnType<typeof readAnkiNotes>>;
}

export type ApkgResponse =
	{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

/**
 * Builds the file for one deck in the chosen format. The encoders are loaded on
 * demand (exporting is rare); the .apkg is written in a worker, since SQLite work
 * for a large deck takes seconds.
 */
export async function buildDeckExport(
	db: FlashcardsDB,
	deckId: string,
	format: ExportFormat,
	withLogs: boolean,
	now: Date
): Promise<File> {
	const content = await readDeckForExport(db, deckId, withLogs);
	if (!content) throw new ValidationError('This deck is no longer on this device.');
	const stem = exportFileStem(content.deck.name, now);
	// CSV carries text only; the other two carry the pictures and sounds the cards show, and
	// the stylesheets of the cards from Anki.
	const media = format === 'csv' ? [] : await mediaShownBy(db, content.cards);
	const styles =
		format === 'csv'
			? []
			: await readNoteStyles(
					db,
					content.cards.map((card) => card.style)
				);
	if (format === 'json') {
		const { encodeDeck } = await import('$lib/transfer/deck-file');
		const text = encodeDeck(withLogs ? content : { deck: content.deck, cards: content.cards }, {
			now,
			media,
			styles,
			ankiNotes: await readAnkiNotes(db, content.cards)
		});
		return new File([text], `${stem}.json`, { type: 'application/json' });
	}
	if (format === 'csv') {
		const { encodeCsv } = await import('$lib/transfer/csv');
		return new File([encodeCsv(content.deck, content.cards)], `${stem}.csv`, { type: 'text/csv' });
	}
	const worker = new Worker(new URL('./apkg.worker.ts', import.meta.url), { type: 'module' });
	const response = await callWorker<ApkgRequest, ApkgResponse>(worker, {
		content,
		now: now.getTime(),
		media,
		styles,
		ankiNotes: await readAnkiNotes(db, content.cards)
	});
	if (!response.ok) throw new AppError(response.message);
	return new File([response.bytes], `${stem}.apkg`, { type: 'application/zip' });
}
