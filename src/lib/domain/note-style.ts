import { contentId } from './ids';

/**
 * A note type's styling (Anki's note type CSS), kept once per distinct stylesheet and shown
 * on the cards made from that note type only.
 *
 * Anki applies a note type's CSS to the whole card page, whose root carries the class
 * `card` (and `nightMode` in the dark theme). Here a card is a part of the app's page, so the
 * stylesheet is rewritten before it is used: every rule is scoped to the card's own element
 * (`.card`, `body` and `html` become that element), the night-mode rules apply in the app's
 * dark theme, and whatever could reach outside the card or load something from elsewhere is
 * dropped (`@import`, `@font-face`, `url(…)`, fixed positions, old script-like properties).
 * The root's own colours are left to the app's theme, so a card stays readable in light and
 * dark; colours inside the card (a blue cloze) are kept.
 */

/** A note type's stylesheet, stored once and named by its content. */
export interface NoteStyle {
	/** `style-` and a hash of `css`: the same stylesheet imported twice is one row. */
	id: string;
	css: string;
}

/** Longer stylesheets are not kept: a card's styling is a few kilobytes. */
export const MAX_STYLE_CHARS = 100_000;

/** The selector the app's dark theme is set by (app.html sets it before the first paint). */
const DARK_THEME = ":root[data-theme='dark']";
/** Anki's classes on the card page's root in its dark theme. */
const NIGHT_MODE = /\.(?:nightMode|night_mode)\b/;
const EVERY_NIGHT_MODE = new RegExp(NIGHT_MODE.source, 'g');
/** Blocks inside blocks (`@media` in `@supports`…) deeper than this are dropped. */
const MAX_NESTING = 4;
/** At-rules whose blocks hold style rules, scoped like the rest. */
const GROUPING = /^@(?:media|supports|container|layer)\b/i;
/** A property name as written, without escapes ("p\\osition" is not one). */
const PROPERTY = /^-{0,2}[a-z][a-z0-9-]*$/i;
/** Values that load something or run something. */
const UNSAFE_VALUE =
	/\b(?:url|image-set|image|cross-fade|element|paint|expression|src)\s*\(|-moz-binding|javascript:|@import/i;
/** Properties that run something, or let a piece of the card escape its box. */
const UNSAFE_PROPERTY = /^(?:behavior|-moz-binding)$/i;
const ESCAPING_POSITION = /^(?:fixed|sticky)\b/i;
/** On the card's root, colours are the app theme's. */
const ROOT_COLOUR = /^(?:color|background(?:-color|-image)?)$/i;

/**
 * The id a stylesheet is stored under: two 32-bit hashes of its text, so two different
 * stylesheets practically never share one.
 *
 * @example
 * noteStyleId('.card { font-size: 20px; }'); // "style-…" (always the same for this text)
 */
export function noteStyleId(css: string): string {
	return `style-${contentId(css)}`;
}

/**
 * Where the string that opens at `start` (a quote) ends, as CSS reads it: a backslash escapes
 * the next character, and a line break ends the string unclosed (and is not part of it).
 */
function stringEnd(text: string, start: number): number {
	const quote = text[start];
	for (let i = start + 1; i < text.length; i++) {
		const c = text[i];
		if (c === '\\') i += 1;
		else if (c === quote) return i + 1;
		else if (c === '\n' || c === '\r' || c === '\f') return i;
	}
	return text.length;
}

/** The end of the block that opens at `open` (a `{`), or the text's end when it never closes. */
function blockEnd(css: string, open: number): number {
	let depth = 0;
	for (let i = open; i < css.length; i++) {
		const c = css[i];
		if (c === '"' || c === "'") i = stringEnd(css, i) - 1;
		else if (c === '{') depth += 1;
		else if (c === '}' && --depth === 0) return i;
	}
	return css.length;
}

/** Splits at `separator` outside brackets and strings (`[x="a,b"]`, `:is(a, b)`). */
function splitTopLevel(text: string, separator: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"' || c === "'") i = stringEnd(text, i) - 1;
		else if (c === '(' || c === '[') depth += 1;
		else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
		else if (c === separator && depth === 0) {
			parts.push(text.slice(start, i));
			start = i + 1;
		}
	}
	parts.push(text.slice(start));
	return parts;
}

/**
 * Whether a piece of CSS this module writes out reads the same to the browser as to this
 * module: no braces, semicolons, escapes, comments or "<"; quotes closed on the same line;
 * brackets balanced. Everything written out is made of such pieces, so however a hostile
 * stylesheet was meant to be read, the browser reads only the rules written here.
 */
function isPlain(piece: string): boolean {
	if (/[{};\\<]|\/\*/.test(piece)) return false;
	let depth = 0;
	for (let i = 0; i < piece.length; i++) {
		const c = piece[i];
		if (c === '"' || c === "'") {
			const end = stringEnd(piece, i);
			if (piece[end - 1] !== c || end - 1 === i) return false;
			i = end - 1;
		} else if (c === '(' || c === '[') depth += 1;
		else if (c === ')' || c === ']') {
			depth -= 1;
			if (depth < 0) return false;
		} else if (c === '\n' && depth > 0) return false;
	}
	return depth === 0;
}

