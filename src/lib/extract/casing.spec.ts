import { describe, expect, it } from 'vitest';
import { caseStyle, capitaliseFirst, Vocabulary } from './casing';

const vocabulary = Vocabulary.fromSentences([
	'Some of the most popular are PHP, Java, Python, and Ruby.',
	'Java is widely used.',
	'The backend is responsible for data.',
	'Start with Backend Engineering on YouTube.',
	'A backend developer writes code.'
]);

describe('Vocabulary', () => {
	it('treats words capitalised mid-sentence and never lower case as names', () => {
		expect(vocabulary.isName('Java')).toBe(true);
		expect(vocabulary.isName('Ruby')).toBe(true);
		expect(vocabulary.isName('PHP')).toBe(true);
		expect(vocabulary.isName('YouTube')).toBe(true);
	});

	it('does not treat a word that also appears in lower case as a name', () => {
		expect(vocabulary.isName('Backend')).toBe(false);
		expect(vocabulary.isName('The')).toBe(false);
	});

	it('lower-cases the first word unless it is a name', () => {
		expect(vocabulary.lowerFirst('The backend stores data')).toBe('the backend stores data');
		expect(vocabulary.lowerFirst('Java is old')).toBe('Java is old');
	});

	it('lower-cases a first word only where the article writes it so', () => {
		const v = Vocabulary.fromSentences([
			'Meritocracy is a model.',
			'Under a meritocracy, all vote.'
		]);
		expect(v.lowerFirstIfUsual('Meritocracy')).toBe('meritocracy');
		expect(v.lowerFirstIfUsual('The model, is it fair?')).toBe('the model, is it fair?');
		expect(v.lowerFirstIfUsual('Kubernetes runs pods.')).toBe('Kubernetes runs pods.');
	});

	it('turns an all-capitals heading into sentence case', () => {
		expect(vocabulary.sentenceCase('HOW TO LEARN JAVA')).toBe('How to learn Java');
	});

	it('turns a title-case heading into sentence case, keeping names', () => {
		expect(vocabulary.sentenceCase('How to Start as a Backend Developer With Java')).toBe(
			'How to start as a backend developer with Java'
		);
	});
});

describe('caseStyle', () => {
	it('tells title case from sentence case', () => {
		expect(caseStyle('Typical Day a Backend Developer Might Have')).toBe('title');
		expect(caseStyle('What a Backend Developer is Responsible For?')).toBe('title');
		expect(caseStyle('Job security')).toBe('sentence');
		expect(caseStyle('Conclusion')).toBe('any');
		expect(caseStyle('Good Pay and benefits')).toBe('mixed');
	});
});

describe('capitaliseFirst', () => {
	it('upper-cases only the first letter', () => {
		expect(capitaliseFirst('managing data')).toBe('Managing data');
	});
});
