/**
 * Key sentences → cloze cards. Most of what an article teaches is stated in ordinary
 * sentences that no pattern recognises ("A fiscal sponsor accepts donations on your behalf,
 * usually for a percentage of them."). This rule picks the sentences that carry the
 * article's recurring terms and blanks the noun phrase that matters most in each:
 * "A fiscal sponsor accepts […] on your behalf, …".
 *
 * It needs parts of speech (a `Tagger`) to know where a noun phrase starts and ends, so it
 * runs only when `extractDrafts` is given one. Which sentences are key is plain counting:
 * a sentence is worth more when its content words recur across the article and name the
 * section it sits in.
 */

import { sentenceKey, type Article, type ArticleBlock } from './article';
import { clozeCandidate, type Candidate } from './candidate';
import { isNoise } from './noise';
import type { Tagger, TaggedWord } from './tagger';
import { contentTokens } from './tokens';
import { startsDangling, stripConnectives, withFinalStop } from './wording';

const BLANK = '[…]';
const MIN_WORDS = 8;
const MAX_WORDS = 40;
const MAX_CHARS = 260;
const MAX_BLANK_WORDS = 5;
const MAX_BLANK_CHARS = 40;

/** Words of a noun phrase: nouns, names, numbers and the adjectives before them. */
const NOUN_PHRASE_WORD = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** What a blanked phrase must end on: its head. */
const HEAD = new Set(['NOUN', 'PROPN', 'NUM']);

/**
 * Nouns too general to be worth recalling: blanking "way" or "people" asks the learner to
 * guess the author's wording, not to remember a fact.
 */
const GENERAL_NOUN =
	/^(?:way|ways|thing|things|lot|lots|kind|kinds|type|types|part|parts|number|example|examples|time|times|people|person|someone|something|anything|everything|one|ones|other|others|use|uses|case|cases|fact|idea|level|levels|step|steps|end|point|place|reason|reasons|term|terms|word|words|sort|bit|amount|variety|range|set|form|forms|side|area|areas|aspect|aspects|role|roles|work|way|day|days|year|years|today|instance|addition|order|list|section|article|page|question|questions|answer|answers|option|options|everyone|anyone|lots|consideration|considerations|member|members|user|users|thing|stuff|lot)$/i;

/** Pointing at something the card will not show: a figure, "the following", "above". */
const POINTING =
	/\b(?:figure|fig\.|table|listing|chapter|section)\s+\d|\b(?:on the (?:right|left)|above|below|as follows|the following|here)\b/i;
/**
 * The author or the reader talking ("we recommend", "you can use"): advice and asides whose
 * blanks the reader of the tuned articles nearly always called junk.
 */
