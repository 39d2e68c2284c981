import initSqlJs from 'sql.js';
import {
	modernApkg,
	newAnkiCard,
	type FixtureNoteType
} from '../../src/lib/transfer/testing/anki-builder';

/**
 * A current-generation Anki package (zstd collection and media) holding one deck with one
 * note of `noteType` and its first card, new: what a person exports from Anki to try the app.
 */
export async function oneNotePackage(options: {
	deck: string;
	noteType: FixtureNoteType;
	fields: string[];
	media?: Record<string, Uint8Array>;
}): Promise<Buffer> {
	const sql = await initSqlJs();
	const deckId = 1_700_000_000_100;
	const media = options.media ?? {};
	return Buffer.from(
		modernApkg(sql, {
			crt: 1_700_000_000,
			decks: [{ id: deckId, name: options.deck }],
			noteTypes: [options.noteType],
			notes: [{ id: 1001, mid: options.noteType.id, tags: '', fields: options.fields }],
			cards: [newAnkiCard(1_700_000_000_001, 1001, deckId)],
			revlog: [],
			media: Object.keys(media),
			mediaBytes: media
		})
	);
}
