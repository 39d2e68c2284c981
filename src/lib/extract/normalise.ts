/**
 * Text normalisation. Articles arrive with typographic quotes, non-breaking spaces and
 * Windows line ends; every pattern in this folder is written against the plain forms, so
 * the text is normalised once, here, before anything else looks at it.
 */

/** Characters that stand for a plain one, and the plain one. Order matters: line ends first. */
const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
	[/\r\n?/g, '\n'],
	[/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'"],
	[/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
	[/[\u2010\u2011]/g, '-'],
	[/\u2026/g, '...'],
	// No-break and other fixed-width spaces: the article ends many lines with U+00A0. Tabs
	// stay: they separate the cells of a table copied from a page (blocks.ts reads them).
	[/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
	// Zero-width characters, soft hyphens and byte-order marks are invisible and only break words apart.
	[/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''],
	// Stray control characters (validation has already refused text that has many).
	[/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g, '']
];

/**
 * Returns `text` with straight quotes, plain spaces, `\n` line ends and no invisible characters.
 *
 * @example
 * normaliseText('It\u2019s\u00A0here\r\n'); // "It's here\n"
 */
export function normaliseText(text: string): string {
	let result = text.normalize('NFC');
	for (const [pattern, replacement] of REPLACEMENTS) result = result.replace(pattern, replacement);
	return result;
}
