import { withoutTypeMarkers } from '$lib/domain/type-answer';
import { clozeNumbers } from '$lib/domain/cloze';
import type { Card, CardKind, TextFormat } from '$lib/domain/models';
import type { NoteStyle } from '$lib/domain/note-style';
import { cardSides } from '$lib/domain/notes';
import { listItems } from '$lib/ui/markdown';
import { escapeHtml, textToHtml } from './html-text';
import { guidForCard, guidForNote } from './note-guid';

/**
 * This app's notes as Anki notes, both ways: the note types the exports write (so Anki
 * shows the same cards), how a deck's cards group back into notes, and how a note that
 * went out from here is read back into the same cards. See docs/anki.md.
 */

/** The note types the exports write; the app's card kinds, `question` being a Basic. */
export type AppNoteType = 'basic' | 'reversed' | 'cloze' | 'true-false' | 'list';

export interface NoteTypeSpec {
	/** Fixed, so repeated exports share one note type in Anki instead of piling up copies. */
	id: number;
	/** What Anki shows, and what a CSV's note type column says. */
	name: string;
	/** Anki's model type: 0 standard, 1 cloze. */
	type: 0 | 1;
	fields: readonly string[];
	templates: { name: string; qfmt: string; afmt: string }[];
	css: string;
}

const CSS =
	'.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n';
const ANSWER = '{{FrontSide}}\n\n<hr id=answer>\n\n';

export const NOTE_TYPES: Record<AppNoteType, NoteTypeSpec> = {
	basic: {
		id: 1_700_000_000_000,
		name: 'Basic',
		type: 0,
		fields: ['Front', 'Back'],
		templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` }],
		css: CSS
	},
	reversed: {
		id: 1_700_000_000_001,
		name: 'Basic (and reversed card)',
		type: 0,
		fields: ['Front', 'Back'],
		templates: [
			{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${ANSWER}{{Back}}` },
			{ name: 'Card 2', qfmt: '{{Back}}', afmt: `${ANSWER}{{Front}}` }
		],
		css: CSS
	},
	cloze: {
		id: 1_700_000_000_002,
		name: 'Cloze',
		type: 1,
		fields: ['Text', 'Back Extra'],
		templates: [
			{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }
		],
		css: `${CSS}.cloze {\n font-weight: bold;\n color: blue;\n}\n.nightMode .cloze {\n color: lightblue;\n}\n`
	},
	'true-false': {
		id: 1_700_000_000_003,
		name: 'Article Flashcards True/False',
		type: 0,
		fields: ['Front', 'Back'],
		templates: [
			{
				name: 'Statement',
				qfmt: '<div class=kind>True or false?</div>\n{{Front}}',
				afmt: `${ANSWER}{{Back}}`
			}
		],
		css: `${CSS}.kind {\n font-size: 14px;\n opacity: 0.7;\n}\n`
	},
	list: {
		id: 1_700_000_000_004,
		name: 'Article Flashcards List',
		type: 0,
		fields: ['Front', 'Back'],
		templates: [
			{ name: 'List', qfmt: '{{Front}}', afmt: `${ANSWER}<div class=list>{{Back}}</div>` }
		],
		css: `${CSS}.list ul {\n display: inline-block;\n text-align: left;\n}\n`
	}
};

const TYPES = Object.keys(NOTE_TYPES) as AppNoteType[];

/** Styled variants' ids start here, clear of the fixed ones above. */
const STYLED_IDS = 1_700_100_000_000;

/**
 * The note type `type` with a card's own stylesheet (one that came from Anki with the card),
 * so Anki shows the card styled as it was. Its id follows from the stylesheet's, so repeated
 * exports share one note type per stylesheet; not being one of the app's ids, it is read back
 * through its templates, and the stylesheet comes back with the cards.
 *
 * @example
 * styledNoteType('basic', { id: 'style-abc123xyz', css: '.card { … }' }).name; // "Basic (abc123)"
 */
export function styledNoteType(type: AppNoteType, style: NoteStyle): NoteTypeSpec {
	const spec = NOTE_TYPES[type];
	const key = style.id.slice('style-'.length, 'style-'.length + 6);
	const number = (parseInt(key, 36) || 0) % 1_000_000_000;
	return {
		...spec,
		id: STYLED_IDS + number * TYPES.length + TYPES.indexOf(type),
		name: `${spec.name} (${key})`,
		css: style.css
	};
}

/** The app's note type with this Anki model id, if it is one. */
export function noteTypeById(id: number): AppNoteType | undefined {
	return TYPES.find((type) => NOTE_TYPES[type].id === id);
}

