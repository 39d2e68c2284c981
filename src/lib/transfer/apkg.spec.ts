import { strToU8, zipSync } from 'fflate';
import { default_w } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { noteStyleId } from '$lib/domain/note-style';
import type { SqlJsStatic } from 'sql.js';
import type { Card, ReviewLog } from '$lib/domain/models';
import { readAnkiCollection, type AnkiCollection } from './anki-collection';
import { CarriedMedia, readMediaShownBy } from './anki-media';
import { sha1OfBytes } from './sha1';
import { collectionToPlan, parseApkg } from './apkg';
import { mergeCards, newLogs } from './merge';
import type { ImportPlan } from './plan';
import {
	legacyApkg,
	legacyCollection,
	modernApkg,
	modernCollection,
	type FixtureCollection
} from './testing/anki-builder';
import { CRT, FIXTURE, JAPANESE, R1, R2, R3, SCIENCE } from './testing/anki-fixture';
import { NOW, countingIds, importErrorOf, jsdomSanitize } from './testing/fixed';
import { loadSqlJs } from './testing/sql';
import { zstdRaw } from './testing/zstd-raw';

const DAY = 86_400_000;
const now = NOW.getTime();
const options = () => ({ now: NOW, sanitize: jsdomSanitize, newId: countingIds(), loadSqlJs });
const dayDue = (day: number) => (CRT + day * 86_400) * 1000;
const f2d = (factor: number) => 1 + (9 * (3500 - factor)) / 2200;

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await loadSqlJs();
});

function cardByFront(plan: ImportPlan, front: string): Card {
	const card = plan.decks.flatMap((d) => d.cards).find((c) => c.front === front);
	if (!card) throw new Error(`no card with front ${front}`);
	return card;
}