const PERSONAL =
	/\b(?:we|we're|we've|we'll|our|ours|us|me|my|you|you're|you've|you'll|you'd|your|yours)\b/i;
/** A citation or a cross-reference: "(Smith, 2012)", "doi.org/…", "see Derivable Traits". */
const REFERENCE = /\bet al\b|\bdoi\b|https?:|www\.|\(\D{0,40}\b(?:1[5-9]|20)\d\d[a-z]?\)|\bsee\b/i;
/**
 * Words that point at something said before: "Kubernetes also uses it to…", "You can use
 * this as a template". A card shows one sentence, so what they point at is not there.
 */
const POINTS_BACK = /\b(?:it|they|them|this|these|those|such|the latter|the former|above)\b/i;

/** How many sentences of the article each content word is in. */
function sentenceFrequencies(article: Article): Map<string, number> {
	const frequencies = new Map<string, number>();
	for (const block of article.blocks)
		for (const sentence of block.sentences)
			for (const token of contentTokens(sentence.text))
				frequencies.set(token, (frequencies.get(token) ?? 0) + 1);
	return frequencies;
}

/**
 * How much a sentence says about the article's subject: its content words that recur in the
 * article (each counted up to 5 times) and those that name its section, over the square root
 * of its length so a long sentence does not win by length alone.
 */
function salience(
	text: string,
	frequencies: ReadonlyMap<string, number>,
	sectionWords: ReadonlySet<string>
): number {
	const tokens = contentTokens(text);
	if (tokens.size === 0) return 0;
	let value = 0;
	for (const token of tokens) {
		const frequency = frequencies.get(token) ?? 0;
		if (frequency > 1) value += Math.log2(Math.min(frequency, 5));
		if (sectionWords.has(token)) value += 1.5;
	}
	return value / Math.sqrt(tokens.size);
}

/** Brackets and quotes that open and close within the sentence. */
function balanced(text: string): boolean {
	let depth = 0;
	for (const char of text) {
		if (char === '(' || char === '[') depth += 1;
		else if (char === ')' || char === ']') depth -= 1;
		if (depth < 0) return false;
	}
	return depth === 0 && (text.match(/"/g)?.length ?? 0) % 2 === 0;
}

/** Whether a sentence can stand alone on a card. */
function standsAlone(sentence: string): boolean {
	const words = sentence.split(/\s+/).length;
	return (
		words >= MIN_WORDS &&
		words <= MAX_WORDS &&
		sentence.length <= MAX_CHARS &&
		!isNoise(sentence) &&
		!startsDangling(sentence) &&
		!POINTING.test(sentence) &&
		!PERSONAL.test(sentence) &&
		!REFERENCE.test(sentence) &&
		!POINTS_BACK.test(sentence) &&
		// "Compliance: advise on…", "Note: …": a label and a fragment, not a sentence.
		!sentence.includes(':') &&
		balanced(sentence)
	);
}

interface Phrase {
	start: number;
	end: number;
	text: string;
	words: TaggedWord[];
}

/** The noun phrases of a tagged sentence: runs of adjectives, nouns and numbers ending on a noun or number. */
function nounPhrases(sentence: string, words: readonly TaggedWord[]): Phrase[] {
	const phrases: Phrase[] = [];
	let run: TaggedWord[] = [];
	const close = () => {
		while (run.length > 0 && !HEAD.has(run[run.length - 1]!.pos)) run.pop();
		const first = run[0];
		const last = run[run.length - 1];
		if (first && last) {
			const text = sentence.slice(first.start, last.end);
			phrases.push({ start: first.start, end: last.end, text, words: run });
		}
		run = [];
	};
	for (const word of words) {
		// A possessive or a hyphen inside a phrase ("Rust's", "multi-level") keeps it going.
		const joins =
			run.length > 0 &&
			(word.text === "'s" || (word.text === '-' && word.start === run.at(-1)!.end));
		if (NOUN_PHRASE_WORD.has(word.pos) || joins) run.push(word);
		else close();
	}
	close();
	return phrases;
}

/**
 * Whether the phrase is a whole word group in the text: not part of a file name
 * ("README.md"), a path or a quoted name, which a blank would cut in two.
 */
function standsApart(sentence: string, phrase: Phrase): boolean {
	const before = sentence[phrase.start - 1] ?? ' ';
	const after = sentence.slice(phrase.end, phrase.end + 2);
	return /[\s(]/.test(before) && /^(?:$|[\s),;!?]|\.(?:$|\s))/.test(after);
}

/** A word with a capital that is not the sentence's first: part of a name. */
function capitalised(word: TaggedWord | undefined): boolean {
	return word !== undefined && word.start > 0 && /^\p{Lu}/u.test(word.text);
}

/**
 * Whether the phrase is part of a longer name: "Agency for […] and Quality", "[…] of
 * Service". Blanking a piece of a name leaves a riddle; the whole name is asked or nothing.
 */
function insideName(words: readonly TaggedWord[], phrase: Phrase): boolean {
	const first = words.indexOf(phrase.words[0]!);
	const last = words.indexOf(phrase.words[phrase.words.length - 1]!);
	const before = words[first - 1];
	const after = words[last + 1];
	const linking = (word: TaggedWord | undefined) =>
		word !== undefined && /^(?:of|and|for|the|&)$/.test(word.text);
	return (
		capitalised(before) ||
		capitalised(after) ||
		(linking(before) && capitalised(words[first - 2])) ||
		(linking(after) && capitalised(words[last + 2]))
	);
}

/** Whether every content word of `phrase` is in `words` (the article's title, say). */
function within(phrase: string, words: ReadonlySet<string>): boolean {
	const tokens = [...contentTokens(phrase)];
	return tokens.length > 0 && tokens.every((token) => words.has(token));
}

/**
 * What recalling one word of a blank is worth, by how many sentences of the article hold
 * it. A term the article comes back to a few times is what it teaches; a word in nearly
 * every sentence ("project" in a guide to projects) is its backdrop, and guessing it tests
 * nothing; a word used once is a detail.
 */
function termWorth(frequency: number): number {
	if (frequency <= 1) return 0.6;
	if (frequency <= 5) return 1.2;
	if (frequency <= 10) return 0.8;
	return 0.3;
}

/**
 * The phrase to blank: the noun phrase whose words are most worth recalling (`termWorth`),
 * preferring names and figures; never a general noun, a long phrase, part of a file name or
 * the article's own topic.
 */
function keyPhrase(
	sentence: string,
	words: readonly TaggedWord[],
	frequencies: ReadonlyMap<string, number>,
	topicWords: ReadonlySet<string>
): Phrase | null {
	let best: Phrase | null = null;
	let bestValue = 0;
	for (const phrase of nounPhrases(sentence, words)) {
		if (phrase.words.length > MAX_BLANK_WORDS || phrase.text.length > MAX_BLANK_CHARS) continue;
		if (phrase.words.every((word) => GENERAL_NOUN.test(word.text) || word.pos === 'ADJ')) continue;
		if (topicWords.size > 0 && within(phrase.text, topicWords)) continue;
		if (!standsApart(sentence, phrase) || insideName(words, phrase)) continue;
		let value = 0;
		for (const token of contentTokens(phrase.text)) value += termWorth(frequencies.get(token) ?? 1);
		if (phrase.words.some((word) => word.pos === 'PROPN' || word.pos === 'NUM')) value += 1;
		if (value > bestValue) {
			best = phrase;
			bestValue = value;
		}
	}
	return best;
}

/**
 * The cloze of one sentence, or null when it cannot stand alone or has no phrase worth
 * blanking.
 *
 * @example
 * keySentenceCloze(tagger, 'A fiscal sponsor accepts donations for a fee.', new Map(), new Set());
 * // { front: "A […] accepts donations for a fee.", back: "A fiscal sponsor accepts…", answer: "fiscal sponsor" }
 */
export function keySentenceCloze(
	tagger: Tagger,
	text: string,
	frequencies: ReadonlyMap<string, number>,
	topicWords: ReadonlySet<string>
): { front: string; back: string; answer: string } | null {
	const sentence = stripConnectives(text.trim());
	if (!standsAlone(sentence)) return null;
	const words = tagger.tag(sentence);
	// A fragment ("Support for larger grants") states nothing: a sentence has a verb. One that
	// starts with its verb is a list item missing its subject ("Expected to be responsive…",
	// "Have made contributions…") or an instruction, whose blank would be a guess.
	if (!words.some((word) => word.pos === 'VERB' || word.pos === 'AUX')) return null;
	const first = words[0]?.pos;
	if (first === 'VERB' || first === 'AUX') return null;
	const phrase = keyPhrase(sentence, words, frequencies, topicWords);
	if (!phrase) return null;
	return {
		front: withFinalStop(`${sentence.slice(0, phrase.start)}${BLANK}${sentence.slice(phrase.end)}`),
		back: withFinalStop(sentence),
		answer: phrase.text
	};
}

/** A sentence reduced to its lower-case words, for spotting the same sentence on two cards. */
function sentenceWords(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * The sentences other cards already show as their answer ("False. Most adults need seven
 * hours."): a misconception's correction is not marked as used, and must not come back as a
 * cloze of its own.
 */
export function answeredSentences(cards: readonly Candidate[]): Set<string> {
	const answered = new Set<string>();
	for (const card of cards)
		for (const sentence of card.back.split(/(?<=[.!?])\s+/)) answered.add(sentenceWords(sentence));
	return answered;
}

/**
 * The most salient sentence of each paragraph and list item not used by another card (nor
 * shown as another card's answer: `answered`, from `answeredSentences`), as a cloze. Each candidate carries its salience as a rank among the article's key sentences
 * (0 to 1), which ranking adds to the rule's worth, so the sentences most about the article
 * are ticked first.
 */
export function findKeySentences(
	article: Article,
	tagger: Tagger,
	answered: ReadonlySet<string> = new Set()
): Candidate[] {
	const frequencies = sentenceFrequencies(article);
	const topicWords = contentTokens(article.title ?? '');
	const found: { candidate: Candidate; salience: number }[] = [];
	for (const block of article.blocks) {
		if (block.kind === 'heading' || block.term !== null) continue;
		const best = bestSentence(article, block, frequencies, answered);
		if (!best) continue;
		const cloze = keySentenceCloze(tagger, best.text, frequencies, topicWords);
		if (!cloze) continue;
		article.used.add(sentenceKey(block.index, best.index));
		found.push({
			candidate: clozeCandidate(block, block.sentences[best.index]!, cloze, 'key-sentence'),
			salience: best.salience
		});
	}
	// Each sentence's rank by salience, from 0 (least) to 1 (most).
	const rank = new Map(
		found
			.map((entry, i) => ({ i, salience: entry.salience }))
			.sort((a, b) => a.salience - b.salience)
			.map(({ i }, position) => [i, found.length > 1 ? position / (found.length - 1) : 1])
	);
	return found.map(({ candidate }, i) => ({ ...candidate, weight: rank.get(i) ?? 0 }));
}

/** The unused sentence of a block with the highest salience that could stand alone. */
function bestSentence(
	article: Article,
	block: ArticleBlock,
	frequencies: ReadonlyMap<string, number>,
	answered: ReadonlySet<string>
): { index: number; text: string; salience: number } | null {
	const sectionWords = contentTokens(block.section ?? '');
	let best: { index: number; text: string; salience: number } | null = null;
	block.sentences.forEach((sentence, index) => {
		if (article.used.has(sentenceKey(block.index, index))) return;
		const text = stripConnectives(sentence.text.trim());
		if (!standsAlone(text) || answered.has(sentenceWords(text))) return;
		const value = salience(text, frequencies, sectionWords);
		if (!best || value > best.salience) best = { index, text, salience: value };
	});
	return best;
}
