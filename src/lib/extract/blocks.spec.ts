import { describe, expect, it } from 'vitest';
import { parseBlocks } from './blocks';

const shape = (text: string) => parseBlocks(text).blocks.map((b) => [b.kind, b.text]);

describe('parseBlocks', () => {
	it('takes the first line as the title and drops metadata lines', () => {
		const { title, blocks } = parseBlocks(
			'What Tea Is\n\nLast updated:\n6 minutes of reading\n\nTea is a drink. It is hot.'
		);
		expect(title).toBe('What Tea Is');
		expect(blocks.map((b) => b.text)).toEqual(['Tea is a drink. It is hot.']);
	});

	it('takes a Markdown # heading as the title and ## headings as sections', () => {
		const { title, blocks } = parseBlocks('# Tea\n\n## Kinds\n\nThere are many kinds.');
		expect(title).toBe('Tea');
		expect(blocks).toMatchObject([
			{ kind: 'heading', text: 'Kinds', section: 'Kinds' },
			{ kind: 'paragraph', section: 'Kinds' }
		]);
	});

	it('takes an opening ## heading as the title when no later heading outranks it, keeping it as a section', () => {
		const chapter = parseBlocks(
			'## What Is Ownership?\n\nOwnership is a set of rules.\n\n### The Stack\n\nThe stack is fast.'
		);
		expect(chapter.title).toBe('What Is Ownership?');
		expect(chapter.blocks[0]?.section).toBe('What Is Ownership?');
		const sections = parseBlocks('## Kinds\n\nThere are kinds.\n\n## Brewing\n\nBrew it hot.');
		expect(sections.title).toBeNull();
	});

	it('reads rows of tab-separated cells, as a table copied from a page gives them, as a table', () => {
		const copied = [
			'Rust operators',
			'',
			'Operator\tExample\tExplanation',
			'!=\texpr != expr\tNonequality comparison of two values',
			'%\texpr % expr\tArithmetic remainder of a division',
			'',
			'Operators can be overloaded through traits.'
		].join('\n');
		const { blocks } = parseBlocks(copied);
		const rows = blocks.filter((block) => block.term !== null);
		expect(rows.map((row) => row.term)).toEqual(['!=', '%']);
		expect(rows[0]?.text).toContain('Nonequality comparison');
		expect(blocks.at(-1)?.text).toBe('Operators can be overloaded through traits.');
	});

	it('has no title when the first line is a sentence', () => {
		expect(parseBlocks('Tea is a drink. It is hot.\n\nMore text here.').title).toBeNull();
	});

	it('recognises •, -, * and numbered bullets, grouping items into lists', () => {
		const { blocks } = parseBlocks(
			'Title\n\nIntro:\n\n  • One.\n  • Two.\n\nMiddle.\n\n- a\n* b\n1. c\n2) d'
		);
		const items = blocks.filter((b) => b.kind === 'item');
		expect(items.map((b) => b.text)).toEqual(['One.', 'Two.', 'a', 'b', 'c', 'd']);
		expect(new Set(items.slice(0, 2).map((b) => b.list)).size).toBe(1);
		expect(items[2]?.list).not.toBe(items[0]?.list);
	});

	it('takes short title-case lines followed by text as headings, not sentences', () => {
		expect(
			shape('T\n\nIntro text.\n\nTypical Day a Developer Might Have\n\nA day starts early.')
		).toEqual([
			['paragraph', 'Intro text.'],
			['heading', 'Typical Day a Developer Might Have'],
			['paragraph', 'A day starts early.']
		]);
	});

	it('keeps a short line with nothing after it as a paragraph', () => {
		expect(shape('T\n\nIntro text.\n\nThe End')).toEqual([
			['paragraph', 'Intro text.'],
			['paragraph', 'The End']
		]);
	});

	it('drops a line written twice in a row (an image caption)', () => {
		expect(
			shape(
				'T\n\nBefore it.\n\nApplication Simplified Flow\nApplication Simplified Flow\n\nAfter it.'
			)
		).toEqual([
			['paragraph', 'Before it.'],
			['paragraph', 'After it.']
		]);
	});

	it('reads short lines after a colon lead, each with its paragraph, as a list', () => {
		const { blocks } = parseBlocks(
			'T\n\nThere are motivators. These include:\n\nJob security\n\nDemand is high.\n\n' +
				'Good pay\n\nPay is good.\n\nWhat Comes Next?\n\nMore text.'
		);
		expect(blocks.map((b) => [b.kind, b.text])).toEqual([
			['paragraph', 'There are motivators. These include:'],
			['item', 'Job security'],
			['paragraph', 'Demand is high.'],
			['item', 'Good pay'],
			['paragraph', 'Pay is good.'],
			['heading', 'What Comes Next?'],
			['paragraph', 'More text.']
		]);
		expect(blocks[1]?.list).toBe(blocks[3]?.list);
	});

	it('joins soft-wrapped lines and splits lines that end sentences', () => {
		expect(shape('T\n\nA long sentence that\nwraps here.\nA second paragraph.')).toEqual([
			['paragraph', 'A long sentence that wraps here.'],
			['paragraph', 'A second paragraph.']
		]);
	});

	it('skips code blocks, rules, images and front matter, taking the title from front matter', () => {
		const { title, blocks } = parseBlocks(
			'---\ntitle: "Tea: a guide"\n---\n# Doc\n\nText one.\n\n```\nconst a = 1;\n```\n\n---\n\n![img](a.png)\n\nText two.'
		);
		expect(title).toBe('Tea: a guide');
		expect(blocks.map((b) => b.text)).toEqual(['Doc', 'Text one.', 'Text two.']);
	});

	it('does not take a rhetorical question line as a heading', () => {
		expect(shape('T\n\nIntro.\n\nBut what does it mean?\n\nIt means this.')[1]).toEqual([
			'paragraph',
			'But what does it mean?'
		]);
	});

	it('reads a Markdown heading longer than 300 characters as a paragraph', () => {
		const long = `Tea ${'leaf '.repeat(70)}end`;
		expect(shape(`T\n\n## ${long}\n\nText.\n\n${long}\n===\n\nMore.`)).toEqual([
			['paragraph', long],
			['paragraph', 'Text.'],
			['paragraph', long],
			['paragraph', 'More.']
		]);
	});
});

