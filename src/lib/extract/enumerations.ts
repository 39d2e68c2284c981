/**
 * Inline enumerations: three or more items in a sentence, "such as X, Y and Z",
 * "include: A, B, C", "are PHP, Java, Python, and Ruby". Found by splitting the sentence at
 * its commas (outside brackets) and walking back from the conjunction, never with one
 * regular expression over the whole sentence, so the time is linear in its length.
 *
 * The first item starts after the nearest trigger word before the first comma ("of",
 * "for", "are", "such as", "include", ":" …); an enumeration without one is not taken,
 * because its first item's start cannot be told. Items are short (at most six words) and are
 * not clauses (no subject pronoun, no "because"/"while" opening), which keeps out sentences
 * like "For some, it may be…, and others…".
 */

import { withoutClosingPunctuation } from './wording';

export interface EnumerationItem {
	text: string;
	/** Offsets in the sentence: [start, end). */
	start: number;
	end: number;
}

export interface Enumeration {
	items: EnumerationItem[];
	/** Offsets of the whole enumeration in the sentence, from the first item to the last. */
	start: number;
	end: number;
	/** The word before the first item, lower case ("of", "such as", ":"). */
	trigger: string;
}

interface Part {
	text: string;
	start: number;
}

const MAX_ITEM_WORDS = 6;

const TRIGGERS: ReadonlySet<string> = new Set(
	(
		'of for in with about from on at to into between like as including include includes e.g. i.e. ' +
		'namely are is were was be need needs use uses using learn know knows have has require ' +
		'requires involve involves cover covers offer offers support supports'
	).split(' ')
);

/** Words that open a clause or an aside, not an item. */
const CLAUSE_OPENER =
	/^(?:and|or|but|so|yet|because|since|as|if|when|whenever|while|although|though|whereas|which|that|who|whose|where|especially|then|also|however|than|even|just|not)\b/i;
const SUBJECT_PRONOUN =
	/\b(?:i|you|we|they|he|she|it|i'm|you're|we're|they're|it's|you'll|we'll|they'll|he's|she's|there's|you've|we've|they've)\b/i;
const LAST_ITEM_CUT = / (?:to|for|in|that|which|who|with|on|at|so|because|while|when) /;

function words(text: string): string[] {
	return text.split(/\s+/).filter(Boolean);
}

function isItem(text: string): boolean {
	const count = words(text).length;
	return (
		count >= 1 &&
		count <= MAX_ITEM_WORDS &&
		!CLAUSE_OPENER.test(text) &&
		!SUBJECT_PRONOUN.test(text) &&
		!/[:;?!]/.test(text)
	);
}

/** Splits at commas outside brackets, keeping each part's offset. */
function commaParts(sentence: string): Part[] {
	const parts: Part[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < sentence.length; i++) {
		const c = sentence[i];
		if (c === '(' || c === '[') depth += 1;
		else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
		else if (c === ',' && depth === 0) {
			parts.push({ text: sentence.slice(start, i), start });
			start = i + 1;
		}
	}
	parts.push({ text: sentence.slice(start), start });
	return parts.map((part) => {
		const lead = part.text.length - part.text.trimStart().length;
		return { text: part.text.trim(), start: part.start + lead };
	});
}

function item(text: string, start: number): EnumerationItem {
	return { text, start, end: start + text.length };
}

/** The first item: the words after the nearest trigger at the end of `part`. */
function firstItem(part: Part): { item: EnumerationItem; trigger: string } | null {
	const found = [...part.text.matchAll(/\S+/g)];
	for (let i = found.length - 2; i >= 0 && i >= found.length - 1 - MAX_ITEM_WORDS; i--) {
		const word = found[i]?.[0].toLowerCase() ?? '';
		const bare = word.replace(/:$/, '');
		if (!word.endsWith(':') && !TRIGGERS.has(bare)) continue;
		const from = (found[i + 1]?.index ?? 0) as number;
		const text = part.text.slice(from);
		if (!isItem(text)) return null;
		const previous = found[i - 1]?.[0].toLowerCase();
		const trigger = word.endsWith(':')
			? ':'
			: bare === 'as' && previous === 'such'
				? 'such as'
				: bare;
		return { item: item(text, part.start + from), trigger };
	}
	return null;
}

/** The last item, without the final stop and cut before a trailing phrase if it is long. */
function lastItem(text: string, start: number): EnumerationItem | null {
	let body = withoutClosingPunctuation(text).trim();
	if (words(body).length > MAX_ITEM_WORDS) {
		const cut = LAST_ITEM_CUT.exec(body);
		if (cut) body = body.slice(0, cut.index);
	}
	return isItem(body) ? item(body, start) : null;
}

/**
 * Finds an enumeration of three or more items in one sentence, or null.
 *
 * @example
 * findEnumeration('The backend is responsible for managing data, handling logic, and powering the frontend.')
 *   ?.items.map((i) => i.text); // ["managing data", "handling logic", "powering the frontend"]
 * findEnumeration('Writing code in languages like Java or Python.'); // null: two items
 */
export function findEnumeration(sentence: string): Enumeration | null {
	const parts = commaParts(sentence);
	const heads = new Map<number, ReturnType<typeof firstItem>>();
	// Where the run of item parts just before part j starts (j when there is none): kept as j
	// moves on, so that "A and B, A and B, …" without a trigger is not walked back at every comma.
	let run = 1;
	for (let j = 1; j < parts.length; j++) {
		if (j === 1 || !isItem((parts[j - 1] as Part).text)) run = j;
		const part = parts[j] as Part;
		const conjunction = /^(?:and|or) /i.exec(part.text);
		let tail: EnumerationItem[];
		if (conjunction) {
			if (j < 2) continue;
			const last = lastItem(
				part.text.slice(conjunction[0].length),
				part.start + conjunction[0].length
			);
			if (!last) continue;
			tail = [last];
		} else {
			// "A, B and C": the conjunction is inside the last part.
			const inner = / (?:and|or) /i.exec(part.text);
			if (!inner) continue;
			const left = part.text.slice(0, inner.index);
			const rightFrom = inner.index + inner[0].length;
			const right = lastItem(part.text.slice(rightFrom), part.start + rightFrom);
			if (!right || !isItem(left) || words(left).length > 4) continue;
			tail = [item(left, part.start), right];
		}
		const f = run - 1;
		if (!heads.has(f)) heads.set(f, firstItem(parts[f] as Part));
		const head = heads.get(f);
		if (!head || 1 + (j - run) + tail.length < 3) continue;
		const middle = parts.slice(run, j).map((p) => item(p.text, p.start));
		const items = [head.item, ...middle, ...tail];
		const lastOne = items[items.length - 1] as EnumerationItem;
		return { items, start: head.item.start, end: lastOne.end, trigger: head.trigger };
	}
	return null;
}
