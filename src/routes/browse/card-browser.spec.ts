import { describe, expect, it, vi } from 'vitest';
import { setSuspended } from '$lib/storage/card-actions';
import { addDeck } from '$lib/storage/decks';
import { sampleDeck } from '$lib/storage/fixtures';
import { indexWaitingCards } from '$lib/storage/search-index';
import { withSearchDeferred } from '$lib/storage/search-pending';
import { testDatabase } from '$lib/storage/test-db';
import { CardBrowser } from './card-browser.svelte';

const now = new Date(2026, 2, 10, 10, 0);

/** A browser over one deck of `count` new cards, `c0`… in the order they are introduced. */
async function openBrowser(count: number) {
	const db = testDatabase();
	const { deck, cards } = sampleDeck(count, new Date(2026, 2, 1));
	await addDeck(db, deck, cards);
	const browser = new CardBrowser(
		db,
		() => 4,
		() => now
	);
	return { db, browser };
}

const shownIds = (browser: CardBrowser) => browser.cards.map((card) => card.id);

describe('CardBrowser.more', () => {
	it('adds a page once when asked twice before it arrives', async () => {
		const { db, browser } = await openBrowser(120);
		browser.query.deckId = 'd1'; // a query narrowed by an index, read a page at a time
		await browser.search();
		expect(browser.cards).toHaveLength(50);
		const reads = vi.spyOn(db.cards, 'bulkGet');
		const first = browser.more();
		expect(browser.loadingMore).toBe(true);
		const second = browser.more();
		await Promise.all([first, second]);
		expect(browser.loadingMore).toBe(false);
		// One page of an exact query is one read: the second call read nothing.
		expect(reads).toHaveBeenCalledTimes(1);
		const shown = shownIds(browser);
		expect(shown).toHaveLength(100);
		expect(new Set(shown).size).toBe(100);
		expect(browser.hasMore).toBe(true);
	});

	it('does not show a card twice when cards joined the matches between pages', async () => {
		const { db, browser } = await openBrowser(60);
		await setSuspended(db, ['c0', 'c1', 'c2', 'c3', 'c4'], true, now);
		browser.query.state = 'new';
		await browser.search();
		expect(shownIds(browser)).toEqual(Array.from({ length: 50 }, (_, i) => `c${i + 5}`));

		// Another tab unsuspends five cards that sort first: every position moves on by five.
		await setSuspended(db, ['c0', 'c1', 'c2', 'c3', 'c4'], false, now);
		await browser.more();
		const shown = shownIds(browser);
		expect(new Set(shown).size).toBe(shown.length);
		expect(shown.slice(50)).toEqual(['c55', 'c56', 'c57', 'c58', 'c59']);
		expect(browser.hasMore).toBe(false);
	});

	it('continues the query its cards are for, not text typed since', async () => {
		const { browser } = await openBrowser(60);
		await browser.search();
		browser.query.text = 'question 7';
		await browser.more();
		expect(shownIds(browser).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `c${i}`).sort());
		expect(browser.applied).toBe('');
	});
});

describe('CardBrowser.search while imported cards are being indexed', () => {
	it('says how many cannot be found yet, and finds them once they are indexed', async () => {
		const { db, browser } = await openBrowser(3);
		const { cards } = sampleDeck(2, new Date(2026, 2, 1), 'd2');
		await db.cards.bulkPut(cards.map(withSearchDeferred));
		browser.query.text = 'question 1';
		await browser.search();
		expect(shownIds(browser)).toEqual(['c1']);
		expect(browser.awaitingSearch).toBe(2);

		// The search looks again by itself (each second) once the indexer has caught up.
		await indexWaitingCards(db);
		await vi.waitFor(() => expect(browser.awaitingSearch).toBe(0), { timeout: 5000 });
		expect(shownIds(browser).sort()).toEqual(['c1', 'd2-c1']);
	});
});
