/**
 * Parts of speech for the rules that need to know which words are nouns. The extractor
 * itself stays free of any NLP library: a caller that has one passes a `Tagger` to
 * `extractDrafts`, and the rules that need it (`key-sentences.ts`) run only then. The New
 * deck screen loads `wink-tagger.ts` (wink-nlp and its English model, about 3.7 MB) in a
 * chunk of its own, so nothing else in the app pays for it.
 */

/** Universal Dependencies part-of-speech tags, as wink-nlp gives them. */
export type PartOfSpeech =
	| 'ADJ'
	| 'ADP'
	| 'ADV'
	| 'AUX'
	| 'CCONJ'
	| 'DET'
	| 'INTJ'
	| 'NOUN'
	| 'NUM'
	| 'PART'
	| 'PRON'
	| 'PROPN'
	| 'PUNCT'
	| 'SCONJ'
	| 'SYM'
	| 'VERB'
	| 'X'
	| 'SPACE';

export interface TaggedWord {
	/** The word as it is in the sentence ("do" and "n't" are two words). */
	text: string;
	pos: PartOfSpeech;
	/** The dictionary form, lower case ("searches" → "search", "is" → "be"). */
	lemma: string;
	/** Offsets of `text` in the sentence: [start, end). */
	start: number;
	end: number;
}

export interface Tagger {
	/** The words of one sentence with their parts of speech, in order. */
	tag(sentence: string): TaggedWord[];
}

/**
 * Gives each word its offsets in the sentence, given the words in order as they appear in
 * it. A word not found (a tokenizer that changed it) takes an empty span where the search stopped.
 *
 * @example
 * withOffsets('Tea is hot.', [['Tea', 'NOUN'], ['is', 'AUX'], ['hot', 'ADJ'], ['.', 'PUNCT']]);
 * // [{ text: 'Tea', pos: 'NOUN', lemma: 'tea', start: 0, end: 3 }, …]
 */
export function withOffsets(
	sentence: string,
	words: readonly (readonly [string, PartOfSpeech, string?])[]
): TaggedWord[] {
	let cursor = 0;
	return words.map(([text, pos, lemma = text.toLowerCase()]) => {
		const at = sentence.indexOf(text, cursor);
		const start = at < 0 ? cursor : at;
		const end = at < 0 ? cursor : at + text.length;
		cursor = end;
		return { text, pos, lemma, start, end };
	});
}
