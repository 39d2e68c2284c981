import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import { MEDIA_NAME } from '$lib/domain/media';
import type { Sanitize } from './plan';

/**
 * The HTML a card may keep: text formatting, lists, tables, code, and pictures, videos and
 * sounds stored on this device. Everything that runs, styles the page or fetches something
 * (script, style, link, iframe, object, form, svg, a …) is dropped, and so is every attribute
 * except the few that only shape a table or a language, `class` (which the note type's own
 * stylesheet, scoped to the card, styles by: see `$lib/domain/note-style`), an `<img>`'s
 * `alt`, and the `src` of `<img>`, `<video>`, `<audio>` and `<source>`. That `src` must name a stored media file
 * (`MEDIA_NAME`: a content hash, never an address), or the element is dropped: a card can
 * load nothing from elsewhere and send nothing, so a shared deck cannot track who studies it. The text inside a dropped
 * formatting tag (say `<font>`) is kept; the content of script and style is not.
 */
const CONFIG: Config = {
	ALLOWED_TAGS: [
		'b',
		'i',
		'u',
		's',
		'em',
		'strong',
		'mark',
		'small',
		'br',
		'hr',
		'p',
		'div',
		'span',
		'blockquote',
		'ul',
		'ol',
		'li',
		'dl',
		'dt',
		'dd',
		'sub',
		'sup',
		'code',
		'pre',
		'kbd',
		'table',
		'caption',
		'thead',
		'tbody',
		'tfoot',
		'tr',
		'th',
		'td',
		// Anki's furigana filter and hint fields (anki-template.ts).
		'ruby',
		'rt',
		'rp',
		'details',
		'summary',
		// Only with a stored file's name (see the hooks below).
		'img',
		'video',
		'audio',
		'source'
	],
	ALLOWED_ATTR: ['colspan', 'rowspan', 'dir', 'lang', 'class', 'src', 'alt'],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	KEEP_CONTENT: true
};

/** The elements that may keep a `src`: a stored file's name, never an address. */
const MEDIA_ELEMENTS = new Set(['IMG', 'VIDEO', 'AUDIO', 'SOURCE']);

const made = new WeakMap<object, Sanitize>();

/**
 * Sanitised HTML without the video and sound players left with no stored file: neither a
 * `src` of their own nor a `<source>` naming one (their addresses were removed).
 */
function withoutEmptyPlayers(html: string, document: Document): string {
	const template = document.createElement('template');
	template.innerHTML = html;
	for (const player of template.content.querySelectorAll('video, audio'))
		if (!player.hasAttribute('src') && !player.querySelector('source[src]')) player.remove();
	return template.innerHTML;
}

/**
 * A sanitiser bound to a DOM: a page's `window`, or a jsdom window in Node. DOMPurify needs
 * a real HTML parser, so a Web Worker (which has none) passes `sanitize` in from a page, or
 * imports as text and lets `RichText` sanitise at render time.
 *
 * One sanitiser is made per window and reused, so calling this on every render is cheap.
 *
 * @example
 * const sanitize = createSanitizer(window);
 * sanitize('<b>bold</b><img src=x onerror=alert(1)><script>alert(2)</script>'); // '<b>bold</b>'
 */
export function createSanitizer(window: WindowLike): Sanitize {
	const existing = made.get(window);
	if (existing) return existing;
	const purify = DOMPurify(window);
	if (!purify.isSupported)
		throw new Error('createSanitizer needs a window with a DOM (a page or jsdom), not a worker.');
	purify.addHook('uponSanitizeAttribute', (node, data) => {
		if (data.attrName === 'alt' && node.nodeName !== 'IMG') data.keepAttr = false;
		// The app's own components style by `svelte-…` classes (one is a fixed overlay): a
		// card may not borrow them.
		if (data.attrName === 'class') {
			const kept = data.attrValue
				.split(/\s+/)
				.filter((name) => name && !name.startsWith('svelte-'))
				.join(' ');
			if (kept) data.attrValue = kept;
			else data.keepAttr = false;
		}
		if (
			data.attrName === 'src' &&
			(!MEDIA_ELEMENTS.has(node.nodeName) || !MEDIA_NAME.test(data.attrValue))
		)
			data.keepAttr = false;
	});
	purify.addHook('afterSanitizeAttributes', (node) => {
		// A picture or source with no stored file shows nothing (players: withoutEmptyPlayers).
		// A player's controls are added on display (mediaHtml).
		if ((node.nodeName === 'IMG' || node.nodeName === 'SOURCE') && !node.hasAttribute('src'))
			node.remove();
	});
	const document = (window as unknown as { document: Document }).document;
	const sanitize: Sanitize = (html) => {
		const clean = purify.sanitize(html, CONFIG);
		return /<(?:video|audio)\b/.test(clean) ? withoutEmptyPlayers(clean, document) : clean;
	};
	made.set(window, sanitize);
	return sanitize;
}
