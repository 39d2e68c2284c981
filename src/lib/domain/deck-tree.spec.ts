import { describe, expect, it } from 'vitest';
import {
	buildDeckTree,
	sortDeckTree,
	deckPath,
	findNode,
	subtreeDecks,
	type DeckNode
} from './deck-tree';
import type { Deck } from './models';

function deck(id: string, name: string): Deck {
	return { id, name, created: 0, source: null, overrides: {} } as unknown as Deck;
}

/** The tree as nested [label, deck id or null, children] for comparison. */
function shape(nodes: DeckNode[]): unknown[] {
	return nodes.map((node) => [node.label, node.deck?.id ?? null, shape(node.children)]);
}

describe('deckPath', () => {
	it('splits on "::", trims and drops empty parts', () => {
		expect(deckPath('Medicine:: Pharmacology ::::Antibiotics')).toEqual([
			'Medicine',
			'Pharmacology',
			'Antibiotics'
		]);
	});
});

describe('buildDeckTree', () => {
	it('nests children under parents, in name order whatever the input order', () => {
		const tree = buildDeckTree([
			deck('c', 'Medicine::Pharmacology'),
			deck('a', 'Biology'),
			deck('b', 'Medicine'),
			deck('d', 'Medicine::Anatomy')
		]);
		expect(shape(tree)).toEqual([
			['Biology', 'a', []],
			[
				'Medicine',
				'b',
				[
					['Anatomy', 'd', []],
					['Pharmacology', 'c', []]
				]
			]
		]);
	});

	it('shows a parent that exists only through its children, with no deck', () => {
		expect(shape(buildDeckTree([deck('x', 'Languages::Korean::Grammar')]))).toEqual([
			['Languages', null, [['Korean', null, [['Grammar', 'x', []]]]]]
		]);
	});

	it('keeps both of two decks with the same name', () => {
		const tree = buildDeckTree([deck('1', 'Tea'), deck('2', 'Tea')]);
		expect(subtreeDecks(tree[0]!).map((d) => d.id)).toEqual(['1', '2']);
	});
});

describe('subtreeDecks and findNode', () => {
	const tree = buildDeckTree([
		deck('m', 'Medicine'),
		deck('p', 'Medicine::Pharmacology'),
		deck('ab', 'Medicine::Pharmacology::Antibiotics'),
		deck('an', 'Medicine::Anatomy'),
		deck('b', 'Biology')
	]);

	it('lists a parent first, then its children in tree order', () => {
		expect(subtreeDecks(findNode(tree, 'Medicine')!).map((d) => d.id)).toEqual([
			'm',
			'an',
			'p',
			'ab'
		]);
	});

	it('finds a nested deck, and nothing for an unknown name', () => {
		expect(findNode(tree, 'Medicine::Pharmacology')?.deck?.id).toBe('p');
		expect(findNode(tree, 'Medicine::Surgery')).toBeNull();
	});
});

describe('an unsorted tree, sorted where it is studied', () => {
	const decks = [
		deck('z', 'Zoology'),
		deck('m', 'Medicine'),
		deck('p', 'Medicine::Pharmacology'),
		deck('an', 'Medicine::anatomy')
	];

	it('keeps the input order until sortDeckTree puts a subtree in name order', () => {
		const tree = buildDeckTree(decks, { sorted: false });
		expect(tree.map((node) => node.label)).toEqual(['Zoology', 'Medicine']);
		const medicine = findNode(tree, 'Medicine')!;
		sortDeckTree(medicine.children);
		expect(subtreeDecks(medicine).map((d) => d.id)).toEqual(['m', 'an', 'p']);
		expect(tree.map((node) => node.label)).toEqual(['Zoology', 'Medicine']);
	});
});
