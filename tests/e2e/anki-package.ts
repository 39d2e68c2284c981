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
export function oneNotePackage(options: {
	deck: string;
	noteType: FixtureNoteType;
	fields: string[];
	media?: Record<string, Uint8Array>;
}): Promise<Buffer> {
	return notesPackage({ ...options, notes: [options.fields] });
}

/** The same with several notes of `noteType`, each with its first card, new, in this order. */
export async function notesPackage(options: {
	deck: string;
	noteType: FixtureNoteType;
	notes: string[][];
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
			notes: options.notes.map((fields, i) => ({
				id: 1001 + i,
				mid: options.noteType.id,
				tags: '',
				fields
			})),
			cards: options.notes.map((_, i) => ({
				...newAnkiCard(1_700_000_000_001 + i, 1001 + i, deckId),
				due: i + 1
			})),
			revlog: [],
			media: Object.keys(media),
			mediaBytes: media
		})
	);
}
