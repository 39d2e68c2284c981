/**
 * Content words: a text reduced to the words that carry its meaning, lower-cased, with a
 * light plural stem. Near-duplicate detection and matching a correction to the claim it
 * answers both compare these sets.
 */

const STOPWORDS: ReadonlySet<string> = new Set(
	(
		"a about above after again all also am an and any are aren't as at be because been before " +
		"being below between both but by can can't cannot could couldn't did didn't do does doesn't " +
		"doing don't down during each even ever every few for from further had has have having he her " +
		"here hers him his how i i'm if in into is isn't it it's its itself just let's like many may me " +
		'might more most much must my no nor not now of off often on once one only or other our ours out ' +
		"over own quite rather really same she should so some such than that that's the their theirs " +
		"them then there there's these they they're this those through to too under until up upon us " +
		"usually very was wasn't we were what what's when where which while who whom why will with " +
		"won't would you you're your yours yourself"
	).split(' ')
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'-]*/gu;

/** Folds plurals together ("developers" and "developer") without a dictionary. */
function stem(word: string): string {
	if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
	if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word))
		return word.slice(0, -1);
	return word;
}

/**
 * The set of content words of `text`.
 *
 * @example
 * contentTokens('The backend developers are responsible'); // Set {"backend", "developer", "responsible"}
 */
export function contentTokens(text: string): Set<string> {
	const tokens = new Set<string>();
	for (const match of text.toLowerCase().matchAll(WORD)) {
		const word = match[0].replace(/'s$/, '');
		if (!STOPWORDS.has(match[0]) && !STOPWORDS.has(word)) tokens.add(stem(word));
	}
	return tokens;
}

/** How many members two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	let shared = 0;
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	for (const token of small) if (large.has(token)) shared += 1;
	return shared;
}

/**
 * Jaccard similarity of two sets: shared members over all members, 0 for two empty sets.
 *
 * @example
 * jaccard(new Set(['a', 'b']), new Set(['b', 'c'])); // 1/3
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	const shared = overlap(a, b);
	const union = a.size + b.size - shared;
	return union === 0 ? 0 : shared / union;
}
