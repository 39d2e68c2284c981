import { bench, describe } from 'vitest';
import type { Card, Deck, ReviewLog } from '$lib/domain/models';
import { parseApkg } from '$lib/transfer/apkg';
import { encodeApkg } from '$lib/transfer/apkg-export';
import { encodeCsv, parseCsv } from '$lib/transfer/csv';
import { encodeDeck, parseDeckFile } from '$lib/transfer/deck-file';
import { modernApkg, type FixtureCollection } from '$lib/transfer/testing/anki-builder';
import { loadSqlJs } from '$lib/transfer/testing/sql';

/**
 * Parse and encode time for a 50,000-card deck in each format. Run with
 * `npx vitest bench --run bench/transfer.bench.ts`. Sanitising is left out (identity):
 * DOMPurify over jsdom costs far more than parsing and is not what is measured here.
 */

const N = 50_000;
const now = new Date('2025-03-01T12:00:00Z');
const t = now.getTime();
const DAY = 86_400_000;
const identity = (s: string) => s;
let n = 0;
const newId = () => `id-${++n}`;

const deck: Deck = { id: 'deck', name: 'Big deck', created: t, source: null, builtin: false };
const cards: Card[] = Array.from({ length: N }, (_, i): Card => {
	const state = (i % 4) as Card['state'];
	return {
		id: `card-${i}`,
		deckId: 'deck',
		kind: 'basic',
		front: `Question number ${i}: what is the capital of country ${i % 197}, and why “${i}”?`,
		back: `Answer ${i}, with a comma, a "quote" and\na second line`,
		format: 'text',
		tags: ['geography', `set-${i % 50}`],
		source: null,
		created: t - (N - i) * 1000,
		modified: t - 1000,
		due: t + (i % 30) * DAY,
		stability: state === 0 ? 0 : 1 + (i % 300) / 7,
		difficulty: state === 0 ? 0 : 1 + (i % 90) / 10,
		elapsed_days: 0,
		scheduled_days: state === 2 ? 1 + (i % 30) : 0,
		learning_steps: 0,
		reps: state === 0 ? 0 : 1 + (i % 20),
		lapses: i % 3,
		state,
		last_review: state === 0 ? null : t - (i % 30) * DAY
	};
});
const logs: ReviewLog[] = cards
	.filter((c) => c.state !== 0)
	.map((c, i): ReviewLog => ({
		id: `log-${i}`,
		cardId: c.id,
		deckId: 'deck',
		rating: 3,
		state: 2,
		due: t - 40 * DAY,
		stability: 3,
		difficulty: 5,
		elapsed_days: 10,
		last_elapsed_days: 3,
		scheduled_days: 10,
		learning_steps: 0,
		review: (c.last_review ?? t) - 1
	}));

const json = encodeDeck({ deck, cards, logs }, { now });
const csv = encodeCsv(deck, cards);
const apkg = await encodeApkg([{ deck, cards, logs }], { now, loadSqlJs });

const fixture: FixtureCollection = {
	crt: Math.floor(t / 1000) - 400 * 86_400,
	decks: [{ id: 1, name: 'Default' }],
	noteTypes: [
		{ id: 1, name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: ['Card 1'] }
	],
	notes: cards.map((c, i) => ({
		id: i + 1,
		mid: 1,
		tags: c.tags.join(' '),
		fields: [c.front, c.back]
	})),
	cards: cards.map((c, i) => ({
		id: 1_600_000_000_000 + i,
		nid: i + 1,
		did: 1,
		ord: 0,
		type: c.state,
		queue: c.state,
		due: c.state === 2 ? 400 + (i % 30) : c.state === 0 ? i : Math.floor(c.due / 1000),
		ivl: c.scheduled_days,
		factor: 2500,
		reps: c.reps,
		lapses: c.lapses,
		data: c.state === 0 ? '' : JSON.stringify({ s: c.stability, d: c.difficulty })
	})),
	revlog: [],
	media: []
};
const anki21b = modernApkg(await loadSqlJs(), fixture);

console.log(
	`50k cards: deck JSON ${(json.length / 1e6).toFixed(1)} MB, CSV ${(csv.length / 1e6).toFixed(1)} MB, ` +
		`.apkg ${(apkg.length / 1e6).toFixed(1)} MB, .apkg (anki21b, uncompressed zstd) ${(anki21b.length / 1e6).toFixed(1)} MB`
);

const options = { iterations: 5, warmupIterations: 1, time: 0, warmupTime: 0 };

describe('deck JSON, 50k cards + 37.5k logs', () => {
	bench('encodeDeck', () => void encodeDeck({ deck, cards, logs }, { now }), options);
	bench('parseDeckFile', () => void parseDeckFile(json), options);
});

describe('CSV, 50k cards', () => {
	bench('encodeCsv', () => void encodeCsv(deck, cards), options);
	bench(
		'parseCsv',
		() => void parseCsv(csv, { now, sanitize: identity, deckName: 'Big', newId }),
		options
	);
});

describe('Anki .apkg, 50k cards', () => {
	bench(
		'encodeApkg (schema 11, with logs)',
		async () => void (await encodeApkg([{ deck, cards, logs }], { now, loadSqlJs })),
		options
	);
	bench(
		'parseApkg (collection.anki2, with revlog)',
		async () => void (await parseApkg(apkg, { now, sanitize: identity, newId, loadSqlJs })),
		options
	);
	bench(
		'parseApkg (collection.anki21b, zstd)',
		async () => void (await parseApkg(anki21b, { now, sanitize: identity, newId, loadSqlJs })),
		options
	);
});