describe('Anki packages, both generations', () => {
	let legacy: ImportPlan;
	beforeAll(async () => {
		legacy = await parseApkg(legacyApkg(sql, FIXTURE), options());
	});

	it('reads legacy .anki2, .anki21 (beside its dummy) and new .anki21b the same way', async () => {
		const anki21 = await parseApkg(legacyApkg(sql, FIXTURE, 'collection.anki21'), options());
		const anki21b = await parseApkg(modernApkg(sql, FIXTURE), options());
		const undeclared = await parseApkg(modernApkg(sql, FIXTURE, { declareSize: false }), options());
		expect(anki21).toEqual(legacy);
		expect(anki21b).toEqual(legacy);
		expect(undeclared).toEqual(legacy);
		expect(
			anki21b.decks.flatMap((d) => d.cards).some((c) => /update to the latest/.test(c.front))
		).toBe(false);
	});

	it('makes one deck per Anki deck with cards, filtered cards going home', () => {
		expect(legacy.kind).toBe('decks');
		if (legacy.kind !== 'decks') return;
		expect(legacy.sourceFormat).toBe('apkg');
		expect(legacy.decks.map((d) => [d.deck.name, d.cards.length])).toEqual([
			['Japanese::Vocab', 1],
			['Science', 6]
		]);
		for (const d of legacy.decks) {
			expect(d.cards.every((c) => c.deckId === d.deck.id)).toBe(true);
			expect(d.logs.every((l) => l.deckId === d.deck.id)).toBe(true);
		}
	});

	it('renders Basic, reversed and Cloze notes through their templates, as HTML', () => {
		const sides = legacy.decks.flatMap((d) =>
			d.cards.map((c) => [c.kind, c.format, c.front, c.back])
		);
		expect(sides).toEqual([
			[
				'basic',
				'html',
				'<b>犬</b>',
				// The builder's made-up bytes of dog.jpg and inu.mp3, stored under their hashes.
				`dog<img src="${sha1OfBytes(new Uint8Array([0, 1, 2, 3]))}.jpg">` +
					`[sound:${sha1OfBytes(new Uint8Array([1, 1, 2, 3]))}.mp3]`
			],
			['basic', 'html', 'Paris', 'capital of <i>France</i>'],
			['basic', 'html', 'capital of <i>France</i>', 'Paris'],
			[
				'cloze',
				'html',
				'<span class="cloze">[…]</span> is the powerhouse of the cell',
				'<b class="cloze">Mitochondria</b> is the powerhouse of the cell<br>\nBiology 101'
			],
			[
				'cloze',
				'html',
				'Mitochondria is the <span class="cloze">[metaphor]</span> of the cell',
				'Mitochondria is the <b class="cloze">powerhouse</b> of the cell<br>\nBiology 101'
			],
			['basic', 'html', 'Safe <span>text</span>', 'answer'],
			// Anki's fields are HTML even without a tag.
			['basic', 'html', 'Filtered Q', 'A']
		]);
		expect(cardByFront(legacy, '<b>犬</b>').tags).toEqual(['japanese', 'animals']);
		expect(
			cardByFront(legacy, '<span class="cloze">[…]</span> is the powerhouse of the cell').tags
		).toEqual(['biology']);
	});

	it('warns about media, empty cards and manual reschedules, each under its own deck', () => {
		expect(legacy.decks.map((d) => [d.deck.name, d.warnings])).toEqual([
			// The package's media belong to no deck: said under the first.
			[
				'Japanese::Vocab',
				// The picture an injected script pointed at; only.png is not in the fixture either.
				['2 pictures or sounds the cards show are not in the package.']
			],
			[
				'Science',
				[
					'1 card was skipped because it had nothing to show (an empty field or cloze).',
					'1 history entry that recorded a manual reschedule rather than an answer was left out.'
				]
			]
		]);
	});

	it('carries FSRS memory from cards.data and dates from the revlog', () => {
		const { id, deckId, front, back, tags, kind, format, source, noteId, ord, ...schedule } =
			cardByFront(legacy, '<b>犬</b>');
		void [id, deckId, front, back, tags, kind, format, source, noteId, ord];
		expect(schedule).toEqual({
			suspended: false,
			buriedUntil: 0,
			created: 1_690_000_000_001,
			// cards.mod, in whole seconds as Anki keeps it.
			modified: 1_690_000_000_000,
			due: dayDue(800),
			stability: 35.2,
			difficulty: 4.8,
			elapsed_days: Math.floor((R3 - R2) / DAY),
			scheduled_days: 30,
			learning_steps: 0,
			reps: 5,
			lapses: 1,
			state: 2,
			last_review: R3
		});
	});

	it('estimates memory from interval and ease when Anki has none', () => {
		const review = cardByFront(
			legacy,
			'Mitochondria is the <span class="cloze">[metaphor]</span> of the cell'
		);
		expect(review).toMatchObject({
			state: 2,
			due: dayDue(795),
			stability: 10,
			scheduled_days: 10,
			last_review: dayDue(795) - 10 * DAY
		});
		expect(review.difficulty).toBeCloseTo(f2d(2100), 10);

		const learning = cardByFront(
			legacy,
			'<span class="cloze">[…]</span> is the powerhouse of the cell'
		);
		expect(learning).toMatchObject({
			state: 1,
			due: 1_740_830_000_000,
			stability: default_w[2],
			scheduled_days: 0
		});
		expect(learning.difficulty).toBeCloseTo(f2d(2500), 10);
		expect(learning.last_review).toBe(1_740_830_000_000);

		const relearning = cardByFront(legacy, 'Safe <span>text</span>');
		expect(relearning).toMatchObject({
			state: 3,
			due: 1_740_900_000_000,
			stability: 3.1,
			difficulty: 7.5,
			last_review: 1_740_800_000_000,
			lapses: 2
		});

		const filtered = cardByFront(legacy, 'Filtered Q');
		expect(filtered).toMatchObject({ state: 2, due: dayDue(780), stability: 20 });
	});

	it('makes new cards due in Anki’s new-card order, ending now', () => {
		const forward = cardByFront(legacy, 'Paris');
		const reverse = cardByFront(legacy, 'capital of <i>France</i>');
		expect([forward.state, reverse.state]).toEqual([0, 0]);
		expect([forward.due, reverse.due]).toEqual([now, now - 1]);
		expect(reverse.created).toBe(now - 1);
		expect(forward.created).toBe(now);
		// Not raised to `created`: a later re-import would otherwise look newer than a card
		// answered here in between, and replace it.
		expect(forward.modified).toBe(1_690_000_000_000);
		expect(forward).toMatchObject({ stability: 0, difficulty: 0, reps: 0, last_review: null });
	});

	it('turns the revlog into review logs as ts-fsrs writes them', () => {
		const card = cardByFront(legacy, '<b>犬</b>');
		const logs = legacy.decks[0]!.logs.map(({ id, ...rest }) => {
			void id;
			return rest;
		});
		// The builder writes every answer as taking 6 s (revlog `time`): carried as `duration`.
		const base: Partial<ReviewLog> = {
			cardId: card.id,
			deckId: card.deckId,
			learning_steps: 0,
			duration: 6000
		};
		expect(logs).toEqual([
			{
				...base,
				rating: 3,
				state: 0,
				due: R1,
				stability: 0,
				difficulty: 0,
				elapsed_days: 0,
				last_elapsed_days: 0,
				scheduled_days: 0,
				review: R1
			},
			{
				...base,
				rating: 3,
				state: 1,
				due: R1,
				stability: 0,
				difficulty: 0,
				elapsed_days: 1,
				last_elapsed_days: 0,
				scheduled_days: 0,
				review: R2
			},
			{
				...base,
				rating: 3,
				state: 2,
				due: R2,
				stability: 1,
				difficulty: f2d(2500),
				elapsed_days: 33,
				last_elapsed_days: 1,
				scheduled_days: 1,
				review: R3
			}
		]);
	});
});

