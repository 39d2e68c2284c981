/**
 * The light Markdown card text may use: **bold**, *italics* (or _italics_), `code`,
 * lists whose lines start with "- ", "* " or "1. ", and pictures stored on this device,
 * `![description](<stored name>)` (added from the card editor). Everything is escaped first
 * and only these few tags are made, so card text can never become raw HTML, and a picture
 * can only name a stored file, never an address.
 */

import { MARKDOWN_PICTURE } from '$lib/domain/media';

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** Inline marks on one escaped line. Code first, so marks inside code stay as written. */
function inline(line: string): string {
	return line
		.split(/(`[^`]+`)/)
		.map((part, i) => {
			if (i % 2 === 1) return `<code>${part.slice(1, -1)}</code>`;
			return part
				.replace(
					MARKDOWN_PICTURE,
					(_, alt: string, name: string) => `<img alt="${alt || 'Picture'}" src="${name}">`
				)
				.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
				.replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
				.replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
		})
		.join('');
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/**
 * Card text as safe HTML.
 *
 * @example
 * renderMarkdown('**TCP** and <b>'); // '<p><strong>TCP</strong> and &lt;b&gt;</p>'
 * renderMarkdown('- one\n- two'); // '<ul><li>one</li><li>two</li></ul>'
 * renderMarkdown('![a dog](<sha1>.png)'); // '<p><img alt="a dog" src="<sha1>.png"></p>'
 */
export function renderMarkdown(text: string): string {
	const out: string[] = [];
	let paragraph: string[] = [];
	let list = null as { tag: 'ul' | 'ol'; items: string[] } | null;
	const flushParagraph = () => {
		if (paragraph.length > 0) out.push(`<p>${paragraph.join('<br>')}</p>`);
		paragraph = [];
	};
	const flushList = () => {
		if (list)
			out.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join('')}</${list.tag}>`);
		list = null;
	};
	for (const raw of escapeHtml(text.replace(/\r\n?/g, '\n')).split('\n')) {
		const bullet = BULLET.exec(raw);
		const numbered = bullet ? null : NUMBERED.exec(raw);
		const item = bullet ?? numbered;
		if (item) {
			flushParagraph();
			const tag = bullet ? 'ul' : 'ol';
			if (list?.tag !== tag) flushList();
			list ??= { tag, items: [] };
			list.items.push(inline(item[1] ?? ''));
		} else if (raw.trim() === '') {
			flushParagraph();
			flushList();
		} else {
			flushList();
			paragraph.push(inline(raw));
		}
	}
	flushParagraph();
	flushList();
	return out.join('');
}

/**
 * A list card's back as list items: its Markdown list lines, or else each non-empty line.
 *
 * @example
 * listItems('- Go\n- Rust'); // ['Go', 'Rust']
 * listItems('Go\nRust'); // ['Go', 'Rust']
 */
export function listItems(text: string): string[] {
	return text
		.split(/\r\n?|\n/)
		.map((line) => (BULLET.exec(line) ?? NUMBERED.exec(line))?.[1] ?? line.trim())
		.filter((line) => line !== '');
}
