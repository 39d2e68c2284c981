import { describe, expect, it } from 'vitest';
import { withOffsets } from './tagger';
import { createWinkTagger } from './wink-tagger';

describe('withOffsets', () => {
	it('finds each word after the previous one', () => {
		expect(
			withOffsets('a b a', [
				['a', 'DET'],
				['b', 'NOUN'],
				['a', 'DET']
			]).map((w) => [w.start, w.end])
		).toEqual([
			[0, 1],
			[2, 3],
			[4, 5]
		]);
	});

	it('gives a word the tokenizer changed an empty span where the search stopped', () => {
		expect(withOffsets('ab', [['x', 'X']])[0]).toMatchObject({ start: 0, end: 0 });
	});
});

describe('createWinkTagger', () => {
	const tagger = createWinkTagger();

	it('tags nouns, verbs and names, with offsets into the sentence', () => {
		const words = tagger.tag("A fiscal sponsor accepts donations on the project's behalf.");
		const sentence = "A fiscal sponsor accepts donations on the project's behalf.";
		expect(words.map((w) => w.pos).slice(0, 5)).toEqual(['DET', 'ADJ', 'NOUN', 'VERB', 'NOUN']);
		for (const word of words) expect(sentence.slice(word.start, word.end)).toBe(word.text);
	});

	it('splits contractions into words that keep their place', () => {
		const words = tagger.tag("Rust doesn't need a runtime.");
		expect(words.map((w) => w.text)).toEqual(['Rust', 'does', "n't", 'need', 'a', 'runtime', '.']);
		expect(words[0]?.pos).toBe('PROPN');
	});
});
