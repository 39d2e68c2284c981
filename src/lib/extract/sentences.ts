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
/** The longest text `ABBREVIATION_AT_END` can match ("(approx."), plus one. */
const ABBREVIATION_REACH = 9;

/**
 * How much of a paragraph `Intl.Segmenter` is given at once. Its iterator takes time in
 * proportion to the whole string at every step (V8 in Node 20), so one 200,000-character
 * paragraph of short sentences took 9 seconds; windows keep each step short.
 */
const SEGMENT_WINDOW = 2000;

/**
 * A character that ends the look-ahead of every sentence-break rule (UAX #29 SB8–SB11 look
 * past closing punctuation, spaces and digits, but stop at a cased letter or a terminator).
 * A break the segmenter finds in a window is certain only if one of these follows it there.
 */
const LOOKAHEAD_STOP = /[\p{Lu}\p{Ll}.!?]/u;

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

/**
 * The segmenter's pieces, found window by window. A window ends in the middle of the text, so
 * only the breaks before its last look-ahead stop are kept, and the next window starts at the
 * last of them; a window without one is doubled. Each break is decided on the same
 * characters as in the whole paragraph, so the pieces are the same.
 */
function segmentPieces(
	native: Intl.Segmenter,
	text: string,
	windowSize: number
): [number, number][] {
	const found: [number, number][] = [];
	let start = 0;
	let size = windowSize;
	while (start < text.length) {
		const end = Math.min(text.length, start + size);
		const chunk = text.slice(start, end);
		let certain = chunk.length;
		if (end < text.length) {
			certain = -1;
			for (let i = chunk.length - 1; i >= 0 && certain < 0; i--)
				if (LOOKAHEAD_STOP.test(chunk.charAt(i))) certain = i;
		}
		const before = found.length;
		for (const { index, segment } of native.segment(chunk)) {
			if (index + segment.length > certain) break;
			found.push([start + index, start + index + segment.length]);
		}
		if (found.length === before) {
			size *= 2;
			continue;
		}
		start = (found[found.length - 1] as [number, number])[1];
		size = windowSize;
	}
	return found;
}

/** Raw pieces as [start, end) offsets, before abbreviations are rejoined. */
function pieces(text: string, windowSize: number): [number, number][] {
	const native = sentenceSegmenter();
	if (native) return segmentPieces(native, text, windowSize);
	// Fallback: end after . ! or ? (and closing quotes) followed by space and a capital or digit.
	// Every run of end marks is matched whole, boundary or not, so a failed match never
	// restarts inside the run (which made a line of dots quadratic).
	const found: [number, number][] = [];
	const boundary = /[.!?]+["')\]]*(\s+(?=["'(\[]?[\p{Lu}\p{N}]))?/gu;
	let start = 0;
	for (const match of text.matchAll(boundary)) {
		if (match[1] === undefined) continue;
		const end = (match.index ?? 0) + match[0].length;
		found.push([start, end]);
		start = end;
	}
	if (start < text.length) found.push([start, text.length]);
	return found;
}

/**
 * Splits a paragraph into sentences with their offsets. `windowSize` is how many characters
 * the segmenter sees at once (tests pass a small one to check that windows change nothing).
 *
 * @example
 * splitSentences('Pay is good (e.g., big data). Coding vs. Hourly work. Ok!').map((s) => s.text);
 * // ["Pay is good (e.g., big data).", "Coding vs. Hourly work.", "Ok!"]
 */
export function splitSentences(text: string, windowSize = SEGMENT_WINDOW): Sentence[] {
	const merged: [number, number][] = [];
	let pending: [number, number] | null = null;
	for (const piece of pieces(text, windowSize)) {
		const current: [number, number] = pending ? [pending[0], piece[1]] : piece;
		// Only the end of the run can hold the abbreviation: look at its last few characters,
		// not the whole run, which "Mr. Mr. Mr. …" makes as long as the paragraph.
		let end = piece[1];
		while (end > piece[0] && /\s/.test(text.charAt(end - 1))) end -= 1;
		const abbreviated: boolean =
			end === piece[0]
				? pending !== null // a piece of spaces leaves the run's end as it was
				: ABBREVIATION_AT_END.test(text.slice(Math.max(current[0], end - ABBREVIATION_REACH), end));
		pending = abbreviated ? current : null;
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
