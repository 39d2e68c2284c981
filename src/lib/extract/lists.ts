/**
 * Lists → list cards. A bulleted or numbered list, a run of short item lines under a lead
 * ending in ":", or an inline enumeration of three or more items becomes a card whose front
 * asks for the items in the article's own framing and whose back lists them, one per line.
 *
 * The front is built from the lead sentence by a few rules, tried in order:
 * - "There are many X:" → "What are X? (n)"
 * - "These include:" after "There are other X." → "What are other X? (n)"
 * - "A typical day … might include the following:" → "What does a typical day … include? (n)"
 * - "The main tools are:" → "What are the main tools? (n)"
 * - inline: "S is responsible for A, B, and C." → "What is S responsible for? (3)";
 *   "S must have a strong understanding of A, B, and C." → "What must S have a strong
 *   understanding of? (3)"; "S include A, B and C." → "What does S include? (3)"
 * - otherwise the sentence with the items blanked: "… the most popular are […]. (4)".
 * Lists of four or more items also get one cloze per item, not suggested by default.
 * A list of two is not a list card, and neither is one of more than twelve items. A list of
 * misconceptions gets a list card that is not suggested (its items are already true/false
 * cards).
 */

import { sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst, type Vocabulary } from './casing';
import { findEnumeration, type Enumeration } from './enumerations';
import { headingQuestion } from './heading-questions';
import { readMisconceptionList } from './misconceptions';
import { isNoise } from './noise';
import type { Sentence } from './sentences';
import {
	asStatement,
	isPluralPhrase,
	startsDangling,
	stripConnectives,
	withFinalStop,
	withoutFinalStop
} from './wording';

/** Lists with at least this many items also get one cloze per item… */
const CLOZE_PER_ITEM_FROM = 4;
/**
 * …and at most this many. A longer list is not something to recall as one card (and a
 * cloze per item of a 1,000-line list would be a million lines of cards).
 */
const MAX_LIST_ITEMS = 12;
const BLANK = '[…]';

const QUANTIFIER =
	/^(?:a (?:few|number of|lot of|couple of|variety of|range of)|many|several|some|numerous|various|plenty of|lots of|the following)\s+/i;
const PRONOUN_LEAD =
	/^(?:these|they|those|this|it)(?: \w+ly)?(?: (?:might|may|can|could|will|would|should))? (?:include|includes|are|is|involve|involves)$/i;
const INCLUDE_LEAD =
	/^(?<subject>.+?)(?: (?:might|may|can|could|will|would|should|typically|usually|often|generally))? (?<verb>include|includes|involve|involves|cover|covers|consist of|consists of)$/i;
const MODAL_FRAME =
	/^(?<subject>[^,]+?) (?<modal>must|should|can|could|will|would|may|might) (?<rest>.+)$/i;
const PARTITIVE = /^(?:some|one|many|most|few|all|several|each|both|any|none)\b/i;
/** Triggers after which the items are examples of something, not an answer to "What …?". */
const EXAMPLE_TRIGGERS: ReadonlySet<string> = new Set([
	'such as',
	'like',
	'including',
	'e.g.',
	'i.e.'
]);

function lemma(verb: string): string {
	return verb.toLowerCase().replace(/^(include|involve|cover|consist)s/, '$1');
}

function stripQuantifier(phrase: string): string {
	return phrase.replace(QUANTIFIER, '');
}

/** A lead with its colon and "the following" removed, and no connective at the start. */
function bareLead(lead: string): string {
	return stripConnectives(lead)
		.replace(/\s*:$/, '')
		.replace(/\s+(?:the following|as follows|following)$/i, '')
		.trim();
}

/**
 * The front for a list from its lead sentence (and the sentence before, for "These include:").
 * Null when the lead only points elsewhere and nothing can replace the pointer.
 *
 * @example
 * questionFromLead('These include:', 'Of course, there are other vital motivators.', 3, vocabulary);
 * // "What are other vital motivators? (3)"
 * questionFromLead('A typical day might include the following:', null, 5, vocabulary);
 * // "What does a typical day include? (5)"
 */
