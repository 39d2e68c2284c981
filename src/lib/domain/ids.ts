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
