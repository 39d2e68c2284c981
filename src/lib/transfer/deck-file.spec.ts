import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ankiNoteTypeId } from '$lib/domain/anki-note';
import { DEFAULT_SETTINGS } from '$lib/domain/models';
import { noteStyleId } from '$lib/domain/note-style';
import { ImportError } from '$lib/errors';
import { encodeBackup, encodeDeck, parseDeckFile } from './deck-file';
import { sha1OfBytes } from './sha1';
import { backupArb, deckDataArb, type DeckData } from './testing/arbitraries';

const now = new Date('2025-03-01T12:00:00Z');

function sample(): DeckData {
	return fc.sample(
		deckDataArb.filter((d) => d.cards.length >= 4 && d.logs.length >= 1),
		{
			numRuns: 1,
			seed: 42
		}
	)[0] as DeckData;
}

function errorOf(run: () => unknown): ImportError {
	try {
		run();
	} catch (error) {
		if (error instanceof ImportError) return error;
		throw new Error(`expected an ImportError, got ${String(error)}`);
	}
	throw new Error('expected an ImportError, nothing was thrown');
}

/** The Anki notes part of a deck file, as a test spoils it. */
interface NotesJson {
	ankiNoteTypes: [{ formats: [{ qfmt: string }]; css: string }];
	ankiNotes: [{ id: string; type: string; fields: unknown[] }];
}

/** Encodes a sample deck, lets `edit` spoil the parsed JSON, and returns the text. */
function spoiled(
	edit: (file: {
		deck: Record<string, unknown>;
		cards: Record<string, unknown>[];
		logs: Record<string, unknown>[];
	}) => void
): string {
	const d = sample();
	const file = JSON.parse(encodeDeck(d, { now }));
	edit(file);
	return JSON.stringify(file);
}