export function questionFromLead(
	lead: string,
	previous: string | null,
	count: number,
	vocabulary: Vocabulary
): string | null {
	const bare = bareLead(lead);
	const n = ` (${count})`;
	const thereAre = /^there (?:are|is) (?<what>.+?)\.?$/i;
	let match = thereAre.exec(bare);
	if (match?.groups?.what) return `What are ${stripQuantifier(match.groups.what)}?${n}`;
	if (PRONOUN_LEAD.test(bare)) {
		if (!previous) return null;
		const before = stripConnectives(previous);
		match = thereAre.exec(before);
		if (match?.groups?.what) return `What are ${stripQuantifier(match.groups.what)}?${n}`;
		return startsDangling(before)
			? null
			: `${withFinalStop(asStatement(before))} What are they?${n}`;
	}
	match = /^(?:here are|below are|the following are) (?<what>.+)$/i.exec(bare);
	if (match?.groups?.what) return `What are ${match.groups.what}?${n}`;
	if (startsDangling(bare)) return null;
	match = INCLUDE_LEAD.exec(bare);
	if (match?.groups?.subject && match.groups.verb) {
		const subject = match.groups.subject;
		const does = isPluralPhrase(subject) ? 'do' : 'does';
		return `What ${does} ${vocabulary.lowerFirst(subject)} ${lemma(match.groups.verb)}?${n}`;
	}
	match = /^(?<subject>[^,]+?) (?<be>are|is)$/i.exec(bare);
	if (match?.groups?.subject && match.groups.be && !PARTITIVE.test(match.groups.subject))
		return `What ${match.groups.be.toLowerCase()} ${vocabulary.lowerFirst(match.groups.subject)}?${n}`;
	return `${bare}: what are they?${n}`;
}

/** A front from the section heading, for a list with no lead ("How to Bake" → "How do you bake? (4)"). */
function questionFromHeading(heading: string | null, count: number, vocabulary: Vocabulary) {
	if (!heading) return null;
	const question = headingQuestion(heading, vocabulary);
	if (question) return `${question} (${count})`;
	return `${vocabulary.sentenceCase(heading)}: what are they? (${count})`;
}

/**
 * The front for an inline enumeration: a question when the sentence has a simple frame,
 * otherwise the sentence with the items blanked.
 *
 * @example
 * const sentence = 'The backend is responsible for managing data, handling logic, and powering the frontend.';
 * questionFromSentence(sentence, findEnumeration(sentence)!, vocabulary);
 * // "What is the backend responsible for? (3)"
 */
export function questionFromSentence(
	sentence: string,
	enumeration: Enumeration,
	vocabulary: Vocabulary
): string {
	const n = ` (${enumeration.items.length})`;
	const before = sentence.slice(0, enumeration.start).trimEnd();
	const after = sentence.slice(enumeration.end).trim();
	const simple = /^[.!]?$/.test(after) && !before.includes(',') && !startsDangling(before);
	if (simple && !EXAMPLE_TRIGGERS.has(enumeration.trigger)) {
		let match =
			/^(?<subject>.+?) (?<be>is|are)(?: also| primarily| mainly)? responsible for$/i.exec(before);
		if (match?.groups?.subject && match.groups.be)
			return `What ${match.groups.be.toLowerCase()} ${vocabulary.lowerFirst(match.groups.subject)} responsible for?${n}`;
		match = MODAL_FRAME.exec(before);
		const subject = match?.groups?.subject;
		const modal = match?.groups?.modal;
		const rest = match?.groups?.rest;
		if (subject && modal && rest && subject.split(' ').length <= 6)
			return `What ${modal.toLowerCase()} ${vocabulary.lowerFirst(subject)} ${rest}?${n}`;
		match = /^(?<subject>.+?) (?<verb>include|includes)$/i.exec(before);
		if (match?.groups?.subject && match.groups.verb) {
			const does = isPluralPhrase(match.groups.subject) ? 'do' : 'does';
			return `What ${does} ${vocabulary.lowerFirst(match.groups.subject)} include?${n}`;
		}
		match = /^(?<subject>.+?) (?<be>are|is)$/i.exec(before);
		if (
			match?.groups?.subject &&
			match.groups.be &&
			!PARTITIVE.test(match.groups.subject) &&
			match.groups.subject.split(' ').length <= 8
		)
			return `What ${match.groups.be.toLowerCase()} ${vocabulary.lowerFirst(match.groups.subject)}?${n}`;
	}
	const blanked = `${sentence.slice(0, enumeration.start)}${BLANK}${sentence.slice(enumeration.end)}`;
	return `${asStatement(blanked)}${n}`;
}