describe('a definition list copied as plain text', () => {
	const COPIED = [
		'Status codes',
		'',
		'A server answers every request with a code that says how it went.',
		'',
		'Informational responses',
		'',
		'100 Continue',
		'This interim response tells the client to continue the request.',
		'101 Switching Protocols',
		'This code is sent in response to an Upgrade request header from the client.',
		'',
		'Some closing words about the codes above and what they are for.'
	].join('\n');

	it('reads alternating term and definition lines as entries', () => {
		const entries = parseBlocks(COPIED).blocks.filter((block) => block.term !== null);
		expect(entries.map((block) => [block.term, block.text])).toEqual([
			['100 Continue', 'This interim response tells the client to continue the request.'],
			[
				'101 Switching Protocols',
				'This code is sent in response to an Upgrade request header from the client.'
			]
		]);
	});

	it('leaves headings over paragraphs (blank lines between) as they are', () => {
		const text = COPIED.replace('100 Continue\n', '100 Continue\n\n').replace(
			'101 Switching Protocols\n',
			'101 Switching Protocols\n\n'
		);
		expect(parseBlocks(text).blocks.some((block) => block.term !== null)).toBe(false);
	});

	it('reads a "Term" line followed by ": definition" as an entry', () => {
		const { blocks } = parseBlocks(
			'Words\n\nIntro sentence for the words.\n\nIdempotent\n: Giving the same result however many times it is applied.'
		);
		expect(blocks.find((block) => block.term === 'Idempotent')?.text).toBe(
			'Giving the same result however many times it is applied.'
		);
	});
});
