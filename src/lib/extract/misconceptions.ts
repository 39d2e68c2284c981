/**
 * Misconceptions → true/false cards. An article states a misconception in a few set ways
 * and then refutes it; the card puts the claim on the front ("True or false: …") and the
 * article's own correction on the back ("False. …").
 *
 * Recognised statements (after a leading connective such as "However,"):
 * - declared: "One common misconception is that …", "Another misconception is that …",
 *   "One of the biggest myths about X is that …", "It is a myth that …";
 * - believed: "Many people think that …", "Most new bakers believe …" — only when a refutation
 *   follows ("This isn't true!", "This could not be further from the truth!", "In fact, …"),
 *   because people also think true things;
 * - listed: "There are a few common misconceptions about X:" followed by list items
 *   ("That it's all about the server."), usually refuted after the list ("All of these are
 *   untrue!"). Each item becomes a card.
 *
 * The correction is the first substantive sentence after the claim and its refutation (in
 * the same paragraph or the next one), with "In fact,"/"In reality," removed and a leading
 * "It"/"They" replaced by the topic when the topic is known ("myths about coding" → coding),
 * or else by the claim's own subject.
 * A sentence starting with "It"/"They"/"This" that follows it continues the same correction
 * and is kept. For a list, each item gets the refuting sentence that shares most content words
 * with it (among the first 50 sentences of the paragraph after the list); an item the article
 * refutes only as a group gets a back that says so.
 */

import { nextParagraph, sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst, type Vocabulary } from './casing';
import { isNoise } from './noise';
import type { Sentence } from './sentences';
import { contentTokens, overlap } from './tokens';
import {
	asStatement,
	isPluralPhrase,
	resolveLeadingPronoun,
	stripConnectives,
	subjectOf,
	withFinalStop,
	withoutFinalStop,
	withoutTrailing,
	type Antecedent
} from './wording';

const KIND = '(?:misconception|myth|misbelief|fallacy)';
const ABOUT = '(?: (?:about|regarding|surrounding|concerning|of) (?<topic>[^,]{1,80}?))?';