/**
 * "Policy: designing policies…", "Data sharing – archiving and publishing": an item that names
 * its subject in a short label before a colon or a spaced dash. The label is a noun phrase of
 * at most five words, not a clause.
 */
const LABELLED = /^(?<label>[^:–—]{2,48}?)(?::| [–—-]) +(?<rest>\S.{7,})$/;
const LABEL_VERB = /\b(?:is|are|was|were|be|can|will|should|must|may|have|has|do|does)\b/i;

/**
 * The label an item opens with, or null.
 *
 * @example
 * labelOf('Compliance: advise on the rules'); // "Compliance"
 */
export function labelOf(item: string): string | null {
	const label = LABELLED.exec(item)?.groups?.label?.trim();
	if (!label || label.split(/\s+/).length > 5 || LABEL_VERB.test(label)) return null;
	return label;
}

/**
 * A list whose items mostly name themselves in a label ("Compliance: advise on…") is asked for
 * its labels: what a learner recalls of such a list, and short enough to recall. Other lists,
 * and the items without a label, keep their text.
 *
 * @example
 * labelsOrItems(['Policy: set the rules', 'Compliance: follow them', 'Services: run them']);
 * // ['Policy', 'Compliance', 'Services']
 */
export function labelsOrItems(items: string[]): string[] {
	const labels = items.map(labelOf);
	const named = labels.filter((label) => label !== null);
	// "Success Criterion 1.3.1: Info…", "Success Criterion 2.4.6: Headings…": labels that
	// repeat name a kind, not the items.
	if (named.length < 3 || named.length * 3 < items.length * 2) return items;
	if (new Set(named.map((label) => label.toLowerCase())).size < named.length) return items;
	return items.map((item, i) => labels[i] ?? item);
}

function bullets(items: readonly string[]): string {
	return items.map((item) => `• ${item}`).join('\n');
}

/** One cloze per item: the list with that item blanked. */
function itemClozes(
	header: string,
	items: readonly string[],
	base: Omit<Candidate, 'kind' | 'front' | 'back' | 'fact' | 'answer' | 'order' | 'suggested'>,
	order: readonly [number, number]
): Candidate[] {
	return items.map((answer, k): Candidate => ({
		...base,
		kind: 'cloze',
		front: `${header}\n${bullets(items.map((item, i) => (i === k ? BLANK : item)))}`,
		back: `${header}\n${bullets(items)}`,
		suggested: false,
		tag: 'list-item',
		fact: `${header} ${answer}`,
		answer,
		order: [order[0], order[1], k + 1]
	}));
}

