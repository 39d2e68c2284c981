/**
 * A candidate card: what each finder proposes, before near-duplicates are merged and ids
 * are given. It carries what merging and ordering need beside the draft's own fields.
 */

import type { CardKind, SourceRef } from '$lib/domain/models';

export interface Candidate {
	kind: CardKind;
	front: string;
	back: string;
	/** False for optional extras (one cloze per list item) the UI shows unticked. */
	suggested: boolean;
	source: SourceRef;
	/** The rule's tag, e.g. "misconception" or "list". */
	tag: string;
	/** The fact the card tests, for near-duplicate detection (a claim, a list's items). */
	fact: string;
	/** What the learner must produce (a key phrase, items); two cards with one fact but different answers are both kept. */
	answer: string;
	/** Position in the article for ordering: block, offset, then order among cards of one passage. */
	order: readonly [number, number, number];
}
