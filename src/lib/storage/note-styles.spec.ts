import { beforeEach, describe, expect, it } from 'vitest';
import { noteStyleId } from '$lib/domain/note-style';
import type { ImportPlan } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';
import { sampleDeck } from './fixtures';
import { applyImport } from './import';
import { readNoteStyles } from './note-styles';
import { testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
const CSS = '.card { font-size: 30px; }';
const STYLE = noteStyleId(CSS);

/** A deck of Anki cards whose note type has a stylesheet. */
function styledPlan(deckId = 'd1'): ImportPlan {
	const { deck, cards } = sampleDeck(2, now, deckId);
	for (const card of cards) {
		card.format = 'html';
		card.style = STYLE;
	}
	return {
		kind: 'decks',
		sourceFormat: 'apkg',
		decks: [{ deck, cards, logs: [], warnings: [] }],
		styles: [{ id: STYLE, css: CSS }]
	};
}

let db: FlashcardsDB;
beforeEach(() => {
	db = testDatabase();
});

describe('note styles', () => {
	it('are stored with the cards that name them, once however often they come', async () => {
		await applyImport(db, styledPlan(), 'merge');
		await applyImport(db, styledPlan('d2'), 'merge');
		expect(await db.noteStyles.count()).toBe(1);
		expect(await readNoteStyles(db, [STYLE, undefined, 'style-absent'])).toEqual([
			{ id: STYLE, css: CSS }
		]);
		const cards = await db.cards.toArray();
		expect(cards.map((card) => card.style)).toEqual([STYLE, STYLE, STYLE, STYLE]);
	});

	it('are not stored when the import fails', async () => {
		const failing = styledPlan();
		(failing.decks[0]!.cards[1] as { id: unknown }).id = { not: 'a key' };
		await expect(applyImport(db, failing, 'merge')).rejects.toThrow();
		expect(await db.noteStyles.count()).toBe(0);
		expect(await db.cards.count()).toBe(0);
	});
});