const DECLARED: readonly RegExp[] = [
	new RegExp(
		'^(?:(?:one|another|a|the)(?: (?:more|other|further))?' +
			'(?: (?:very )?(?:common|popular|widespread|frequent|big|major|persistent|pervasive|typical|huge))? ' +
			KIND +
			'|one of the (?:biggest|most common|most popular|most persistent|most widespread|greatest|common|popular|main) ' +
			KIND +
			's)' +
			ABOUT +
			'(?: out there)? (?:is|was) that (?<claim>.+)$',
		'i'
	),
	/^it(?:'s| is) (?:a )?(?:common |popular |widespread )?(?:myth|misconception) that (?<claim>.+)$/i
];

/** "Many people think that", "Most new bakers still believe", "People often assume". */
const BELIEVED =
	/^(?:many|most|some|a lot of|lots of|plenty of|people|folks) (?:[\w-]+ ){0,3}?(?:think|believe|assume|imagine|claim|say|feel|expect) (?:that )?(?<claim>.+)$/i;

const LIST_LEADS: readonly RegExp[] = [
	/^there (?:are|is) (?:a (?:few|number of|lot of|couple of) |many |several |some |numerous |various |[a-z]+ )?(?:common |popular |widespread |persistent |frequent )?(?:misconceptions|myths|misbeliefs)(?: out there)?(?: (?:about|regarding|surrounding|concerning) (?<topic>[^:]{1,80}?))?:$/i,
	/^(?:some |the most |the )?(?:common |popular )?(?:misconceptions|myths)(?: (?:about|regarding) (?<topic>[^:]{1,80}?))? (?:include|are):$/i
];

/** Sentences that refute what came before without saying what is true instead. */
const REFUTATIONS: readonly RegExp[] = [
	/\b(?:couldn't|could not|can't|cannot) (?:possibly )?be (?:further|farther) from the truth\b/i,
	// "This is not true", "All of these are untrue" — but never "This is true".
	/^(?:but |however, )?(?:this|that|it|these|those|all of (?:these|them|those|this)|both)(?:'s|'re| is| are| was| were)(?: simply| just| actually| all| completely| entirely| absolutely)? (?:not (?:true|correct|accurate|right|so|the case)|untrue|false|wrong|incorrect|a myth|myths|nonsense|far from (?:true|the truth))\b/i,
	/^(?:but |however, )?(?:(?:this|that|it|these|those)(?: isn't| aren't| wasn't| weren't)|none of (?:these|them|this|it)(?: is| are))(?: simply| just| actually)? (?:true|correct|accurate|right|so|the case)\b/i,
	/^(?:not so|wrong|false|far from it|not quite|not true|nope)\b/i
];

/** Openers of a sentence that says what is true instead. */
const CORRECTION_OPENER =
	/^(?:but |and |however, )?(?:in fact|in reality|actually|in truth|the truth is(?: that)?|the reality is(?: that)?|on the contrary|quite the opposite)\b,?\s*/i;

/** Longest sentence read as a claim or a correction, as elsewhere in `extract`. */
const MAX_SENTENCE_CHARS = 600;
/**
 * How many sentences after a list of misconceptions are offered as corrections. Each item is
 * compared with each of them, so without a bound a list of 8,000 items above a paragraph of
 * 20,000 sentences took seconds; a real refutation is a few sentences long.
 */
const MAX_LIST_CORRECTIONS = 50;

/** A sentence that continues the correction before it. */
const CONTINUATION = /^(?:it|it's|they|they're|this|these)\b/i;

function isRefutation(text: string): boolean {
	return text.split(/\s+/).length <= 12 && REFUTATIONS.some((pattern) => pattern.test(text));
}

function isIntroduction(text: string): boolean {
	// "In fact, most coaches say…" corrects; it does not introduce a belief.
	if (CORRECTION_OPENER.test(text)) return false;
	const clean = stripConnectives(text);
	return DECLARED.some((p) => p.test(clean)) || BELIEVED.test(clean);
}

function topicOf(phrase: string | undefined): Antecedent | null {
	const text = phrase?.trim();
	if (!text || /^(?:what|how|why|when|where|who|which|this|that|it)\b/i.test(text)) return null;
	return { text, plural: isPluralPhrase(text) };
}

/**
 * The claim as a learner meets it: no "That", no final stop, a pronoun subject replaced by
 * the topic. Null when it starts with a pronoun nothing can replace.
 */
function claimText(raw: string, topic: Antecedent | null, vocabulary: Vocabulary): string | null {
	let claim = withoutTrailing(withoutFinalStop(raw), '?!').replace(
		/^(?:that|the idea that|the belief that)\s+/i,
		''
	);
	if (/^(?:it|it's|they|they're)\b/i.test(claim)) {
		const resolved = topic ? resolveLeadingPronoun(claim, topic) : null;
		if (!resolved) return null;
		claim = resolved;
	}
	return claim ? vocabulary.lowerFirst(claim) : null;
}

/** One correcting sentence, standing on its own. */
function correctionSentence(text: string, topic: Antecedent | null, first: boolean): string {
	let sentence = capitaliseFirst(stripConnectives(text.replace(CORRECTION_OPENER, '')));
	if (first && topic && /^(?:it|they)\b/i.test(sentence))
		sentence = resolveLeadingPronoun(sentence, topic) ?? sentence;
	return withFinalStop(asStatement(sentence));
}

interface Located {
	block: ArticleBlock;
	index: number;
	sentence: Sentence;
}

interface Correction {
	/** The correcting sentences (one, or two when the second continues the first). */
	sentences: Located[];
	/** Offset in the claim's block up to which the claim and its refutation run. */
	end: number;
}

/**
 * Looks for the correction after a claim: refutations are skipped, the first substantive
 * sentence taken. A believed claim needs a refutation or a correction opener, or it is not a
 * misconception at all (null).
 */
function findCorrection(
	article: Article,
	block: ArticleBlock,
	after: number,
	needsRefutation: boolean
): Correction | null {
	let refuted = false;
	let end = block.sentences[after - 1]?.end ?? 0;
	const taken: Located[] = [];
	const scan = (scanned: ArticleBlock, from: number): boolean => {
		for (let i = from; i < scanned.sentences.length; i++) {
			const sentence = scanned.sentences[i] as Sentence;
			const text = sentence.text;
			if (isIntroduction(text)) return true;
			if (taken.length === 0) {
				if (isRefutation(text)) {
					refuted = true;
					if (scanned === block) end = sentence.end;
					article.used.add(sentenceKey(scanned.index, i));
					continue;
				}
				if (isNoise(text)) return true;
				if (needsRefutation && !refuted && !CORRECTION_OPENER.test(text)) return true;
				taken.push({ block: scanned, index: i, sentence });
				if (scanned === block) end = sentence.end;
				continue;
			}
			if (CONTINUATION.test(text) && !isNoise(text) && !isRefutation(text)) {
				taken.push({ block: scanned, index: i, sentence });
				if (scanned === block) end = sentence.end;
			}
			return true;
		}
		return false;
	};
	const finished = scan(block, after);
	if (!finished && taken.length === 0) {
		const next = nextParagraph(article, block);
		const first = next?.sentences[0]?.text ?? '';
		if (next && (refuted || CORRECTION_OPENER.test(first) || isRefutation(first))) scan(next, 0);
	}
	if (needsRefutation && taken.length === 0) return null;
	return { sentences: taken, end };
}

/** Cards for misconceptions stated one at a time in paragraphs. */
function singleMisconceptions(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind !== 'paragraph') continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key) || sentence.text.length > MAX_SENTENCE_CHARS) return;
			if (CORRECTION_OPENER.test(sentence.text)) return;
			const text = stripConnectives(sentence.text);
			let match: RegExpExecArray | null = null;
			for (const pattern of DECLARED) match ??= pattern.exec(text);
			const believed = match ? null : BELIEVED.exec(text);
			const found = match ?? believed;
			if (!found?.groups?.claim) return;
			const topic = topicOf(found.groups.topic);
			const claim = claimText(found.groups.claim, topic, article.vocabulary);
			if (!claim) return;
			// Without a stated topic, the claim's own subject is what "It"/"They" in the correction means.
			const subject = topic ?? subjectOf(claim);
			const correction = findCorrection(article, block, index + 1, believed !== null);
			if (!correction) return;
			const back =
				correction.sentences.length > 0
					? correction.sentences
							.map((located, i) => correctionSentence(located.sentence.text, subject, i === 0))
							.join(' ')
					: 'The article calls this a misconception.';
			article.used.add(key);
			cards.push({
				kind: 'true-false',
				front: `True or false: ${withFinalStop(claim)}`,
				back: `False. ${back}`,
				suggested: true,
				source: sourceRef(block, sentence.start, Math.max(correction.end, sentence.end)),
				tag: 'misconception',
				fact: claim,
				answer: claim,
				order: [block.index, sentence.start, 0]
			});
		});
	}
	return cards;
}

