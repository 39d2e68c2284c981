import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from './html';
import { extractDrafts } from './index';

const parse = (html: string) => new JSDOM(html).window.document;
const convert = (html: string) => htmlToMarkdown(parse(html), parse);

describe('htmlToMarkdown', () => {
	it('keeps headings, nested lists, bold, link words and tables; drops code and images', () => {
		const { markdown } = convert(`<body>
			<h2>Tea <a href="#t">#</a></h2>
			<p>Tea is a <b>drink</b> made from <a href="https://x.org/leaf">leaves</a>.</p>
			<ul><li>Green<ul><li>Sencha</li><li>Matcha</li></ul></li><li>Black</li></ul>
			<ol><li>Boil</li><li>Steep</li></ol>
			<pre><code>const tea = 1;</code></pre><img src="a.png" alt="a cup">
			<table><tr><th>Tea</th><th>Caffeine</th></tr><tr><td>Green</td><td>Some</td></tr></table>
			<dl><dt>Oolong</dt><dd>A partly oxidised tea.</dd></dl>
		</body>`);
		expect(markdown).toBe(
			[
				'## Tea #',
				'',
				'Tea is a **drink** made from leaves.',
				'',
				'- Green',
				'   - Sencha',
				'   - Matcha',
				'- Black',
				'',
				'1. Boil',
				'2. Steep',
				'',
				'| Tea | Caffeine |',
				'| --- | --- |',
				'| Green | Some |',
				'',
				'Oolong',
				': A partly oxidised tea.'
			].join('\n')
		);
	});

	it('keeps only the main article of a whole page, and takes its title', () => {
		const paragraph = (n: number) =>
			`<p>Oolong tea is a partly oxidised tea made in China and Taiwan, number ${n}. It is rolled, withered and dried before it is sold, and it can be steeped several times.</p>`;
		const page = `<html><head><title>Oolong · Tea Site</title></head><body>
			<nav><ul><li><a href="/">Home</a></li><li><a href="/shop">Shop</a></li><li><a href="/login">Log in</a></li></ul></nav>
			<article><h1>Oolong</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}</article>
			<footer><p>Copyright Tea Site. All rights reserved. Subscribe to our newsletter.</p></footer>
		</body></html>`;
		const { title, markdown } = convert(page);
		expect(title).toBe('Oolong · Tea Site');
		expect(markdown).toContain('Oolong tea is a partly oxidised tea');
		expect(markdown).not.toMatch(/Log in|Subscribe/);
	});

	it('gives Markdown the extractor reads: a list under a lead, and the title', () => {
		const { markdown } = convert(
			'<h1>Brewing tea</h1><p>Tea is one of the oldest drinks in the world.</p><p>A tea kit includes the following:</p><ul><li>A kettle</li><li>A teapot</li><li>A strainer</li></ul>'
		);
		const { title, drafts } = extractDrafts(markdown);
		expect(title).toBe('Brewing tea');
		expect(drafts.find((d) => d.kind === 'list')?.back).toBe(
			'• A kettle\n• A teapot\n• A strainer'
		);
	});

	it('escapes a paragraph that starts like Markdown syntax', () => {
		expect(convert('<p>1. is the loneliest number.</p>').markdown).toBe(
			'\\1. is the loneliest number.'
		);
	});
});
