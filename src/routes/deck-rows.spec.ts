import { beforeEach, describe, expect, it } from 'vitest';
import { buildDeckTree } from '$lib/domain/deck-tree';
import { DEFAULT_SETTINGS, deckSettings, type Deck } from '$lib/domain/models';
import { keepCollapsed, readCollapsed, studyTarget, visibleRows } from './deck-rows';

function deck(id: string, name: string, overrides = {}): Deck {
	return { id, name, created: 0, source: null, overrides } as unknown as Deck;
}

const limitsOf = (d: Deck) => deckSettings(DEFAULT_SETTINGS, d);
const tree = buildDeckTree([
	deck('b', 'Biology'),
	deck('m', 'Medicine', { newPerDay: 5 }),
	deck('p', 'Medicine::Pharmacology'),
	deck('k', 'Languages::Korean')
]);

describe('visibleRows', () => {
	it('lists parents before children with their depth, and hides a collapsed parent’s', () => {
		const paths = (collapsed: string[]) =>
			visibleRows(tree, new Set(collapsed), limitsOf).map((row) => `${row.depth}:${row.node.path}`);
		expect(paths([])).toEqual([
			'0:Biology',
			'0:Languages',
			'1:Languages::Korean',
			'0:Medicine',
			'1:Medicine::Pharmacology'
		]);
		expect(paths(['Medicine'])).toEqual([
			'0:Biology',
			'0:Languages',
			'1:Languages::Korean',
			'0:Medicine'
		]);
	});

	it('studies a deck by id and a group by its name', () => {
		const rows = visibleRows(tree, new Set(), limitsOf);
		expect(rows.map((row) => row.studyHref)).toEqual([
			'/study?deck=b',
			'/study?group=Languages',
			'/study?deck=k',
			'/study?deck=m',
			'/study?deck=p'
		]);
	});
});

describe('studyTarget', () => {
	it('caps a deck’s tree with its own limits; a group has none', () => {
		const medicine = studyTarget(tree[2]!, limitsOf);
		expect(medicine.decks.map((d) => d.id)).toEqual(['m', 'p']);
		expect(medicine.total?.newPerDay).toBe(5);
		expect(studyTarget(tree[1]!, limitsOf).total).toBeNull();
	});
});

describe('collapsed parents', () => {
	beforeEach(() => {
		const store = new Map<string, string>();
		globalThis.localStorage = {
			getItem: (key: string) => store.get(key) ?? null,
			setItem: (key: string, value: string) => void store.set(key, value)
		} as Storage;
	});

	it('are kept on the device, and bad stored data reads as none', () => {
		keepCollapsed(new Set(['Medicine']));
		expect(readCollapsed()).toEqual(new Set(['Medicine']));
		localStorage.setItem('collapsed-decks', '{oops');
		expect(readCollapsed()).toEqual(new Set());
	});
});
