import { describe, expect, it } from 'vitest';
import {
	asStatement,
	isPluralPhrase,
	onlyAVagueKind,
	resolveLeadingPronoun,
	runStart,
	startsDangling,
	stripConnectives,
	subjectFromBefore,
	subjectOf,
	withFinalStop,
	withoutClosingPunctuation,
	withoutFinalStop,
	withoutTrailing
} from './wording';

describe('stripConnectives', () => {
	it('removes openers that tie a sentence to the one before', () => {
		expect(stripConnectives('In contrast, backend developers must be good at algorithms.')).toBe(
			'Backend developers must be good at algorithms.'
		);
		expect(stripConnectives('Of course, there are others.')).toBe('There are others.');
		expect(stripConnectives('Last but not least, it helps.')).toBe('It helps.');
	});

	it('leaves a sentence without a connective unchanged', () => {
		expect(stripConnectives('Another misconception is that X.')).toBe(
			'Another misconception is that X.'
		);
		expect(stripConnectives('Thenceforth is a word.')).toBe('Thenceforth is a word.');
	});
});

describe('startsDangling', () => {
	it('flags pronouns and demonstratives that point outside the sentence', () => {
		expect(startsDangling('They must be able to optimise queries.')).toBe(true);
		expect(startsDangling("It's a way to talk.")).toBe(true);
		expect(startsDangling('This means job security.')).toBe(true);
	});

	it('does not flag existential "There are" or a noun', () => {
		expect(startsDangling('There are many options.')).toBe(false);
		expect(startsDangling('Theories abound.')).toBe(false);
	});
});

describe('onlyAVagueKind', () => {
	it('finds a short definition that only names a vague kind', () => {
		expect(onlyAVagueKind('A specific type of responsibility.')).toBe(true);
		expect(onlyAVagueKind('A growing role within scientific communities.')).toBe(true);
	});

	it('accepts one that tells the term apart', () => {
		expect(onlyAVagueKind('A quantum correlation between quantum systems.')).toBe(false);
		expect(onlyAVagueKind('A type of license that lets anyone reuse the code freely.')).toBe(false);
	});
});

describe('subjectFromBefore', () => {
	it('finds a subject the sentences before named, past a date or adverb set before it', () => {
		expect(subjectFromBefore('Between 1991-1995, these were introduced one by one.')).toBe(true);
		expect(subjectFromBefore('Notably, we can cite new extensions that appeared in 2016.')).toBe(
			true
		);
		expect(subjectFromBefore('The plan will go into effect January 25, 2023.')).toBe(true);
		expect(subjectFromBefore('The first step is to install Rust.')).toBe(true);
		expect(subjectFromBefore('The public access plan requires data to be shared.')).toBe(true);
		expect(subjectFromBefore('In 2020, however, they changed it again.')).toBe(true);
		expect(subjectFromBefore("I'd say the rule is simple.")).toBe(true);
	});

	it('accepts a subject that says what it is', () => {
		expect(subjectFromBefore('In 1989, Tim Berners-Lee wrote a proposal at CERN.')).toBe(false);
		expect(subjectFromBefore('The first rule of ARIA is not to use ARIA.')).toBe(false);
		expect(subjectFromBefore('The best (and hardest) part about governance is sharing.')).toBe(
			false
		);
		expect(subjectFromBefore('The Strategy for Data Management is released.')).toBe(false);
		expect(subjectFromBefore('Officially standardized in May 2015, HTTP/2 use peaked.')).toBe(
			false
		);
		expect(subjectFromBefore('The heart has four chambers.')).toBe(false);
		expect(subjectFromBefore('The speed of light is 299,792 km/s.')).toBe(false);
		expect(subjectFromBefore('US law requires a notice.')).toBe(false);
		expect(subjectFromBefore('I/O is slow on this disk.')).toBe(false);
	});
});

describe('subjectOf and resolveLeadingPronoun', () => {
	it('finds a short concrete subject', () => {
		expect(subjectOf('The backend developer is also responsible for speed.')).toEqual({
			text: 'The backend developer',
			plural: false
		});
		expect(subjectOf('You need to code.')).toBeNull();
	});

	it('replaces "They" before a modal whatever the number', () => {
		expect(
			resolveLeadingPronoun('They must be able to troubleshoot.', {
				text: 'The backend developer',
				plural: false
			})
		).toBe('The backend developer must be able to troubleshoot.');
	});

	it('expands "It\'s" and refuses a pronoun that does not agree', () => {
		expect(resolveLeadingPronoun("It's a way to talk.", { text: 'coding', plural: false })).toBe(
			'Coding is a way to talk.'
		);
		expect(
			resolveLeadingPronoun('They need rest.', { text: 'the coder', plural: false })
		).toBeNull();
	});
});

describe('isPluralPhrase', () => {
	it('judges by the head noun', () => {
		expect(isPluralPhrase('a typical day for a backend developer')).toBe(false);
		expect(isPluralPhrase('backend developers')).toBe(true);
		expect(isPluralPhrase('the process')).toBe(false);
	});
});

describe('final punctuation', () => {
	it('adds or removes the final stop', () => {
		expect(withFinalStop('Good pay')).toBe('Good pay.');
		expect(withFinalStop('Is it?')).toBe('Is it?');
		expect(withoutFinalStop('Debugging issues.')).toBe('Debugging issues');
		expect(asStatement('Anyone can learn it!')).toBe('Anyone can learn it.');
	});
});

describe('sentence ends on long runs', () => {
	// A pattern like /[,;:]+$/ tries every position of a run: quadratic, seconds on 100,000.
	const run = (c: string) => c.repeat(100_000);

	it('withFinalStop', () => {
		expect(withFinalStop(`a${run(';')}b`)).toBe(`a${run(';')}b.`);
		expect(withFinalStop(`Tea${run(',')}`)).toBe('Tea.');
	});

	it('withoutFinalStop', () => {
		expect(withoutFinalStop(`a${run(',')}b`)).toBe(`a${run(',')}b`);
		expect(withoutFinalStop(`Tea${run('.')}`)).toBe('Tea');
	});

	it('asStatement', () => {
		expect(asStatement(`a${run('!')}b`)).toBe(`a${run('!')}b`);
		expect(asStatement(`Tea${run('!')}")`)).toBe('Tea.")');
	});
});

describe('runStart', () => {
	it('finds where a run of the given characters ends a text', () => {
		expect(runStart('Wait!!', '!')).toBe(4);
		expect(runStart('Wait!!")', '!', 6)).toBe(4);
		expect(runStart('Wait', '!')).toBe(4);
		expect(runStart('!!!', '!')).toBe(0);
		expect(runStart('Tea  \t', /\s/)).toBe(3);
	});
});

describe('withoutTrailing and withoutClosingPunctuation', () => {
	it('remove only what ends the text', () => {
		expect(withoutTrailing('Really?!?', '?!')).toBe('Really');
		expect(withoutTrailing('?Really', '?')).toBe('?Really');
		expect(withoutClosingPunctuation('and Ruby.")')).toBe('and Ruby');
		expect(withoutClosingPunctuation('and Ruby")')).toBe('and Ruby")');
		expect(withoutClosingPunctuation('Ruby;:.')).toBe('Ruby');
	});
});
