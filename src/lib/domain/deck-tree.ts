/**
 * Anki's deck hierarchy. A deck named `Medicine::Pharmacology` is the child of
 * `Medicine`; studying a deck studies its children too. Names are the only link (as in
 * Anki's own files), so a parent may exist only through its children — an imported
 * `A::B` without an `A` — and is then shown as a group with no options of its own.
 */

import type { Deck } from './models';

/** The separator Anki uses between a parent's name and a child's. */
export const DECK_SEPARATOR = '::';

export interface DeckNode {
	/** The full name: `Medicine::Pharmacology`. */
	path: string;
	/** The last part of the name, shown in the tree: `Pharmacology`. */
	label: string;
	/** The deck of that name, or null for a parent that exists only through its children. */
	deck: Deck | null;
	children: DeckNode[];
}

/**
 * The parts of a deck's name, each trimmed, empty parts dropped ("A:: ::B" is "A::B").
 *
 * @example
 * deckPath('Medicine::Pharmacology'); // ['Medicine', 'Pharmacology']
 */
export function deckPath(name: string): string[] {
	return name
		.split(DECK_SEPARATOR)
		.map((part) => part.trim())
		.filter(Boolean);
}

/**
 * The decks as a tree, parents before children and siblings in name order (case
 * ignored), as Anki lists them; unsorted when asked (see `sortDeckTree`).
 *
 * @example
 * buildDeckTree([{ name: 'A::B', … }, { name: 'A', … }]);
 * // [{ path: 'A', label: 'A', deck: A, children: [{ path: 'A::B', label: 'B', deck: B, children: [] }] }]
 */
export function buildDeckTree(
	decks: readonly Deck[],
	{ sorted = true }: { sorted?: boolean } = {}
): DeckNode[] {
	const roots: DeckNode[] = [];
	const byPath = new Map<string, DeckNode>();
	const nodeAt = (parts: string[]): DeckNode => {
		const path = parts.join(DECK_SEPARATOR);
		const known = byPath.get(path);
		if (known) return known;
		const node: DeckNode = { path, label: parts.at(-1) ?? path, deck: null, children: [] };
		byPath.set(path, node);
		(parts.length > 1 ? nodeAt(parts.slice(0, -1)).children : roots).push(node);
		return node;
	};
	for (const deck of decks) {
		const parts = deckPath(deck.name);
		const node = nodeAt(parts.length > 0 ? parts : [deck.name]);
		// Two decks with the same name (possible after imports) both stay visible.
		if (node.deck) nodeAt([...parts, `${deck.name} (${deck.id})`]).deck = deck;
		else node.deck = deck;
	}
	if (sorted) sortDeckTree(roots);
	return roots;
}

/**
 * Puts siblings in name order, in place, from `nodes` down. The study screen builds its
 * tree unsorted and sorts only the part it studies: the collator's first use costs ~75 ms
 * of a cold start at phone speed (loading the collation rules), and one deck with no
 * children has nothing to sort.
 */
export function sortDeckTree(nodes: DeckNode[]): void {
	if (nodes.length > 1) nodes.sort((a, b) => labelOrder().compare(a.label, b.label));
	for (const node of nodes) sortDeckTree(node.children);
}

let collator: Intl.Collator | null = null;

/** Deck names in the user's alphabetical order, case and accents aside; one collator for all. */
function labelOrder(): Intl.Collator {
	collator ??= new Intl.Collator(undefined, { sensitivity: 'base' });
	return collator;
}

/**
 * The decks of a node and everything under it, the node's own deck first, then its
 * children's in tree order: the order their new cards are shown in.
 */
export function subtreeDecks(node: DeckNode): Deck[] {
	return [...(node.deck ? [node.deck] : []), ...node.children.flatMap(subtreeDecks)];
}

/**
 * The node of a deck's name in the tree, or null.
 *
 * @example
 * findNode(tree, 'Medicine::Pharmacology')?.label; // "Pharmacology"
 */
export function findNode(tree: readonly DeckNode[], name: string): DeckNode | null {
	let nodes = tree;
	let found: DeckNode | null = null;
	for (const part of deckPath(name)) {
		found = nodes.find((node) => node.label === part) ?? null;
		if (!found) return null;
		nodes = found.children;
	}
	return found;
}
