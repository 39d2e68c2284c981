/**
 * Bytes ↔ base64, for the pictures and sounds a deck file or backup carries. `btoa` and
 * `atob` work on strings of byte values; the bytes go through in slices so a large file never
 * needs an argument list the size of the file.
 */

const SLICE = 0x8000;

/**
 * @example
 * toBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += SLICE)
		binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
	return btoa(binary);
}

/**
 * The bytes of base64 text, or null when it is not base64.
 *
 * @example
 * fromBase64('AQID'); // Uint8Array [1, 2, 3]
 * fromBase64('not base64!'); // null
 */
export function fromBase64(text: string): Uint8Array | null {
	let binary: string;
	try {
		binary = atob(text);
	} catch {
		return null;
	}
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