/**
 * One selector of Anki's card page as a selector of the card's element: the page's root
 * (`.card`, `body`, `html`, `:root`, `#qa`) is `scope`; Anki's night-mode class is the app's
 * dark theme. Null when the selector cannot be scoped safely.
 */
function scopedSelector(selector: string, scope: string): { text: string; root: boolean } | null {
	let rest = selector.trim();
	if (!rest || !isPlain(rest)) return null;
	const night = NIGHT_MODE.test(rest);
	rest = rest.replace(EVERY_NIGHT_MODE, '').trim();
	// The page's root, however Anki's CSS names it, with what qualifies it (".card.front").
	const root = /^(?:html|body|:root|\.card|#qa)(?![\w-])/i.exec(rest);
	let scoped: string;
	let isRoot = false;
	if (root) {
		const after = rest.slice(root[0].length);
		// "body .card", "html body": still the root.
		const inner = after.replace(/^\s*(?:body|\.card|#qa)(?![\w-])/i, '');
		// ".card ~ x", ".card + x": the card's siblings are the app's, not the card's.
		if (/^\s*[~+]/.test(inner)) return null;
		scoped = `${scope}${inner}`;
		isRoot = inner.trim() === '' || /^[.:#[]/.test(inner);
	} else if (rest === '' || rest === '*') {
		scoped = rest === '' ? scope : `${scope} *`;
		isRoot = rest === '';
	} else {
		// "~ x", "+ x": a selector that starts from the card's siblings.
		if (/^[~+>]/.test(rest)) return null;
		scoped = `${scope} ${rest}`;
	}
	return { text: night ? `${DARK_THEME} ${scoped}` : scoped, root: isRoot };
}

/**
 * The declarations of one rule that are plain `name: value` pairs and safe (and not the
 * root's colours). A block holding a nested rule is not a list of declarations: none is kept.
 */
function safeDeclarations(body: string, root: boolean): string {
	if (body.includes('{')) return '';
	const kept: string[] = [];
	for (const piece of splitTopLevel(body, ';')) {
		const colon = piece.indexOf(':');
		if (colon < 0) continue;
		const name = piece.slice(0, colon).trim();
		const value = piece.slice(colon + 1).trim();
		if (!PROPERTY.test(name) || !value || !isPlain(value) || UNSAFE_VALUE.test(value)) continue;
		if (UNSAFE_PROPERTY.test(name)) continue;
		if (/^position$/i.test(name) && ESCAPING_POSITION.test(value)) continue;
		if (root && ROOT_COLOUR.test(name)) continue;
		kept.push(`${name}: ${value}`);
	}
	return kept.join('; ');
}

/**
 * The rules of `css` scoped to `scope`. Each character is read once per level of nesting
 * (the next ";" is remembered, not searched for again at every rule), so a hostile stylesheet
 * costs time in proportion to its length.
 */
function scopeRules(css: string, scope: string, depth = 0): string {
	const out: string[] = [];
	let i = 0;
	let semicolon = -1;
	while (i < css.length) {
		const open = css.indexOf('{', i);
		if (semicolon < i) semicolon = css.indexOf(';', i);
		if (semicolon < 0) semicolon = css.length;
		// "@import …;" and "@charset …;" end without a block: dropped.
		if ((open < 0 || semicolon < open) && css.slice(i, semicolon).trim().startsWith('@')) {
			i = semicolon + 1;
			continue;
		}
		if (open < 0) break;
		const prelude = css.slice(i, open).trim();
		const end = blockEnd(css, open);
		const body = css.slice(open + 1, end);
		i = end + 1;
		if (prelude.startsWith('@')) {
			if (!GROUPING.test(prelude) || !isPlain(prelude) || UNSAFE_VALUE.test(prelude)) continue;
			if (depth >= MAX_NESTING) continue;
			const inner = scopeRules(body, scope, depth + 1);
			if (inner) out.push(`${prelude} {\n${inner}\n}`);
			continue;
		}
		const selectors = splitTopLevel(prelude, ',').map((s) => scopedSelector(s, scope));
		if (selectors.length === 0 || selectors.some((s) => s === null)) continue;
		const valid = selectors as { text: string; root: boolean }[];
		const declarations = safeDeclarations(
			body,
			valid.some((s) => s.root)
		);
		if (declarations) out.push(`${valid.map((s) => s.text).join(', ')} { ${declarations} }`);
	}
	return out.join('\n');
}

/**
 * The note type's stylesheet as it applies to one card element, matched by `scope` (a
 * selector such as `[data-note-style="style-1"]`). Empty when nothing in it is safe to use.
 *
 * @example
 * scopedCss('.card { font-size: 24px; color: black } .cloze { color: blue }', '.s');
 * // ".s { font-size: 24px }\n.s .cloze { color: blue }"
 */
export function scopedCss(css: string, scope: string): string {
	if (css.length > MAX_STYLE_CHARS) return '';
	const withoutComments = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
	// The result goes into a <style> element: nothing written out holds a "<" (`isPlain`), so
	// nothing in it can end the element early.
	return scopeRules(withoutComments, scope);
}
