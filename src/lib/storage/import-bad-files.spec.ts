// The whole import path — detect, parse, apply — on a corpus of bad files made
// here: each must fail with a sentence saying what and where, and leave the
// database exactly as it was. Payloads must arrive harmless.
import { zipSync } from 'fflate';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade } from '$lib/domain/models';
import { createScheduler } from '$lib/domain/scheduler';
import { ImportError } from '$lib/errors';
import { detectAndParse } from '$lib/transfer/detect';
import { encodeDeck } from '$lib/transfer/deck-file';
import { jsdomSanitize, NOW } from '$lib/transfer/testing/fixed';
import { loadSqlJs } from '$lib/transfer/testing/sql';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { readEverything } from './export';
import { sampleDeck } from './fixtures';
import { applyImport } from './import';
import { recordReview } from './reviews';
import { testDatabase } from './test-db';

const text = (s: string) => new TextEncoder().encode(s);
let db: FlashcardsDB;
let validDeckFile: string;

/** Runs a file through the same steps as the Import screen. */
async function importFile(bytes: Uint8Array, name: string) {
	const result = await detectAndParse(bytes, name, {
		now: NOW,
		sanitize: jsdomSanitize,
		loadSqlJs
	});
	if (result.kind === 'needsMapping') throw new Error('unexpected mapping step');
	return applyImport(db, result, 'merge', { now: NOW });
}

beforeAll(() => {
	const { deck, cards } = sampleDeck(2, NOW, 'valid');
	validDeckFile = encodeDeck({ deck, cards, logs: [] }, { now: NOW });
});

beforeEach(async () => {
	db = testDatabase();
	const { deck, cards } = sampleDeck(5, NOW);
	await addDeck(db, deck, cards);
	await recordReview(
		db,
		createScheduler(DEFAULT_SETTINGS, { fuzz: false }),
		cards[0]!,
		Grade.Good,
		NOW
	);
});

const corpus: [string, () => Uint8Array, string, RegExp][] = [
	[
		'truncated JSON',
		() => text(validDeckFile.slice(0, 200)),
		'deck.json',
		/not complete JSON.*line \d+/
	],
	['JSON of another app', () => text('{"notes":[{"q":"a"}]}'), 'notes.json', /not a deck file/],
	[
		'a newer format version',
		() => text(validDeckFile.replace('"version":2', '"version":7')),
		'deck.json',
		/newer version of the app.*version 7/
	],
	[
		'a wrong field type',
		() => text(validDeckFile.replace(/"due":\d+/, '"due":"tomorrow"')),
		'deck.json',
		/cards\[0\]\.due/
	],
	[
		'a CSV with ragged rows',
		() => text('Front,Back\nhello,bonjour\nlonely\n'),
		'words.csv',
		/line 3/
	],
	[
		'a zip that is not an Anki package',
		() => zipSync({ 'notes.txt': text('hello') }),
		'deck.apkg',
		/no Anki collection/
	],
	[
		'a corrupt SQLite file',
		() => zipSync({ 'collection.anki21': text('SQLite format 3\u0000 but then nothing real') }),
		'deck.apkg',
		/collection\.anki21/
	],
	[
		'a zip bomb',
		() => zipSync({ 'collection.anki21': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }),
		'bomb.apkg',
		/zip bomb/
	],
	[
		'junk bytes named .apkg',
		() => new Uint8Array(4096).map((_, i) => (i * 73) % 256),
		'x.apkg',
		/not a zip/
	]
];

describe('a bad file changes nothing', () => {
	it.each(corpus)('%s', async (_, make, name, message) => {
		const before = await readEverything(db);
		const error = await importFile(make(), name).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).message).toMatch(message);
		expect(await readEverything(db)).toEqual(before);
	});

	it('100 MB of junk', async () => {
		const before = await readEverything(db);
		const junk = new Uint8Array(100 * 1024 * 1024 + 1);
		for (let i = 0; i < junk.length; i += 4096) junk[i] = 1 + (i % 200);
		const error = await importFile(junk, 'big.csv').catch((e: unknown) => e);
		expect((error as ImportError).message).toMatch(/cannot be imported|binary/);
		expect(await readEverything(db)).toEqual(before);
	});
});

describe('payloads in card text', () => {
	const payload = '<b>bold</b><script>alert(1)</script><img src=x onerror="alert(2)">';

	it('are removed from HTML fields', async () => {
		await importFile(text(`#separator:tab\n#html:true\n${payload}\tback\n`), 'evil.csv');
		const card = (await readEverything(db)).decks
			.flatMap((d) => d.cards)
			.find((c) => c.front.includes('bold'))!;
		expect(card.format).toBe('html');
		expect(card.front).toContain('<b>bold</b>');
		expect(card.front).not.toMatch(/script|onerror|alert/);
	});

	it('stay literal text in text fields, which the app renders as text', async () => {
		await importFile(text(`#separator:tab\n#html:false\n${payload}\tback\n`), 'plain.csv');
		const card = (await readEverything(db)).decks
			.flatMap((d) => d.cards)
			.find((c) => c.front.includes('bold'))!;
		expect(card.format).toBe('text');
		expect(card.front).toBe(payload);
	});
});
