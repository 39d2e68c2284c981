import { isZstd, unzstd } from './zstd';
import { protoFields } from './protobuf';
import type { ZipBudget } from './zip-reader';

/**
 * Anki's media: files in the package named `0`, `1` …, listed in the `media` entry, and
 * referenced from fields as `<img src="x.jpg">` or `[sound:x.mp3]`. This app keeps text
 * only, so references are cut out of the fields and counted, for a warning.
 */

// A tag or reference ends before the next opener: scanning past it made every unclosed
// `<img ` or `[sound:` read to the end of the field (quadratic), and swallowed what followed.
const MEDIA_TAG = /<(img|audio|video|source|embed|object)\b[^<>]*>/gi;
const SRC = /\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SOUND = /\[sound:([^[\]]*)\]/g;

/**
 * The field without media references; each referenced file name is added to `found`.
 *
 * @example
 * const found = new Set<string>();
 * stripMedia('Dog<img src="dog.jpg">[sound:woof.mp3]', found); // 'Dog'
 * found; // Set { 'dog.jpg', 'woof.mp3' }
 */
export function stripMedia(field: string, found: Set<string>): string {
	if (!field.includes('<') && !field.includes('[sound:')) return field;
	return field
		.replace(MEDIA_TAG, (tag) => {
			const m = SRC.exec(tag);
			const name = m ? (m[1] ?? m[2] ?? m[3] ?? '') : '';
			if (name) found.add(name.startsWith('data:') ? `${name.slice(0, 64)}…${found.size}` : name);
			return '';
		})
		.replace(SOUND, (_, name: string) => {
			found.add(name);
			return '';
		});
}

/**
 * The file names the package's `media` entry lists: JSON (`{"0": "dog.jpg"}`) in older
 * packages, Zstandard-compressed protobuf (`MediaEntries { repeated MediaEntry entries = 1 }`
 * with `name = 1`) in newer ones. A damaged list is not worth failing an import over: it
 * only feeds a count.
 *
 * @example
 * mediaNames(new TextEncoder().encode('{"0":"dog.jpg"}'), budget); // ['dog.jpg']
 */
export function mediaNames(bytes: Uint8Array, budget: ZipBudget): string[] {
	try {
		if (isZstd(bytes)) {
			const decoder = new TextDecoder();
			const names: string[] = [];
			for (const entry of protoFields(unzstd(bytes, 'media', budget)))
				if (entry.field === 1 && entry.value instanceof Uint8Array)
					for (const f of protoFields(entry.value))
						if (f.field === 1 && f.value instanceof Uint8Array) names.push(decoder.decode(f.value));
			return names;
		}
		const list: unknown = JSON.parse(new TextDecoder().decode(bytes));
		if (typeof list !== 'object' || list === null) return [];
		return Object.values(list).filter((v): v is string => typeof v === 'string');
	} catch {
		return [];
	}
}
