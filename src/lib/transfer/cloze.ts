/**
 * Anki's cloze deletions: `{{c1::answer}}` or `{{c1::answer::hint}}`, possibly nested
 * (`{{c1::outer {{c2::inner}}}}`). A note makes one card per cloze number; on card n the
 * deletions numbered n are hidden and every other one shows its text.
 */

type ClozeNode = string | { n: number; content: ClozeNode[]; hint: string | null };

const OPEN = /\{\{c(\d+)::/y;

/** Parses `text` from `start`; inside a deletion, stops after its closing `}}`. */
function parse(
	text: string,
	start: number,
	inside: boolean
): { nodes: ClozeNode[]; end: number; closed: boolean } {
	const nodes: ClozeNode[] = [];
	let plainFrom = start;
	let i = start;
	while (i < text.length) {
		const open = text.indexOf('{{c', i);
		const close = inside ? text.indexOf('}}', i) : -1;
		if (close !== -1 && (open === -1 || close < open)) {
			if (close > plainFrom) nodes.push(text.slice(plainFrom, close));
			return { nodes, end: close + 2, closed: true };
		}
		if (open === -1) break;
		OPEN.lastIndex = open;
		const m = OPEN.exec(text);
		if (!m) {
			i = open + 3;
			continue;
		}
		const inner = parse(text, open + m[0].length, true);
		if (!inner.closed) {
			// An unclosed `{{c1::` is just text, as in Anki.
			i = open + 3;
			continue;
		}
		if (open > plainFrom) nodes.push(text.slice(plainFrom, open));
		nodes.push({ n: Number(m[1]), ...splitHint(inner.nodes) });
		i = plainFrom = inner.end;
	}
	if (text.length > plainFrom) nodes.push(text.slice(plainFrom));
	return { nodes, end: text.length, closed: false };
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
	collect(parse(text, 0, false).nodes, found);
	return [...found].sort((a, b) => a - b);
}

/**
 * One side of cloze card `n`. The front hides deletion n as `[…]` (or `[hint]`); the back
 * shows it, in bold when the text is HTML. Other deletions show their text on both sides.
 *
 * @example
 * renderCloze('{{c1::Paris::city}} is in {{c2::France}}', 1, 'front', false); // '[city] is in France'
 * renderCloze('{{c1::Paris::city}} is in {{c2::France}}', 1, 'back', true); // '<b>Paris</b> is in France'
 */
export function renderCloze(
	text: string,
	n: number,
	side: 'front' | 'back',
	html: boolean
): string {
	const render = (nodes: ClozeNode[]): string =>
		nodes
			.map((node) => {
				if (typeof node === 'string') return node;
				if (node.n !== n) return render(node.content);
				if (side === 'back') return html ? `<b>${render(node.content)}</b>` : render(node.content);
				return `[${node.hint ?? '…'}]`;
			})
			.join('');
	return render(parse(text, 0, false).nodes);
}
