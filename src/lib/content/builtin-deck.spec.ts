import { describe, expect, it } from 'vitest';
import { extractDrafts } from '$lib/extract';
import { BUILTIN_ARTICLE } from './builtin-article';
import { BUILTIN_DECK_ID, buildBuiltinDeck } from './builtin-deck';

describe('buildBuiltinDeck', () => {
	const now = new Date('2026-11-28T10:00:00Z');
	const { deck, cards } = buildBuiltinDeck(now);

	it('ships exactly the drafts the extractor offers today (`npx vitest run -u` rewrites them)', async () => {
		const suggested = extractDrafts(BUILTIN_ARTICLE.text).drafts.filter((d) => !d.extra);
		const shipped = suggested.map(({ kind, front, back, tags, source }) => ({
			kind,
			front,
			back,
			tags,
			source
		}));
		await expect(`${JSON.stringify(shipped, null, '\t')}\n`).toMatchFileSnapshot(
			'./builtin-drafts.json'
		);
	});

	it('is the extractor’s offered drafts of the shipped article (ticked and more suggestions), in order', () => {
		const suggested = extractDrafts(BUILTIN_ARTICLE.text).drafts.filter((d) => !d.extra);
		expect(cards.map((c) => [c.kind, c.front, c.back])).toEqual(
			suggested.map((d) => [d.kind, d.front, d.back])
		);
		expect(cards.filter((c) => c.kind === 'true-false')).toHaveLength(7);
		expect(cards.every((c) => c.source !== null)).toBe(true);
	});

	it('has fixed ids and the article as its source, so restoring gives the same deck', () => {
		expect(deck).toMatchObject({ id: BUILTIN_DECK_ID, builtin: true, name: BUILTIN_ARTICLE.title });
		expect(deck.source?.text).toBe(BUILTIN_ARTICLE.text);
		expect(cards[0]!.id).toBe(`${BUILTIN_DECK_ID}-0`);
		expect(buildBuiltinDeck(new Date(now.getTime() + 5000)).cards.map((c) => c.id)).toEqual(
			cards.map((c) => c.id)
		);
	});

	it('introduces new cards in article order', () => {
		const dues = cards.map((c) => c.due);
		expect(dues).toEqual([...dues].sort((a, b) => a - b));
		expect(new Set(dues).size).toBe(dues.length);
	});
});