describe('card templates', () => {
	// A vocabulary note type of someone else's: Korean first among its fields, asked from
	// English; its romanisation only on the back and only when there is one.
	const KOREAN: FixtureCollection = {
		crt: CRT,
		decks: [{ id: 7, name: 'Korean' }],
		noteTypes: [
			{
				id: 70,
				name: 'Korean vocab',
				cloze: false,
				fields: ['Korean', 'English', 'Romanised'],
				templates: ['Recognition', 'Recall'],
				formats: [
					{
						qfmt: '{{English}}',
						afmt: '{{FrontSide}}<hr id=answer>{{Korean}}{{#Romanised}}<br>({{Romanised}}){{/Romanised}}'
					},
					{ qfmt: '{{Korean}}', afmt: '{{FrontSide}}<hr id=answer>{{English}}' }
				]
			}
		],
		notes: [
			{ id: 71, mid: 70, tags: '', fields: ['물', 'water', 'mul'] },
			{ id: 72, mid: 70, tags: '', fields: ['밥', 'rice', ''] }
		],
		cards: [71, 72].flatMap((nid) =>
			[0, 1].map((ord) => ({
				id: nid * 10 + ord,
				nid,
				did: 7,
				ord,
				type: 0,
				queue: 0,
				due: nid,
				ivl: 0,
				factor: 0,
				reps: 0,
				lapses: 0
			}))
		),
		revlog: [],
		media: []
	};

	it('shows the fields each template names, in both generations', async () => {
		for (const bytes of [legacyApkg(sql, KOREAN), modernApkg(sql, KOREAN)]) {
			const plan = await parseApkg(bytes, options());
			const sides = plan.decks.flatMap((d) => d.cards.map((c) => [c.ord, c.front, c.back]));
			expect(sides).toEqual([
				[0, 'water', '물<br>(mul)'],
				[1, '물', 'water'],
				[0, 'rice', '밥'],
				[1, '밥', 'rice']
			]);
		}
	});

	it('keeps the note type’s stylesheet once, and names it on each of its cards', async () => {
		const css =
			'.card { font-family: Batang; font-size: 32px; }\n.nightMode .card { color: #eee; }';
		const styled = { ...KOREAN, noteTypes: [{ ...KOREAN.noteTypes[0]!, css }] };
		for (const bytes of [legacyApkg(sql, styled), modernApkg(sql, styled)]) {
			const plan = await parseApkg(bytes, options());
			expect(plan.kind === 'decks' && plan.styles).toEqual([{ id: noteStyleId(css), css }]);
			const cards = plan.decks.flatMap((d) => d.cards);
			expect(new Set(cards.map((c) => c.style))).toEqual(new Set([noteStyleId(css)]));
		}
		// Anki's empty default stylesheet has nothing to apply: no style at all.
		const plain = await parseApkg(legacyApkg(sql, KOREAN), options());
		expect(plain.kind === 'decks' && plain.styles).toEqual([]);
		expect(plain.decks[0]!.cards.some((c) => 'style' in c)).toBe(false);
	});
});

