import { describe, expect, it } from 'vitest';
import { CARD_KINDS } from '$lib/domain/models';
import { ValidationError } from '$lib/errors';
import { extractDrafts, MAX_ARTICLE_CHARS } from './index';

const ARTICLE = `# Brewing Tea

Tea is one of the oldest drinks in the world.

One common misconception is that tea must be brewed with boiling water. In fact, green tea tastes best at about 80 °C.

A good tea kit includes the following:

- A kettle.
- A teapot.
- A strainer.
- A timer.

## How to Brew Tea?

The first step to brewing tea is choosing fresh leaves. Next, heat the water. Finally, steep the leaves for three minutes.
`;

function refusal(input: string): string {
	try {
		extractDrafts(input);
	} catch (error) {
		expect(error).toBeInstanceOf(ValidationError);
		return (error as Error).message;
	}
	throw new Error('expected a ValidationError');
}

describe('extractDrafts', () => {
	it('returns the title and drafts of every kind the rules make, in article order', () => {
		const { title, drafts } = extractDrafts(ARTICLE);
		expect(title).toBe('Brewing Tea');
		expect(drafts.map((d) => [d.kind, d.front])).toEqual([
			['true-false', 'True or false: tea must be brewed with boiling water.'],
			['list', 'What does a good tea kit include? (4)'],
			[
				'cloze',
				'A good tea kit includes the following:\n• […]\n• A teapot\n• A strainer\n• A timer'
			],
			[
				'cloze',
				'A good tea kit includes the following:\n• A kettle\n• […]\n• A strainer\n• A timer'
			],
			['cloze', 'A good tea kit includes the following:\n• A kettle\n• A teapot\n• […]\n• A timer'],
			[
				'cloze',
				'A good tea kit includes the following:\n• A kettle\n• A teapot\n• A strainer\n• […]'
			],
			['question', 'How do you brew tea?'],
			['cloze', 'The first step to brewing tea is […].']
		]);
		expect(drafts[0]?.back).toBe('False. Green tea tastes best at about 80 °C.');
	});

	it('fills every draft field with valid values', () => {
		const { drafts } = extractDrafts(ARTICLE);
		for (const draft of drafts) {
			expect(CARD_KINDS).toContain(draft.kind);
			expect(draft.front.length).toBeGreaterThan(0);
			expect(draft.back.length).toBeGreaterThan(0);
			expect(draft.tags.length).toBeGreaterThan(0);
			expect(draft.source).not.toBeNull();
			expect(typeof draft.suggested).toBe('boolean');
		}
		expect(drafts.find((d) => d.kind === 'question')?.tags).toEqual([
			'question',
			'how-to-brew-tea'
		]);
		expect(drafts.filter((d) => !d.suggested).map((d) => d.kind)).toEqual([
			'cloze',
			'cloze',
			'cloze',
			'cloze'
		]);
	});

	it('gives unique ids that are the same for the same text', () => {
		const first = extractDrafts(ARTICLE).drafts.map((d) => d.id);
		expect(new Set(first).size).toBe(first.length);
		expect(extractDrafts(ARTICLE).drafts.map((d) => d.id)).toEqual(first);
	});

	it('points each source at the passage in its paragraph', () => {
		const { drafts } = extractDrafts(ARTICLE);
		const source = drafts[0]?.source;
		expect(source?.text.startsWith('One common misconception is that tea')).toBe(true);
		expect(source?.heading).toBeNull();
	});

	it('refuses bad input with a sentence the user can act on', () => {
		expect(refusal('')).toBe('The article is empty.');
		expect(refusal('Tea is a drink.')).toMatch(/too short/);
		expect(refusal('x'.repeat(1_000_000))).toMatch(/200,000/);
		expect(refusal('<html><body><p>Tea is a drink.</p><p>It is hot.</p></body></html>')).toMatch(
			/HTML/
		);
		expect(refusal('\u0000\u0001\u0002binary\uFFFD\uFFFD\uFFFD\uFFFD junk')).toMatch(
			/not look like text/
		);
		expect(refusal('%PDF-1.4\n%\u00e2\u00e3')).toMatch(/PDF/);
		expect(refusal('Tea is nice. Coffee is nice too. Both are drinks.')).toMatch(/No cards/);
	});

	it('refuses quickly even when the input is huge', () => {
		const started = performance.now();
		refusal('word '.repeat(400_000));
		expect(performance.now() - started).toBeLessThan(100);
	});

	it('does not hang on pathological text under the limit', () => {
		const inputs = [
			`Tea is a drink. ${'a, '.repeat(60_000)}and b.`,
			`Tea is a drink. ${'is that '.repeat(20_000)}.`,
			`${'One common misconception is that '.repeat(5000)}x. Tea.`,
			`Tea:\n\n${'- item\n'.repeat(20_000)}`,
			`${'Heading Line\n\n'.repeat(10_000)}Text.`,
			'**'.repeat(90_000)
		];
		for (const input of inputs) {
			const started = performance.now();
			try {
				extractDrafts(input.slice(0, MAX_ARTICLE_CHARS));
			} catch (error) {
				expect(error).toBeInstanceOf(ValidationError);
			}
			expect(performance.now() - started).toBeLessThan(3000);
		}
	});
});
