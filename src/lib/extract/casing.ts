/**
 * Capitalisation. Fronts are built by moving words around ("the backend is responsible for" →
 * "What is the backend responsible for?"), which means lower-casing a word that began a
 * sentence or a title-case heading. That is only right for common words, so the article itself
 * is asked which words are names: a word that is capitalised in mid-sentence and never written
 * in lower case anywhere (Java, Python, YouTube) is kept as it is.
 */

const WORD = /\p{L}[\p{L}\p{N}'-]*/gu;

/** Words of a heading that title case leaves in lower case. */
export const SMALL_WORDS: ReadonlySet<string> = new Set(
	(
		'a an and as at but by for from in into is are of off on onto or nor per so the than to up ' +
		'upon via vs vs. with within without yet be was were it its'
	).split(' ')
);

function isAcronym(word: string): boolean {
	// Two capitals anywhere (API, APIs, UX, YouTube) mark a name, not a capitalised common word.
	return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** Which words of one article are names and must keep their capital. */
export class Vocabulary {
	readonly #names: ReadonlySet<string>;
	readonly #lower: ReadonlySet<string>;

	private constructor(names: ReadonlySet<string>, lower: ReadonlySet<string>) {
		this.#names = names;
		this.#lower = lower;
	}

	/**
	 * Learns the article's names from its sentences (not headings: they are title case).
	 *
	 * @example
	 * const v = Vocabulary.fromSentences(['We use Java here.', 'Java is old.', 'The backend.']);
	 * v.isName('Java'); // true
	 * v.isName('The'); // false
	 */
	static fromSentences(sentences: Iterable<string>): Vocabulary {
		const capitalised = new Set<string>();
		const lower = new Set<string>();
		for (const sentence of sentences) {
			let first = true;
			for (const match of sentence.matchAll(WORD)) {
				const word = match[0];
				const key = word.toLowerCase();
				if (word === key) lower.add(key);
				else if (!first) {
					// A word after an opening quote or colon is a sentence start in disguise.
					const before = sentence.slice(Math.max(0, (match.index ?? 0) - 2), match.index);
					if (!/[:"(]\s?$/.test(before)) capitalised.add(key);
				}
				first = false;
			}
		}
		const names = new Set<string>();
		for (const key of capitalised) if (!lower.has(key)) names.add(key);
		return new Vocabulary(names, lower);
	}

	/**
	 * True when the word may be written in lower case: the article does so somewhere, or it is
	 * a small word. A word only ever seen at the start of sentences ("Kubernetes is…") may be
	 * a name, and keeps its capital.
	 *
	 * @example
	 * Vocabulary.fromSentences(['Tea is hot.', 'I like tea.']).mayLower('Tea'); // true
	 */
	mayLower(word: string): boolean {
		const key = word.toLowerCase();
		return !this.isName(word) && (this.#lower.has(key) || SMALL_WORDS.has(key));
	}

	/** True for a word that must keep its capital letters mid-sentence. */
	isName(word: string): boolean {
		if (word === 'I' || word.startsWith("I'")) return true;
		if (isAcronym(word)) return true;
		return this.#names.has(word.toLowerCase());
	}

	/**
	 * Lower-cases the first word of `text` unless it is a name, so the text can follow other words.
	 *
	 * @example
	 * vocabulary.lowerFirst('Frontend developers only…'); // "frontend developers only…"
	 */
	lowerFirst(text: string): string {
		const match = /^\p{L}[\p{L}\p{N}'-]*/u.exec(text);
		if (!match || this.isName(match[0])) return text;
		return text.charAt(0).toLowerCase() + text.slice(1);
	}

	/**
	 * Lower-cases the first word of `text` when the article writes that word so elsewhere (or
	 * it is a small word): "Meritocracy" → "meritocracy", while a word only ever seen
	 * capitalised ("Kubernetes", "BDFL") keeps its capital. Stricter than `lowerFirst`, for a
	 * term or statement quoted inside a question.
	 *
	 * @example
	 * Vocabulary.fromSentences(['The web is open.', 'I use the web.']).lowerFirstIfUsual('The web is open.'); // "the web is open."
	 */
	lowerFirstIfUsual(text: string): string {
		const first = (text.split(' ')[0] ?? '').replace(/\W+$/, '');
		return this.mayLower(first) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
	}

	/**
	 * Turns a title-case heading into sentence case, keeping names.
	 *
	 * @example
	 * vocabulary.sentenceCase('How to Start as a Backend Developer'); // "How to start as a backend developer"
	 */
	sentenceCase(heading: string): string {
		// An all-capitals heading says nothing about which words are acronyms.
		const shouting = !/\p{Ll}/u.test(heading);
		let first = true;
		return heading.replace(WORD, (word) => {
			const lower = word.toLowerCase();
			const isFirst = first;
			first = false;
			if (shouting) {
				if (this.#names.has(lower)) return capitaliseFirst(lower);
				return isFirst ? capitaliseFirst(lower) : lower;
			}
			return isFirst || this.isName(word) ? word : lower;
		});
	}
}

/**
 * Upper-cases the first letter of `text`.
 *
 * @example
 * capitaliseFirst('coding is fun.'); // "Coding is fun."
 */
export function capitaliseFirst(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * How a short line is capitalised: `title` (every significant word capitalised), `sentence`
 * (only the first), `mixed`, or `any` when it has no significant word after the first.
 *
 * @example
 * caseStyle('Typical Day a Backend Developer Might Have'); // "title"
 * caseStyle('Job security'); // "sentence"
 */
export function caseStyle(line: string): 'title' | 'sentence' | 'mixed' | 'any' {
	const words = [...line.matchAll(WORD)].map((m) => m[0]).slice(1);
	const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
	if (significant.length === 0) return 'any';
	const capitalised = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
	if (capitalised === significant.length) return 'title';
	if (capitalised === 0) return 'sentence';
	// One lower-case word in a long title is a slip, not a different style.
	if (significant.length >= 5 && capitalised >= significant.length - 1) return 'title';
	return 'mixed';
}