describe('ids that let a re-import merge', () => {
	const later = new Date(now + 40 * DAY);
	const parseAt = (at: Date, prefix: string) =>
		parseApkg(legacyApkg(sql, FIXTURE), { ...options(), now: at, newId: countingIds(prefix) });
	const ids = (plan: ImportPlan) => ({
		decks: plan.decks.map((d) => d.deck.id),
		cards: plan.decks.flatMap((d) => d.cards.map((c) => [c.front, c.id, c.deckId])),
		logs: plan.decks.flatMap((d) => d.logs.map((l) => [l.id, l.cardId, l.deckId]))
	});
	const allCards = (plan: ImportPlan) => plan.decks.flatMap((d) => d.cards);
	const allLogs = (plan: ImportPlan) => plan.decks.flatMap((d) => d.logs);

	/** The fixture as read from SQLite, for changes a real package could carry. */
	function readFixture(): AnkiCollection {
		const db = new sql.Database(legacyCollection(sql, FIXTURE));
		try {
			return readAnkiCollection(db, 'collection.anki2');
		} finally {
			db.close();
		}
	}
	const planOf = (collection: AnkiCollection, at = NOW) =>
		collectionToPlan(collection, new Map(), {
			now: at,
			sanitize: jsdomSanitize,
			newId: countingIds()
		});

	it('carries the pictures and sounds cards show, once each, and leaves the rest', async () => {
		const files: Record<string, Uint8Array> = {
			'dog.jpg': new Uint8Array([1, 2, 3]),
			'inu.mp3': new Uint8Array([4, 5]),
			// A picture alone on a front, a font of the note type, and a file no card shows.
			'only.png': new Uint8Array([8, 9]),
			'_font.ttf': new Uint8Array([6]),
			'unused.png': new Uint8Array([7])
		};
		const collection = readFixture();
		collection.notes.get(1002)!.fields[0] = 'Paris<img src="_font.ttf">';
		const read = await readMediaShownBy(
			{ names: Object.keys(files), read: (name) => files[name] ?? null },
			[...collection.notes.values()].flatMap((note) => note.fields)
		);
		// Only what a field shows was read (no font, no unused file).
		expect([...read.keys()].sort()).toEqual(['dog.jpg', 'inu.mp3', 'only.png']);
		const plan = collectionToPlan(collection, read, {
			now: NOW,
			sanitize: jsdomSanitize,
			newId: countingIds()
		});
		if (plan.kind !== 'decks') throw new Error('not a decks plan');
		const picture = `${sha1OfBytes(files['dog.jpg']!)}.jpg`;
		const sound = `${sha1OfBytes(files['inu.mp3']!)}.mp3`;
		expect(cardByFront(plan, '<b>犬</b>').back).toBe(`dog<img src="${picture}">[sound:${sound}]`);
		// The picture-only card comes in now, showing the same stored file.
		expect(cardByFront(plan, `<img src="${sha1OfBytes(files['only.png']!)}.png">`).back).toBe(
			'answer'
		);
		expect(plan.media?.map((file) => [file.name, file.type, [...file.bytes]])).toEqual([
			[picture, 'image/jpeg', [1, 2, 3]],
			[sound, 'audio/mpeg', [4, 5]],
			[`${sha1OfBytes(files['only.png']!)}.png`, 'image/png', [8, 9]]
		]);
		// Only the script's made-up picture is missing now.
		expect(plan.decks[0]!.warnings).toEqual([
			'1 picture or sound the cards show is not in the package.'
		]);
	});

	it('stores one file for the same picture under two names', async () => {
		const carried = new CarriedMedia(
			await readMediaShownBy({ names: ['a.png', 'b.png'], read: () => new Uint8Array([1]) }, [
				'<img src="a.png"><img src="b.png">'
			])
		);
		const a = carried.carry('<img src="a.png">');
		expect(carried.carry('<img src="b.png">')).toBe(a);
		expect(carried.files()).toHaveLength(1);
	});

	it('refuses media over the limit of one import, whole', async () => {
		const media = {
			names: ['a.png', 'b.png'],
			read: (name: string) => new Uint8Array(name === 'a.png' ? 6 : 5)
		};
		expect((await readMediaShownBy(media, ['<img src="a.png">'], 10)).size).toBe(1);
		await expect(
			readMediaShownBy(media, ['<img src="a.png">', '<img src="b.png">'], 10)
		).rejects.toThrow(/pictures and sounds take more than .*nothing was imported/);
	});

	it('names decks, cards and logs the same when the package is parsed again later', async () => {
		const first = await parseAt(NOW, 'first');
		const again = await parseAt(later, 'again');
		expect(ids(again)).toEqual(ids(first));
		expect(ids(first).decks).toEqual([`anki-deck-${JAPANESE}`, `anki-deck-${SCIENCE}`]);
		expect(cardByFront(first, '<b>犬</b>').id).toBe('anki-guid1001-0');
		expect(allLogs(first).map((l) => l.id)).toEqual([
			`anki-revlog-${R1}`,
			`anki-revlog-${R2}`,
			`anki-revlog-${R3}`
		]);
	});

	it('gives different notes different ids', async () => {
		const plan = await parseAt(NOW, 'x');
		const cardIds = allCards(plan).map((c) => c.id);
		expect(new Set(cardIds).size).toBe(cardIds.length);
		// Same note type, same ord, different notes.
		expect(cardByFront(plan, '<b>犬</b>').id).not.toBe(
			cardByFront(plan, 'Safe <span>text</span>').id
		);
	});

	it('gives each card of a reversed or cloze note its own id by ord', async () => {
		const plan = await parseAt(NOW, 'x');
		expect(cardByFront(plan, 'Paris').id).toBe('anki-guid1002-0');
		expect(cardByFront(plan, 'capital of <i>France</i>').id).toBe('anki-guid1002-1');
		expect(
			cardByFront(plan, '<span class="cloze">[…]</span> is the powerhouse of the cell').id
		).toBe('anki-guid1003-0');
		expect(
			cardByFront(plan, 'Mitochondria is the <span class="cloze">[metaphor]</span> of the cell').id
		).toBe('anki-guid1003-1');
	});

	it('keeps the cards of one note as siblings, and a card suspended in Anki suspended', async () => {
		const plan = await parseAt(NOW, 'x');
		const forward = cardByFront(plan, 'Paris');
		const reverse = cardByFront(plan, 'capital of <i>France</i>');
		expect([forward.noteId, reverse.noteId]).toEqual(['anki-guid1002', 'anki-guid1002']);
		expect([forward.ord, reverse.ord]).toEqual([0, 1]);
		expect(forward.suspended || reverse.suspended).toBe(false);
		expect(
			cardByFront(plan, 'Mitochondria is the <span class="cloze">[metaphor]</span> of the cell')
				.suspended
		).toBe(true);
	});

	it('falls back to the note id without a guid, and to the deck id without a deck name', () => {
		const collection = readFixture();
		collection.notes.get(1001)!.guid = '';
		collection.decks.delete(JAPANESE);
		const plan = planOf(collection);
		const card = cardByFront(plan, '<b>犬</b>');
		expect(card.id).toBe('anki-1001-0');
		expect(plan.decks.find((d) => d.deck.id === card.deckId)!.deck).toMatchObject({
			id: `anki-deck-${JAPANESE}`,
			name: 'Imported from Anki'
		});
		expect(planOf(collection, later).decks.map((d) => d.deck.id)).toEqual(
			plan.decks.map((d) => d.deck.id)
		);
	});

	it('keeps two cards apart when a damaged package repeats a guid', () => {
		const collection = readFixture();
		collection.notes.get(1004)!.guid = 'guid1001';
		const plan = planOf(collection);
		expect(cardByFront(plan, '<b>犬</b>').id).toBe('anki-guid1001-0');
		expect(cardByFront(plan, 'Safe <span>text</span>').id).toBe('anki-card-1690000000006');
	});

	it('merges an unchanged re-import as unchanged, keeping cards answered here since', async () => {
		const first = await parseAt(NOW, 'first');
		// Answered here between the two imports: storage sets `modified` to the answer time.
		const answeredAt = now + 10 * DAY;
		const stored = allCards(first).map((c) =>
			c.front === 'Paris' || c.front === '<b>犬</b>'
				? { ...c, modified: answeredAt, last_review: answeredAt, reps: c.reps + 1 }
				: c
		);
		const again = await parseAt(later, 'again');
		const merge = mergeCards(stored, allCards(again));
		expect(merge.added).toEqual([]);
		expect(merge.updated).toEqual([]);
		expect(merge.unchanged).toBe(stored.length);
		expect(merge.merged).toEqual(stored);
		expect(newLogs(allLogs(first), allLogs(again))).toEqual([]);
	});

	it('updates the cards of a note edited in Anki after the last answer here', () => {
		const stored = allCards(planOf(readFixture())).map((c) =>
			c.front === 'Paris' ? { ...c, modified: now + DAY, last_review: now + DAY } : c
		);
		const edited = readFixture();
		// Anki bumps only notes.mod when a field changes; the cards' mod stays.
		edited.notes.get(1002)!.mod = Math.floor((now + 2 * DAY) / 1000);
		edited.notes.get(1002)!.fields[0] = 'Paris, France';
		const merge = mergeCards(stored, allCards(planOf(edited, later)));
		expect(merge.updated.map((c) => [c.id, c.front])).toEqual([
			['anki-guid1002-0', 'Paris, France'],
			['anki-guid1002-1', 'capital of <i>France</i>']
		]);
		expect(merge.added).toEqual([]);
	});
});

