import { ValidationError } from '$lib/errors';
import type { FlashcardsDB } from '$lib/storage/db';
import { readDeckForExport } from '$lib/storage/export';
import { exportFileStem } from '$lib/ui/save-file';

export type ExportFormat = 'json' | 'csv' | 'apkg';

/**
 * Builds the file for one deck in the chosen format. The encoders are loaded on
 * demand: exporting is rare, and sql.js (for .apkg) is large.
 */
export async function buildDeckExport(
	db: FlashcardsDB,
	deckId: string,
	format: ExportFormat,
	withLogs: boolean,
	now: Date
): Promise<File> {
	const content = await readDeckForExport(db, deckId, withLogs || format === 'apkg');
	if (!content) throw new ValidationError('This deck is no longer on this device.');
	const stem = exportFileStem(content.deck.name, now);
	if (format === 'json') {
		const { encodeDeck } = await import('$lib/transfer/deck-file');
		const text = encodeDeck(withLogs ? content : { deck: content.deck, cards: content.cards }, {
			now
		});
		return new File([text], `${stem}.json`, { type: 'application/json' });
	}
	if (format === 'csv') {
		const { encodeCsv } = await import('$lib/transfer/csv');
		return new File([encodeCsv(content.deck, content.cards)], `${stem}.csv`, { type: 'text/csv' });
	}
	const [{ encodeApkg }, { createSqlJsLoader }, { default: wasmUrl }] = await Promise.all([
		import('$lib/transfer/apkg-export'),
		import('$lib/transfer/sqlite'),
		import('sql.js/dist/sql-wasm-browser.wasm?url')
	]);
	const bytes = await encodeApkg([withLogs ? content : { ...content, logs: [] }], {
		now,
		loadSqlJs: createSqlJsLoader(wasmUrl)
	});
	return new File([bytes as Uint8Array<ArrayBuffer>], `${stem}.apkg`, { type: 'application/zip' });
}
