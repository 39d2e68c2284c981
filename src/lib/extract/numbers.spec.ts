import { describe, expect, it } from 'vitest';
import { numberCloze } from './numbers';

describe('numberCloze', () => {
	it('blanks a year, or a figure with its unit', () => {
		expect(numberCloze('In 1994, Peter Shor found a fast factoring algorithm.')?.answer).toBe(
			'1994'
		);
		expect(
			numberCloze('The change gave the shop a 16 % increase in sales that year.')?.answer
		).toBe('16 %');
	});

	it('asks a full date whole, not its year alone', () => {
		const cloze = numberCloze('On August 6, 1991, Tim Berners-Lee posted on the newsgroup.');
		expect(cloze?.front).toBe('On […], Tim Berners-Lee posted on the newsgroup.');
		expect(cloze?.answer).toBe('August 6, 1991');
		expect(
			numberCloze('On 9 Jan 2017, the office announced that the plans were complete.')?.answer
		).toBe('9 Jan 2017');
		expect(numberCloze('HTTP/2 was officially standardized in May 2015 by the IETF.')?.answer).toBe(
			'May 2015'
		);
	});

	it('leaves a number the sentence gives away, one inside a name, and pointing sentences', () => {
		expect(
			numberCloze(
				'The office launches 2023 as a Year of Open Science across the government in 2023.'
			)
		).toBeNull();
		expect(
			numberCloze('Requests remove the constraints of the HTTP/1.x protocol entirely.')
		).toBeNull();
		expect(
			numberCloze('A summary from 2016 about the impact of the memo can be found here.')
		).toBeNull();
		// An aside pointing elsewhere goes; the sentence stays.
		expect(
			numberCloze('HTTP/2 use peaked in January 2022 at 46.9% of websites (see these stats).')?.back
		).toBe('HTTP/2 use peaked in January 2022 at 46.9% of websites.');
	});
});
