/**
 * Inline Markdown: emphasis, code spans, links and images inside a line. Cards are plain
 * text, so the marks are removed and the words kept. Each pattern is bounded by a
 * character class that excludes its own delimiter and its opener, so none of them can
 * backtrack, and a failed match stops at the next opener: a line of 200,000 "[" (or "![",
 * "[a](", "<http://") would otherwise make every one of them scan to the end of the line.
 */

/** A link's address in brackets, which may itself hold one pair: `(https://en.wikipedia.org/wiki/Tea_(drink))`. */
const ADDRESS = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;

const INLINE_RULES: readonly (readonly [RegExp, string])[] = [
	// Images carry no words a learner should recall; their alt text is usually a caption.
	[new RegExp(String.raw`!\[[^[\]\n]*\]` + ADDRESS, 'g'), ''],
	[new RegExp(String.raw`\[([^[\]\n]*)\]` + ADDRESS, 'g'), '$1'],
	[/\[([^[\]\n]*)\]\[[^[\]\n]*\]/g, '$1'],
	[/\[\^[^[\]\n]*\]/g, ''],
	[/<(https?:\/\/[^<>\s]+)>/g, '$1'],
	[/`([^`\n]+)`/g, '$1'],
	[/\*\*([^*\n]+)\*\*/g, '$1'],
	[/__([^_\n]+)__/g, '$1'],
	[/(^|[\s(["'])\*([^*\s][^*\n]*)\*(?=$|[\s).,;:!?"'])/g, '$1$2'],
	[/(^|[\s(["'])_([^_\s][^_\n]*)_(?=$|[\s).,;:!?"'])/g, '$1$2'],
	[/~~([^~\n]+)~~/g, '$1'],
	// Inline HTML that Markdown allows (<br>, <em>…): keep the words, drop the tags.
	[/<\/?(?:br|em|strong|b|i|u|span|sup|sub|mark|code|small|kbd|a)\b[^<>\n]{0,200}>/gi, ' '],
	[/\\([\\`*_{}[\]()#+\-.!>])/g, '$1']
];

/**
 * Removes inline Markdown marks from one line of text, keeping its words.
 *
 * @example
 * stripInlineMarkdown('Use **Go** or [Rust](https://rust-lang.org)'); // "Use Go or Rust"
 */
export function stripInlineMarkdown(line: string): string {
	let result = line;
	for (const [pattern, replacement] of INLINE_RULES) result = result.replace(pattern, replacement);
	return result.replace(/ {2,}/g, ' ').trim();
}
