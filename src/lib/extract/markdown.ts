/**
 * Markdown → raw blocks, through marked's CommonMark + GFM lexer rather than line rules:
 * nested lists, loose list items, tables, block quotes and HTML blocks come out as the
 * reader sees them. Site syntax that Markdown leaves as text (front matter, KumaScript and
 * Hugo/Nunjucks macros, MyST labels and roles, GitHub alerts) is removed or reduced to the
 * words a rendered page shows.
 */

import { Lexer, type Token, type Tokens } from 'marked';

export type MarkdownRaw =
	| { kind: 'md-heading'; text: string; level: number }
	| { kind: 'item'; text: string; list: number }
	| { kind: 'text'; lines: string[] }
	| { kind: 'definition'; term: string; text: string }
	| { kind: 'table'; header: string[]; rows: string[][] };

export interface MarkdownArticle {
	/** From front matter (`title:`), when there is one. */
	title: string | null;
	raws: MarkdownRaw[];
}

/** A longer heading is read as a paragraph: a section's heading is repeated on its cards. */
export const MAX_HEADING_CHARS = 300;
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Whether the text is written in Markdown rather than plain text: front matter, ATX
 * headings, bullets, numbered items, fences, tables or inline links.
 *
 * @example
 * looksLikeMarkdown('# Tea\n\nTea is a drink.'); // true
 * looksLikeMarkdown('Tea\n\nTea is a drink.'); // false
 */
export function looksLikeMarkdown(text: string): boolean {
	return (
		FRONT_MATTER.test(text) ||
		/^(?: {0,3}#{1,6} \S| {0,3}[-*+] \S| {0,3}\d{1,3}[.)] \S| {0,3}(?:```|~~~)| {0,3}\|.*\|\s*$)/m.test(
			text
		) ||
		/\[[^[\]\n]{1,300}\]\([^()\s]{1,500}\)|\*\*[^*\n]{1,200}\*\*/.test(text)
	);
}

