import {
	CARD_KINDS,
	DEFAULT_SETTINGS,
	MAX_ANSWER_MS,
	type Card,
	type CardKind,
	type CardState,
	type Deck,
	type Grade,
	type ReviewLog,
	type Settings,
	type SourceRef,
	type TextFormat
} from '$lib/domain/models';
import {
	ankiNoteTypeId,
	type AnkiNoteRecord,
	type AnkiNoteTypeRecord
} from '$lib/domain/anki-note';
import { MAX_STYLE_CHARS } from '$lib/domain/note-style';
import { settingProblem, validateOverrides } from '$lib/domain/settings';
import { ImportError, ValidationError } from '$lib/errors';
import { isAnkiNoteId } from './note-guid';

/**
 * Checks untrusted JSON values against the app's record types, field by field.
 *
 * Every check copies the fields it knows into a fresh object, so a file cannot smuggle extra
 * properties into the database, and every failure names the field by its path in the file
 * (`cards[3].due`), which is what a person editing the file needs.
 */

type Json = Record<string, unknown>;

/** "a string", "null", "an array" … the words a message uses for what it found. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	switch (typeof value) {
		case 'string':
			return 'a string';
		case 'boolean':
			return `a boolean (${value})`;
		case 'number':
			return Number.isFinite(value) ? String(value) : 'a number too large to use';
		default:
			return 'an object';
	}
}

function fail(path: string, expected: string, value: unknown): never {
	const field = path.slice(path.lastIndexOf('.') + 1);
	throw new ImportError(`${field} should be ${expected}, but it is ${describeValue(value)}`, path);
}

/** The value at `path` as a JSON object, or a message saying what it is instead. */
export function objectAt(value: unknown, path: string, expected = 'an object'): Json {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		fail(path, expected, value);
	return value as Json;
}

/** The value at `path` as an array. */
export function arrayAt(value: unknown, path: string, expected = 'a list'): unknown[] {
	if (!Array.isArray(value)) fail(path, expected, value);
	return value;
}

interface NumberRule {
	min?: number;
	max?: number;
	integer?: boolean;
	/** How the expectation reads in a message: "a number of milliseconds". */
	expected: string;
	/** How it reads when the value is a number out of range, if the range is not in `expected`. */
	inRange?: string;
}

function num(o: Json, key: string, path: string, rule: NumberRule): number {
	const value = o[key];
	const at = `${path}.${key}`;
	if (typeof value !== 'number' || !Number.isFinite(value)) fail(at, rule.expected, value);
	if (
		(rule.integer && !Number.isInteger(value)) ||
		(rule.min !== undefined && value < rule.min) ||
		(rule.max !== undefined && value > rule.max)
	)
		fail(at, rule.inRange ?? rule.expected, value);
	return value;
}

function str(o: Json, key: string, path: string, nonEmpty = false): string {
	const value = o[key];
	if (typeof value !== 'string' || (nonEmpty && value.trim() === ''))
		fail(`${path}.${key}`, nonEmpty ? 'non-empty text' : 'text', value);
	return value;
}

function nullableStr(o: Json, key: string, path: string): string | null {
	const value = o[key];
	if (value === null) return null;
	if (typeof value !== 'string') fail(`${path}.${key}`, 'text or null', value);
	return value;
}

/**
 * The last instant, in epoch ms, a JavaScript Date can hold: beyond it ts-fsrs gets an
 * Invalid Date and schedules NaN.
 */
export const MAX_DATE_MS = 8.64e15;

const MS: NumberRule = {
	min: 0,
	max: MAX_DATE_MS,
	expected: 'a number of milliseconds',
	inRange: 'a number of milliseconds from 0 to 8640000000000000'
};
const MS_OR_NULL: NumberRule = {
	...MS,
	expected: 'a number of milliseconds or null',
	inRange: `${MS.inRange} or null`
};
const DAYS: NumberRule = { min: 0, expected: 'a number of days, 0 or more' };
const DURATION: NumberRule = {
	min: 0,
	max: MAX_ANSWER_MS,
	expected: 'a number of milliseconds',
	inRange: `a number of milliseconds from 0 to ${MAX_ANSWER_MS}`
};
const COUNT: NumberRule = { min: 0, integer: true, expected: 'a whole number, 0 or more' };
const STATE: NumberRule = {
	min: 0,
	max: 3,
	integer: true,
	expected: 'a whole number from 0 (new) to 3 (relearning)'
};
const RATING: NumberRule = {
	min: 1,
	max: 4,
	integer: true,
	expected: 'a whole number from 1 (again) to 4 (easy)'
};
const DIFFICULTY: NumberRule = { min: 0, max: 10, expected: 'a number from 0 to 10' };

