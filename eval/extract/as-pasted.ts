/**
 * The forms a user brings an article in, made from the Markdown source: the page as a
 * browser renders it (what a copy puts on the clipboard as `text/html`), and the same page
 * as plain text (the clipboard's `text/plain`, or a copy from an app that drops formatting).
 */

import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { markdownTitle } from '$lib/extract/markdown';
import { escapeHtml } from '$lib/transfer/html-text';

/** Front matter and HTML comments: a rendered page shows neither. */
function visibleMarkdown(markdown: string): string {
	return markdown
		.replace(/^---\n[\s\S]*?\n(?:---|\.\.\.)\s*\n/, '')
		.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * The article rendered to HTML, as a browser would show it: a title kept in front matter is
 * the page's `<h1>` (as on the site it came from), unless the text opens with a heading.
 */
export function renderedHtml(markdown: string): string {
	const visible = visibleMarkdown(markdown);
	const body = marked.parse(visible, { async: false, gfm: true });
	const title = markdownTitle(markdown);
	const opensWithHeading = /^\s*#\s/.test(visible);
	return title && !opensWithHeading ? `<h1>${escapeHtml(title)}</h1>\n${body}` : body;
}

const BLOCKS = new Set([
	'ADDRESS',
	'ARTICLE',
	'ASIDE',
	'BLOCKQUOTE',
	'DD',
	'DETAILS',
	'DIV',
	'DL',
	'DT',
	'FIGCAPTION',
	'FIGURE',
	'FOOTER',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'HEADER',
	'HR',
	'LI',
	'MAIN',
	'NAV',
	'OL',
	'P',
	'PRE',
	'SECTION',
	'SUMMARY',
	'TABLE',
	'TR',
	'UL'
]);

/**
 * The rendered page as Chromium's copy gives it in `text/plain`: one line per block, a blank
 * line between paragraphs and headings, list items on their own lines without their bullets
 * or numbers, table cells separated by tabs.
 */
export function copiedText(html: string): string {
	const { document } = new JSDOM(`<body>${html}</body>`).window;
	const lines: string[] = [];
	let line = '';
	const breakLine = (blank: boolean) => {
		// Whitespace collapses as the browser renders it; the tabs between table cells stay.
		if (line.trim())
			lines.push(
				line
					.replace(/[^\S\t]+/g, ' ')
					.replace(/ ?\t ?/g, '\t')
					.trim()
			);
		line = '';
		if (blank && lines[lines.length - 1] !== '') lines.push('');
	};
	const walk = (node: Node) => {
		if (node.nodeType === 3) {
			line += node.textContent ?? '';
			return;
		}
		if (node.nodeType !== 1) return;
		const element = node as Element;
		const tag = element.tagName;
		if (tag === 'SCRIPT' || tag === 'STYLE') return;
		if (tag === 'BR') return breakLine(false);
		if (tag === 'TD' || tag === 'TH') {
			if (element.previousElementSibling) line += '\t';
			element.childNodes.forEach(walk);
			return;
		}
		const block = BLOCKS.has(tag);
		const blank = block && tag !== 'LI' && tag !== 'TR' && tag !== 'DT' && tag !== 'DD';
		if (block) breakLine(blank);
		element.childNodes.forEach(walk);
		if (block) breakLine(blank);
	};
	document.body.childNodes.forEach(walk);
	breakLine(false);
	return lines.join('\n').trim();
}
