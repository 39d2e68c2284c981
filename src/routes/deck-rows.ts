/**
 * The rows of the decks screen: the deck tree flattened in the order it is shown, with
 * what each row studies. Collapsed parents hide their children; the choice is kept on the
 * device so the tree opens as it was left.
 */

import { subtreeDecks, type DeckNode } from '$lib/domain/deck-tree';
import type { Deck } from '$lib/domain/models';
import type { DayLimits, StudyTarget } from '$lib/storage/study-queue';

/** A deck's limits for today: its options over the settings, with any custom study. */
export type LimitsOf = (deck: Deck) => DayLimits;

export interface DeckRow {
	node: DeckNode;
	depth: number;
	/** What Study on this row studies: the deck and its children, or the group's decks. */
	target: StudyTarget;
	/** The study screen's address for this row. */
	studyHref: string;
}

const COLLAPSED_KEY = 'collapsed-decks';

/** The paths of the parents the user collapsed on this device. */
export function readCollapsed(): Set<string> {
	try {
		const saved: unknown = JSON.parse(localStorage.getItem(COLLAPSED_KEY) ?? '[]');
		return new Set(Array.isArray(saved) ? saved.filter((p) => typeof p === 'string') : []);
	} catch {
		return new Set();
	}
}

export function keepCollapsed(paths: ReadonlySet<string>): void {
	try {
		localStorage.setItem(COLLAPSED_KEY, JSON.stringify([...paths]));
	} catch {
		// Storage full or denied: the tree still works, it only opens expanded next time.
	}
}

/** What studying a node means: its deck's own limits over its whole tree, or none for a group. */
export function studyTarget(node: DeckNode, limitsOf: LimitsOf): StudyTarget {
	const decks = subtreeDecks(node).map((deck) => ({ id: deck.id, limits: limitsOf(deck) }));
	return { decks, total: node.deck ? decks[0]!.limits : null };
}

/**
 * The rows shown, parents before children, skipping what a collapsed parent hides.
 *
 * @example
 * visibleRows(buildDeckTree(decks), new Set(['Medicine']), limitsOf).map((r) => r.node.path);
 * // ['Biology', 'Medicine'] (Medicine's children hidden)
 */
export function visibleRows(
	tree: readonly DeckNode[],
	collapsed: ReadonlySet<string>,
	limitsOf: LimitsOf
): DeckRow[] {
	const rows: DeckRow[] = [];
	const walk = (nodes: readonly DeckNode[], depth: number) => {
		for (const node of nodes) {
			rows.push({
				node,
				depth,
				target: studyTarget(node, limitsOf),
				studyHref: node.deck
					? `/study?deck=${encodeURIComponent(node.deck.id)}`
					: `/study?group=${encodeURIComponent(node.path)}`
			});
			if (!collapsed.has(node.path)) walk(node.children, depth + 1);
		}
	};
	walk(tree, 0);
	return rows;
}
