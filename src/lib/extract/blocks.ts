/**
 * Blocks: the article cut into headings, paragraphs and list items, the units every other
 * module works on. Plain text and Markdown are both read here, by line:
 *
 * - a heading is a Markdown `#`/setext heading, or a short line without a final full stop that is
 *   title case (or at most eight words) and is followed by more text;
 * - a list item is a line starting with a bullet (•, -, *, +, –, ◦, ▪) or a number (`1.`, `1)`);
 * - short lines after a paragraph ending in ":" that are each followed by an explanatory
 *   paragraph ("These include:" / "Job security" / "With the ever-growing…") are list items too;
 * - other lines are joined into paragraphs; a line ending a sentence ends the paragraph, so text
 *   with one paragraph per line works as well as text with blank lines between paragraphs.
 *
 * A Markdown heading longer than 300 characters is read as a paragraph: a section's heading is
 * repeated on its cards (sources, tags, list fronts), so one very long heading over thousands
 * of cards would make the deck many times the size of the article.
 *
 * Dropped: a line written twice in a row (an image's alt text and caption), metadata lines
 * ("Last updated:", "6 minutes of reading"), code blocks, tables, rules and images.
 */

import { caseStyle } from './casing';
import { stripInlineMarkdown } from './inline-markdown';
import { looksLikeMarkdown, MAX_HEADING_CHARS, readMarkdown } from './markdown';
import { runStart } from './wording';

export type BlockKind = 'heading' | 'paragraph' | 'item';

export interface Block {
	/** Position in the article's block list, from 0 (this is `SourceRef.paragraph`). */
	index: number;
	kind: BlockKind;
	/** Normalised plain text, without bullet or Markdown marks. */
	text: string;
	/** The heading this block sits under; null before the first heading. */
	section: string | null;
	/** For items, the list they belong to (items of one list share the number); else null. */
	list: number | null;
	/** For a glossary entry, definition list entry or table row: the term the text defines. */
	term: string | null;
	/** For a Markdown heading, its level (1 for `#`); null for a plain-text heading and others. */
	level: number | null;
}

export interface BlockTree {
	/** The first line or first `#` heading, when it reads like a title. */
	title: string | null;
	blocks: Block[];
}

type Raw =
	| { kind: 'md-heading'; text: string; level: number }
	| { kind: 'item'; text: string; list?: number }
	| { kind: 'text'; lines: string[] }
	| { kind: 'definition'; term: string; text: string }
	| { kind: 'table'; header: string[]; rows: string[][] };

