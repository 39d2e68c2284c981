/**
 * A count with its noun, in the reader's digits: "1 card", "2 cards", "1,208 reviews".
 *
 * @example
 * countOf(1, 'card'); // '1 card'
 * countOf(3, 'entry', 'entries'); // '3 entries'
 */
export function countOf(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
