/**
 * Validation of what the user pasted or opened, before any work is done on it. Each refusal
 * is a `ValidationError` whose message says what is wrong and what to do instead.
 *
 * A web page's HTML is refused here: the New deck screen turns pasted HTML and `.html` files
 * into Markdown first (`html.ts`, with Readability keeping only the article), so HTML that
 * reaches this point is a page's source pasted as text. HTML inside Markdown (figures,
 * tables, code samples) is part of the article and accepted.
 */

import { ValidationError } from '$lib/errors';
import { looksLikeMarkdown } from './markdown';

/** The longest article accepted, in characters (about 30,000 words). */
export const MAX_ARTICLE_CHARS = 200_000;

// Control characters other than tab and line ends, and the replacement character a bad decode leaves.
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;
const HTML_TAG =
	/<\/?(?:html|head|body|div|span|p|a|ul|ol|li|h[1-6]|script|style|meta|link|article|section|header|footer|nav|table|tr|td|img|br|strong|em)\b[^<>]{0,500}>/gi;

function formatCount(n: number): string {
	return n.toLocaleString('en-US');
}

/**
 * Throws a `ValidationError` unless `input` is text an article can be made from:
 * a non-empty string of at most `MAX_ARTICLE_CHARS` characters that is not binary, PDF or HTML.
 *
 * @example
 * assertReadableText(''); // throws "The article is empty."
 */
export function assertReadableText(input: unknown): asserts input is string {
	if (typeof input !== 'string') throw new ValidationError('The article must be text.');
	if (!input.trim()) throw new ValidationError('The article is empty.');
	if (input.length > MAX_ARTICLE_CHARS) {
		throw new ValidationError(
			`The article is too long: it has ${formatCount(input.length)} characters and the limit is ` +
				`${formatCount(MAX_ARTICLE_CHARS)}. Split it into parts and make a deck from each.`
		);
	}
	if (input.startsWith('%PDF-')) {
		throw new ValidationError(
			"This is a PDF file, not text. Copy the article's text out of it and paste that instead."
		);
	}
	const unreadable = input.match(UNREADABLE)?.length ?? 0;
	if (input.includes('\u0000') || unreadable > Math.max(3, input.length / 200)) {
		throw new ValidationError(
			'This does not look like text: it contains binary or garbled characters. ' +
				"Paste the article's text, or open a .md, .html or .txt file."
		);
	}
	const start = input.trimStart().slice(0, 200).toLowerCase();
	const prose = input.replace(/^ {0,3}(```|~~~)[\s\S]*?^ {0,3}\1/gm, '');
	const tags = prose.match(HTML_TAG)?.length ?? 0;
	if (
		start.startsWith('<!doctype') ||
		start.startsWith('<html') ||
		// A page's source starts with markup; an article that quotes one (an HTTP guide showing
		// "<html><body>…") starts with prose, even when copying dropped its code fences.
		(start.startsWith('<') && /<(?:html|body|head)\b/i.test(prose.slice(0, 5000))) ||
		(!looksLikeMarkdown(prose) && tags >= 5 && tags * 40 > input.length / 10)
	) {
		throw new ValidationError(
			"This looks like HTML; paste the article's text instead (select the text on the page and copy it)."
		);
	}
}

/**
 * Throws a `ValidationError` when the article has fewer than two sentences: there is nothing
 * to make cards from.
 *
 * @example
 * assertEnoughText(1); // throws "The article is too short…"
 */
export function assertEnoughText(sentences: number): void {
	if (sentences < 2) {
		throw new ValidationError(
			'The article is too short to make cards from: it needs at least two sentences.'
		);
	}
}
