/**
 * How long extraction takes on a 10,000-word article (the target is 200 ms p95), and on the
 * worst 200,000-character inputs found (extraction runs in a worker, but a user waits for it,
 * so these must stay well under a few seconds). Every run has the parts of speech the New
 * deck screen's worker gives it; building the tagger, once per extraction, is timed apart.
 * Run with `npx vitest bench --run bench/extract.bench.ts`.
 */
import { bench, describe } from 'vitest';
import { BUILTIN_ARTICLE } from '$lib/content/builtin-article';
import { repeatedArticle, variedArticle, wordCount } from './articles';
import { ValidationError } from '$lib/errors';
import { extractDrafts as extractWithoutTagger, MAX_ARTICLE_CHARS } from '$lib/extract';
import { createWinkTagger } from '$lib/extract/wink-tagger';

const tagger = createWinkTagger();
const extractDrafts = (text: string) => extractWithoutTagger(text, { tagger });

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

describe('the tagger', () => {
	bench('building wink-nlp and its English model (once per extraction)', () => {
		createWinkTagger();
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
