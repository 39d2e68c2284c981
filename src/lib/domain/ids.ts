/**
 * A new random id (a version 4 UUID). `crypto.randomUUID` exists only in secure
 * contexts; the app opened over plain http on a local network (trying it on a
 * phone, say) must still be able to save a review, so fall back to
 * `getRandomValues`, which exists everywhere.
 *
 * @example
 * randomId(); // "3b241101-e2bb-4255-8caf-4136c566a962"
 */
export function randomId(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
	bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A short name for a text, the same every time and on every device: two 32-bit FNV-1a
 * hashes (different seeds), so two different texts sharing one name is not a concern at
 * the few thousand texts (stylesheets, note types) a collection names this way.
 *
 * @example
 * contentId('.card { font-size: 20px; }'); // "1x2…" (always the same for this text)
 */
export function contentId(text: string): string {
	return `${fnv(text, 0x811c9dc5).toString(36)}${fnv(text, 0x01000193 ^ text.length).toString(36)}`;
}

/** FNV-1a, 32 bits, from `seed`. */
function fnv(text: string, seed: number): number {
	let h = seed;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