/** The app's note type with this name (a CSV's note type column), if it is one. */
export function noteTypeByName(name: string): AppNoteType | undefined {
	const wanted = name.trim().toLowerCase();
	return TYPES.find((type) => NOTE_TYPES[type].name.toLowerCase() === wanted);
}

/** One note as the exports write it: its guid, type, two fields, and its cards by Anki `ord`. */
export interface NoteOut {
	guid: string;
	type: AppNoteType;
	fields: [string, string];
	tags: string[];
	cards: { card: Card; ord: number }[];
}

/**
 * A deck's cards grouped into the notes they were made from, in the order the cards come.
 * The note's text lives on each of its cards (see `cardsForNote`), so a reversed pair is one
 * note of two cards, a cloze with `{{cN::…}}` one note of one card per number (Anki's `ord`
 * is n − 1), a list one note whose back is a `<ul>`. Cards whose note cannot be rebuilt
 * (sides rendered on import from Anki, a cloze without its markup) go out one Basic note
 * each, with their sides as studied here.
 *
 * With `html`, text cards are escaped into HTML (a package's fields always are); without it,
 * fields stay text (a CSV with no HTML and no list card).
 *
 * @example
 * notesForExport(cardsForNote({ note: { kind: 'reversed', front: 'cat', back: 'chat', tags: [] }, deckId, now }), true);
 * // [{ type: 'reversed', fields: ['cat', 'chat'], cards: [{ ord: 0 }, { ord: 1 }], … }]
 */
export function notesForExport(cards: readonly Card[], html: boolean): NoteOut[] {
	const groups = new Map<string, Card[]>();
	for (const card of cards) {
		const group = groups.get(card.noteId);
		if (group) group.push(card);
		else groups.set(card.noteId, [card]);
	}
	// A type-in card from Anki leaves as its answer's text: the box and comparison are this app's.
	const field = (card: Card, text: string) =>
		html && card.format === 'text' ? textToHtml(text) : withoutTypeMarkers(text);
	const notes: NoteOut[] = [];
	for (const [noteId, group] of groups) {
		const first = group[0] as Card;
		const note = (type: AppNoteType, fields: [string, string], ord: (c: Card) => number) =>
			notes.push({
				guid: guidForNote(noteId),
				type,
				fields,
				tags: ankiTags(first.tags),
				cards: group.map((card) => ({ card, ord: ord(card) }))
			});
		const type = wholeNoteType(group);
		if (type === 'list') note(type, [field(first, first.front), listField(first, html)], () => 0);
		else if (type === 'cloze')
			note(type, [field(first, first.front), field(first, first.back)], (c) => c.ord - 1);
		else if (type === 'reversed' && first.kind === 'basic') {
			// A pair imported from Anki: its sides were rendered, the forward card holds the note.
			const forward = group.find((c) => c.ord === 0) as Card;
			note(type, [field(forward, forward.front), field(forward, forward.back)], (c) => c.ord);
		} else if (type)
			note(type, [field(first, first.front), field(first, first.back)], (c) => c.ord);
		else
			for (const card of group) {
				const sides = cardSides(card);
				notes.push({
					guid:
						group.length === 1 && card.ord === 0
							? guidForNote(noteId)
							: guidForCard(noteId, card.ord),
					type: 'basic',
					fields: [field(card, sides.front), field(card, sides.back)],
					tags: ankiTags(card.tags),
					cards: [{ card, ord: 0 }]
				});
			}
	}
	return notes;
}

/** Tags cannot hold spaces in Anki: a space inside a tag becomes `_`. */
export function ankiTags(tags: readonly string[]): string[] {
	return tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean);
}

/** The note type a group of sibling cards is one note of, or null when it cannot be rebuilt. */
function wholeNoteType(group: readonly Card[]): AppNoteType | null {
	const first = group[0] as Card;
	const ords = group.map((c) => c.ord);
	if (new Set(ords).size !== ords.length) return null;
	if (group.some((c) => c.kind !== first.kind || c.format !== first.format)) return null;
	// Siblings share their note's text; ones that do not were rendered card by card.
	const shared = group.every((c) => c.front === first.front && c.back === first.back);
	switch (first.kind) {
		case 'reversed':
			return shared && ords.every((o) => o === 0 || o === 1) ? 'reversed' : null;
		case 'cloze': {
			const numbers = clozeNumbers(first.front);
			return shared && ords.every((o) => o >= 1 && numbers.includes(o)) ? 'cloze' : null;
		}
		case 'basic':
			if (group.length === 2) {
				const forward = group.find((c) => c.ord === 0);
				const reverse = group.find((c) => c.ord === 1);
				return forward &&
					reverse &&
					forward.front === reverse.back &&
					forward.back === reverse.front
					? 'reversed'
					: null;
			}
			return ords[0] === 0 && group.length === 1 ? 'basic' : null;
		case 'question':
			return ords[0] === 0 && group.length === 1 ? 'basic' : null;
		case 'true-false':
		case 'list':
			return ords[0] === 0 && group.length === 1 ? first.kind : null;
	}
}