describe('deck files round-trip', () => {
	it('gives back the same deck, cards, FSRS state and logs', () => {
		fc.assert(
			fc.property(deckDataArb, fc.boolean(), (d, withLogs) => {
				const text = encodeDeck(withLogs ? d : { deck: d.deck, cards: d.cards }, { now });
				const plan = parseDeckFile(text);
				expect(plan).toEqual({
					kind: 'decks',
					sourceFormat: 'deck-json',
					decks: [{ deck: d.deck, cards: d.cards, logs: withLogs ? d.logs : [], warnings: [] }]
				});
			}),
			{ numRuns: 200 }
		);
	});

	it('reads when a backup was made, and leaves out a date it cannot use', () => {
		const text = encodeBackup({ decks: [], settings: null }, { now });
		const plan = parseDeckFile(text);
		expect(plan.kind === 'backup' && plan.exported).toBe(now.getTime());
		for (const exported of ['yesterday', -5, 1e20]) {
			const odd = JSON.stringify({ ...JSON.parse(text), exported });
			const oddPlan = parseDeckFile(odd);
			expect(oddPlan.kind === 'backup' && oddPlan.exported).toBeNull();
		}
	});

	it('gives back the same backup', () => {
		fc.assert(
			fc.property(backupArb, (b) => {
				const plan = parseDeckFile(encodeBackup(b, { now }));
				expect(plan).toEqual({
					kind: 'backup',
					settings: b.settings,
					decks: b.decks.map((d) => ({ ...d, warnings: [] })),
					exported: now.getTime()
				});
			}),
			{ numRuns: 100 }
		);
	});

	it('writes the header, one card per line, and leaves logs out when asked', () => {
		const d = sample();
		const text = encodeDeck({ deck: d.deck, cards: d.cards }, { now });
		const lines = text.split('\n');
		expect(lines[0]).toBe(
			`{"format":"article-flashcards.deck","version":2,"exported":${now.getTime()},`
		);
		expect(lines.filter((l) => l.startsWith('{"id":')).length).toBe(d.cards.length);
		expect(JSON.parse(text)).not.toHaveProperty('logs');
	});

	it('carries pictures and sounds, each checked against its name', () => {
		const d = sample();
		const bytes = new Uint8Array([137, 80, 78, 71, 0, 255]);
		const file = { name: `${sha1OfBytes(bytes)}.png`, type: 'image/png', bytes };
		const deckText = encodeDeck(d, { now, media: [file] });
		expect(deckText.trimEnd().split('\n').at(-3)).toBe(
			`{"name":"${file.name}","type":"image/png","data":"iVBORwD/"}`
		);
		const plan = parseDeckFile(deckText);
		expect(plan.kind === 'decks' && plan.media).toEqual([file]);
		const backup = parseDeckFile(
			encodeBackup({ decks: [d], settings: null }, { now, media: [file] })
		);
		expect(backup.kind === 'backup' && backup.media).toEqual([file]);
		// A file without media gives no list at all.
		expect(parseDeckFile(encodeDeck(d, { now }))).not.toHaveProperty('media');

		const spoil = (change: Record<string, unknown>) => {
			const json = JSON.parse(deckText);
			json.media[0] = { ...json.media[0], ...change };
			return errorOf(() => parseDeckFile(JSON.stringify(json)));
		};
		expect(spoil({ name: 'dog.png' }).where).toBe('media[0].name');
		expect(spoil({ type: 'a picture' }).where).toBe('media[0].type');
		expect(spoil({ data: '%%%' }).message).toMatch(/^data should be the file in base64/);
		// Other bytes under the name: a damaged or edited file.
		expect(spoil({ data: 'AQID' }).message).toMatch(/do not match its name/);
		const twice = JSON.parse(deckText);
		twice.media.push(twice.media[0]);
		expect(errorOf(() => parseDeckFile(JSON.stringify(twice))).where).toBe('media[1].name');
	});

	it('carries note type stylesheets and the cards’ style, each checked', () => {
		const d = sample();
		const css = '.card { font-size: 30px }';
		const style = { id: noteStyleId(css), css };
		d.cards[0] = { ...d.cards[0]!, format: 'html', style: style.id };
		const plan = parseDeckFile(encodeDeck(d, { now, styles: [style] }));
		expect(plan.kind === 'decks' && plan.styles).toEqual([style]);
		expect(plan.decks[0]!.cards[0]!.style).toBe(style.id);
		const backup = parseDeckFile(
			encodeBackup({ decks: [d], settings: null }, { now, styles: [style] })
		);
		expect(backup.kind === 'backup' && backup.styles).toEqual([style]);
		expect(parseDeckFile(encodeDeck(sample(), { now }))).not.toHaveProperty('styles');

		const json = JSON.parse(encodeDeck(d, { now, styles: [style] }));
		json.styles[0].css = '.card { font-size: 99px }';
		expect(errorOf(() => parseDeckFile(JSON.stringify(json))).where).toBe('styles[0].id');
		json.styles[0].css = css;
		json.cards[0].style = 'red';
		expect(errorOf(() => parseDeckFile(JSON.stringify(json))).where).toBe('cards[0].style');
	});

	it('carries the Anki notes the cards are rendered from, each checked', () => {
		const d = sample();
		const fields = ['Korean', 'English'];
		const content = {
			mid: 70,
			name: 'Korean vocab',
			cloze: false,
			fields,
			templates: ['Recognition'],
			formats: [{ qfmt: '{{English}}', afmt: '{{FrontSide}}<hr id=answer>{{Korean}}' }],
			css: '.card { color: navy }'
		};
		const type = { id: ankiNoteTypeId(content), ...content };
		const noteId = 'anki-Ab3$x+y:1Q';
		d.cards[0] = { ...d.cards[0]!, noteId };
		const note = { id: noteId, type: type.id, fields: ['밥', 'rice'], modified: 1_700_000_000_000 };
		const ankiNotes = { notes: [{ ...note, rendered: { 0: 'x' } }], types: [type] };
		const plan = parseDeckFile(encodeDeck(d, { now, ankiNotes }));
		// What a note renders its cards as is worked out again on import, not read.
		expect(plan.notes).toEqual([note]);
		expect(plan.noteTypes).toEqual([type]);
		const backup = parseDeckFile(encodeBackup({ decks: [d], settings: null }, { now, ankiNotes }));
		expect(backup.kind === 'backup' && backup.notes).toEqual([note]);
		expect(parseDeckFile(encodeDeck(sample(), { now }))).not.toHaveProperty('notes');

		const spoil = (edit: (json: NotesJson) => void) => {
			const json = JSON.parse(encodeDeck(d, { now, ankiNotes })) as NotesJson;
			edit(json);
			return errorOf(() => parseDeckFile(JSON.stringify(json)));
		};
		// A template changed under the note type's name.
		expect(spoil((j) => (j.ankiNoteTypes[0].formats[0].qfmt = '{{Korean}}')).where).toBe(
			'ankiNoteTypes[0].id'
		);
		expect(spoil((j) => (j.ankiNotes[0].type = 'notetype-other')).where).toBe('ankiNotes[0].type');
		expect(spoil((j) => j.ankiNotes[0].fields.pop()).where).toBe('ankiNotes[0].fields');
		expect(spoil((j) => (j.ankiNotes[0].fields[1] = 7)).where).toBe('ankiNotes[0].fields[1]');
		expect(spoil((j) => (j.ankiNotes[0].id = 'anki-not-a-card')).message).toContain(
			'not the noteId of any card'
		);
		expect(spoil((j) => (j.ankiNotes[0].id = 'plain')).where).toBe('ankiNotes[0].id');
		expect(spoil((j) => j.ankiNotes.push(j.ankiNotes[0])).message).toContain('two notes');
		expect(spoil((j) => (j.ankiNoteTypes[0].css = 'x'.repeat(100_001))).where).toBe(
			'ankiNoteTypes[0].css'
		);
	});

	it('keeps how long an answer took, when it was recorded, and checks it', () => {
		const d = sample();
		const logs = d.logs.map((log, i) => (i === 0 ? { ...log, duration: 8_250 } : log));
		const plan = parseDeckFile(encodeDeck({ ...d, logs }, { now }));
		expect(plan.decks[0]!.logs[0]).toHaveProperty('duration', 8_250);
		expect(plan.decks[0]!.logs[1]).not.toHaveProperty('duration');
		const text = spoiled((f) => {
			f.logs[0]!.duration = -5;
		});
		expect(errorOf(() => parseDeckFile(text)).where).toBe('logs[0].duration');
	});

	it('drops properties the app does not know about', () => {
		const d = sample();
		const card = { ...d.cards[0]!, extra: 'secret' };
		const text = encodeDeck({ deck: d.deck, cards: [card] }, { now });
		expect(text).not.toContain('secret');
	});

	it('sanitises html cards when given a sanitiser, and leaves text cards alone', () => {
		const d = sample();
		const cards = d.cards.slice(0, 2).map((c, i) => ({
			...c,
			front: '<b>x</b><script>alert(1)</script>',
			format: i === 0 ? ('html' as const) : ('text' as const)
		}));
		const plan = parseDeckFile(encodeDeck({ deck: d.deck, cards }, { now }), {
			sanitize: (html) => html.replace(/<script>.*<\/script>/g, '')
		});
		expect(plan.decks[0]!.cards.map((c) => c.front)).toEqual([
			'<b>x</b>',
			'<b>x</b><script>alert(1)</script>'
		]);
	});
});

