/**
 * Bytes → text for the text formats. Spreadsheets do not all write UTF-8: Excel's "Unicode
 * text" is UTF-16 with a byte-order mark, and its plain "CSV" is the Windows code page
 * (Windows-1252 in Western Europe and the Americas). Binary data is recognised from a sample
 * so that a large wrong file is refused without decoding all of it.
 */

const SAMPLE = 64 * 1024;

/**
 * Whether the bytes look like binary data rather than text: a NUL byte, or many control
 * characters, in the first 64 KiB. UTF-16 (which is full of NULs) is recognised by its BOM first.
 *
 * @example
 * looksBinary(new TextEncoder().encode('front,back')); // false
 */
export function looksBinary(bytes: Uint8Array): boolean {
	if (utf16(bytes)) return false;
	const n = Math.min(bytes.length, SAMPLE);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i] as number;
		if (b === 0) return true;
		// Tab, line feed, form feed and carriage return are text; other C0 controls are not.
		if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) || b === 0x7f) control++;
	}
	return control > n / 20;
}

function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/**
 * Decodes text, saying so when it was not UTF-8. The BOM, if any, is dropped.
 *
 * @example
 * decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])); // { text: 'café', warning: 'The file is not UTF-8; …' }
 */
export function decodeText(bytes: Uint8Array): { text: string; warning: string | null } {
	const wide = utf16(bytes);
	if (wide) return { text: new TextDecoder(wide).decode(bytes), warning: null };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warning: null };
	} catch {
		return {
			text: new TextDecoder('windows-1252').decode(bytes),
			warning:
				'The file is not UTF-8, so it was read as Windows-1252 (Western European). If accents look wrong, save it from the spreadsheet as "CSV UTF-8" and import again.'
		};
	}
}