/** The front matter's title, unquoted. */
function frontMatterTitle(yaml: string): string | null {
	const line = /^title\s*:\s*(.+)$/m.exec(yaml)?.[1]?.trim();
	if (!line || line === '|' || line === '>') return null;
	return line.replace(/^(['"])(.*)\1$/, '$2').trim() || null;
}

/**
 * The title a Markdown file's front matter gives, or null.
 *
 * @example
 * markdownTitle('---\ntitle: "Tea"\n---\n\nTea is a drink.'); // "Tea"
 */
export function markdownTitle(text: string): string | null {
	const frontMatter = FRONT_MATTER.exec(text);
	return frontMatter ? frontMatterTitle(frontMatter[1] ?? '') : null;
}

/**
 * Macros a page renders to a few words, or to nothing. `{{HTTPStatus(404, "Not Found")}}`
 * shows its last quoted argument; `{{Glossary("HTML")}}` its only one; navigation macros,
 * includes and template tags show nothing.
 */
function withoutMacros(text: string): string {
	return text
		.replace(/\{\{[%<#][\s\S]*?[%>]?\}\}/g, '')
		.replace(/\{%[\s\S]*?%\}/g, '')
		.replace(/\{\{\s*[\w-]+\s*\(([^{}]*)\)\s*\}\}/g, (_, args: string) => {
			const quoted = [...args.matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2] ?? '');
			const last = quoted[quoted.length - 1];
			if (last) return last;
			return args.split(',')[0]?.trim() ?? '';
		})
		.replace(/\{\{[^{}]*\}\}/g, '');
}

/** Words of inline tokens, as a page shows them. */
function inlineText(tokens: readonly Token[] | undefined): string {
	if (!tokens) return '';
	let text = '';
	for (const token of tokens) {
		switch (token.type) {
			case 'image':
			case 'html':
				// Inline HTML is tags; their words, if any, are in the text around them.
				break;
			case 'br':
				text += ' ';
				break;
			case 'codespan':
			case 'escape':
				text += decodeEntities(token.text);
				break;
			default: {
				const nested = (token as { tokens?: Token[] }).tokens;
				text += nested
					? inlineText(nested)
					: decodeEntities((token as { text?: string }).text ?? '');
			}
		}
	}
	return text;
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	mdash: '—',
	ndash: '–',
	hellip: '…',
	vert: '|',
	verbar: '|',
	ast: '*',
	lowbar: '_',
	num: '#',
	excl: '!',
	quest: '?',
	lbrack: '[',
	rbrack: ']',
	lbrace: '{',
	rbrace: '}',
	lpar: '(',
	rpar: ')',
	plus: '+',
	equals: '=',
	percnt: '%',
	dollar: '$',
	commat: '@',
	grave: '`',
	hat: '^',
	tilde: '~',
	larr: '←',
	rarr: '→',
	times: '×',
	copy: '©',
	reg: '®',
	trade: '™',
	deg: '°',
	middot: '·',
	rsquo: "'",
	lsquo: "'",
	rdquo: '"',
	ldquo: '"'
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
		if (name.startsWith('#x') || name.startsWith('#X'))
			return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name.toLowerCase()] ?? entity;
	});
}

/** MyST roles (`{ref}` before a code span) and GitHub alert markers leave no words. */
function cleanLine(text: string): string {
	return withoutMacros(text)
		.replace(/\{[\w:-]+\}(?=\S)/g, '')
		.replace(/ ?<[\w:#./-]+>(?=$| |[),.;])/g, '')
		.replace(/^\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Text of block-level HTML that a reader sees, split where the page breaks lines. */
function htmlText(html: string): string[] {
	const visible = html
		.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
		.replace(/<(script|style|aside|figure|svg|nav)\b[\s\S]*?<\/\1>/gi, '');
	return visible
		.split(/<\/?(?:p|div|li|ul|ol|br|h[1-6]|summary|details|tr|table|section|blockquote)\b[^>]*>/i)
		.map((part) => cleanLine(decodeEntities(part.replace(/<[^>]*>/g, ' '))))
		.filter((part) => /\p{L}{2}/u.test(part));
}

/** `Term` then `: definition` lines (PHP Markdown Extra / MyST definition lists). */
function definitionPairs(text: string): { term: string; text: string }[] | null {
	const lines = text.split('\n');
	const pairs: { term: string; text: string }[] = [];
	for (let i = 0; i < lines.length; i++) {
		const term = lines[i]?.trim() ?? '';
		const next = lines[i + 1]?.trim() ?? '';
		if (!term || term.startsWith(':') || !next.startsWith(':')) continue;
		let definition = next.replace(/^:\s*/, '');
		i += 1;
		while (i + 1 < lines.length && !(lines[i + 1] ?? '').trim().startsWith(':')) {
			const more = (lines[i + 1] ?? '').trim();
			if (lines[i + 2]?.trim().startsWith(':')) break;
			definition += ` ${more}`;
			i += 1;
		}
		pairs.push({ term: cleanLine(term), text: cleanLine(definition) });
	}
	return pairs.length > 0 && pairs.length * 2 >= lines.filter((l) => l.trim()).length / 2
		? pairs
		: null;
}

/** Bold lines that introduce a remark or separate alternatives ("**Note:**", "**Or**"), not terms. */
const NOT_A_GLOSSARY_TERM =
	/^(?:or|and|but|also|then|note|notes|tip|tips|warning|caution|important|example|examples|update|tl;?dr|summary)$/i;

class Reader {
	raws: MarkdownRaw[] = [];
	private lists = 0;

	blocks(tokens: readonly Token[]): void {
		// Blank lines between blocks come as space tokens; a glossary term's definition is the
		// next block that is not one.
		const blocks = tokens.filter((token) => token.type !== 'space');
		for (let i = 0; i < blocks.length; i++) {
			// Skips the next block when this one used it (a glossary term's definition).
			if (this.block(blocks[i] as Token, blocks[i + 1])) i += 1;
		}
	}

	/** Reads one block; true when it also used the next one. */
	private block(token: Token, next: Token | undefined): boolean {
		switch (token.type) {
			case 'heading': {
				const text = cleanLine(inlineText(token.tokens).replace(/\{#[\w-]+\}$/, ''));
				// A section's heading is repeated on its cards; a huge one is read as a paragraph.
				if (text.length > MAX_HEADING_CHARS) this.raws.push({ kind: 'text', lines: [text] });
				else if (text) this.raws.push({ kind: 'md-heading', text, level: token.depth });
				return false;
			}
			case 'paragraph':
				return this.paragraph(token as Tokens.Paragraph, next);
			case 'text':
				this.textLines(inlineText((token as Tokens.Text).tokens) || token.text);
				return false;
			case 'list':
				this.list(token as Tokens.List, null);
				return false;
			case 'blockquote':
				this.blocks(token.tokens ?? []);
				return false;
			case 'table':
				this.table(token as Tokens.Table);
				return false;
			case 'html':
				for (const line of htmlText(token.text)) this.raws.push({ kind: 'text', lines: [line] });
				return false;
			default:
				// Code, rules, link definitions and blank space carry no prose.
				return false;
		}
	}

	private paragraph(token: Tokens.Paragraph, next: Token | undefined): boolean {
		const raw = token.text;
		// MyST target labels, "(label)=", stand alone and render as nothing.
		if (/^\(\S+\)=$/.test(raw.trim())) return false;
		const pairs = /\n\s*:\s/.test(raw) ? definitionPairs(inlineText(token.tokens)) : null;
		if (pairs) {
			for (const pair of pairs) this.raws.push({ kind: 'definition', ...pair });
			return false;
		}
		const only = token.tokens?.length === 1 ? token.tokens[0] : undefined;
		if (only?.type === 'strong' && next) {
			const term = cleanLine(inlineText([only])).replace(/:$/, '');
			const definition =
				next.type === 'list' && (next as Tokens.List).items.length === 1
					? itemText((next as Tokens.List).items[0] as Tokens.ListItem)
					: next.type === 'paragraph'
						? cleanLine(inlineText((next as Tokens.Paragraph).tokens))
						: '';
			// A bold line alone, then a one-item list or a paragraph: a glossary entry.
			if (term && definition && term.split(' ').length <= 8 && !NOT_A_GLOSSARY_TERM.test(term)) {
				this.raws.push({ kind: 'definition', term, text: definition });
				return true;
			}
		}
		this.textLines(inlineText(token.tokens));
		return false;
	}

	private textLines(text: string): void {
		const lines = text
			.split('\n')
			.map(cleanLine)
			.filter((line) => line.length > 0);
		if (lines.length > 0) this.raws.push({ kind: 'text', lines: [lines.join(' ')] });
	}

	private list(token: Tokens.List, lead: string | null): void {
		const list = ++this.lists;
		const nested: { parent: string; list: Tokens.List }[] = [];
		const after: Token[] = [];
		const items = token.items.map((item) => {
			for (const child of item.tokens.slice(1)) {
				if (child.type === 'list')
					nested.push({ parent: itemText(item), list: child as Tokens.List });
				else after.push(child);
			}
			return itemText(item);
		});
		// MDN's definition lists: "- term" with a nested "- : definition".
		const definitions = nested.filter(({ list: inner }) =>
			(inner.items[0]?.text ?? '').trimStart().startsWith(':')
		);
		if (definitions.length > 0 && definitions.length >= items.length / 2) {
			for (const { parent, list: inner } of definitions) {
				const text = itemText(inner.items[0] as Tokens.ListItem).replace(/^:\s*/, '');
				if (parent && text) this.raws.push({ kind: 'definition', term: parent, text });
			}
			return;
		}
		if (lead !== null && items.length > 0) this.raws.push({ kind: 'text', lines: [lead] });
		for (const text of items) if (text) this.raws.push({ kind: 'item', text, list });
		// Paragraphs and code under loose items follow the list, so the items stay one list.
		this.blocks(after);
		for (const { parent, list: inner } of nested) {
			const leadText = /[:.?!]$/.test(parent) ? parent : `${parent}:`;
			this.list(inner, leadText);
		}
	}

	private table(token: Tokens.Table): void {
		const cell = (c: Tokens.TableCell) => cleanLine(inlineText(c.tokens));
		const header = token.header.map(cell);
		const rows = token.rows.map((row) => row.map(cell));
		this.raws.push({ kind: 'table', header, rows });
	}
}

/** A list item's own words: its first paragraph, without nested lists. */
function itemText(item: Tokens.ListItem): string {
	const first = item.tokens[0];
	if (!first || (first.type !== 'text' && first.type !== 'paragraph')) return '';
	const tokens = (first as Tokens.Text).tokens;
	return cleanLine(tokens ? inlineText(tokens) : first.text);
}

/**
 * Reads a Markdown article into raw blocks: headings, paragraphs (one line each), list items
 * with the list they belong to, definitions (term and text) and tables.
 *
 * @example
 * readMarkdown('---\ntitle: Tea\n---\n\nTea is a drink.\n\n- Green\n- Black').title; // "Tea"
 */
export function readMarkdown(text: string): MarkdownArticle {
	const frontMatter = FRONT_MATTER.exec(text);
	const body = frontMatter ? text.slice(frontMatter[0].length) : text;
	const reader = new Reader();
	const source = body
		.replace(/<!--[\s\S]*?-->/g, '')
		// Bullets pasted from a word processor or a page (•, ◦, ▪) are list markers too.
		.replace(/^( {0,3})[•◦▪▫●○■□‣⁃] /gm, '$1- ');
	reader.blocks(new Lexer({ gfm: true }).lex(source));
	return { title: markdownTitle(text), raws: reader.raws };
}
