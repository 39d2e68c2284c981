import { describe, expect, it } from 'vitest';
import { givesTermAway, restatesQuestion } from './echo';

describe('givesTermAway', () => {
	it('catches a term its answer explains with the same words', () => {
		expect(
			givesTermAway(
				'What does "423 Locked (WebDAV)" mean?',
				'The resource that is being accessed is locked.'
			)
		).toBe(true);
		expect(
			givesTermAway(
				'What does "431 Request Header Fields Too Large" mean?',
				'The server is unwilling to process the request because its header fields are too large.'
			)
		).toBe(true);
		expect(
			givesTermAway(
				'What does "415 Unsupported Media Type" mean?',
				'The media type is not supported.'
			)
		).toBe(true);
	});

	it('leaves a definition that says something the term does not', () => {
		expect(givesTermAway('What is a qubit?', 'The basic unit of quantum information.')).toBe(false);
		expect(
			givesTermAway(
				'What is a quantum computer?',
				'A computer that takes advantage of quantum mechanical phenomena.'
			)
		).toBe(false);
		expect(
			givesTermAway(
				'What is Altmetrics?',
				'Altmetrics are alternative ways of measuring the use of scholarship.'
			)
		).toBe(false);
		expect(
			givesTermAway(
				'What does "409 Conflict" mean?',
				'This response is sent when a request conflicts with the current state of the server.'
			)
		).toBe(false);
	});

	it('leaves code terms alone: their words are names', () => {
		expect(
			givesTermAway('What is [type; len]?', 'Array type containing len instances of type.')
		).toBe(false);
		expect(
			givesTermAway(
				"T: 'static?",
				"Generic type T contains no borrowed references other than 'static ones."
			)
		).toBe(false);
	});
});

describe('restatesQuestion', () => {
	it('catches a lead sentence that only repeats the question', () => {
		expect(
			restatesQuestion(
				'What are some of the common governance structures for open source projects?',
				'There are three common governance structures associated with open source projects.'
			)
		).toBe(true);
	});

	it('leaves an answer', () => {
		expect(
			restatesQuestion(
				'Do I need a legal entity to support my project?',
				"You don't need a legal entity to support your open source project unless you're handling money."
			)
		).toBe(false);
	});
});
