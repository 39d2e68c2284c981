import { describe, expect, it } from 'vitest';
import { isNoise, noiseKind } from './noise';

describe('noiseKind', () => {
	it('recognises rhetorical questions', () => {
		expect(noiseKind('Do you want to know what a backend developer does?')).toBe('question');
		expect(noiseKind('But what does it actually mean?')).toBe('question');
	});

	it('recognises calls to action', () => {
		expect(noiseKind("So if you're curious, don't hesitate to read on!")).toBe('call-to-action');
		expect(noiseKind('See you there on our adventure as problem-solvers!')).toBe('call-to-action');
		expect(noiseKind("Don't let these misconceptions discourage you.")).toBe('call-to-action');
	});

	it('recognises greetings, the author speaking and transitions', () => {
		expect(noiseKind("Great, because in this article, I'm going to break it down.")).toBe(
			'greeting'
		);
		expect(noiseKind('I will shed some light on it in the subsequent posts.')).toBe('author');
		expect(noiseKind('Whatever the reason, there is no doubt it pays.')).toBe('transition');
		expect(noiseKind('Suppose you have a knack for puzzles.')).toBe('transition');
	});

	it('lets statements about the subject through', () => {
		expect(isNoise('The backend is responsible for managing data.')).toBe(false);
		expect(isNoise('Great engineers write tests.')).toBe(false);
		expect(isNoise('Sometimes the server fails.')).toBe(false);
		expect(isNoise('So-called microservices are small.')).toBe(false);
	});
});
