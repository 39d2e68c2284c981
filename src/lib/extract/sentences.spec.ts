import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { splitSentences } from './sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
	it('splits on sentence ends and keeps offsets into the paragraph', () => {
		const text = 'This could not be further from the truth!  In fact, it is hard. Done';
		const sentences = splitSentences(text);
		expect(sentences.map((s) => s.text)).toEqual([
			'This could not be further from the truth!',
			'In fact, it is hard.',
			'Done'
		]);
		for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
	});

	it('does not end a sentence at "e.g.," inside brackets', () => {
		expect(
			texts('Backend developers are paid well (e.g., big data, machine learning). Next.')
		).toEqual(['Backend developers are paid well (e.g., big data, machine learning).', 'Next.']);
	});

	it('rejoins sentences cut after "vs." or a title before a capital', () => {
		expect(texts('Coding vs. Hourly Work is a heading. Mr. Smith agreed.')).toEqual([
			'Coding vs. Hourly Work is a heading.',
			'Mr. Smith agreed.'
		]);
	});

	it('still ends a sentence after "etc."', () => {
		expect(texts('We use Java, Go, etc. The end.')).toEqual(['We use Java, Go, etc.', 'The end.']);
	});

	it('rejoins "Mr. Mr. Mr. …"', () => {
		expect(splitSentences('Mr. '.repeat(50_000))).toHaveLength(1);
	});

	it('splits one paragraph of 40,000 sentences', () => {
		expect(splitSentences('Tea. '.repeat(40_000))).toHaveLength(40_000);
	});

	it('gives the same sentences when the segmenter sees the paragraph in small windows', () => {
		const article = readFileSync(
			new URL('../content/what-does-a-backend-developer-do.txt', import.meta.url),
			'utf8'
		).replace(/\s+/g, ' ');
		const paragraphs = [
			article,
			'Pay is good (e.g., big data). Coding vs. Hourly work. Mr. Smith agreed! "Yes." (No.) Ok?! Fine',
			'It costs 3.5 dollars. 4. Item. e.g. 5 apples. U.S. rules apply... maybe. Done.)) "Quote?" he said.',
			'Привет мир. 日本語の文。次の文。 Ünïcödé! é. ¿Qué? ¡Sí! Tea\u00a0is hot.   Spaces   here.',
			'A. B. C. 1. 2. 3. a. b. c. ... !!! ??? .)]" next. Next'
		];
		for (const paragraph of paragraphs) {
			const whole = splitSentences(paragraph, Number.MAX_SAFE_INTEGER);
			for (const window of [1, 2, 7, 40, 500])
				expect(splitSentences(paragraph, window)).toEqual(whole);
		}
	});
});

describe('splitSentences without Intl.Segmenter', () => {
	/** Loads the module afresh with `Intl.Segmenter` gone, as in a browser that lacks it. */
	async function fallbackSplit(): Promise<typeof splitSentences> {
		const descriptor = Object.getOwnPropertyDescriptor(Intl, 'Segmenter');
		Reflect.deleteProperty(Intl, 'Segmenter');
		try {
			vi.resetModules();
			const { splitSentences: split } = await import('./sentences');
			split('Load. It.');
			return split;
		} finally {
			if (descriptor) Object.defineProperty(Intl, 'Segmenter', descriptor);
			vi.resetModules();
		}
	}

	it('splits after an end mark followed by a space and a capital', async () => {
		const split = await fallbackSplit();
		expect(
			split('Tea is hot... "Coffee" too! Mr. Smith agreed. 3 cups?! ok.').map((s) => s.text)
		).toEqual(['Tea is hot...', '"Coffee" too!', 'Mr. Smith agreed.', '3 cups?! ok.']);
	});

	it('reads a line of 199,000 dots', async () => {
		const split = await fallbackSplit();
		expect(split(`Tea${'.'.repeat(199_000)}x. Tea.`)).toHaveLength(2);
	});
});
