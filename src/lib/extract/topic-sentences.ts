/**
 * Topic sentences → cloze cards that ask for the subject. A paragraph's first sentence
 * usually says what the paragraph is about: "Grover's algorithm speeds up unstructured
 * search." becomes "[…] speeds up unstructured search." with "Grover's algorithm" to
 * recall. Only a subject that names something (a name, or a short noun phrase, not a
 * pronoun or "this approach") is blanked, and only in a sentence that stands alone.
 */

import { sentenceKey, type Article } from './article';
import { clozeCandidate, type Candidate } from './candidate';
import { isNoise } from './noise';
import { startsDangling, stripConnectives, withFinalStop } from './wording';

const BLANK = '[…]';
const MIN_WORDS = 7;
const MAX_WORDS = 35;

const SUBJECT_VERB =
	/^(?<subject>[\p{Lu}][\p{L}\p{N}'’./+#-]*(?: (?:[\p{L}\p{N}'’./+#-]+)){0,4}?) (?<verb>is|are|was|were|has|have|can|could|will|must|should|provides?|allows?|lets|uses?|makes?|helps?|gives?|enables?|supports?|requires?|needs?|includes?|contains?|runs?|works?|describes?|defines?|creates?|stores?|manages?|introduced|added|became|began|started|changed|offers?|protects?|ensures?)\b/u;

/** An instruction ("Use headings to…", "Learn how to…") has no subject to blank. */
const IMPERATIVE =
	/^(?:use|make|add|avoid|keep|try|check|read|see|learn|note|create|write|set|run|install|open|click|choose|select|start|remember|consider|ensure|include|find|follow|go|get|give|let|look|put|take|think|understand|visit)$/i;
/** Words that point at something the card will not show. */
const POINTING =
	/\b(?:figure|fig\.|table|listing|chapter|section)\s+\d|\b(?:on the (?:right|left)|above|below|as follows|the following)\b/i;

function words(text: string): Set<string> {
	return new Set(
		text
			.toLowerCase()
			.split(/[^\p{L}\p{N}]+/u)
			.filter((word) => word.length > 2)
			.map((word) => word.replace(/s$/, ''))
	);
}

/** Whether every word of the subject is in the topic (the title): "Data Stewards" in "Data Stewards: Overview". */
function sameWords(subject: string, topic: string): boolean {
	const topicWords = words(topic);
	const subjectWords = [...words(subject)];
	return subjectWords.length > 0 && subjectWords.every((word) => topicWords.has(word));
}

const NOT_A_SUBJECT =
	/^(?:following|the|a|an|this|that|these|those|it|its|they|their|there|here|you|your|we|our|i|my|he|she|his|her|one|some|many|most|all|each|every|any|no|none|such|other|another|both|either|neither|much|more|less|few|several|if|when|while|as|so|but|and|or|also|then|now|today|however|in|on|at|for|with|by|from|to|of|after|before|since|because|although|though|what|which|who|how|why|where|many|once|even|only|just|often|sometimes|usually)$/i;

/**
 * The subject cloze of a sentence, or null.
 *
 * @example
 * subjectCloze("Grover's algorithm speeds up unstructured search.") // null: "speeds" is not a known verb
 * subjectCloze('Service workers make offline use possible for web apps.');
 * // { front: "[…] make offline use possible for web apps.", answer: "Service workers", … }
 */
export function subjectCloze(
	text: string,
	topic: string | null = null
): { front: string; back: string; answer: string } | null {
	const sentence = stripConnectives(text.trim());
	const words = sentence.split(/\s+/).length;
	if (words < MIN_WORDS || words > MAX_WORDS || isNoise(sentence) || startsDangling(sentence))
		return null;
	// Advice to the reader ("… if you're looking for …") is not a fact about the subject; a
	// sentence pointing at a figure or at what follows needs what it points at; one ending in
	// ":" introduces something else.
	if (/\b(?:you|your|you're|we|our|us)\b/i.test(sentence) || POINTING.test(sentence)) return null;
	if (/:$/.test(sentence)) return null;
	const subject = SUBJECT_VERB.exec(sentence)?.groups?.subject;
	if (!subject) return null;
	const first = subject.split(' ')[0] ?? '';
	if (NOT_A_SUBJECT.test(first) || IMPERATIVE.test(first)) return null;
	// "People who …": the subject goes on past the verb the pattern stopped at.
	if (/\b(?:who|which|that|whose|where)$/i.test(subject)) return null;
	// Blanking the article's own topic asks what the whole article is about.
	if (topic && sameWords(subject, topic)) return null;
	return {
		front: withFinalStop(`${BLANK}${sentence.slice(subject.length)}`),
		back: withFinalStop(sentence),
		answer: subject
	};
}

/**
 * One subject cloze per paragraph, from its first sentence, unless another card used it.
 */
export function findTopicSentences(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind !== 'paragraph' || block.term !== null) continue;
		const sentence = block.sentences[0];
		const key = sentenceKey(block.index, 0);
		if (!sentence || article.used.has(key)) continue;
		const cloze = subjectCloze(sentence.text, article.title);
		if (!cloze) continue;
		article.used.add(key);
		cards.push(clozeCandidate(block, sentence, cloze, 'topic'));
	}
	return cards;
}