/** Cards for bulleted/numbered lists and runs of item lines. */
function structuredLists(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	const groups = new Map<number, ArticleBlock[]>();
	for (const block of article.blocks) {
		if (block.kind !== 'item' || block.list === null) continue;
		const group = groups.get(block.list) ?? [];
		group.push(block);
		groups.set(block.list, group);
	}
	for (const items of groups.values()) {
		if (items.length < 3) continue;
		const first = items[0] as ArticleBlock;
		const previous = article.blocks[first.index - 1];
		const leadBlock =
			previous?.kind === 'paragraph' &&
			previous.section === first.section &&
			previous.text.endsWith(':')
				? previous
				: null;
		const leadSentence = leadBlock?.sentences[leadBlock.sentences.length - 1] ?? null;
		const before = leadBlock?.sentences[leadBlock.sentences.length - 2]?.text ?? null;
		const misconceptions = leadBlock ? readMisconceptionList(article, leadBlock) : null;
		const texts = misconceptions
			? misconceptions.claims.flatMap((claim) => (claim ? [capitaliseFirst(claim)] : []))
			: labelsOrItems(items.map((item) => capitaliseFirst(withoutFinalStop(item.text))));
		if (texts.length < 3 || texts.length > MAX_LIST_ITEMS) continue;
		const front =
			(leadSentence &&
				questionFromLead(leadSentence.text, before, texts.length, article.vocabulary)) ??
			questionFromHeading(first.section, texts.length, article.vocabulary);
		if (!front) continue;
		const at = leadBlock ?? first;
		const start = leadSentence?.start ?? 0;
		const end = leadSentence?.end ?? first.text.length;
		const passage = [leadSentence?.text, ...items.map((item) => `• ${item.text}`)]
			.filter(Boolean)
			.join('\n');
		const base = { source: sourceRef(at, start, end, passage), tag: 'list' };
		cards.push({
			...base,
			kind: 'list',
			front,
			back: bullets(texts),
			suggested: !misconceptions,
			fact: texts.join('; '),
			answer: texts.join('; '),
			order: [at.index, start, 0]
		});
		if (!misconceptions && texts.length >= CLOZE_PER_ITEM_FROM) {
			const lead = leadSentence && !startsDangling(leadSentence.text) ? leadSentence.text : null;
			const header = lead ?? front.replace(/\s*\(\d+\)$/, '');
			cards.push(...itemClozes(header, texts, base, [at.index, start]));
		}
	}
	return cards;
}

/** A sentence without its leading connective, and how many characters that removed. */
function standalone(sentence: Sentence): { text: string; shift: number } {
	const text = stripConnectives(sentence.text);
	return { text, shift: sentence.text.length - text.length };
}

/** Cards for enumerations inside sentences. */
function inlineLists(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind !== 'paragraph') continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key) || sentence.text.length > 600 || isNoise(sentence.text)) return;
			const { text, shift } = standalone(sentence);
			const enumeration = findEnumeration(text);
			if (!enumeration) return;
			if (enumeration.items.length > MAX_LIST_ITEMS) return;
			const items = enumeration.items.map((item) => capitaliseFirst(item.text));
			let front = questionFromSentence(text, enumeration, article.vocabulary);
			if (startsDangling(front)) {
				// "This includes A, B and C." needs the sentence it points back to.
				const previous = block.sentences[index - 1]?.text;
				if (!previous || isNoise(previous) || startsDangling(previous)) return;
				front = `${withFinalStop(asStatement(previous))} ${front}`;
			}
			article.used.add(key);
			const start = sentence.start + shift + enumeration.start;
			const base = {
				source: sourceRef(block, sentence.start, sentence.end),
				tag: 'list'
			};
			cards.push({
				...base,
				kind: 'list',
				front,
				back: bullets(items),
				suggested: true,
				fact: items.join('; '),
				answer: items.join('; '),
				order: [block.index, start, 0]
			});
			if (items.length < CLOZE_PER_ITEM_FROM || startsDangling(text)) return;
			const full = withFinalStop(asStatement(text));
			enumeration.items.forEach((item, k) => {
				cards.push({
					...base,
					kind: 'cloze',
					front: withFinalStop(
						asStatement(`${text.slice(0, item.start)}${BLANK}${text.slice(item.end)}`)
					),
					back: full,
					suggested: false,
					tag: 'list-item',
					fact: `${full} ${item.text}`,
					answer: item.text,
					order: [block.index, start, k + 1]
				});
			});
		});
	}
	return cards;
}

/**
 * Finds the article's lists and makes a list card of each (and item clozes for long ones),
 * marking the sentences it used in `article.used`.
 *
 * @example
 * const article = parseArticle('Tea comes in many kinds:\n\n- Green\n- Black\n- Oolong');
 * const [card] = findLists(article);
 * card?.front; // "Tea comes in many kinds: what are they? (3)"
 * card?.back; // "• Green\n• Black\n• Oolong"
 */
export function findLists(article: Article): Candidate[] {
	return [...structuredLists(article), ...inlineLists(article)];
}