/** A list card's back as an HTML list, one item per line (bullets or numbers dropped). */
function listField(card: Card, html: boolean): string {
	if (card.format === 'html' || !html) return card.back;
	return `<ul>${listItems(card.back)
		.map((item) => `<li>${textToHtml(item)}</li>`)
		.join('')}</ul>`;
}

/** One card of a note read back: what `Card` needs beyond schedule and ids. */
export interface NoteCardIn {
	ord: number;
	kind: CardKind;
	front: string;
	back: string;
	format: TextFormat;
}

/**
 * The card of Anki `ord` of a note this app wrote, as it was here: the note's text on the
 * card (not rendered sides), its kind, and this app's `ord` (a cloze's number, n = ord + 1).
 * Fields that are exactly escaped text (what the export makes of a text card) become text
 * again (`html` false: the fields are text); others stay HTML, for the caller to sanitise.
 * Null for a cloze written in HTML, or
 * an `ord` the note has no card for: the caller renders those as any Anki note.
 *
 * @example
 * appNoteCard('reversed', ['cat', 'chat'], 1);
 * // { ord: 1, kind: 'reversed', front: 'cat', back: 'chat', format: 'text' }
 */
export function appNoteCard(
	type: AppNoteType,
	fields: readonly string[],
	ankiOrd: number,
	html = true
): NoteCardIn | null {
	const [rawFront = '', rawBack = ''] = fields;
	// Fields of a text file (a CSV with `#html:false`) are text already.
	const front = html ? htmlAsText(rawFront) : rawFront;
	const back = !html ? rawBack : type === 'list' ? listAsText(rawBack) : htmlAsText(rawBack);
	const text = front !== null && back !== null;
	const content = {
		kind: type,
		front: text ? front : rawFront,
		back: text ? back : rawBack,
		format: (text ? 'text' : 'html') as TextFormat
	};
	if (type === 'cloze') {
		const n = ankiOrd + 1;
		return text && clozeNumbers(content.front).includes(n) ? { ...content, ord: n } : null;
	}
	const ords = type === 'reversed' ? [0, 1] : [0];
	return ords.includes(ankiOrd) ? { ...content, ord: ankiOrd } : null;
}

/**
 * The Anki `ord`s of the cards a note from here has: both of a reversed pair, one per
 * cloze number, else one. For a file that lists notes, not cards (CSV).
 *
 * @example
 * appNoteOrds('cloze', '{{c1::a}} {{c3::b}}'); // [0, 2]
 */
export function appNoteOrds(type: AppNoteType, text: string): number[] {
	if (type === 'reversed') return [0, 1];
	if (type === 'cloze') return clozeNumbers(text).map((n) => n - 1);
	return [0];
}

const UNESCAPES: Record<string, string> = Object.fromEntries(
	['&', '<', '>', '"', "'"].map((c) => [escapeHtml(c), c])
);

/**
 * The text a field holds when it is exactly what `textToHtml` makes of some text, else null.
 *
 * @example
 * htmlAsText('1 &lt; 2<br>yes'); // '1 < 2\nyes'
 * htmlAsText('<b>bold</b>'); // null
 */
export function htmlAsText(html: string): string | null {
	const text = html
		.replace(/<br>/g, '\n')
		.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] as string);
	return textToHtml(text) === html ? text : null;
}

/** A `<ul>` of escaped text items as the list card's back, one "• item" a line; else null. */
function listAsText(html: string): string | null {
	const list = /^<ul>((?:<li>(?:(?!<\/?li>).)*<\/li>)*)<\/ul>$/s.exec(html);
	if (!list) return htmlAsText(html);
	const items = [...(list[1] as string).matchAll(/<li>(.*?)<\/li>/gs)].map((m) =>
		htmlAsText(m[1] as string)
	);
	return items.every((item) => item !== null) ? items.map((item) => `• ${item}`).join('\n') : null;
}
