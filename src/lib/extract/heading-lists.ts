/**
 * Sections → list cards. An article sometimes sets out a list with headings rather than
 * bullets: a question whose sub-sections name the parts of its answer ("How does quantum
 * computing solve problems?" → "Superposition", "Qubits and probability", "Entanglement"),
 * or a guide whose sub-sections are numbered steps ("1. Create a GitHub account", "2. Create a
 * repository", …). The card asks the question (or for the steps) and lists the sub-headings.
 *
 * Only Markdown headings have levels, so only they are read; a heading that merely groups
 * sections ("Installation", "2014") is not a question and makes no card.
 */

import { sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';

const MIN_PARTS = 3;
const MAX_PARTS = 8;
const MAX_PART_WORDS = 8;
const NUMBERED = /^\d{1,2}[.)]\s+/;

export interface HeadingList {
	front: string;
	items: string[];
	numbered: boolean;
}

/** The headings one level below `heading`, up to the next heading at its level or above. */
function subHeadings(article: Article, heading: ArticleBlock): ArticleBlock[] {
	const level = heading.level;
	if (level === null) return [];
	const found: ArticleBlock[] = [];
	// Read in place, not from a copy of the rest: each heading reads only its own section.
	for (let i = heading.index + 1; i < article.blocks.length; i++) {
		const block = article.blocks[i]!;
		if (block.kind !== 'heading') continue;
		if (block.level === null || block.level <= level) break;
		if (block.level === level + 1) found.push(block);
	}
	return found;
}

/**
 * The list a heading's sub-sections make, or null when they are not the parts of an answer.
 *
 * @example
 * headingList(article, article.blocks[0]!);
 * // { front: 'How does quantum computing solve problems? (3)', items: ['Superposition', …], numbered: false }
 */
export function headingList(article: Article, heading: ArticleBlock): HeadingList | null {
	if (heading.kind !== 'heading') return null;
	const parts = subHeadings(article, heading).map((block) => block.text.trim());
	if (parts.length < MIN_PARTS || parts.length > MAX_PARTS) return null;
	// Sub-sections that ask questions of their own are an FAQ, not the parts of one answer.
	if (parts.some((part) => part.endsWith('?') || part.split(/\s+/).length > MAX_PART_WORDS))
		return null;
	const numbered = parts.every((part) => NUMBERED.test(part));
	const items = parts.map((part) => part.replace(NUMBERED, ''));
	const title = heading.text.trim().replace(NUMBERED, '');
	if (numbered)
		return { front: `${title}: what are the steps? (${items.length})`, items, numbered };
	// "What is ownership?" over "Ownership rules", "Variable scope"…: a chapter's sections, not
	// the parts of a definition.
	if (!title.endsWith('?') || /^what(?:'s| is)\b/i.test(title)) return null;
	return { front: `${title} (${items.length})`, items, numbered };
}

/**
 * Finds headings whose sub-headings are the parts of their answer.
 *
 * @example
 * findHeadingLists(parseArticle('# Q\n\n## Why?\n\n### A\n\nx.\n\n### B\n\ny.\n\n### C\n\nz.'))[0]?.back;
 * // "• A\n• B\n• C"
 */
export function findHeadingLists(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const heading of article.blocks) {
		const list = heading.kind === 'heading' ? headingList(article, heading) : null;
		if (!list) continue;
		const back = list.items
			.map((item, i) => (list.numbered ? `${i + 1}. ${item}` : `• ${item}`))
			.join('\n');
		cards.push({
			kind: 'list',
			front: list.front,
			back,
			suggested: true,
			source: sourceRef(heading, 0, heading.text.length, [heading.text, ...list.items].join('\n')),
			tag: 'list',
			fact: `${list.front} ${list.items.join(' ')}`,
			answer: list.items.join('\n'),
			order: [heading.index, 0, 0]
		});
	}
	return cards;
}