describe('bad deck files', () => {
	it('names the line and column where truncated JSON ends', () => {
		const text = encodeDeck(sample(), { now });
		const cut = text.slice(0, text.indexOf('\n', text.indexOf('\n') + 1) + 10);
		const error = errorOf(() => parseDeckFile(cut));
		expect(error.where).toBe('line 3, column 10');
		expect(error.message).toBe(
			'The file is not complete JSON: it ends too early, as if it was cut off (line 3, column 10)'
		);
	});

	it('treats an empty file as truncated JSON', () => {
		expect(errorOf(() => parseDeckFile('')).where).toBe('line 1, column 1');
	});

	it('points at a syntax error in the middle', () => {
		const error = errorOf(() => parseDeckFile('{"format":\n "x",, "y": 1}'));
		expect(error.message).toMatch(/^The file is not valid JSON/);
		expect(error.where).toBe('line 2, column 6');
	});

	it("recognises another app's JSON", () => {
		const error = errorOf(() => parseDeckFile('{"name":"package","version":"1.0.0"}'));
		expect(error.message).toBe(
			'This is JSON, but not a deck file from this app (no "format" field).'
		);
		expect(error.where).toBeUndefined();
		expect(errorOf(() => parseDeckFile('[1,2]')).message).toMatch(
			/not a deck file from this app \(it is an array/
		);
		expect(errorOf(() => parseDeckFile('{"format":"anki"}')).message).toBe(
			'This is JSON, but not a deck file from this app (its format is "anki").'
		);
	});

	it('refuses a file from a newer version, saying which', () => {
		const text = spoiled(() => undefined).replace('"version":2', '"version":3');
		const error = errorOf(() => parseDeckFile(text));
		expect(error.message).toBe(
			'This file was made by a newer version of the app (format version 3); this app reads version 2.'
		);
	});

	it('names the field and the type it found', () => {
		const text = spoiled((f) => {
			f.cards[3]!.due = '2024-01-01';
		});
		const error = errorOf(() => parseDeckFile(text));
		expect(error.where).toBe('cards[3].due');
		expect(error.message).toBe(
			'due should be a number of milliseconds, but it is a string (cards[3].due)'
		);
	});

	it.each([
		[
			'state',
			7,
			'cards[1].state',
			/state should be a whole number from 0 \(new\) to 3 \(relearning\), but it is 7/
		],
		['difficulty', 11, 'cards[1].difficulty', /from 0 to 10, but it is 11/],
		['stability', -1, 'cards[1].stability', /0 or more, but it is -1/],
		['reps', 1.5, 'cards[1].reps', /whole number, 0 or more, but it is 1.5/],
		['tags', 'a b', 'cards[1].tags', /a list of text tags, but it is a string/],
		['kind', 'essay', 'cards[1].kind', /one of basic, reversed, true-false/],
		['format', 'markdown', 'cards[1].format', /"text" or "html"/],
		['front', undefined, 'cards[1].front', /front should be text, but it is missing/],
		['last_review', 'yesterday', 'cards[1].last_review', /milliseconds or null/],
		[
			'source',
			{ heading: null, paragraph: 0, start: 5, end: 2, text: '' },
			'cards[1].source.end',
			/5 or more, but it is 2/
		]
	])('checks card.%s', (field, value, where, message) => {
		const text = spoiled((f) => {
			f.cards[1]![field] = value;
		});
		const error = errorOf(() => parseDeckFile(text));
		expect(error.where).toBe(where);
		expect(error.message).toMatch(message);
	});

	it('checks tags one by one', () => {
		const error = errorOf(() => parseDeckFile(spoiled((f) => (f.cards[0]!.tags = ['ok', 3]))));
		expect(error.where).toBe('cards[0].tags[1]');
	});

	it('reads a number too large for JSON as an error, not as Infinity', () => {
		const text = spoiled(() => undefined).replace(/"due":\d+/, '"due":1e999');
		expect(errorOf(() => parseDeckFile(text)).message).toMatch(
			/due should be a number of milliseconds, but it is a number too large to use/
		);
	});

	it.each([
		['cards', 'due', 9e15],
		['cards', 'created', -1],
		['cards', 'modified', 8.64e15 + 1],
		['cards', 'last_review', 1e16],
		['logs', 'review', 1e300],
		['logs', 'due', -8.64e15],
		['deck', 'created', 9e15]
	] as const)('refuses %s %s = %d, which is no date ts-fsrs can use', (table, field, value) => {
		const text = spoiled((f) => {
			if (table === 'deck') f.deck[field] = value;
			else f[table][0]![field] = value;
		});
		const where = table === 'deck' ? `deck.${field}` : `${table}[0].${field}`;
		const error = errorOf(() => parseDeckFile(text));
		expect(error.where).toBe(where);
		expect(error.message).toContain(
			`${field} should be a number of milliseconds from 0 to 8640000000000000`
		);
		expect(error.message).toContain(`(${where})`);
	});

	it('accepts the last date ts-fsrs can use', () => {
		const plan = parseDeckFile(spoiled((f) => (f.cards[0]!.due = 8.64e15)));
		expect(plan.decks[0]!.cards[0]!.due).toBe(8.64e15);
	});

	it('checks logs: rating range and that the card exists', () => {
		expect(errorOf(() => parseDeckFile(spoiled((f) => (f.logs[0]!.rating = 0)))).message).toMatch(
			/rating should be a whole number from 1 \(again\) to 4 \(easy\), but it is 0 \(logs\[0\]\.rating\)/
		);
		const error = errorOf(() => parseDeckFile(spoiled((f) => (f.logs[0]!.cardId = 'nope'))));
		expect(error.where).toBe('logs[0].cardId');
		expect(error.message).toMatch(/cardId "nope" is not the id of any card/);
	});

	it('refuses duplicate card ids', () => {
		const error = errorOf(() => parseDeckFile(spoiled((f) => (f.cards[2]!.id = f.cards[0]!.id))));
		expect(error.where).toBe('cards[2].id');
		expect(error.message).toMatch(/is used by more than one card/);
	});

	it('moves cards and logs that name another deck into the file’s deck, with a warning', () => {
		const plan = parseDeckFile(
			spoiled((f) => {
				f.cards[0]!.deckId = 'elsewhere';
				f.logs[0]!.deckId = 'elsewhere';
			})
		);
		const d = plan.decks[0]!;
		expect(d.cards.every((c) => c.deckId === d.deck.id)).toBe(true);
		expect(d.logs.every((l) => l.deckId === d.deck.id)).toBe(true);
		expect(d.warnings).toEqual([`1 card named another deck; it was put in “${d.deck.name}”.`]);
	});

	it('reads a version 1 file: each card is a note of its own, neither buried nor suspended', () => {
		const v1 = JSON.stringify({
			format: 'article-flashcards.deck',
			version: 1,
			exported: 0,
			deck: { id: 'd', name: 'Old', created: 0, source: null, builtin: false },
			cards: [
				{
					id: 'c',
					deckId: 'd',
					kind: 'basic',
					front: 'Q',
					back: 'A',
					format: 'text',
					tags: [],
					source: null,
					created: 0,
					modified: 0,
					due: 0,
					stability: 0,
					difficulty: 0,
					elapsed_days: 0,
					scheduled_days: 0,
					learning_steps: 0,
					reps: 0,
					lapses: 0,
					state: 0,
					last_review: null
				}
			]
		});
		const plan = parseDeckFile(v1);
		const [d] = plan.decks;
		expect(d?.deck.overrides).toEqual({});
		expect(d?.cards[0]).toMatchObject({ noteId: 'c', ord: 0, suspended: false, buriedUntil: 0 });
	});

	it('refuses a deck option a deck may not set, naming it', () => {
		const d = sample();
		const text = encodeDeck(
			{ deck: { ...d.deck, overrides: { newPerDay: -1 } }, cards: d.cards },
			{ now }
		);
		const error = errorOf(() => parseDeckFile(text));
		expect(error.where).toBe('deck.overrides');
		expect(error.message).toMatch(/New cards per day must be a whole number from 0 to 9999/);
	});

	it('checks backup settings and refuses a deck id used twice', () => {
		const d = sample();
		const text = encodeBackup(
			{
				decks: [d],
				settings: { ...DEFAULT_SETTINGS, desiredRetention: 0.5 }
			},
			{ now }
		);
		const error = errorOf(() => parseDeckFile(text));
		expect(error.where).toBe('settings.desiredRetention');
		const twice = encodeBackup(
			{
				decks: [
					{ deck: d.deck, cards: [] },
					{ deck: d.deck, cards: [] }
				],
				settings: null
			},
			{ now }
		);
		expect(errorOf(() => parseDeckFile(twice)).where).toBe('decks[1].deck.id');
	});
});