function optionalBool(o: Json, key: string, path: string): boolean {
	const value = o[key] ?? false;
	if (typeof value !== 'boolean') fail(`${path}.${key}`, 'true or false', value);
	return value;
}

function checkOverrides(value: unknown, path: string): Deck['overrides'] {
	if (value === undefined || value === null) return {};
	const o = objectAt(value, path, 'an object of deck options');
	try {
		validateOverrides(o);
	} catch (error) {
		if (error instanceof ValidationError) throw new ImportError(error.message, path);
		throw error;
	}
	return { ...o };
}

/**
 * Checks a deck record. `builtin` may be left out of a hand-made file (false), and
 * `overrides` of a version 1 file (none).
 */
export function checkDeck(value: unknown, path: string): Deck {
	const o = objectAt(value, path);
	let source: Deck['source'] = null;
	if (o.source !== null && o.source !== undefined) {
		const s = objectAt(o.source, `${path}.source`, 'null or an object with title and text');
		source = { title: str(s, 'title', `${path}.source`), text: str(s, 'text', `${path}.source`) };
	}
	return {
		id: str(o, 'id', path, true),
		name: str(o, 'name', path, true),
		created: num(o, 'created', path, MS),
		source,
		builtin: optionalBool(o, 'builtin', path),
		overrides: checkOverrides(o.overrides, `${path}.overrides`)
	};
}

function checkSource(value: unknown, path: string): SourceRef | null {
	if (value === null || value === undefined) return null;
	const s = objectAt(value, path, 'null or an object with heading, paragraph, start, end and text');
	const start = num(s, 'start', path, COUNT);
	const end = num(s, 'end', path, {
		...COUNT,
		min: start,
		expected: `a whole number, ${start} or more`
	});
	return {
		heading: nullableStr(s, 'heading', path),
		paragraph: num(s, 'paragraph', path, COUNT),
		start,
		end,
		text: str(s, 'text', path)
	};
}

function textList(value: unknown, path: string, expected: string): string[] {
	const list = arrayAt(value, path, expected);
	for (let i = 0; i < list.length; i++)
		if (typeof list[i] !== 'string') fail(`${path}[${i}]`, 'text', list[i]);
	return list.slice() as string[];
}

function checkTags(value: unknown, path: string): string[] {
	return textList(value, path, 'a list of text tags');
}

/**
 * Checks a card record, including every FSRS field's type and range. The note fields and
 * bury/suspend (added in version 2) may be left out: the card is then a note of its own,
 * neither buried nor suspended.
 */
export function checkCard(value: unknown, path: string): Card {
	const o = objectAt(value, path);
	const kind = o.kind;
	if (typeof kind !== 'string' || !(CARD_KINDS as readonly string[]).includes(kind))
		fail(`${path}.kind`, `one of ${CARD_KINDS.join(', ')}`, kind);
	const format = o.format;
	if (format !== 'text' && format !== 'html') fail(`${path}.format`, '"text" or "html"', format);
	const lastReview = o.last_review == null ? null : num(o, 'last_review', path, MS_OR_NULL);
	const id = str(o, 'id', path, true);
	return {
		id,
		deckId: str(o, 'deckId', path, true),
		noteId: o.noteId === undefined ? id : str(o, 'noteId', path, true),
		ord: o.ord === undefined ? 0 : num(o, 'ord', path, COUNT),
		kind: kind as CardKind,
		front: str(o, 'front', path),
		back: str(o, 'back', path),
		format: format as TextFormat,
		tags: checkTags(o.tags, `${path}.tags`),
		source: checkSource(o.source, `${path}.source`),
		suspended: optionalBool(o, 'suspended', path),
		buriedUntil: o.buriedUntil === undefined ? 0 : num(o, 'buriedUntil', path, MS),
		created: num(o, 'created', path, MS),
		modified: num(o, 'modified', path, MS),
		due: num(o, 'due', path, MS),
		stability: num(o, 'stability', path, DAYS),
		difficulty: num(o, 'difficulty', path, DIFFICULTY),
		elapsed_days: num(o, 'elapsed_days', path, DAYS),
		scheduled_days: num(o, 'scheduled_days', path, DAYS),
		learning_steps: num(o, 'learning_steps', path, COUNT),
		reps: num(o, 'reps', path, COUNT),
		lapses: num(o, 'lapses', path, COUNT),
		state: num(o, 'state', path, STATE) as CardState,
		last_review: lastReview,
		...(o.style === undefined ? {} : { style: styleId(o.style, `${path}.style`) })
	};
}

