/**
 * Anki's card templates, rendered the way Anki renders them, so a card shows the fields its
 * note type puts on each side: an English→Korean card asks in English, a grammar card's
 * front keeps its pattern field, a field shown only `{{#Field}}` when it has text stays away
 * otherwise.
 *
 * What is understood: `{{Field}}`, sections `{{#Field}}…{{/Field}}` and inverted sections
 * `{{^Field}}…{{/Field}}`, the special fields `FrontSide`, `Tags`, `Type`, `Deck`, `Subdeck`
 * and `Card`, and the filters `text`, `hint`, `type`, `cloze`, `cloze-only`, `furigana`,
 * `kana`, `kanji` and `tts`. Other filters (add-ons') leave the field as it is; an unknown
 * field shows nothing. The output is HTML, sanitised by the caller.
 */

import { renderCloze } from '$lib/domain/cloze';
import { TYPE_BOX, typeAnswerMarker } from '$lib/domain/type-answer';
import { escapeHtml, isBlankHtml } from './html-text';

export interface TemplateContext {
	/** Field name → the field's HTML, media references included. */
	fields: ReadonlyMap<string, string>;
	tags: readonly string[];
	noteType: string;
	deck: string;
	/** The card template's name ("Card 1", "Recognition"). */
	card: string;
	/** For a cloze note type: which cloze this card is (1-based). */
	clozeNumber: number;
}

type Node =
	| { kind: 'text'; text: string }
	| { kind: 'field'; name: string; filters: string[] }
	| { kind: 'section'; name: string; inverted: boolean; children: Node[] };

type Side = 'front' | 'back';

const TAG = /\{\{([\s\S]*?)\}\}/g;

/**
 * Parsed templates by their text: a deck's thousands of cards share a few templates, each
 * parsed once.
 */
const parsed = new Map<string, Node[]>();

function parseOnce(template: string): Node[] {
	let nodes = parsed.get(template);
	if (!nodes) {
		nodes = parse(template);
		parsed.set(template, nodes);
	}
	return nodes;
}

/** The template as a tree; a section left open runs to the end, a stray close is ignored. */
function parse(template: string): Node[] {
	const root: Node[] = [];
	const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
	const top = () => stack[stack.length - 1]!.children;
	let at = 0;
	for (const match of template.matchAll(TAG)) {
		if (match.index > at) top().push({ kind: 'text', text: template.slice(at, match.index) });
		at = match.index + match[0].length;
		const inner = (match[1] ?? '').trim();
		const sigil = inner[0];
		if (sigil === '#' || sigil === '^') {
			const name = inner.slice(1).trim();
			const section: Node = { kind: 'section', name, inverted: sigil === '^', children: [] };
			top().push(section);
			stack.push({ name, children: section.children });
		} else if (sigil === '/') {
			const name = inner.slice(1).trim();
			const open = stack.findLastIndex((entry, i) => i > 0 && entry.name === name);
			if (open > 0) stack.length = open;
		} else if (inner) {
			const parts = inner.split(':');
			const name = (parts.pop() ?? '').trim();
			top().push({ kind: 'field', name, filters: parts.map((filter) => filter.trim()) });
		}
	}
	if (at < template.length) top().push({ kind: 'text', text: template.slice(at) });
	return root;
}

/** A field a template names, with the filters it goes through (`cloze`, `hint`…). */
export interface NamedField {
	name: string;
	filters: string[];
}

/**
 * The fields a template names, in order: `{{Field}}`, `{{filter:Field}}` and sections
 * (`{{#Field}}`), not inverted sections (`{{^Field}}`, shown when the field is empty), though
 * the fields inside them count.
 *
 * @example
 * fieldsNamedBy('{{#Hint}}{{hint:Hint}}{{/Hint}} {{cloze:Text}}');
 * // [{ name: 'Hint', filters: [] }, { name: 'Hint', filters: ['hint'] }, { name: 'Text', filters: ['cloze'] }]
 */
