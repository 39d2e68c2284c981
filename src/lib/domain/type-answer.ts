/**
 * Anki's type-in answers (`{{type:Field}}`): the question has a box to type the answer in,
 * and the answer side compares what was typed with the expected answer, marking the
 * differences. Imported cards keep two plain-text markers, which survive sanitising and
 * storage: `[[type]]` where the box goes, and `[[type:expected answer]]` where the
 * comparison goes (`]` written `&#93;`, so an answer cannot end the marker early, and `<`, `>`
 * as entities, so the sanitiser never reads a tag in it).
 */

export const TYPE_BOX = '[[type]]';
export const COMPARISON = /\[\[type:([^\]]*)\]\]/g;

/**
 * The marker for the comparison, from the expected answer's text (entities as the field
 * has them).
 *
 * @example
 * typeAnswerMarker('Paris'); // '[[type:Paris]]'
 */
export function typeAnswerMarker(expected: string): string {
	return `[[type:${expected
		.trim()
		.replace(/\]/g, '&#93;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')}]]`;
}

/** One run of characters in a comparison. */
export interface ComparedPart {
	text: string;
	/** `good`: typed and expected; `bad`: typed, not expected; `missed`: expected, not typed. */
	kind: 'good' | 'bad' | 'missed';
}

function runs(chars: { char: string; kind: ComparedPart['kind'] }[]): ComparedPart[] {
	const parts: ComparedPart[] = [];
	for (const { char, kind } of chars) {
		const last = parts.at(-1);
		if (last?.kind === kind) last.text += char;
		else parts.push({ text: char, kind });
	}
	return parts;
}

/** Answers longer than this are compared as wholes (the character table grows as the square). */
const MAX_COMPARED = 1000;

/**
 * What was typed against what was expected, character by character (the longest common
 * subsequence): the typed text with the characters that do not belong marked `bad`, and the
 * expected text with the characters that were not typed marked `missed`.
 *
 * @example
 * compareAnswer('Pariss', 'Paris').typed; // [{ text: 'Paris', kind: 'good' }, { text: 's', kind: 'bad' }]
 */
export function compareAnswer(
	typed: string,
	expected: string
): { typed: ComparedPart[]; expected: ComparedPart[] } {
	const a = [...typed];
	const b = [...expected];
	if (a.length > MAX_COMPARED || b.length > MAX_COMPARED) {
		const same = typed === expected;
		return {
			typed: typed ? [{ text: typed, kind: same ? 'good' : 'bad' }] : [],
			expected: expected ? [{ text: expected, kind: same ? 'good' : 'missed' }] : []
		};
	}
	// lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
	const lengths = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lengths[i]![j] =
				a[i] === b[j]
					? lengths[i + 1]![j + 1]! + 1
					: Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
	const typedChars: { char: string; kind: ComparedPart['kind'] }[] = [];
	const expectedChars: { char: string; kind: ComparedPart['kind'] }[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			typedChars.push({ char: a[i]!, kind: 'good' });
			expectedChars.push({ char: b[j]!, kind: 'good' });
			i++;
			j++;
		} else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
			typedChars.push({ char: a[i]!, kind: 'bad' });
			i++;
		} else {
			expectedChars.push({ char: b[j]!, kind: 'missed' });
			j++;
		}
	}
	return { typed: runs(typedChars), expected: runs(expectedChars) };
}

/**
 * The card's text with its type-in markers as plain content: no box, and the expected answer
 * where the comparison was. For what leaves the app (an `.apkg`, a CSV) and for search.
 *
 * @example
 * withoutTypeMarkers('Capital?[[type]]'); // 'Capital?'
 * withoutTypeMarkers('[[type:Paris]]'); // 'Paris'
 */
export function withoutTypeMarkers(html: string): string {
	if (!html.includes('[[type')) return html;
	return html.replaceAll(TYPE_BOX, '').replace(COMPARISON, '$1');
}
