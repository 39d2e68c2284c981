/**
 * Ranking: which drafts are ticked by default. Every draft gets a quality score from what
 * kind of fact it tests and how easy it is to study; the best, about one per 120 words of
 * article, stay ticked and the rest are offered unticked under "More suggestions". A user
 * who accepts the defaults should get a deck they would have chosen themselves.
 */

import type { Candidate } from './candidate';
import { givesTermAway, restatesQuestion } from './echo';
import { subjectFromBefore } from './wording';

/** About one ticked card per this many words of article. */
export const WORDS_PER_TICKED = 120;
const MIN_TICKED = 5;
/** Drafts scoring this much (a corrected belief, a definition, a short clean list) are always ticked. */
const ALWAYS_TICKED = 3;
/**
 * Drafts scoring this little are never ticked, however much budget is left: on the tuned
 * articles the reader called 45 of 63 such ticked drafts junk (lists split out of one
 * sentence, bare-heading questions, section openings).
 */
const MIN_TICKED_SCORE = 1.2;
/** Enough to take any rule's draft below `MIN_TICKED_SCORE`: offered, never ticked. */
const NEVER_TICKED = 10;

/**
 * What each rule's cards are worth when studied. Corrected beliefs and definitions are the
 * facts a reader most needs; a cloze over an arbitrary sentence the least.
 */
const TAG_WORTH: Record<string, number> = {
	misconception: 5,
	definition: 4,
	belief: 3.5,
	number: 2.5,
	// Offered, never ticked: the reader kept 3 of 12 ticked ones on the tuned articles and
	// called 7 junk (a subject blanked that the rest of the sentence gives away or cannot tell).
	topic: 1,
	opening: 1,
	question: 3.5,
	reason: 2.8,
	negation: 2.6,
	capability: 2.4,
	// Worth knowing, rarely a key point: ticked when the budget has room.
	acronym: 1.8,
	list: 3,
	'key-point': 2,
	// Offered, never ticked (at most 0 + 1 for the most salient): the reader called 129 of
	// 173 ticked ones junk on the tuned articles (blanks that are generic words, fronts that
	// do not say what they are about).
	'key-sentence': 0,
	'list-item': 0
};

function itemCount(candidate: Candidate): number {
	return candidate.kind === 'list' ? candidate.back.split('\n').filter(Boolean).length : 0;
}

/**
 * The draft's quality score: its rule's worth, less for length and for fronts that show a
 * sentence with blanks instead of asking a question.
 *
 * @example
 * score({ tag: 'definition', front: 'What is tea?', back: 'A drink.', … }); // ≈ 4
 */
export function score(candidate: Candidate): number {
	let value = (TAG_WORTH[candidate.tag] ?? 1) + (candidate.weight ?? 0);
	// A cloze's back repeats its front: the learner reads the sentence once.
	const length =
		candidate.kind === 'cloze'
			? Math.max(candidate.front.length, candidate.back.length)
			: candidate.front.length + candidate.back.length;
	// A list's back is naturally longer: it starts to cost later.
	value -= Math.max(0, length - (candidate.kind === 'list' ? 220 : 120)) / 150;
	const items = itemCount(candidate);
	if (items > 6) value -= (items - 6) * 0.3;
	// A list asked as a sentence with its items blanked is hard to answer.
	// A list found inside one sentence and asked as that sentence with its items blanked was
	// junk to the reader four times in five (split at the wrong commas, items without their
	// context): offered, rarely ticked.
	const inline = !candidate.source.text.includes('\n');
	if (candidate.kind === 'list' && candidate.front.includes('[…]')) value -= inline ? 2 : 1;
	// "Requirements: what are they?": a bare heading gives the question no subject.
	if (/^[^:?]{1,25}: what (?:are|is) (?:they|it)\?/i.test(candidate.front)) value -= 2;
	if (candidate.kind === 'cloze' && /\{\{c\d+::[^}]{40,}/.test(candidate.front)) value -= 1;
	// "The plan will go into effect […]": a sentence whose subject was named before it cannot
	// be answered alone. The reader called 5 of 6 such ticked clozes junk on the tuned articles.
	if (candidate.kind === 'cloze' && subjectFromBefore(candidate.back)) value -= NEVER_TICKED;
	// An answer that only echoes its question tests nothing.
	if (candidate.tag === 'definition' && givesTermAway(candidate.front, candidate.back))
		value -= NEVER_TICKED;
	if (candidate.kind === 'question' && restatesQuestion(candidate.front, candidate.back))
		value -= NEVER_TICKED;
	return value;
}

/**
 * Ticks the best `suggested` drafts, about one per `WORDS_PER_TICKED` words of article;
 * the others keep their place, unticked.
 */
export function rankSuggestions(
	candidates: readonly Candidate[],
	articleWords: number
): Candidate[] {
	const budget = Math.max(MIN_TICKED, Math.round(articleWords / WORDS_PER_TICKED));
	const ranked = candidates
		.map((candidate, index) => ({ index, value: score(candidate) }))
		.filter(({ index }) => candidates[index]?.suggested)
		.sort((a, b) => b.value - a.value || a.index - b.index);
	// Strong drafts are always ticked; the budget decides among the rest. (A cap per section
	// was tried: it unticked a glossary's definitions, which the reader kept.)
	const ticked = new Set<number>();
	for (const { index, value } of ranked) {
		if (value < MIN_TICKED_SCORE) break;
		if (value < ALWAYS_TICKED && ticked.size >= budget) break;
		ticked.add(index);
	}
	return candidates.map((candidate, index) => ({ ...candidate, suggested: ticked.has(index) }));
}
