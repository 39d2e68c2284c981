/**
 * Anki's cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}`, possibly nested
 * (`{{c1::outer {{c2::inner}}}}`). A note makes one card per cloze number; on card n the
 * deletions numbered n are hidden and every other one shows its text.
 */

type ClozeNode = string | { n: number; content: ClozeNode[]; hint: string | null };

const TOKEN = /\{\{c(\d+)::|\}\}/g;

/**
 * Deeper deletions stay text: rendering recurses once per level, and a field of thousands
 * of nested deletions must not run it out of stack. Anki stops at 10 too.
 */
const MAX_DEPTH = 10;

/**
 * Parses `text` in one pass over its tokens, as Anki does: `{{cN::` opens a deletion, `}}`
 * closes the innermost open one. An open never closed, or a `}}` with nothing open, is
 * text. (A recursive descent that retried each unclosed open as text took time doubling
 * per open.)
 */
function parse(text: string): ClozeNode[] {
	const tokens = [...text.matchAll(TOKEN)];
	// Pair the tokens first, so that the tree below is built only from pairs that close.
	const paired = new Set<number>();
	const open: number[] = [];
	tokens.forEach((token, k) => {
		if (token[1] !== undefined) open.push(k);
		else if (open.length > 0) {
			paired.add(open.pop() as number);
			paired.add(k);
		}
	});

	const root: ClozeNode[] = [];
	const deletions: { n: number; nodes: ClozeNode[] }[] = [];
	// Pairs opened inside the deepest deletion allowed; they are text, so nest no further.
	let tooDeep = 0;
	let current = root;
	const add = (piece: string) => {
		if (piece === '') return;
		const last = current.at(-1);
		if (typeof last === 'string') current[current.length - 1] = last + piece;
		else current.push(piece);
	};
	let from = 0;
	tokens.forEach((token, k) => {
		add(text.slice(from, token.index));
		from = token.index + token[0].length;
		const opens = token[1] !== undefined;
		if (paired.has(k) && opens && deletions.length < MAX_DEPTH) {
			const deletion = { n: Number(token[1]), nodes: [] as ClozeNode[] };
			deletions.push(deletion);
			current = deletion.nodes;
		} else if (paired.has(k) && !opens && tooDeep === 0) {
			const done = deletions.pop() as { n: number; nodes: ClozeNode[] };
			current = deletions.at(-1)?.nodes ?? root;
			current.push({ n: done.n, ...splitHint(done.nodes) });
		} else {
			if (paired.has(k)) tooDeep += opens ? 1 : -1;
			add(token[0]);
		}
	});
	add(text.slice(from));
	return root;
}

/** The hint is whatever follows the first `::` that is not inside a nested deletion. */
function splitHint(nodes: ClozeNode[]): { content: ClozeNode[]; hint: string | null } {
	for (let k = 0; k < nodes.length; k++) {
		const node = nodes[k];
		if (typeof node !== 'string') continue;
		const at = node.indexOf('::');
		if (at === -1) continue;
		const content = nodes.slice(0, k);
		if (at > 0) content.push(node.slice(0, at));
		const rest = [node.slice(at + 2), ...nodes.slice(k + 1)];
		return { content, hint: rest.map((r) => plain(r)).join('') };
	}
	return { content: nodes, hint: null };
}

function plain(node: ClozeNode): string {
	return typeof node === 'string' ? node : node.content.map(plain).join('');
}

function collect(nodes: ClozeNode[], into: Set<number>): void {
	for (const node of nodes)
		if (typeof node !== 'string') {
			into.add(node.n);
			collect(node.content, into);
		}
}

/**
 * The cloze numbers used in a text, ascending.
 *
 * @example
 * clozeNumbers('{{c2::b}} and {{c1::a::hint}}'); // [1, 2]
 */
export function clozeNumbers(text: string): number[] {
	const found = new Set<number>();
	collect(parse(text), found);
	return [...found].sort((a, b) => a - b);
}

/** A piece of a cloze card's side: text as written, the hidden deletion, or its revealed answer. */
export type ClozeSegment =
	| { kind: 'text'; text: string }
	| { kind: 'blank'; hint: string | null }
	| { kind: 'answer'; text: string };

/**
 * One side of cloze card `n` as segments, for a renderer that styles the blank and
 * the answer itself. Deletions other than `n` show their text on both sides.
 *
 * @example
 * clozeSegments('{{c1::Paris::city}} is in {{c2::France}}', 1, 'front');
 * // [{ kind: 'blank', hint: 'city' }, { kind: 'text', text: ' is in France' }]
 */
export function clozeSegments(text: string, n: number, side: 'front' | 'back'): ClozeSegment[] {
	const segments: ClozeSegment[] = [];
	const addText = (piece: string) => {
		if (piece === '') return;
		const last = segments.at(-1);
		if (last?.kind === 'text') last.text += piece;
		else segments.push({ kind: 'text', text: piece });
	};
	const walk = (nodes: ClozeNode[]) => {
		for (const node of nodes) {
			if (typeof node === 'string') addText(node);
			else if (node.n !== n) walk(node.content);
			else if (side === 'front') segments.push({ kind: 'blank', hint: node.hint });
			else segments.push({ kind: 'answer', text: node.content.map(plain).join('') });
		}
	};
	walk(parse(text));
	return segments;
}

/**
 * One side of cloze card `n`. The front hides deletion n as `[…]` (or `[hint]`); the back
 * shows it, in bold when the text is HTML. Other deletions show their text on both sides.
 * In HTML the blank and the answer carry Anki's class `cloze`, which note types style.
 *
 * @example
 * renderCloze('{{c1::Paris::city}} is in {{c2::France}}', 1, 'front', false); // '[city] is in France'
 * renderCloze('{{c1::Paris::city}} is in {{c2::France}}', 1, 'back', true); // '<b class="cloze">Paris</b> is in France'
 */
export function renderCloze(
	text: string,
	n: number,
	side: 'front' | 'back',
	html: boolean
): string {
	return clozeSegments(text, n, side)
		.map((segment) => {
			if (segment.kind === 'text') return segment.text;
			if (segment.kind === 'blank') {
				const blank = `[${segment.hint ?? '…'}]`;
				return html ? `<span class="cloze">${blank}</span>` : blank;
			}
			return html ? `<b class="cloze">${segment.text}</b>` : segment.text;
		})
		.join('');
}
