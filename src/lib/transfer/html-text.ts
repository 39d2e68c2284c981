/**
 * The few conversions between plain text and HTML that the formats need: Anki's fields are
 * HTML, this app's cards may be either.
 */

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/**
 * Escapes text so HTML shows it literally.
 *
 * @example
 * escapeHtml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/**
 * Plain text as HTML that looks the same: escaped, line breaks as `<br>`.
 *
 * @example
 * textToHtml('1 < 2\nyes'); // '1 &lt; 2<br>yes'
 */
export function textToHtml(text: string): string {
	return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * Whether a string uses HTML at all: a tag or an entity. Anki stores every field as HTML,
 * but most fields are plain words, and those are better imported as text.
 *
 * @example
 * hasMarkup('Paris'); // false
 * hasMarkup('Paris<br>France'); // true
 * hasMarkup('Tom &amp; Jerry'); // true
 */
export function hasMarkup(s: string): boolean {
	return /<[a-z!/]|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(s);
}

/**
 * Whether HTML shows nothing: no text once tags, `&nbsp;` and the content of script and
 * style elements are gone. Checked before sanitising too, since a caller may sanitise later.
 *
 * @example
 * isBlankHtml('<div><br></div>'); // true
 * isBlankHtml('<script>alert(1)</script>'); // true
 * isBlankHtml('<b>x</b>'); // false
 * isBlankHtml('<img src="a.png">'); // false (a picture is something to show)
 */
export function isBlankHtml(html: string): boolean {
	if (/<img\b/i.test(html)) return false;
	return (
		html
			.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
			.replace(/<[^>]*>|&nbsp;|&#160;/gi, '')
			.trim() === ''
	);
}
