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

	it('numbers the ids of identical drafts in order', () => {
		const { drafts } = extractDrafts(
			`Tea is hot. Tea is good.\n\n${'Tea:\n\n- the\n- a\n- an\n\n'.repeat(3)}`
		);
		const first = drafts[0]?.id;
		expect(first).toMatch(/^d-[0-9a-z]{7}$/);
		expect(drafts.map((d) => d.id)).toEqual([first, `${first}-2`, `${first}-3`]);
	});

	it('points each source at the passage in its paragraph', () => {
		const { drafts } = extractDrafts(ARTICLE);
		const source = drafts.find((d) => d.kind === 'true-false')?.source;
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

	it('refuses a huge input', () => {
		refusal('word '.repeat(400_000));
	});

	/** `unit` repeated to fill `room` characters. */
	const fill = (unit: string, room = MAX_ARTICLE_CHARS) =>
		unit.repeat(Math.floor(room / unit.length));
	const intro = 'Intro sentence one. Intro two.\n\n';

	// Each of these took from 5 seconds to minutes before its fix (see docs/extraction.md).
	it.each([
		['a long enumeration', `Tea is a drink. ${'a, '.repeat(60_000)}and b.`],
		['a repeated frame', `Tea is a drink. ${'is that '.repeat(20_000)}.`],
		['repeated misconceptions', `${'One common misconception is that '.repeat(5000)}x. Tea.`],
		['a list of 20,000 items', `Tea:\n\n${'- item\n'.repeat(20_000)}`],
		['10,000 headings', `${'Heading Line\n\n'.repeat(10_000)}Text.`],
		['a line of "**"', '**'.repeat(90_000)],
		['a line of "["', intro + '['.repeat(199_000)],
		['a line of "!["', intro + '!['.repeat(99_000)],
		['a line of "[^"', intro + '[^'.repeat(99_000)],
		['a line of "[a]("', intro + '[a]('.repeat(49_000)],
		['a line of "<http://"', intro + '<http://'.repeat(24_000)],
		[
			'3,000 enumerations that share most words',
			Array.from({ length: 3000 }, (_, i) => `Tools such as a, b, c and x${i} are used.`).join(
				'\n\n'
			)
		],
		['"Mr. " 50,000 times', 'Mr. '.repeat(50_000)],
		['one paragraph of 40,000 sentences', fill('Tea. ')],
		['an item ending in 199,000 commas', `${intro}Tea:\n\n- ${','.repeat(199_000)}x\n- a\n- b\n`],
		[
			'a heading ending in 199,900 spaces',
			`# a${' '.repeat(199_900)}x\n\nTea is hot. Tea is good.`
		],
		['a heading of question marks', `${intro}## a${'?'.repeat(199_800)}x\n\nTea is hot.`],
		[
			'the same list 3,600 times',
			fill('Tea has many kinds:\n\n- Green\n- Black\n- Oolong\n- White\n\n')
		],
		['9,000 lists of the same stopwords', intro + fill('Tea:\n\n- the\n- a\n- an\n\n', 199_000)],
		[
			'3,600 lists under a 100,000-character heading',
			`${intro}## ${fill('word ', 100_000)}\n\n${fill('- Green\n- Black\n- Oolong\n\nx\n\n', 99_000)}`
		],
		['one paragraph of 15,000 spelled-out acronyms', intro + fill('Tea Bag (TB) and ', 199_000)],
		['40,000 Markdown headings', `${intro}${fill('## h\n\n', 199_000)}`],
		[
			'8,000 misconceptions above 20,000 corrections',
			`There are many myths about tea:\n\n${fill('- That x y.\n', 90_000)}\n${fill('X y. ', 109_000)}`
		]
	])('does not hang on %s', (_, input) => {
		expect(input.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
		try {
			extractDrafts(input);
		} catch (error) {
			expect(error).toBeInstanceOf(ValidationError);
		}
	});
});
