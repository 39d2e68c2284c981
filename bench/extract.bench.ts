/**
 * How long extraction takes on a 10,000-word article (the target is well under a second), and
 * on the worst 200,000-character inputs found (extraction runs on the page's main thread, so
 * these must stay well under a second too).
 * Run with `npx vitest bench --run bench/extract.bench.ts`.
 */
import { bench, describe } from 'vitest';
import { BUILTIN_ARTICLE } from '$lib/content/builtin-article';
import { ValidationError } from '$lib/errors';
import { extractDrafts, MAX_ARTICLE_CHARS } from '$lib/extract';

function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** The shipped article repeated to 10,000 words: realistic prose, and many near-duplicates to merge. */
function repeatedArticle(): string {
	const parts: string[] = [];
	for (let i = 0; wordCount(parts.join('\n\n')) < 10_000; i++)
		parts.push(BUILTIN_ARTICLE.text.replace(/backend/g, i % 2 ? 'backend' : 'server-side'));
	return parts.join('\n\n');
}

const SYLLABLES = [
	'ka',
	'lo',
	'mir',
	'ven',
	'tos',
	'rua',
	'pel',
	'dri',
	'sam',
	'quo',
	'bex',
	'nul'
];

/** A made-up word for each number, so the synthetic sections differ in words, not just digits. */
function word(n: number): string {
	let result = '';
	let rest = n + SYLLABLES.length;
	while (rest > 0) {
		result += SYLLABLES[rest % SYLLABLES.length];
		rest = Math.floor(rest / SYLLABLES.length);
	}
	return result;
}

/** 10,000 words of distinct sentences that every rule fires on, so little is merged away. */
function variedArticle(): string {
	const sections: string[] = ['A Synthetic Field Guide'];
	for (let i = 0; wordCount(sections.join('\n\n')) < 10_000; i++) {
		const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map((k) => word(i * 6 + k));
		sections.push(
			`How to Learn ${a}?`,
			`The first step to learning ${a} is reading the ${b} chapter. Next, you need to practise ${c}. ` +
				`Finally, you need to review ${d}.`,
			`One common misconception is that ${a} is only for ${e} experts. In fact, ${f} beginners learn ${a} in weeks.`,
			`The ${b} module is responsible for parsing ${c}, caching ${d}, and logging ${e}. ` +
				`Engineers of the ${b} module must be able to debug ${f} quickly.`,
			`A typical week on the ${c} project might include the following:`,
			`- Planning ${d}.\n- Writing ${e}.\n- Testing ${f}.\n- Shipping ${a}.`,
			`The most important habit for the ${d} team should be writing down ${e}. ` +
				`Do you want to know more about ${f}? Don't hesitate to read on!`
		);
	}
	return sections.join('\n\n');
}

const repeated = repeatedArticle();
const varied = variedArticle();

describe(`extractDrafts on 10,000 words`, () => {
	bench(`shipped article repeated (${wordCount(repeated)} words)`, () => {
		extractDrafts(repeated);
	});
	bench(`varied synthetic article (${wordCount(varied)} words)`, () => {
		extractDrafts(varied);
	});
	bench(`shipped article once (${wordCount(BUILTIN_ARTICLE.text)} words)`, () => {
		extractDrafts(BUILTIN_ARTICLE.text);
	});
});

/** `unit` repeated to fill the 200,000 characters an article may have. */
function fill(unit: string): string {
	return unit.repeat(Math.floor(MAX_ARTICLE_CHARS / unit.length));
}

/** "Tools such as a, b, c and xN are used." for N = 0, 1, … up to the limit. */
function enumerations(): string {
	const paragraphs: string[] = [];
	for (let n = 0, length = 0; length < MAX_ARTICLE_CHARS - 60; n++) {
		paragraphs.push(`Tools such as a, b, c and x${n} are used.`);
		length += (paragraphs[n] as string).length + 2;
	}
	return paragraphs.join('\n\n');
}

function attempt(text: string): void {
	try {
		extractDrafts(text);
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
	}
}

// The slowest inputs found once the quadratic paths were fixed (repetition that makes 18,000
// to 23,000 candidate cards), and the slowest before (80 s for the line of "[").
const sameList = fill('Tea has many kinds:\n\n- Green\n- Black\n- Oolong\n- White\n\n');
const shared = enumerations();
const brackets = `Intro sentence one. Intro two.\n\n${'['.repeat(199_000)}`;

describe('extractDrafts on adversarial 200,000-character input', () => {
	bench('one list repeated 3,600 times', () => attempt(sameList));
	bench('4,700 enumerations that share most words', () => attempt(shared));
	bench('a line of 199,000 "["', () => attempt(brackets));
});
