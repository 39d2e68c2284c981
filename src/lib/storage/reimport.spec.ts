import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Grade, type Card } from '$lib/domain/models';
import { cardsForNote } from '$lib/domain/notes';
import { createScheduler } from '$lib/domain/scheduler';
import { parseApkg } from '$lib/transfer/apkg';
import { encodeApkg } from '$lib/transfer/apkg-export';
import { encodeCsv, parseCsv } from '$lib/transfer/csv';
import type { ImportPlan } from '$lib/transfer/plan';
import { NOW, jsdomSanitize } from '$lib/transfer/testing/fixed';
import { loadSqlJs } from '$lib/transfer/testing/sql';
import type { FlashcardsDB } from './db';
import { addDeck } from './decks';
import { readDeckForExport } from './export';
import { sampleDeck } from './fixtures';
import { applyImport, previewImport } from './import';
import { recordReview } from './reviews';
import { testDatabase } from './test-db';

/** The app's own exports, imported again: they merge into the deck they came from. */

let db: FlashcardsDB;
let studied: Card;
let ids = 0;

beforeEach(async () => {
	db = testDatabase();
	ids = 0;
	const { deck, cards } = sampleDeck(1, NOW);
	const newId = () => `n${++ids}`;
	const notes = [
		...cardsForNote({
			note: { kind: 'reversed', front: 'cat', back: 'chat', tags: ['fr'] },
			deckId: deck.id,
			now: NOW,
			newId
		}),
		...cardsForNote({
			note: { kind: 'cloze', front: '{{c1::TCP}} carries {{c2::HTTP}}', back: '', tags: [] },
			deckId: deck.id,
			now: NOW,
			newId
		})
	];
	await addDeck(db, deck, [...cards, ...notes]);
	const scheduler = createScheduler(DEFAULT_SETTINGS, { fuzz: false });
	const later = new Date(NOW.getTime() + 60_000);
	studied = (await recordReview(db, scheduler, notes[1]!, Grade.Good, later)).card;
});

async function everything() {
	return {
		decks: await db.decks.toArray(),
		cards: (await db.cards.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
		logs: await db.reviewLogs.toArray()
	};
}

async function reimport(plan: ImportPlan) {
	const preview = await previewImport(db, plan);
	expect(preview.decks).toEqual([
		expect.objectContaining({ name: 'Deck d1', exists: true, existingCards: 5 })
	]);
	return applyImport(db, plan, 'merge');
}

describe('re-importing an export of this app', () => {
	it('.apkg: merges into the same deck, keeping card ids, history and siblings', async () => {
		const before = await everything();
		const exported = (await readDeckForExport(db, 'd1', true))!;
		const bytes = await encodeApkg([exported], { now: NOW, loadSqlJs });
		const plan = await parseApkg(bytes, { now: NOW, sanitize: jsdomSanitize, loadSqlJs });

		const summary = await reimport(plan);
		expect(summary).toMatchObject({ decks: 1, added: 0, updated: 0, unchanged: 5, logs: 0 });
		expect(await everything()).toEqual(before);
		expect((await db.cards.get(studied.id))!.reps).toBe(1);

		// A note added in Anki comes in beside them.
		const withNew = (await readDeckForExport(db, 'd1', true))!;
		const added = cardsForNote({
			note: { kind: 'basic', front: 'new', back: 'note', tags: [] },
			deckId: 'd1',
			now: NOW,
			newId: () => 'added'
		});
		const again = await parseApkg(
			await encodeApkg([{ ...withNew, cards: [...withNew.cards, ...added] }], {
				now: NOW,
				loadSqlJs
			}),
			{ now: NOW, sanitize: jsdomSanitize, loadSqlJs }
		);
		expect(await applyImport(db, again, 'merge')).toMatchObject({ added: 1, unchanged: 5 });
		expect(await db.decks.count()).toBe(1);
		expect((await db.cards.where('noteId').equals('added').toArray()).length).toBe(1);
	});

	it('CSV: merges into the same deck by name and note, adding nothing twice', async () => {
		const before = await everything();
		const exported = (await readDeckForExport(db, 'd1', false))!;
		// Imported a day later: its cards are new as of then, the stored ones still win.
		const plan = parseCsv(encodeCsv(exported.deck, exported.cards), {
			now: new Date(NOW.getTime() + 86_400_000),
			sanitize: jsdomSanitize,
			deckName: 'Deck d1'
		});
		if (plan.kind !== 'decks') throw new Error('expected a plan');
		const summary = await reimport(plan);
		expect(summary).toMatchObject({ decks: 1, added: 0, updated: 0, unchanged: 5 });
		expect(await everything()).toEqual(before);
	});
});
