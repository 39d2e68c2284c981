import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { unzipSync } from 'fflate';
import type { Card, Deck, ReviewLog } from '$lib/domain/models';
import { noteStyleId } from '$lib/domain/note-style';
import { parseApkg } from './apkg';
import { encodeApkg } from './apkg-export';
import { sha1OfBytes } from './sha1';
import { testCard, testDeck, testLog } from '$lib/domain/testing/records';
import { NOW, countingIds, jsdomSanitize } from './testing/fixed';
import { loadSqlJs } from './testing/sql';

const DAY = 86_400_000;
const now = NOW.getTime();

function card(id: string, over: Partial<Card>): Card {
	return testCard({ id, created: now - 50 * DAY, modified: now - DAY, due: now, ...over });
}

const deck: Deck = testDeck({ id: 'deck', name: 'Export::Test' });
const cards: Card[] = [
	card('new-2', { created: now - 2 * DAY }),
	card('new-1', { created: now - 3 * DAY, tags: ['two words', 'x'] }),
	card('review', {
		front: 'a < b & "c"\nsecond line',
		state: 2,
		due: now + 5 * DAY + 12_345,
		stability: 23.75,
		difficulty: 6.25,
		scheduled_days: 20,
		reps: 7,
		lapses: 1,
		last_review: now - 15 * DAY + 999
	}),
	card('learning', {
		state: 1,
		due: now + 600_000,
		stability: 2.3,
		difficulty: 5.5,
		reps: 1,
		last_review: now - 60_000
	}),
	card('relearning', {
		format: 'html',
		front: '<b>bold</b>',
		state: 3,
		due: now + 300_000,
		stability: 1.5,
		difficulty: 8.9,
		reps: 12,
		lapses: 3,
		last_review: now - 30_000
	})
];
const logs: ReviewLog[] = [
	testLog({ id: 'l1', cardId: 'review', due: now - 40 * DAY, review: now - 40 * DAY }),
	testLog({
		id: 'l2',
		cardId: 'review',
		state: 2,
		due: now - 40 * DAY,
		stability: 3,
		difficulty: 5,
		elapsed_days: 25,
		scheduled_days: 3,
		review: now - 15 * DAY + 999
	})
];

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await loadSqlJs();
});

/** The package read back through the importer, as a decks plan. */
async function readBack(bytes: Uint8Array) {
	const plan = await parseApkg(bytes, {
		now: NOW,
		sanitize: jsdomSanitize,
		newId: countingIds(),
		loadSqlJs
	});
	if (plan.kind !== 'decks') throw new Error('not a decks plan');
	return plan;
}

