import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { testDeck } from '$lib/domain/testing/records';
import { encodeBackup, encodeDeck } from './deck-file';
import { detectAndParse, detectFormat, MAX_TEXT_BYTES } from './detect';
import { legacyApkg } from './testing/anki-builder';
import { FIXTURE } from './testing/anki-fixture';
import { NOW, countingIds, importErrorOf, jsdomSanitize } from './testing/fixed';
import { loadSqlJs } from './testing/sql';

const options = () => ({ now: NOW, sanitize: jsdomSanitize, newId: countingIds(), loadSqlJs });
const deck = testDeck({ id: 'd1', name: 'Deck' });

describe('detectFormat', () => {
	it('tells formats apart by first bytes, then name', () => {
		expect(detectFormat(zipSync({ a: strToU8('x') }), 'whatever.bin')).toBe('apkg');
		expect(detectFormat(strToU8('  \n{"format":1}'), 'x.txt')).toBe('deck-json');
		expect(detectFormat(strToU8('\ufeff{"a":1}'), 'x')).toBe('deck-json');
		expect(detectFormat(strToU8('oops'), 'x.json')).toBe('deck-json');
		expect(detectFormat(strToU8('front,back'), 'x.json.csv')).toBe('csv');
		expect(detectFormat(new Uint8Array([1, 2, 0, 4]), 'x.csv')).toBe('binary');
		expect(detectFormat(new Uint8Array(), 'x.csv')).toBe('empty');
	});
});

describe('detectAndParse', () => {
	it('reads a deck file and a backup', async () => {
		const one = await detectAndParse(
			strToU8(encodeDeck({ deck, cards: [] }, { now: NOW })),
			'Deck.json',
			options()
		);
		expect(one).toMatchObject({ kind: 'decks', sourceFormat: 'deck-json' });
		const all = await detectAndParse(
			strToU8(encodeBackup({ decks: [{ deck, cards: [] }], settings: null }, { now: NOW })),
			'backup.json',
			options()
		);
		expect(all).toMatchObject({ kind: 'backup', settings: null });
	});

	it('reads CSV, naming the deck after the file', async () => {
		const result = await detectAndParse(
			strToU8('front,back\na,b\n'),
			'C:\\Users\\me\\French vocab.csv',
			options()
		);
		expect(result.kind === 'decks' && result.decks[0]!.deck.name).toBe('French vocab');
	});

	it('reads Excel’s UTF-16 text and Windows-1252 CSV, warning about the latter', async () => {
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...[...'Front\tBack\ncafé\tcoffee\n'].flatMap((c) => [c.charCodeAt(0), 0])
		]);
		const wide = await detectAndParse(utf16, 'export.txt', options());
		expect(wide.kind === 'decks' && wide.decks[0]!.cards[0]!.front).toBe('café');

		const latin = new Uint8Array([...strToU8('Front;Back\ncaf'), 0xe9, ...strToU8(';coffee\n')]);
		const read = await detectAndParse(latin, 'excel.csv', options());
		if (read.kind !== 'decks') throw new Error('expected a plan');
		expect(read.decks[0]!.cards[0]!.front).toBe('café');
		expect(read.decks[0]!.warnings[0]).toMatch(/not UTF-8, so it was read as Windows-1252/);
	});

	it('reads an Anki package whatever its name', async () => {
		const result = await detectAndParse(
			legacyApkg(await loadSqlJs(), FIXTURE),
			'download',
			options()
		);
		expect(result).toMatchObject({ kind: 'decks', sourceFormat: 'apkg' });
	});

	it('refuses an .apkg that is not a zip', async () => {
		const error = await importErrorOf(() =>
			detectAndParse(strToU8('<html>404</html>'), 'deck.apkg', options())
		);
		expect(error.message).toMatch(
			/^This \.apkg file is not a zip archive, so it is not an Anki package/
		);
	});

	it('refuses an empty file and binary junk', async () => {
		expect(
			(await importErrorOf(() => detectAndParse(new Uint8Array(), 'a.csv', options()))).message
		).toBe('The file is empty.');
		const junk = new Uint8Array(5 * 1024 * 1024);
		for (let i = 0; i < junk.length; i += 4096) junk[i] = (i * 2654435761) % 256;
		expect(
			(await importErrorOf(() => detectAndParse(junk, 'photo.csv', options()))).message
		).toMatch(/it holds binary data/);
	});

	it('says how to get a package when given a bare Anki collection', async () => {
		const collection = new Uint8Array(4096);
		collection.set(new TextEncoder().encode('SQLite format 3\u0000'));
		collection[100] = 0xff; // the rest of a database's header is binary
		expect(
			(await importErrorOf(() => detectAndParse(collection, 'collection.anki2', options()))).message
		).toMatch(
			/^This is an Anki collection file on its own, not a package\. In Anki, choose File › Export/
		);
		expect(
			(await importErrorOf(() => detectAndParse(collection, 'notes.db', options()))).message
		).toMatch(/^This is a database file.*export a \.apkg/);
	});

	it('refuses 100 MB of junk at once, without decoding it', async () => {
		// Made lazily: a zero-filled buffer costs nothing to allocate; a few bytes vary.
		const junk = new Uint8Array(MAX_TEXT_BYTES + 1);
		for (let i = 0; i < 1024; i++) junk[i] = 0x20 + ((i * 7) % 90);
		const error = await importErrorOf(() => detectAndParse(junk, 'junk.csv', options()));
		expect(error.message).toBe(
			'This file is 100 MB; deck files, backups and CSV files over 100 MB cannot be imported.'
		);
	});
});