describe('bad Anki packages', () => {
	it('reads an infinite or fractional number in the collection as a whole finite one', () => {
		const db = new sql.Database(legacyCollection(sql, FIXTURE));
		try {
			// SQLite keeps 9e999 as an infinite REAL; scheduling from it made dates ts-fsrs cannot use.
			db.run('UPDATE cards SET due = 9e999, ivl = 2.75, reps = -9e999 WHERE id = 1690000000001');
			const card = readAnkiCollection(db, 'collection.anki2').cards.find(
				(c) => c.id === 1_690_000_000_001
			)!;
			expect([card.due, card.ivl, card.reps]).toEqual([0, 2, 0]);
		} finally {
			db.close();
		}
	});

	it('skips a card whose schedule holds no possible date, keeping the rest', async () => {
		const db = new sql.Database(legacyCollection(sql, FIXTURE));
		let bytes: Uint8Array;
		try {
			// A learning card due 1e13 seconds from the epoch: far beyond any Date.
			db.run('UPDATE cards SET type = 1, queue = 1, due = 10000000000000 WHERE id = 1690000000001');
			bytes = db.export();
		} finally {
			db.close();
		}
		const whole = await parseApkg(legacyApkg(sql, FIXTURE), options());
		const plan = await parseApkg(zipSync({ 'collection.anki2': bytes }), options());
		const count = (p: typeof plan) => p.decks.reduce((n, d) => n + d.cards.length, 0);
		expect(count(plan)).toBe(count(whole) - 1);
		// That card was its deck's only one: the deck is gone, and named where the warning is.
		expect(plan.decks.flatMap((d) => d.warnings)).toContain(
			'In “Japanese::Vocab”: 1 card was skipped because its schedule holds dates no calendar has (the collection may be damaged).'
		);
		for (const card of plan.decks.flatMap((d) => d.cards))
			expect(Number.isFinite(card.due)).toBe(true);
	});

	it('says when a zip has no collection', async () => {
		const error = await importErrorOf(() =>
			parseApkg(zipSync({ 'notes.txt': strToU8('hello') }), options())
		);
		expect(error.message).toBe(
			'This zip file has no Anki collection (collection.anki2, .anki21 or .anki21b).'
		);
	});

	it('says when the bytes are not a zip at all, or a truncated one', async () => {
		expect((await importErrorOf(() => parseApkg(strToU8('just text'), options()))).message).toMatch(
			/^This file is not a readable zip archive \(its end record is missing\)/
		);
		const zip = legacyApkg(sql, FIXTURE);
		expect(
			(await importErrorOf(() => parseApkg(zip.subarray(0, zip.length - 30), options()))).message
		).toMatch(/not a readable zip archive/);
	});

	it('names the collection that is not SQLite', async () => {
		const junk = new Uint8Array(8192).map((_, i) => (i * 31) % 251);
		const error = await importErrorOf(() =>
			parseApkg(zipSync({ 'collection.anki21': junk, 'collection.anki2': junk }), options())
		);
		expect(error.message).toBe(
			"The package's collection.anki21 is not a readable SQLite database. (collection.anki21)"
		);
		expect(error.where).toBe('collection.anki21');
	});

	it('says when a SQLite file is not an Anki collection', async () => {
		const db = new sql.Database();
		db.run('CREATE TABLE things (x)');
		const error = await importErrorOf(() =>
			parseApkg(zipSync({ 'collection.anki2': db.export() }), options())
		);
		expect(error.message).toMatch(
			/is a SQLite database but not an Anki collection \(it has no col table\)/
		);
	});

	it('says when the zstd collection is damaged', async () => {
		const good = zstdRaw(modernCollection(sql, FIXTURE));
		const error = await importErrorOf(() =>
			parseApkg(
				zipSync({ 'collection.anki21b': [good.subarray(0, 5000), { level: 0 }] }),
				options()
			)
		);
		expect(error.where).toBe('collection.anki21b');
		expect(error.message).toMatch(/damaged|not a readable SQLite/);
	});

	it('refuses a zip bomb by its declared sizes, before inflating', async () => {
		const zeros = new Uint8Array(24 * 1024 * 1024);
		const bomb = zipSync({ 'collection.anki21': [zeros, { level: 9 }] });
		expect(bomb.length).toBeLessThan(100 * 1024);
		const error = await importErrorOf(() => parseApkg(bomb, options()));
		expect(error.where).toBe('collection.anki21');
		expect(error.message).toMatch(/would expand from .* to 24 MB, which is how a zip bomb looks/);
	});

	it('refuses a zip whose total is over the limit', async () => {
		const collection = legacyCollection(sql, FIXTURE);
		const error = await importErrorOf(() =>
			parseApkg(legacyApkg(sql, FIXTURE), {
				...options(),
				limits: { maxTotal: collection.length - 1, maxRatio: 200, ratioFloor: 1 << 20 }
			})
		);
		expect(error.message).toMatch(/would expand to more than/);
	});

	it('stops inflating an entry that grows past the size its header declares', async () => {
		const zip = zipSync({
			'collection.anki2': [new Uint8Array(4 * 1024 * 1024).fill(7), { level: 6 }]
		});
		// Declare 1 MiB in the central directory (and the local header) instead of 4 MiB.
		const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
		for (let i = 0; i < zip.length - 4; i++) {
			const sig = view.getUint32(i, true);
			if (sig === 0x02014b50) view.setUint32(i + 24, 1024 * 1024, true);
			if (sig === 0x04034b50) view.setUint32(i + 22, 1024 * 1024, true);
		}
		const error = await importErrorOf(() =>
			parseApkg(zip, {
				...options(),
				limits: { maxTotal: 1 << 29, maxRatio: 10_000, ratioFloor: 1 << 20 }
			})
		);
		expect(error.message).toMatch(/expands to more than the 1.0 MB its header declares/);
	});

	it('refuses a zstd frame that declares an absurd size', async () => {
		const frame = zstdRaw(new Uint8Array(16));
		new DataView(frame.buffer).setBigUint64(5, 2n ** 40n, true);
		const error = await importErrorOf(() =>
			parseApkg(zipSync({ 'collection.anki21b': [frame, { level: 0 }] }), options())
		);
		expect(error.where).toBe('collection.anki21b');
		expect(error.message).toMatch(/zip bomb|more than/);
	});
});