/** A card's `style`: the id of a note type's stylesheet (`noteStyleId`). */
function styleId(value: unknown, path: string): string {
	if (typeof value !== 'string' || !/^style-[0-9a-z]{2,16}$/.test(value))
		fail(path, 'a note style id ("style-" and up to 16 letters or digits)', value);
	return value;
}

/** Checks a review log record. */
export function checkLog(value: unknown, path: string): ReviewLog {
	const o = objectAt(value, path);
	return {
		id: str(o, 'id', path, true),
		cardId: str(o, 'cardId', path, true),
		deckId: str(o, 'deckId', path, true),
		rating: num(o, 'rating', path, RATING) as Grade,
		state: num(o, 'state', path, STATE) as CardState,
		due: num(o, 'due', path, MS),
		stability: num(o, 'stability', path, DAYS),
		difficulty: num(o, 'difficulty', path, DIFFICULTY),
		elapsed_days: num(o, 'elapsed_days', path, DAYS),
		last_elapsed_days: num(o, 'last_elapsed_days', path, DAYS),
		scheduled_days: num(o, 'scheduled_days', path, DAYS),
		learning_steps: num(o, 'learning_steps', path, COUNT),
		review: num(o, 'review', path, MS),
		...(o.duration === undefined ? {} : { duration: num(o, 'duration', path, DURATION) })
	};
}

/**
 * Checks the settings of a backup against the rules the settings page applies. A setting
 * an older backup does not have takes its default.
 */
export function checkSettings(value: unknown, path: string): Settings {
	const o = objectAt(value, path, 'null or an object');
	const settings = { ...DEFAULT_SETTINGS };
	for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
		if (o[key] === undefined) continue;
		const problem = settingProblem(key, o[key]);
		if (problem) throw new ImportError(problem, `${path}.${key}`);
		(settings as Record<string, unknown>)[key] = o[key];
	}
	return settings;
}

/** Longest template or stylesheet a note type may carry, as for the cards' stylesheets. */
const MAX_TEMPLATE_CHARS = MAX_STYLE_CHARS;

function template(o: Json, key: string, path: string): string {
	const value = str(o, key, path);
	if (value.length > MAX_TEMPLATE_CHARS)
		fail(`${path}.${key}`, `at most ${MAX_TEMPLATE_CHARS} characters`, value);
	return value;
}

/**
 * Checks an Anki note type record. Its id must name it by its content (`ankiNoteTypeId`), as
 * a stylesheet's does, so a hand-edited file cannot change the templates of notes already
 * stored under that id.
 */
export function checkAnkiNoteType(value: unknown, path: string): AnkiNoteTypeRecord {
	const o = objectAt(value, path);
	const templates = textList(o.templates, `${path}.templates`, 'a list of template names');
	const formats = arrayAt(o.formats, `${path}.formats`, 'a list of templates').map((entry, i) => {
		const at = `${path}.formats[${i}]`;
		const format = objectAt(entry, at, 'a template: an object with qfmt and afmt');
		return { qfmt: template(format, 'qfmt', at), afmt: template(format, 'afmt', at) };
	});
	if (formats.length !== templates.length)
		fail(`${path}.formats`, `one template per name (${templates.length})`, o.formats);
	const cloze = o.cloze;
	if (typeof cloze !== 'boolean') fail(`${path}.cloze`, 'true or false', cloze);
	const type = {
		mid: num(o, 'mid', path, { ...COUNT, expected: 'Anki’s id of the note type, a whole number' }),
		name: str(o, 'name', path),
		cloze,
		fields: textList(o.fields, `${path}.fields`, 'a list of field names'),
		templates,
		formats,
		css: template(o, 'css', path)
	};
	const id = ankiNoteTypeId(type);
	if (o.id !== id) fail(`${path}.id`, `the note type’s name for its content (${id})`, o.id);
	return { id, ...type };
}

/**
 * Checks an Anki note record against the note types read before it: it names one of them
 * and has one field per field of that type.
 */
export function checkAnkiNote(
	value: unknown,
	path: string,
	types: ReadonlyMap<string, AnkiNoteTypeRecord>
): AnkiNoteRecord {
	const o = objectAt(value, path);
	const id = str(o, 'id', path, true);
	if (!isAnkiNoteId(id))
		fail(`${path}.id`, 'the id of a note from Anki ("anki-" and its guid)', id);
	const type = types.get(str(o, 'type', path));
	if (!type) fail(`${path}.type`, 'the id of a note type in this file', o.type);
	const fields = textList(o.fields, `${path}.fields`, 'a list of fields');
	if (fields.length !== type.fields.length)
		fail(`${path}.fields`, `a list of ${type.fields.length} fields (“${type.name}”)`, o.fields);
	return { id, type: type.id, fields, modified: num(o, 'modified', path, MS) };
}
