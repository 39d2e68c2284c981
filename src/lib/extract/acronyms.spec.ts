import { describe, expect, it } from 'vitest';
import { expansionBefore, findAcronyms } from './acronyms';
import { parseArticle } from './article';

const cardsOf = (text: string) => findAcronyms(parseArticle(`# Notes\n\n${text}`));

describe('expansionBefore', () => {
	it('takes the words whose initials spell the acronym', () => {
		expect(expansionBefore('Read the Web Content Accessibility Guidelines', 'WCAG')).toBe(
			'Web Content Accessibility Guidelines'
		);
		expect(expansionBefore('the National Science and Technology Council', 'NSTC')).toBe(
			'National Science and Technology Council'
		);
	});

	it('reads capitals inside a word and parts of a hyphenated one', () => {
		expect(expansionBefore('speaks the HyperText Transfer Protocol', 'HTTP')).toBe(
			'HyperText Transfer Protocol'
		);
		expect(expansionBefore('needs Cross-Origin Resource Sharing', 'CORS')).toBe(
			'Cross-Origin Resource Sharing'
		);
	});

	it('gives nothing when the words do not spell it', () => {
		expect(expansionBefore('a tool for the web', 'WCAG')).toBeNull();
	});
});

describe('findAcronyms', () => {
	it('asks what an acronym the article uses again stands for', () => {
		expect(
			cardsOf('Read the Web Content Accessibility Guidelines (WCAG). WCAG has three levels.')
		).toMatchObject([
			{
				kind: 'basic',
				front: 'What does WCAG stand for?',
				back: 'Web Content Accessibility Guidelines.',
				tag: 'acronym'
			}
		]);
	});

	it('reads the acronym before its expansion, and a plural as its singular', () => {
		expect(
			cardsOf('Browsers check CORS (Cross-Origin Resource Sharing) headers. CORS is strict.')[0]
				?.back
		).toBe('Cross-Origin Resource Sharing.');
		const [pwa] = cardsOf(
			'Progressive Web Apps (PWAs) install from the browser. PWAs work offline.'
		);
		expect([pwa?.front, pwa?.back]).toEqual(['What does PWA stand for?', 'Progressive Web App.']);
		const [ca] = cardsOf('Certificate Authorities (CAs) sign certificates. Browsers trust CAs.');
		expect(ca?.back).toBe('Certificate Authority.');
	});

	it('leaves alone acronyms used once, words in brackets and marks no sentence used', () => {
		const article = parseArticle(
			'# Notes\n\nThe Round Trip Time (RTT) matters. A note (Note) and a version (v2) follow.'
		);
		expect(findAcronyms(article)).toEqual([]);
		expect(article.used.size).toBe(0);
	});

	it('asks once per acronym', () => {
		expect(
			cardsOf(
				'The Open Container Initiative (OCI) sets standards. Open Container Initiative (OCI) images run anywhere.'
			)
		).toHaveLength(1);
	});
});