describe('encodeApkg', () => {
	it('writes a legacy package Anki opens: collection.anki2 schema 11 and an empty media list', async () => {
		const zip = unzipSync(await encodeApkg([{ deck, cards, logs }], { now: NOW, loadSqlJs }));
		expect(Object.keys(zip).sort()).toEqual(['collection.anki2', 'media']);
		const db = new sql.Database(zip['collection.anki2']);
		expect(db.exec('SELECT ver FROM col')[0]!.values).toEqual([[11]]);
		const note = db.exec(
			"SELECT guid, mid, tags, flds, sfld, csum FROM notes WHERE guid = 'article-flashcards:new-1'"
		)[0]!.values[0];
		// csum: the first 8 hex digits of the SHA-1 of the sort field, as Anki computes it.
		const csum = parseInt(createHash('sha1').update('front new-1').digest('hex').slice(0, 8), 16);
		expect(note).toEqual([
			'article-flashcards:new-1',
			1_700_000_000_000,
			' two_words x ',
			'front new-1\x1fback new-1',
			'front new-1',
			csum
		]);
		const models = JSON.parse(db.exec('SELECT models FROM col')[0]!.values[0]![0] as string);
		expect(
			Object.values(models).map((m) => (m as { flds: { name: string }[] }).flds.map((f) => f.name))
		).toEqual([
			['Front', 'Back'],
			['Front', 'Back'],
			['Text', 'Back Extra'],
			['Front', 'Back'],
			['Front', 'Back']
		]);
		expect(db.exec('SELECT count(*) FROM cards')[0]!.values).toEqual([[5]]);
		db.close();
	});

	it('reads back through the importer with content and schedule intact', async () => {
		const bytes = await encodeApkg([{ deck, cards, logs }], { now: NOW, loadSqlJs });
		const plan = await parseApkg(bytes, {
			now: NOW,
			sanitize: jsdomSanitize,
			newId: countingIds(),
			loadSqlJs
		});
		expect(plan.decks.map((d) => d.deck.name)).toEqual(['Export::Test']);
		const back = plan.decks[0]!.cards;
		const byFront = (front: string) => back.find((c) => c.front === front)!;

		// New cards keep their order; text is text again when it has no markup.
		expect(back.filter((c) => c.state === 0).map((c) => c.front)).toEqual([
			'front new-1',
			'front new-2'
		]);
		expect(byFront('front new-1')).toMatchObject({ format: 'text', tags: ['two_words', 'x'] });
		expect(byFront('front new-1').due).toBe(byFront('front new-1').created);
		const [first, second] = back.filter((c) => c.state === 0);
		expect(first!.created).toBeLessThan(second!.created);

		// Text with special characters is escaped into HTML for Anki, and comes back as text.
		const review = byFront('a < b & "c"\nsecond line');
		expect(review).toMatchObject({
			format: 'text',
			state: 2,
			stability: 23.75,
			difficulty: 6.25,
			scheduled_days: 20,
			reps: 7,
			lapses: 1,
			// Anki keeps review due dates in whole days and times in seconds.
			due: Math.floor((now + 5 * DAY) / DAY) * DAY,
			last_review: Math.floor((now - 15 * DAY + 999) / 1000) * 1000
		});
		expect(byFront('front learning')).toMatchObject({
			state: 1,
			due: now + 600_000,
			stability: 2.3,
			difficulty: 5.5
		});
		expect(byFront('<b>bold</b>')).toMatchObject({
			state: 3,
			due: now + 300_000,
			stability: 1.5,
			difficulty: 8.9,
			lapses: 3
		});

		const importedLogs = plan.decks[0]!.logs;
		expect(importedLogs.map((l) => [l.cardId, l.rating, l.state, l.review])).toEqual([
			[review.id, 3, 0, now - 40 * DAY],
			[review.id, 3, 2, now - 15 * DAY + 999]
		]);
		expect(importedLogs[1]!.difficulty).toBeCloseTo(5, 2);
		expect(importedLogs[1]!.scheduled_days).toBe(3);
	});

	it('carries the pictures and sounds, and they come back under the same names', async () => {
		const picture = new Uint8Array([137, 80, 78, 71]);
		const sound = new Uint8Array([73, 68, 51]);
		const pictureName = `${sha1OfBytes(picture)}.png`;
		const soundName = `${sha1OfBytes(sound)}.mp3`;
		const withMedia = card('media', {
			format: 'html',
			front: `Dog<img src="${pictureName}">`,
			back: `inu[sound:${soundName}]`
		});
		const bytes = await encodeApkg([{ deck, cards: [withMedia] }], {
			now: NOW,
			loadSqlJs,
			media: [
				{ name: pictureName, type: 'image/png', bytes: picture },
				{ name: soundName, type: 'audio/mpeg', bytes: sound }
			]
		});
		const zip = unzipSync(bytes);
		expect(JSON.parse(new TextDecoder().decode(zip.media))).toEqual({
			'0': pictureName,
			'1': soundName
		});
		expect(zip['0']).toEqual(picture);
		const plan = await readBack(bytes);
		expect(plan.decks[0]!.cards.map((c) => [c.front, c.back])).toEqual([
			[withMedia.front, withMedia.back]
		]);
		expect(plan.media?.map((f) => f.name)).toEqual([pictureName, soundName]);
	});

	it('writes a styled card’s stylesheet as its note type’s CSS, and it comes back', async () => {
		const css = '.card { font-family: Batang; font-size: 32px; }\n.hanja { color: #8b0000; }';
		const style = { id: noteStyleId(css), css };
		const styled = card('styled', {
			format: 'html',
			front: '<span class="hanja">水</span>',
			back: 'water',
			style: style.id
		});
		const plain = card('plain', { format: 'html', front: 'fire', back: '火' });
		const bytes = await encodeApkg([{ deck, cards: [styled, plain] }], {
			now: NOW,
			loadSqlJs,
			styles: [style]
		});
		const plan = await readBack(bytes);
		expect(plan.styles).toEqual([style]);
		const back = plan.decks[0]!.cards;
		expect(back.map((c) => [c.front, c.back, c.style])).toEqual([
			[styled.front, styled.back, style.id],
			[plain.front, plain.back, undefined]
		]);
	});

	it("writes each answer's time into the revlog, and 0 where none was recorded", async () => {
		const timed = logs.map((log, i) => (i === 0 ? { ...log, duration: 4_321 } : log));
		const zip = unzipSync(
			await encodeApkg([{ deck, cards, logs: timed }], { now: NOW, loadSqlJs })
		);
		const db = new sql.Database(zip['collection.anki2']);
		expect(db.exec('SELECT time FROM revlog ORDER BY id')[0]!.values).toEqual([[4_321], [0]]);
		db.close();
	});

	it('writes a type-in card from Anki as its text: no box, the answer where it was compared', async () => {
		const typeIn = card('type-in', {
			format: 'html',
			front: 'Capital of France?<br>[[type]]',
			back: '[[type:Paris]]'
		});
		const zip = unzipSync(await encodeApkg([{ deck, cards: [typeIn] }], { now: NOW, loadSqlJs }));
		const db = new sql.Database(zip['collection.anki2']);
		expect(db.exec('SELECT flds FROM notes')[0]!.values).toEqual([
			['Capital of France?<br>\x1fParis']
		]);
		db.close();
	});

	it("writes learning cards' steps left and learning answers' intervals as Anki encodes them", async () => {
		const firstAnswer: ReviewLog = {
			...logs[0]!,
			id: 'l-learning',
			cardId: 'learning',
			review: now - 60_000
		};
		const zip = unzipSync(
			await encodeApkg([{ deck, cards, logs: [firstAnswer] }], { now: NOW, loadSqlJs })
		);
		const db = new sql.Database(zip['collection.anki2']);
		try {
			// The package's own options: learning steps 1m 10m, relearning 10m. A learning card
			// at its first step has 2 to go, a relearning one 1: today's × 1000 + all left.
			const left = db.exec('SELECT type, left FROM cards WHERE type IN (1, 3) ORDER BY type')[0]!;
			expect(left.values).toEqual([
				[1, 2002],
				[3, 1001]
			]);
			// An answer that led to a 10-minute step (due 11 minutes after it): minus seconds.
			expect(db.exec('SELECT ivl, type FROM revlog')[0]!.values).toEqual([[-660, 0]]);
		} finally {
			db.close();
		}
	});

	it('brings a reverse card and a cloze back as the notes they were, and keeps a suspension', async () => {
		const extra = [
			card('rev', { kind: 'reversed', ord: 1, front: 'cat', back: 'chat', suspended: true }),
			card('clz', { kind: 'cloze', ord: 2, front: '{{c1::TCP}} carries {{c2::HTTP}}', back: '' })
		];
		const bytes = await encodeApkg([{ deck, cards: extra }], { now: NOW, loadSqlJs });
		const plan = await parseApkg(bytes, {
			now: NOW,
			sanitize: jsdomSanitize,
			newId: countingIds(),
			loadSqlJs
		});
		const [reverse, cloze] = plan.decks[0]!.cards;
		expect(reverse).toMatchObject({
			noteId: 'rev',
			ord: 1,
			kind: 'reversed',
			front: 'cat',
			back: 'chat',
			suspended: true
		});
		expect(cloze).toMatchObject({
			noteId: 'clz',
			ord: 2,
			kind: 'cloze',
			front: '{{c1::TCP}} carries {{c2::HTTP}}'
		});
	});

	it('writes real notes: a reversed pair, a cloze with its numbers, a list as <ul>', async () => {
		const notes = [
			card('fwd', { kind: 'reversed', noteId: 'pair', ord: 0, front: 'cat', back: 'chat' }),
			card('bwd', { kind: 'reversed', noteId: 'pair', ord: 1, front: 'cat', back: 'chat' }),
			...[1, 2].map((n) =>
				card(`c${n}`, {
					kind: 'cloze',
					noteId: 'clz',
					ord: n,
					front: '{{c1::TCP}} carries {{c2::HTTP::protocol}}',
					back: 'RFC 9293'
				})
			),
			card('lst', { kind: 'list', front: 'Name two layers', back: '• Transport\n• Link <2>' }),
			card('tf', { kind: 'true-false', front: 'The sun is cold.', back: 'False: hot.' })
		];
		const zip = unzipSync(await encodeApkg([{ deck, cards: notes }], { now: NOW, loadSqlJs }));
		const db = new sql.Database(zip['collection.anki2']);
		const models = JSON.parse(db.exec('SELECT models FROM col')[0]!.values[0]![0] as string);
		const rows = db.exec(
			'SELECT n.guid, n.mid, n.flds, group_concat(c.ord) FROM notes n JOIN cards c ON c.nid = n.id GROUP BY n.id ORDER BY n.id'
		)[0]!.values;
		db.close();
		const typeName = (mid: unknown) => models[String(mid)].name;
		expect(rows.map(([guid, mid, flds, ords]) => [guid, typeName(mid), flds, ords])).toEqual([
			['article-flashcards:pair', 'Basic (and reversed card)', 'cat\x1fchat', '0,1'],
			[
				'article-flashcards:clz',
				'Cloze',
				'{{c1::TCP}} carries {{c2::HTTP::protocol}}\x1fRFC 9293',
				'0,1'
			],
			[
				'article-flashcards:lst',
				'Article Flashcards List',
				'Name two layers\x1f<ul><li>Transport</li><li>Link &lt;2&gt;</li></ul>',
				'0'
			],
			[
				'article-flashcards:tf',
				'Article Flashcards True/False',
				'The sun is cold.\x1fFalse: hot.',
				'0'
			]
		]);
		const cloze = Object.values(models).find((m) => (m as { name: string }).name === 'Cloze') as {
			type: number;
			tmpls: { qfmt: string }[];
		};
		expect(cloze.type).toBe(1);
		expect(cloze.tmpls[0]!.qfmt).toBe('{{cloze:Text}}');

		// And back: the same notes, kinds, ords and text.
		const bytes = await encodeApkg([{ deck, cards: notes }], { now: NOW, loadSqlJs });
		const plan = await parseApkg(bytes, {
			now: NOW,
			sanitize: jsdomSanitize,
			loadSqlJs
		});
		const back = plan.decks[0]!.cards;
		expect(back.map((c) => [c.noteId, c.ord, c.kind, c.front, c.back, c.format])).toEqual(
			notes.map((c) => [
				c.noteId,
				c.ord,
				c.kind,
				c.front,
				c.kind === 'list' ? '• Transport\n• Link <2>' : c.back,
				'text'
			])
		);
	});

	it('writes a deck without logs when none are given', async () => {
		const bytes = await encodeApkg([{ deck, cards }], { now: NOW, loadSqlJs });
		const db = new sql.Database(unzipSync(bytes)['collection.anki2']);
		expect(db.exec('SELECT count(*) FROM revlog')[0]!.values).toEqual([[0]]);
		db.close();
	});
});
