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
 * MDN macros that render as words on the page: `{{HTTPStatus(404, "404 Not Found")}}` shows
 * "404 Not Found", `{{RFC("9110")}}` "RFC 9110". Every other macro (sidebars, navigation,
 * badges) and Hugo shortcode renders as page furniture, which a copy of the article leaves out.
 */
const WORD_MACRO =
	/^(?:HTTPStatus|HTTPHeader|HTTPMethod|Glossary|domxref|jsxref|cssxref|HTMLElement|SVGElement|SVGAttr|htmlattrxref|event|CSP|Cookie)$/i;

function renderedMacros(markdown: string): string {
	return markdown
		.replace(/\{\{[%<][\s\S]*?[%>]\}\}/g, '')
		.replace(/\{\{\s*([\w-]+)\s*(?:\(([^{}]*)\))?\s*\}\}/g, (_, name: string, args = '') => {
			const quoted = [...args.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
			const first = quoted[0] ?? args.split(',')[0]?.trim();
			if (/^rfc$/i.test(name)) return first ? `RFC ${first}` : '';
			return WORD_MACRO.test(name) ? (quoted[quoted.length - 1] ?? '') : '';
		});
}

/**
 * MDN's definition lists (`- term` with a nested `- : definition`) render as `<dl>`, with
 * the term in `<dt>` and the definition in `<dd>`.
 */
function definitionLists(html: string): string {
	const { document } = new JSDOM(`<body>${html}</body>`).window;
	for (const list of [...document.querySelectorAll('ul')]) {
		const items = [...list.children];
		const pairs = items.map((item) => {
			const nested = [...item.children].find((child) => child.tagName === 'UL');
			const only = nested?.children.length === 1 ? nested.children[0] : null;
			return only && /^\s*:\s/.test(only.textContent ?? '') ? { item, nested, only } : null;
		});
		if (items.length === 0 || pairs.some((pair) => pair === null)) continue;
		const dl = document.createElement('dl');
		for (const pair of pairs) {
			if (!pair) continue;
			const { item, nested, only } = pair;
			nested?.remove();
			const dt = document.createElement('dt');
			dt.innerHTML = item.innerHTML.trim();
			const dd = document.createElement('dd');
			dd.innerHTML = only.innerHTML.replace(/^\s*:\s*/, '');
			dl.append(dt, dd);
		}
		list.replaceWith(dl);
	}
	return document.body.innerHTML;
}

/**
 * The article rendered to HTML, as a browser would show it: a title kept in front matter is
 * the page's `<h1>` (as on the site it came from), unless the text opens with a heading;
 * macros and definition lists as the site renders them.
 */
export function renderedHtml(markdown: string): string {
	const visible = renderedMacros(visibleMarkdown(markdown));
	const body = definitionLists(marked.parse(visible, { async: false, gfm: true }));
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