/** A list of misconceptions: its lead, topic, items and their claims. */
export interface MisconceptionList {
	lead: ArticleBlock;
	topic: Antecedent | null;
	items: ArticleBlock[];
	/** The claim each item makes, ready for "True or false: …" (null if it cannot stand alone). */
	claims: (string | null)[];
}

/**
 * Reads the misconception list a paragraph introduces ("There are a few common
 * misconceptions about X:"), or returns null when the paragraph does not introduce one.
 *
 * @example
 * const article = parseArticle('There are myths about tea:\n\n- That it is cold.\n- That it is old.');
 * readMisconceptionList(article, article.blocks[0]!)?.claims; // ["tea is cold", "tea is old"]
 */
export function readMisconceptionList(
	article: Article,
	lead: ArticleBlock
): MisconceptionList | null {
	const last = lead.sentences[lead.sentences.length - 1];
	const first = article.blocks[lead.index + 1];
	if (!last || lead.kind !== 'paragraph' || first?.kind !== 'item') return null;
	let match: RegExpExecArray | null = null;
	const text = stripConnectives(last.text);
	for (const pattern of LIST_LEADS) match ??= pattern.exec(text);
	if (!match) return null;
	const topic = topicOf(match.groups?.topic);
	// Walk forward rather than filter the whole article: items of one list are contiguous,
	// apart from the paragraphs that explain each item of a list of short lines.
	const items: ArticleBlock[] = [];
	for (let i = first.index; i < article.blocks.length; i++) {
		const block = article.blocks[i] as ArticleBlock;
		if (block.kind === 'heading' || (block.kind === 'item' && block.list !== first.list)) break;
		if (block.kind === 'item') items.push(block);
	}
	const claims = items.map((item) => claimText(item.text, topic, article.vocabulary));
	return { lead, topic, items, claims };
}

