import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlJsStatic } from 'sql.js';
import { unzipSync } from 'fflate';
import type { Card, Deck, ReviewLog } from '$lib/domain/models';
import { parseApkg } from './apkg';
import { encodeApkg } from './apkg-export';
import { testCard, testDeck } from '$lib/domain/testing/records';
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
	{
		id: 'l1',
		cardId: 'review',
		deckId: 'deck',
		rating: 3,
		state: 0,
		due: now - 40 * DAY,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		review: now - 40 * DAY
	},
	{
		id: 'l2',
		cardId: 'review',
		deckId: 'deck',
		rating: 3,
		state: 2,
		due: now - 40 * DAY,
		stability: 3,
		difficulty: 5,
		elapsed_days: 25,
		last_elapsed_days: 0,
		scheduled_days: 3,
		learning_steps: 0,
		review: now - 15 * DAY + 999
	}
];

let sql: SqlJsStatic;
beforeAll(async () => {
	sql = await loadSqlJs();
});

describe('encodeApkg', () => {
	it('writes a legacy package Anki opens: collection.anki2 schema 11 and an empty media list', async () => {
		const zip = unzipSync(await encodeApkg([{ deck, cards, logs }], { now: NOW, loadSqlJs }));
		expect(Object.keys(zip).sort()).toEqual(['collection.anki2', 'media']);
		const db = new sql.Database(zip['collection.anki2']);
		expect(db.exec('SELECT ver FROM col')[0]!.values).toEqual([[11]]);
		const note = db.exec(
			"SELECT guid, mid, tags, flds, sfld, csum FROM notes WHERE guid = 'new-1'"
		)[0]!.values[0];
		// csum: the first 8 hex digits of the SHA-1 of the sort field, as Anki computes it.
		const csum = parseInt(createHash('sha1').update('front new-1').digest('hex').slice(0, 8), 16);
		expect(note).toEqual([
			'new-1',
			1_700_000_000_000,
			' two_words x ',
			'front new-1\x1fback new-1',
			'front new-1',
			csum
		]);
		const models = JSON.parse(db.exec('SELECT models FROM col')[0]!.values[0]![0] as string);
		expect(
			Object.values(models).map((m) => (m as { flds: { name: string }[] }).flds.map((f) => f.name))
		).toEqual([['Front', 'Back']]);
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

		// Text with special characters comes back as the escaped HTML Anki stores.
		const review = byFront('a &lt; b &amp; "c"<br>second line');
		expect(review).toMatchObject({
			format: 'html',
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

	it('writes a reverse card and a cloze as their own sides, and keeps a suspension', async () => {
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
		expect(reverse).toMatchObject({ front: 'chat', back: 'cat', suspended: true });
		expect(cloze).toMatchObject({ front: 'TCP carries […]', back: 'TCP carries HTTP' });
	});

	it('writes a deck without logs when none are given', async () => {
		const bytes = await encodeApkg([{ deck, cards }], { now: NOW, loadSqlJs });
		const db = new sql.Database(unzipSync(bytes)['collection.anki2']);
		expect(db.exec('SELECT count(*) FROM revlog')[0]!.values).toEqual([[0]]);
		db.close();
	});
});
