/**
 * Sentences. `Intl.Segmenter` knows far more about sentence ends than a regular expression
 * (quotes, closing brackets, "e.g.," before a comma), but it still ends a sentence after an
 * abbreviation followed by a capital ("Coding vs. Hourly", "Mr. Smith"), so those pieces are
 * joined again. Where the runtime has no `Intl.Segmenter` a simple splitter stands in.
 */

export interface Sentence {
	/** The sentence, trimmed. */
	text: string;
	/** Offsets of `text` in the paragraph it came from: [start, end). */
	start: number;
	end: number;
}

/** Abbreviations that do not end a sentence even when a capital follows. */
const ABBREVIATION_AT_END =
	/(?:^|[\s(])(?:[eE]\.g|[iI]\.e|vs|Vs|cf|approx|Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Fig|No|Vol)\.$/;

let segmenter: Intl.Segmenter | null | undefined;

function sentenceSegmenter(): Intl.Segmenter | null {
	if (segmenter === undefined) {
		segmenter =
			typeof Intl !== 'undefined' && 'Segmenter' in Intl
				? new Intl.Segmenter('en', { granularity: 'sentence' })
				: null;
	}
	return segmenter;
}

/** Raw pieces as [start, end) offsets, before abbreviations are rejoined. */
function pieces(text: string): [number, number][] {
	const found: [number, number][] = [];
	const native = sentenceSegmenter();
	if (native) {
		for (const { index, segment } of native.segment(text))
			found.push([index, index + segment.length]);
		return found;
	}
	// Fallback: end after . ! or ? (and closing quotes) followed by space and a capital or digit.
	const boundary = /[.!?]+["')\]]*\s+(?=["'(\[]?[\p{Lu}\p{N}])/gu;
	let start = 0;
	for (const match of text.matchAll(boundary)) {
		const end = (match.index ?? 0) + match[0].length;
		found.push([start, end]);
		start = end;
	}
	if (start < text.length) found.push([start, text.length]);
	return found;
}

/**
 * Splits a paragraph into sentences with their offsets.
 *
 * @example
 * splitSentences('Pay is good (e.g., big data). Coding vs. Hourly work. Ok!').map((s) => s.text);
 * // ["Pay is good (e.g., big data).", "Coding vs. Hourly work.", "Ok!"]
 */
export function splitSentences(text: string): Sentence[] {
	const merged: [number, number][] = [];
	let pending: [number, number] | null = null;
	for (const piece of pieces(text)) {
		const current: [number, number] = pending ? [pending[0], piece[1]] : piece;
		const body = text.slice(current[0], current[1]).trimEnd();
		pending = ABBREVIATION_AT_END.test(body) ? current : null;
		if (!pending) merged.push(current);
	}
	if (pending) merged.push(pending);

	const sentences: Sentence[] = [];
	for (const [from, to] of merged) {
		const raw = text.slice(from, to);
		const lead = raw.length - raw.trimStart().length;
		const trimmed = raw.trim();
		if (!trimmed) continue;
		sentences.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
	}
	return sentences;
}