export function fieldsNamedBy(template: string): NamedField[] {
	const named: NamedField[] = [];
	const walk = (nodes: readonly Node[]) => {
		for (const node of nodes) {
			if (node.kind === 'field') named.push({ name: node.name, filters: node.filters });
			if (node.kind !== 'section') continue;
			if (!node.inverted) {
				const parts = node.name.split(':');
				const name = (parts.pop() ?? '').trim();
				named.push({ name, filters: parts.map((filter) => filter.trim()) });
			}
			walk(node.children);
		}
	};
	walk(parseOnce(template));
	return named;
}

/** Text without tags: what the `text` filter gives and what `kana`/`kanji` read. */
function stripTags(html: string): string {
	return html.replace(/<[^>]*>/g, '');
}

/** Anki's furigana notation: `日本[にほん]`, with a space before the base where it starts. */
const RUBY = / ?([^ >[\]]+?)\[(.+?)\]/g;

function applyFilter(filter: string, value: string, context: TemplateContext, side: Side): string {
	const name = filter.split(/\s/)[0]?.toLowerCase() ?? '';
	switch (name) {
		case 'text':
			return stripTags(value);
		case 'hint':
			return isBlankHtml(value) ? '' : `<details><summary>Hint</summary>${value}</details>`;
		case 'type':
			// A type-in answer: the box to type in on the front, the comparison on the back
			// (markers the study screen turns into both; see `type-answer.ts`).
			return side === 'front' ? TYPE_BOX : typeAnswerMarker(stripTags(value));
		case 'cloze':
			return renderCloze(value, context.clozeNumber, side, true);
		case 'cloze-only':
			return renderCloze(value, context.clozeNumber, 'back', true);
		case 'furigana':
			return value.replace(RUBY, '<ruby>$1<rt>$2</rt></ruby>');
		case 'kana':
			return value.replace(RUBY, '$2');
		case 'kanji':
			return value.replace(RUBY, '$1');
		default:
			// tts (read aloud) and add-ons' filters: the field's own text.
			return value;
	}
}

function special(name: string, context: TemplateContext): string | undefined {
	switch (name) {
		case 'Tags':
			return escapeHtml(context.tags.join(' '));
		case 'Type':
			return escapeHtml(context.noteType);
		case 'Deck':
			return escapeHtml(context.deck);
		case 'Subdeck':
			return escapeHtml(context.deck.split('::').pop() ?? '');
		case 'Card':
			return escapeHtml(context.card);
		default:
			return undefined;
	}
}

function fieldValue(name: string, context: TemplateContext): string {
	return context.fields.get(name) ?? special(name, context) ?? '';
}

function render(nodes: readonly Node[], context: TemplateContext, side: Side): string {
	let out = '';
	for (const node of nodes) {
		if (node.kind === 'text') out += node.text;
		else if (node.kind === 'section') {
			// A section over a cloze field asks whether this card's cloze is in it.
			const value = fieldValue(node.name.replace(/^cloze:/, ''), context);
			const shown = !isBlankHtml(value);
			if (shown !== node.inverted) out += render(node.children, context, side);
		} else if (node.name === 'FrontSide') {
			// The app always shows the front above the answer; the answer needs no copy of it.
		} else {
			let value = fieldValue(node.name, context);
			for (const filter of [...node.filters].reverse())
				value = applyFilter(filter, value, context, side);
			out += value;
		}
	}
	return out;
}

/**
 * `<hr id=answer>` right after `{{FrontSide}}` separates the copied front from the answer in
 * Anki; with the front not copied, it would open the answer with a rule.
 */
function withoutFrontSideRule(afmt: string): string {
	return afmt.replace(
		/\{\{\s*FrontSide\s*\}\}\s*(?:<hr\s+id\s*=\s*["']?answer["']?\s*\/?>)?/gi,
		''
	);
}

/**
 * The front and back of one card from its template's question (`qfmt`) and answer (`afmt`)
 * formats.
 *
 * @example
 * renderAnkiCard('{{English}}', '{{FrontSide}}<hr id=answer>{{Korean}}', context);
 * // { front: 'water', back: '물' }
 */
export function renderAnkiCard(
	qfmt: string,
	afmt: string,
	context: TemplateContext
): { front: string; back: string } {
	return {
		front: render(parseOnce(qfmt), context, 'front').trim(),
		back: render(parseOnce(withoutFrontSideRule(afmt)), context, 'back').trim()
	};
}
