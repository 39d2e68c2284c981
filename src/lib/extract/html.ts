/**
 * HTML → Markdown, so a web page pasted or opened keeps its structure: headings, lists
 * (nested too), tables, definition lists, bold and the words of links. The extractor then
 * reads it like any Markdown article. Needs a DOM `Document` (the browser's `DOMParser`, or
 * jsdom in tests); the extractor itself stays DOM-free.
 *
 * A whole page (menus, footers, sidebars) goes through Readability first, which keeps the
 * main article, as Firefox's Reader View does. A fragment copied from a page is converted as
 * it is: the user chose it.
 */

import { Readability } from '@mozilla/readability';

export interface HtmlArticle {
	/** The page's `<title>` or first `<h1>`, when there is one. */
	title: string | null;
	markdown: string;
}

/** Elements whose words are not the article's. */
const SKIPPED = new Set([
	'SCRIPT',
	'STYLE',
	'NOSCRIPT',
	'TEMPLATE',
	'SVG',
	'CANVAS',
	'IFRAME',
	'OBJECT',
	'BUTTON',
	'SELECT',
	'TEXTAREA',
	'INPUT',
	'FORM',
	'NAV',
	'PRE',
	'IMG',
	'PICTURE',
	'VIDEO',
	'AUDIO',
	'FIGURE'
]);

const BLOCK =
	/^(?:P|DIV|SECTION|ARTICLE|MAIN|HEADER|FOOTER|ASIDE|BLOCKQUOTE|DETAILS|SUMMARY|CENTER)$/;

/** Words of an element's inline content, with bold kept as `**` and whitespace collapsed. */
function inline(node: Node): string {
	if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, ' ');
	if (node.nodeType !== 1) return '';
	const element = node as Element;
	if (SKIPPED.has(element.tagName)) return '';
	if (element.tagName === 'BR') return ' ';
	const text = Array.from(element.childNodes, inline).join('');
	if ((element.tagName === 'STRONG' || element.tagName === 'B') && text.trim()) {
		return ` **${text.trim()}** `;
	}
	return text;
}

function clean(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.replace(/\*\* \*\*/g, ' ')
		.replace(/ ([,.;:!?])/g, '$1')
		.trim();
}

/** Whether an element holds block children (then its own text is read block by block). */
function hasBlocks(element: Element): boolean {
	return Array.from(element.children).some(
		(child) => BLOCK.test(child.tagName) || /^(?:H[1-6]|UL|OL|DL|TABLE|P)$/.test(child.tagName)
	);
}

class Writer {
	private out: string[] = [];

	text(): string {
		return this.out
			.join('\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim();
	}

	private paragraph(text: string): void {
		// A paragraph that starts like Markdown syntax ("1. ", "# ") is still a paragraph.
		const line = clean(text).replace(/^(#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|>)/, '\\$1');
		if (line) this.out.push(line, '');
	}

	blocks(parent: Element): void {
		let loose = '';
		const flush = () => {
			this.paragraph(loose);
			loose = '';
		};
		for (const node of Array.from(parent.childNodes)) {
			if (node.nodeType !== 1) {
				loose += inline(node);
				continue;
			}
			const element = node as Element;
			const tag = element.tagName;
			if (SKIPPED.has(tag)) continue;
			if (/^H[1-6]$/.test(tag)) {
				flush();
				const text = clean(inline(element)).replace(/\*\*/g, '');
				if (text) this.out.push(`${'#'.repeat(Number(tag[1]))} ${text}`, '');
			} else if (tag === 'UL' || tag === 'OL') {
				flush();
				this.list(element, 0);
				this.out.push('');
			} else if (tag === 'DL') {
				flush();
				this.definitions(element);
			} else if (tag === 'TABLE') {
				flush();
				this.table(element);
			} else if (BLOCK.test(tag) || tag === 'P') {
				flush();
				if (hasBlocks(element)) this.blocks(element);
				else this.paragraph(inline(element));
			} else if (tag === 'HR') {
				flush();
			} else {
				loose += inline(element);
			}
		}
		flush();
	}

	private list(list: Element, depth: number): void {
		const ordered = list.tagName === 'OL';
		let number = 1;
		for (const item of Array.from(list.children)) {
			if (item.tagName !== 'LI') continue;
			const nested: Element[] = [];
			let text = '';
			for (const child of Array.from(item.childNodes)) {
				if (child.nodeType === 1 && /^(?:UL|OL)$/.test((child as Element).tagName)) {
					nested.push(child as Element);
				} else {
					text += inline(child);
				}
			}
			const marker = ordered ? `${number++}.` : '-';
			const line = clean(text);
			if (line) this.out.push(`${'   '.repeat(depth)}${marker} ${line}`);
			for (const inner of nested) this.list(inner, depth + 1);
		}
	}

	private definitions(list: Element): void {
		for (const child of Array.from(list.children)) {
			const text = clean(inline(child));
			if (!text) continue;
			if (child.tagName === 'DT') this.out.push('', text.replace(/\*\*/g, ''));
			else if (child.tagName === 'DD') this.out.push(`: ${text}`);
		}
		this.out.push('');
	}

	private table(table: Element): void {
		const rows = Array.from(table.querySelectorAll('tr')).map((row) =>
			Array.from(row.children, (cell) => clean(inline(cell)).replace(/\|/g, '\\|'))
		);
		const width = Math.max(0, ...rows.map((row) => row.length));
		if (rows.length < 2 || width < 2) {
			for (const row of rows) this.paragraph(row.join(' '));
			return;
		}
		const line = (cells: string[]) =>
			`| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
		this.out.push(line(rows[0] ?? []), line(Array(width).fill('---')));
		for (const row of rows.slice(1)) this.out.push(line(row));
		this.out.push('');
	}
}

/** A whole page rather than a fragment: it has a head, or page furniture around its text. */
function isWholePage(document: Document): boolean {
	return (
		document.querySelector('head > title, nav, header, footer, aside, [role="navigation"]') !== null
	);
}

/**
 * Converts an HTML document to Markdown, keeping the main article when it is a whole page.
 * `parse` makes a new `Document` from HTML (`DOMParser` in the browser).
 *
 * @example
 * const doc = new DOMParser().parseFromString('<h1>Tea</h1><ul><li>Green</li></ul>', 'text/html');
 * htmlToMarkdown(doc, parse).markdown; // "# Tea\n\n- Green"
 */
export function htmlToMarkdown(document: Document, parse: (html: string) => Document): HtmlArticle {
	const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
	let body: Element = document.body ?? document.documentElement;
	if (isWholePage(document)) {
		// Readability changes the document it reads; it gets a copy.
		const article = new Readability(document.cloneNode(true) as Document).parse();
		if (article?.content) body = parse(article.content).body;
	}
	const writer = new Writer();
	writer.blocks(body);
	const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
	return { title: pageTitle ?? h1, markdown: writer.text() };
}

/**
 * HTML text (a clipboard's `text/html`, an `.html` file) to Markdown, with the browser's parser.
 */
export function htmlTextToMarkdown(html: string): HtmlArticle {
	const parse = (text: string) => new DOMParser().parseFromString(text, 'text/html');
	return htmlToMarkdown(parse(html), parse);
}
