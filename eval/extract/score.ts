/**
 * Scoring the extractor against a rubric and a reader's verdicts. Pure: the corpus run
 * (`corpus.eval.ts`) reads the files and prints the tables; this module only counts.
 */

export type PointKind =
	'definition' | 'fact' | 'list' | 'step' | 'misconception' | 'number' | 'comparison';

export interface RubricPoint {
	id: string;
	kind: PointKind;
	/** The point in our own words (for the reader; not used to score). */
	point: string;
	/** Every group must match; a group matches when one of its terms starts a word. */
	match: string[][];
}

export interface Rubric {
	article: string;
	genre: string;
	heldOut: boolean;
	correctsBelief: boolean;
	points: RubricPoint[];
}

export type Verdict = 'keep' | 'edit' | 'junk';

/** A reader's verdicts on one article's drafts, keyed by `draftKey`. */
export interface Judged {
	article: string;
	verdicts: Record<string, Verdict>;
}

export interface ScoredDraft {
	kind: string;
	front: string;
	back: string;
	suggested: boolean;
}

export interface ArticleScore {
	article: string;
	heldOut: boolean;
	drafts: number;
	ticked: number;
	keep: number;
	edit: number;
	junk: number;
	/** Ticked drafts with no verdict yet. */
	unjudged: number;
	points: number;
	/** Points covered by a ticked draft the reader did not call junk (unjudged ones count). */
	covered: number;
	/** The article corrects a belief, and a true/false card is ticked for it. */
	correctsBelief: boolean;
	hasTrueFalse: boolean;
	title: string | null;
}

/** Lower case, punctuation as spaces, single spaces, padded with one space each side. */
function wordText(text: string): string {
	const words = text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	return ` ${words} `;
}

/** Whether `text` covers the point: every match group has a term starting a word of it. */
export function covers(point: RubricPoint, text: string): boolean {
	const haystack = wordText(text);
	return point.match.every((group) =>
		group.some((term) => haystack.includes(` ${wordText(term).trim()}`))
	);
}

/** FNV-1a of the draft's kind, front and back, lower case with spaces collapsed. */
export function draftKey(draft: Pick<ScoredDraft, 'kind' | 'front' | 'back'>): string {
	const text = [draft.kind, draft.front, draft.back]
		.map((part) => part.toLowerCase().replace(/\s+/g, ' ').trim())
		.join('\u0000');
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(36).padStart(7, '0');
}

export function scoreArticle(
	rubric: Rubric,
	judged: Judged | null,
	title: string | null,
	drafts: readonly ScoredDraft[]
): ArticleScore {
	const ticked = drafts.filter((draft) => draft.suggested);
	const verdictOf = (draft: ScoredDraft) => judged?.verdicts[draftKey(draft)];
	const count = (verdict: Verdict | undefined) =>
		ticked.filter((draft) => verdictOf(draft) === verdict).length;
	const useful = ticked.filter((draft) => verdictOf(draft) !== 'junk');
	const covered = rubric.points.filter((point) =>
		useful.some((draft) => covers(point, `${draft.front} ${draft.back}`))
	).length;
	return {
		article: rubric.article,
		heldOut: rubric.heldOut,
		drafts: drafts.length,
		ticked: ticked.length,
		keep: count('keep'),
		edit: count('edit'),
		junk: count('junk'),
		unjudged: count(undefined),
		points: rubric.points.length,
		covered,
		correctsBelief: rubric.correctsBelief,
		hasTrueFalse: ticked.some(
			(draft) => draft.kind === 'true-false' && verdictOf(draft) !== 'junk'
		),
		title
	};
}

export interface Totals {
	articles: number;
	drafts: number;
	ticked: number;
	/** Of the ticked drafts a reader judged: kept as they are. */
	keepRate: number;
	/** Of the ticked drafts a reader judged: kept as they are or after a small edit. */
	usefulRate: number;
	junkRate: number;
	/** Of the ticked drafts: not judged yet. */
	unjudgedRate: number;
	/** Of all rubric points: covered by a ticked draft that is not junk. */
	recall: number;
	/** Of the articles that correct a belief: those with a ticked true/false card. */
	trueFalseRate: number;
	/** Of the articles: those whose title was found. */
	titleRate: number;
}

export function totals(scores: readonly ArticleScore[]): Totals {
	const sum = (pick: (score: ArticleScore) => number) =>
		scores.reduce((total, score) => total + pick(score), 0);
	const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
	const judged = sum((s) => s.keep + s.edit + s.junk);
	const believing = scores.filter((s) => s.correctsBelief);
	return {
		articles: scores.length,
		drafts: sum((s) => s.drafts),
		ticked: sum((s) => s.ticked),
		keepRate: ratio(
			sum((s) => s.keep),
			judged
		),
		usefulRate: ratio(
			sum((s) => s.keep + s.edit),
			judged
		),
		junkRate: ratio(
			sum((s) => s.junk),
			judged
		),
		unjudgedRate: ratio(
			sum((s) => s.unjudged),
			sum((s) => s.ticked)
		),
		recall: ratio(
			sum((s) => s.covered),
			sum((s) => s.points)
		),
		trueFalseRate: ratio(believing.filter((s) => s.hasTrueFalse).length, believing.length),
		titleRate: ratio(scores.filter((s) => s.title).length, scores.length)
	};
}