describe('FSRS parameters of the decks’ options preset', () => {
	const FSRS6 = default_w.map((w, i) => (i === 2 ? 5.5 : w));

	it('become each deck’s own parameters, from both generations', async () => {
		const withParameters = { ...FIXTURE, fsrsParameters: { version: 6 as const, values: FSRS6 } };
		for (const bytes of [legacyApkg(sql, withParameters), modernApkg(sql, withParameters)]) {
			const plan = await parseApkg(bytes, options());
			const science = plan.decks.find((d) => d.deck.name === 'Science');
			const parameters = science?.deck.overrides.fsrsParameters?.split(', ').map(Number);
			expect(parameters).toHaveLength(21);
			expect(parameters?.[2]).toBe(5.5);
			expect(parameters?.[0]).toBeCloseTo(default_w[0] as number, 4);
		}
	});

	it('keep FSRS-5’s 19 as they are, and none are set without a preset’s parameters', async () => {
		const fsrs5 = FSRS6.slice(0, 19);
		const plan = await parseApkg(
			modernApkg(sql, { ...FIXTURE, fsrsParameters: { version: 5, values: fsrs5 } }),
			options()
		);
		expect(plan.decks[0]?.deck.overrides.fsrsParameters?.split(', ')).toHaveLength(19);
		const plain = await parseApkg(legacyApkg(sql, FIXTURE), options());
		expect(plain.decks.every((d) => d.deck.overrides.fsrsParameters === undefined)).toBe(true);
	});

	it('are left out when Anki’s are outside FSRS’s ranges', async () => {
		const wild = FSRS6.map((w, i) => (i === 4 ? 50 : w));
		const plan = await parseApkg(
			legacyApkg(sql, { ...FIXTURE, fsrsParameters: { version: 6, values: wild } }),
			options()
		);
		expect(plan.decks.every((d) => d.deck.overrides.fsrsParameters === undefined)).toBe(true);
	});
});
