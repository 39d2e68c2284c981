import { clozeNumbers, renderCloze } from '$lib/domain/cloze';
import { renderAnkiCard } from './anki-template';
import { isBlankHtml } from './html-text';

/**
 * The two sides of an Anki card from its note's fields, as Anki renders them: on import
 * (`apkg.ts`) and again when a kept note's field is edited (`storage/anki-notes.ts`).
 */

/** What rendering needs of a note type: a package's, or one kept on the device. */
export interface TemplatedNoteType {
	name: string;
	cloze: boolean;
	fields: readonly string[];
	templates: readonly string[];
	formats: readonly { qfmt: string; afmt: string }[];
}

export interface Sides {
	front: string;
	back: string;
	cloze: boolean;
}

function joinExtra(main: string, extras: readonly string[]): string {
	const shown = extras.filter((e) => !isBlankHtml(e));
	return shown.length ? [main, ...shown].join('<br><br>') : main;
}

/**
 * The two sides of Anki card `ord` of a note, rendered from its note type's card template
 * (`anki-template.ts`) as Anki renders them. A cloze card whose number is in none of the
 * note's fields has nothing to show (Anki would not have made it): null.
 */
export function ankiSides(
	noteType: TemplatedNoteType | undefined,
	fields: readonly string[],
	tags: readonly string[],
	ord: number,
	deck: string
): Sides | null {
	const template = noteType?.cloze ? 0 : ord;
	const format = noteType?.formats[template];
	if (!noteType || !format?.qfmt.trim()) return untemplatedSidesOf(noteType, fields, ord);
	if (noteType.cloze && !fields.some((field) => clozeNumbers(field).includes(ord + 1))) return null;
	const { front, back } = renderAnkiCard(format.qfmt, format.afmt, {
		fields: new Map(noteType.fields.map((name, i) => [name, fields[i] ?? ''])),
		tags,
		noteType: noteType.name,
		deck,
		card: noteType.templates[template] ?? '',
		clozeNumber: ord + 1
	});
	return { front, back, cloze: noteType.cloze };
}

/**
 * The two sides of a card whose note type carries no templates (a hand-made or damaged
 * package): a cloze note type gives cloze `ord + 1` of the first field (other fields go on
 * the back); a standard one gives fields 0 → 1 for even `ord` and 1 → 0 for odd, which is
 * right for Basic, Basic (and reversed card) and Basic (optional reversed card). A note type
 * with a single template and more than two fields shows the extra fields on the back too.
 */
function untemplatedSidesOf(
	noteType: TemplatedNoteType | undefined,
	fields: readonly string[],
	ord: number
): Sides | null {
	if (noteType?.cloze) {
		const text = fields[0] ?? '';
		const n = ord + 1;
		if (!clozeNumbers(text).includes(n)) return null;
		return {
			front: renderCloze(text, n, 'front', true),
			back: joinExtra(renderCloze(text, n, 'back', true), fields.slice(1)),
			cloze: true
		};
	}
	const [a, b]: [number, number] = ord % 2 === 0 ? [0, 1] : [1, 0];
	const singleTemplate = (noteType?.templates.length ?? 1) <= 1;
	return {
		front: fields[a] ?? '',
		back: singleTemplate ? joinExtra(fields[b] ?? '', fields.slice(2)) : (fields[b] ?? ''),
		cloze: false
	};
}