/** Cards for each item of each misconception list. */
function listedMisconceptions(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		const list = block.kind === 'paragraph' ? readMisconceptionList(article, block) : null;
		if (!list) continue;
		const leadSentence = block.sentences[block.sentences.length - 1] as Sentence;
		article.used.add(sentenceKey(block.index, block.sentences.length - 1));
		const lastItem = list.items[list.items.length - 1] as ArticleBlock;
		const after = article.blocks[lastItem.index + 1];
		let refuted = false;
		const corrections: { text: string; tokens: Set<string> }[] = [];
		if (after?.kind === 'paragraph' && after.section === block.section) {
			after.sentences.forEach((sentence, i) => {
				if (isRefutation(sentence.text)) {
					refuted = true;
					article.used.add(sentenceKey(after.index, i));
				} else if (
					corrections.length < MAX_LIST_CORRECTIONS &&
					sentence.text.length <= MAX_SENTENCE_CHARS &&
					!isNoise(sentence.text) &&
					!isIntroduction(sentence.text)
				) {
					const text = correctionSentence(sentence.text, list.topic, true);
					corrections.push({ text, tokens: contentTokens(text) });
				}
			});
		}
		const topicTokens = contentTokens(list.topic?.text ?? '');
		const about = list.topic ? ` about ${list.topic.text}` : '';
		const fallback = refuted
			? `The article lists this among common misconceptions${about} and says they are untrue.`
			: `The article lists this among common misconceptions${about}.`;
		list.items.forEach((item, i) => {
			const claim = list.claims[i];
			item.sentences.forEach((_, s) => article.used.add(sentenceKey(item.index, s)));
			if (!claim) return;
			const tokens = contentTokens(claim);
			for (const token of topicTokens) tokens.delete(token);
			let best: string | null = null;
			let bestShared = 0;
			for (const correction of corrections) {
				const shared = overlap(tokens, correction.tokens);
				if (shared > bestShared) [best, bestShared] = [correction.text, shared];
			}
			cards.push({
				kind: 'true-false',
				front: `True or false: ${withFinalStop(claim)}`,
				back: `False. ${best ?? fallback}`,
				suggested: true,
				source: sourceRef(item, 0, item.text.length, `${leadSentence.text}\n• ${item.text}`),
				tag: 'misconception',
				fact: claim,
				answer: claim,
				order: [item.index, 0, 0]
			});
		});
	}
	return cards;
}

/**
 * Finds the article's misconceptions and makes a true/false card of each, marking the
 * sentences it used in `article.used`.
 *
 * @example
 * const article = parseArticle(
 *   'One common misconception is that tea is cold. In fact, tea is served hot.'
 * );
 * const [card] = findMisconceptions(article);
 * card?.front; // "True or false: tea is cold."
 * card?.back; // "False. Tea is served hot."
 */
export function findMisconceptions(article: Article): Candidate[] {
	return [...listedMisconceptions(article), ...singleMisconceptions(article)];
}
