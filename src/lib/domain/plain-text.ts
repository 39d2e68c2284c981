/**
 * The text a person reads in a bit of HTML, for searching and one-line summaries (never for
 * showing the HTML itself, which is sanitised and rendered). Anki fields are HTML, and two
 * things in them must not change what the words are:
 *
 * - inline tags inside a word (`<b>c</b>oloboma`, common in shared decks where a letter was
 *   styled) join, while block tags and `<br>` part words;
 * - entities read as their characters: `&nbsp;` a space, `&amp;` an ampersand.
 */

import { MARKDOWN_PICTURE } from './media';
import { withoutTypeMarkers } from './type-answer';

/** Tags that style text inside a line: removing them must not part a word. */
const INLINE =
	/<\/?(?:a|abbr|b|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var)\b[^>]*>/gi;

const NAMED: Record<string, string> = {
	nbsp: ' ',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	ndash: '–',
	mdash: '—',
	hellip: '…',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”'
};

/** Characters for the entities above and numeric ones; an unknown entity stays as written. */
function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isInteger(code) && code > 0 && code <= 0x10ffff
				? String.fromCodePoint(code === 0xa0 ? 0x20 : code)
				: entity;
		}
		return NAMED[name.toLowerCase()] ?? entity;
	});
}

/**
 * HTML as the words it shows, on one line.
 *
 * @example
 * plainText('<b>c</b>oloboma&nbsp;of the <i>iris</i><br>right eye'); // 'coloboma of the iris right eye'
 * plainText('犬[sound:inu.mp3]'); // '犬'
 */
export function plainText(html: string): string {
	return decodeEntities(
		withoutTypeMarkers(html)
			.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(INLINE, '')
			.replace(/<[^>]*>/g, ' ')
			// A sound shows as a play button, a picture as itself: neither by its file name.
			.replace(/\[sound:[^[\]]*\]/g, ' ')
			.replace(MARKDOWN_PICTURE, ' ')
	)
		.replace(/\s+/g, ' ')
		.trim();
}
