import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import type { Sanitize } from './plan';

/**
 * The HTML a card may keep: text formatting, lists, tables and code. Everything that runs,
 * styles the page or fetches something (script, style, link, iframe, img, audio, video,
 * object, form, svg, a …) is dropped, and so is every attribute except the few that only
 * shape a table or a language. Without `href` or `src` a card can load nothing and send
 * nothing, so a shared deck cannot track who studies it. The text inside a dropped
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
		'summary'
	],
	ALLOWED_ATTR: ['colspan', 'rowspan', 'dir', 'lang'],
	ALLOW_DATA_ATTR: false,
	ALLOW_ARIA_ATTR: false,
	KEEP_CONTENT: true
};

const made = new WeakMap<object, Sanitize>();

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
	const sanitize: Sanitize = (html) => purify.sanitize(html, CONFIG);
	made.set(window, sanitize);
	return sanitize;
}
