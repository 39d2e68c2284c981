import { describe, expect, it } from 'vitest';
import { searchTerms, searchWords } from './search-words';

describe('searchWords', () => {
	it('drops markup, case and accents, and keeps each word once', () => {
		expect(
			searchWords({ front: '{{c1::Café::drink}} and <b>LATTE</b>', back: 'café &amp; tea' })
		).toEqual(['cafe', 'and', 'latte', 'tea']);
	});

	it('finds a word an Anki field styles in part, and reads &nbsp; as a space', () => {
		// A shared deck's "<b>c</b>oloboma" is one word, found by a search for "coloboma".
		expect(searchWords({ front: '<b>c</b>oloboma&nbsp;of the<br>iris', back: '' })).toEqual([
			'coloboma',
			'of',
			'the',
			'iris'
		]);
	});

	it('cuts very long words and caps the number of words', () => {
		const long = 'x'.repeat(50);
		expect(searchWords({ front: long, back: '' })).toEqual(['x'.repeat(24)]);
		const many = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
		expect(searchWords({ front: many, back: '' })).toHaveLength(200);
	});
});

describe('searchTerms', () => {
	it('normalises a query the way cards are indexed', () => {
		expect(searchTerms(' Back-END  Élan ')).toEqual(['back', 'end', 'elan']);
		expect(searchTerms('  ')).toEqual([]);
	});
});