const FENCE = /^\s{0,3}(?:```|~~~)/;
const MD_HEADING = /^\s{0,3}(#{1,6})\s+(\S.*)$/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const BULLET = /^\s*[•◦▪▫●○■□‣⁃·*+\-–]\s+(\S.*)$/;
const ORDERED = /^\s*\d{1,3}[.)]\s+(\S.*)$/;
const IMAGE_ONLY = /^\s*!\[[^\]\n]*\]\([^)\n]*\)\s*$/;
const TABLE_ROW = /^\s*\|/;
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;
const BLOCKQUOTE = /^\s{0,3}>\s?/;
const ENDS_SENTENCE = /[.!?:;]["')\]]*$/;

/** Lines that describe the page, not the subject. Only tested on short lines of their own. */
const METADATA: readonly RegExp[] = [
	/^(?:last )?(?:updated|modified|published|posted|edited)(?: on| by| at)?\s*:?(?:\s.{0,60})?$/i,
	/^\d{1,3}\s*-?\s*(?:min|mins|minutes?)\b(?:\s+(?:of\s+)?read(?:ing)?)?(?:\s+time)?$/i,
	/^(?:reading|read) time\b.{0,30}$/i,
	/^(?:by|author|written by)\s*:?\s+\p{Lu}[\p{L}.' -]{0,60}$/iu,
	/^(?:tags?|categories|category|filed under|share(?: this)?(?: on)?)\s*:.{0,100}$/i,
	/^(?:table of contents|contents|advertisement|sponsored)$/i,
	/^(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}$/i,
	/^\d{4}-\d{2}-\d{2}$/
];

/** Rhetorical openers: a short question starting like this is the author talking, not a heading. */
const ADDRESSING_QUESTION = /^(?:do|did|have|are|were|would|could|can|want|ever|but|so|and|now)\b/i;

function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** A line that could be a heading or a list item: short, and not ending like a sentence. */
function isShortLine(text: string): boolean {
	return text.length <= 120 && wordCount(text) <= 14 && !/[.,;:!]["')\]]*$/.test(text);
}

function isHeadingLike(text: string): boolean {
	if (!isShortLine(text) || !/^[\p{Lu}\p{N}]/u.test(text)) return false;
	const style = caseStyle(text);
	if (style === 'title' || style === 'any') return true;
	if (text.endsWith('?') && ADDRESSING_QUESTION.test(text)) return false;
	return wordCount(text) <= 8;
}

/** A Markdown heading's text without its optional closing `#`s ("Tea ##" → "Tea"). */
function withoutClosingHashes(text: string): string {
	const spaceAfter = runStart(text, /\s/);
	const hashes = runStart(text, '#', spaceAfter);
	const spaceBefore = runStart(text, /\s/, hashes);
	return spaceBefore < hashes && hashes < spaceAfter ? text.slice(0, spaceBefore) : text;
}

function isMetadata(text: string): boolean {
	return text.length <= 80 && METADATA.some((pattern) => pattern.test(text));
}

/** Skips a YAML front-matter block at the very start of a Markdown file. */
function skipFrontMatter(lines: string[]): string[] {
	if (lines[0]?.trim() !== '---') return lines;
	const end = lines.findIndex((line, i) => i > 0 && i <= 60 && /^(?:---|\.\.\.)\s*$/.test(line));
	if (end < 0) return lines;
	const body = lines.slice(1, end);
	return body.every((line) => !line.trim() || /^[\w-]+\s*:|^\s+|^\s*-\s/.test(line))
		? lines.slice(end + 1)
		: lines;
}

const MAX_PLAIN_ITEM_WORDS = 30;

/**
 * Plain text copied from a web page keeps a list's items as lines without their bullets: a
 * lead ending in ":" and then several lines with no blank line between them. Those lines get
 * a bullet back, so they are read as the list they were.
 */
function restoreBullets(text: string): string {
	const groups = text.split(/\n[ \t]*\n/);
	let leadBefore = false;
	const restored = groups.map((group) => {
		const lines = group.split('\n').filter((line) => line.trim());
		const leadInside = lines.length >= 3 && (lines[0] ?? '').trimEnd().endsWith(':');
		const items = leadInside ? lines.slice(1) : lines;
		const isList =
			(leadBefore || leadInside) &&
			items.length >= 2 &&
			items.every(
				(line) =>
					wordCount(line) <= MAX_PLAIN_ITEM_WORDS && !BULLET.test(line) && !ORDERED.test(line)
			);
		leadBefore = (lines[lines.length - 1] ?? '').trimEnd().endsWith(':');
		if (!isList) return group;
		const bulleted = items.map((line) => `- ${line.trim()}`);
		return (leadInside ? [lines[0], '', ...bulleted] : bulleted).join('\n');
	});
	return restored.join('\n\n');
}

const MAX_TERM_LINE_WORDS = 8;

/**
 * A definition list copied as plain text keeps its terms and definitions as alternating
 * lines with no blank line between ("100 Continue" / "This interim response indicates…" /
 * "101 Switching Protocols" / …). Such a run gets the definition-list mark back ("Term" /
 * ": definition"), so it is read as the list it was. Every odd line must be a short term and
 * every even line a sentence.
 */
function restoreDefinitionLists(text: string): string {
	return text
		.split(/\n[ \t]*\n/)
		.map((group) => {
			const lines = group.split('\n').filter((line) => line.trim());
			if (lines.length < 4 || lines.length % 2 !== 0) return group;
			const alternating = lines.every((line, i) =>
				i % 2 === 0
					? isShortLine(line.trim()) && wordCount(line) <= MAX_TERM_LINE_WORDS
					: !isShortLine(line.trim()) && ENDS_SENTENCE.test(line.trim())
			);
			return alternating
				? lines.map((line, i) => (i % 2 === 0 ? line : `: ${line.trim()}`)).join('\n')
				: group;
		})
		.join('\n\n');
}

/** First pass: lines to raw blocks, with Markdown syntax and captions removed. */
function readRawBlocks(text: string): Raw[] {
	const raws: Raw[] = [];
	let paragraph: string[] | null = null;
	let inFence = false;
	let afterBlank = true;
	// Rows of a table copied from a web page: its cells are separated by tabs.
	let tableRows: string[][] = [];
	const flushTable = () => {
		const [header, ...rows] = tableRows;
		if (header && header.length >= 2 && rows.length > 0) raws.push({ kind: 'table', header, rows });
		else for (const row of tableRows) raws.push({ kind: 'text', lines: [row.join(' ')] });
		tableRows = [];
	};
	const flush = () => {
		if (paragraph && paragraph.length > 0) raws.push({ kind: 'text', lines: paragraph });
		paragraph = null;
	};

	for (const tabbed of skipFrontMatter(text.split('\n'))) {
		if (!inFence && tabbed.includes('\t') && !/^\s/.test(tabbed)) {
			const cells = tabbed.split('\t').map((cell) => stripInlineMarkdown(cell.trim()));
			if (cells.filter(Boolean).length >= 2) {
				flush();
				tableRows.push(cells);
				continue;
			}
		}
		if (tableRows.length > 0) flushTable();
		const original = tabbed.replace(/\t/g, ' ');
		if (inFence) {
			if (FENCE.test(original)) inFence = false;
			continue;
		}
		if (FENCE.test(original)) {
			flush();
			inFence = true;
			continue;
		}
		const line = BLOCKQUOTE.test(original) ? original.replace(BLOCKQUOTE, '') : original;
		if (!line.trim()) {
			flush();
			afterBlank = true;
			continue;
		}
		const wasAfterBlank = afterBlank;
		afterBlank = false;

		const current: string[] | null = paragraph;
		if (current && current.length === 1 && SETEXT_UNDERLINE.test(line)) {
			const text = current[0] ?? '';
			if (text.length > MAX_HEADING_CHARS) flush();
			else raws.push({ kind: 'md-heading', text, level: line.includes('=') ? 1 : 2 });
			paragraph = null;
			continue;
		}
		if (RULE.test(line)) {
			flush();
			continue;
		}
		if (IMAGE_ONLY.test(line) || TABLE_ROW.test(line) || HTML_COMMENT.test(line)) continue;

		const heading = MD_HEADING.exec(line);
		if (heading) {
			flush();
			const title = stripInlineMarkdown(withoutClosingHashes(heading[2] ?? ''));
			if (title.length > MAX_HEADING_CHARS) raws.push({ kind: 'text', lines: [title] });
			else if (title)
				raws.push({ kind: 'md-heading', text: title, level: heading[1]?.length ?? 1 });
			continue;
		}
		const item = BULLET.exec(line) ?? ORDERED.exec(line);
		if (item) {
			flush();
			const itemText = stripInlineMarkdown(item[1] ?? '');
			if (itemText) raws.push({ kind: 'item', text: itemText });
			continue;
		}
		const last = raws[raws.length - 1];
		if (!current && !wasAfterBlank && last?.kind === 'item' && /^\s{2,}/.test(line)) {
			// An indented line right under an item continues it.
			last.text = `${last.text} ${stripInlineMarkdown(line)}`;
			continue;
		}

		// "Term" then ": definition": a definition list's entry.
		const definition = /^:\s+(\S.*)$/.exec(line);
		if (definition && current?.length === 1) {
			raws.push({
				kind: 'definition',
				term: current[0] ?? '',
				text: stripInlineMarkdown(definition[1] ?? '')
			});
			paragraph = null;
			continue;
		}
		const words = stripInlineMarkdown(line);
		if (!words) continue;
		if (!current) {
			paragraph = [words];
			continue;
		}
		const previous: string = current[current.length - 1] ?? '';
		if (words === previous) {
			// The same line twice in a row is an image's alt text followed by its caption.
			current.pop();
			if (current.length === 0) paragraph = null;
		} else if (
			ENDS_SENTENCE.test(previous) ||
			(current.length === 1 && isHeadingLike(previous) && /^[\p{Lu}\p{N}"]/u.test(words))
		) {
			flush();
			paragraph = [words];
		} else {
			current.push(words);
		}
	}
	flush();
	if (tableRows.length > 0) flushTable();
	return raws;
}

/** Drops metadata lines and captions that stand alone between blank lines. */
function dropNoise(raws: Raw[]): Raw[] {
	const kept: Raw[] = [];
	for (const raw of raws) {
		if (raw.kind !== 'text' || raw.lines.length !== 1) {
			kept.push(raw);
			continue;
		}
		const line = raw.lines[0] ?? '';
		if (isMetadata(line)) continue;
		const previous = kept[kept.length - 1];
		if (
			previous?.kind === 'text' &&
			previous.lines.length === 1 &&
			previous.lines[0] === line &&
			isShortLine(line)
		) {
			kept.pop();
			continue;
		}
		kept.push(raw);
	}
	return kept;
}

function rawText(raw: Raw): string {
	if (raw.kind === 'table') return '';
	return raw.kind === 'text' ? raw.lines.join(' ') : raw.text;
}

/**
 * A table's rows as term and text: the first column names the row, and the column with the
 * most words (the explanation, the description) says what it is. Tables of one column, or
 * whose cells are all short values, give nothing.
 */
function tableEntries(table: {
	header: string[];
	rows: string[][];
}): { term: string; text: string }[] {
	const columns = table.header.length;
	if (columns < 2) return [];
	let best = 1;
	let bestWords = 0;
	for (let column = 1; column < columns; column++) {
		const words = table.rows.reduce((sum, row) => sum + wordCount(row[column] ?? ''), 0);
		if (words > bestWords) [best, bestWords] = [column, words];
	}
	if (bestWords < table.rows.length * 2) return [];
	// "Operator | … | Explanation": the row names a term and the column says what it is.
	// "Role | Requirements": the column is one thing about the row, asked as "Role: requirements".
	const defines =
		/^(?:term|name|operator|symbol|code|word|concept|keyword|command|status|abbreviation|acronym|syntax|type|element|attribute|property|method|function)s?$/i.test(
			table.header[0] ?? ''
		) ||
		/^(?:explanation|meaning|definition|description|purpose|what it (?:is|does))$/i.test(
			table.header[best] ?? ''
		);
	const aspect = (table.header[best] ?? '').toLowerCase();
	return table.rows.flatMap((row) => {
		const term = row[0] ?? '';
		const text = row[best] ?? '';
		if (!term || !text || term.length > 80) return [];
		return [{ term: defines || !aspect ? term : `${term}: ${aspect}`, text }];
	});
}

function isSingleShortLine(raw: Raw | undefined): raw is { kind: 'text'; lines: string[] } {
	return raw?.kind === 'text' && raw.lines.length === 1 && isShortLine(raw.lines[0] ?? '');
}

function isParagraphRaw(raw: Raw | undefined): boolean {
	return raw?.kind === 'text' && !isSingleShortLine(raw);
}

/**
 * The title taken from the article's first block: a `#` heading; a heading of a lower level
 * that no later heading outranks or matches ("## What Is Ownership?" over "###" sections,
 * as a page cut from a book chapter has it); or a short first line.
 */
function titleOf(raws: readonly Raw[]): string | null {
	const raw = raws[0];
	if (!raw) return null;
	if (raw.kind === 'md-heading') {
		if (raw.level === 1) return raw.text;
		const outranked = raws
			.slice(1)
			.some((later) => later.kind === 'md-heading' && later.level <= raw.level);
		return outranked ? null : raw.text;
	}
	if (raw.kind !== 'text' || raw.lines.length !== 1) return null;
	const line = raw.lines[0] ?? '';
	return line.length <= 150 && wordCount(line) <= 25 && !/[.,;:]$/.test(line) ? line : null;
}

/**
 * Short lines under a lead ending in ":", each followed by its own paragraph, form a list
 * ("These include:" / "Job security" / paragraph / "Good pay" / paragraph …). Returns the
 * raws that make up such a list, as [item, …its paragraphs][], or null when there is none.
 * The run stops at a line capitalised differently from the first item or ending in "?": that
 * is the next heading ("Job security" vs "What a Backend Developer is Responsible For?").
 */
function readDetailList(raws: Raw[], start: number): Raw[][] | null {
	const first = raws[start];
	if (!isSingleShortLine(first)) return null;
	const firstStyle = caseStyle(first.lines[0] ?? '');
	const groups: Raw[][] = [];
	let i = start;
	while (i < raws.length) {
		const line = raws[i];
		if (!isSingleShortLine(line) || !isParagraphRaw(raws[i + 1])) break;
		const text = line.lines[0] ?? '';
		const style = caseStyle(text);
		const compatible = style === 'any' || firstStyle === 'any' || style === firstStyle;
		if (text.endsWith('?') || wordCount(text) > 8 || !compatible) break;
		const group: Raw[] = [line];
		i += 1;
		while (isParagraphRaw(raws[i])) group.push(raws[i++] as Raw);
		groups.push(group);
	}
	return groups.length >= 2 ? groups : null;
}

/**
 * Cuts an article (already normalised) into blocks and finds its title.
 *
 * @example
 * const { title, blocks } = parseBlocks('# Tea\n\nTea is a drink.\n\n- Green\n- Black');
 * title; // "Tea"
 * blocks.map((b) => b.kind); // ["paragraph", "item", "item"]
 */
export function parseBlocks(text: string): BlockTree {
	const markdown = looksLikeMarkdown(text) ? readMarkdown(text.replace(/\t/g, ' ')) : null;
	const raws = dropNoise(
		markdown ? markdown.raws : readRawBlocks(restoreBullets(restoreDefinitionLists(text)))
	);
	const firstTitle = titleOf(raws);
	const title = markdown?.title ?? firstTitle;
	// The first line or `#` heading is the title's own line, unless front matter gave another
	// title. A lower heading taken as the title still heads its section: "What Is Ownership?"
	// is a question the section answers.
	const first = raws[0];
	const ownLine = first?.kind !== 'md-heading' || first.level === 1;
	const body = firstTitle !== null && firstTitle === title && ownLine ? raws.slice(1) : raws;

	const blocks: Block[] = [];
	let section: string | null = null;
	let lists = 0;
	let openList: number | null = null;
	let openRawList: number | undefined;
	const push = (
		kind: BlockKind,
		blockText: string,
		list: number | null = null,
		term: string | null = null,
		level: number | null = null
	) => {
		blocks.push({ index: blocks.length, kind, text: blockText, section, list, term, level });
	};

	for (let i = 0; i < body.length; i++) {
		const raw = body[i] as Raw;
		if (raw.kind === 'item') {
			if (openList === null || raw.list !== openRawList) openList = ++lists;
			openRawList = raw.list;
			push('item', raw.text, openList);
			continue;
		}
		openList = null;
		if (raw.kind === 'definition') {
			push('paragraph', raw.text, null, raw.term);
			continue;
		}
		if (raw.kind === 'table') {
			for (const entry of tableEntries(raw)) push('paragraph', entry.text, null, entry.term);
			continue;
		}
		if (raw.kind === 'md-heading') {
			section = raw.text;
			push('heading', raw.text, null, null, raw.level);
			continue;
		}
		const joined = rawText(raw);
		if (isSingleShortLine(raw)) {
			const previous = blocks[blocks.length - 1];
			const detail =
				previous?.kind === 'paragraph' && previous.text.endsWith(':')
					? readDetailList(body, i)
					: null;
			if (detail) {
				const list = ++lists;
				for (const [item, ...paragraphs] of detail) {
					push('item', rawText(item as Raw), list);
					for (const paragraph of paragraphs) push('paragraph', rawText(paragraph));
				}
				i += detail.reduce((sum, group) => sum + group.length, 0) - 1;
				continue;
			}
			if (isHeadingLike(joined) && i + 1 < body.length) {
				section = joined;
				push('heading', joined);
				continue;
			}
		}
		push('paragraph', joined);
	}
	return { title, blocks };
}
