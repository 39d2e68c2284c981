import { describe, expect, it } from 'vitest';
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
});
