/**
 * Images and sounds on cards. Cards refer to a media file by name, as Anki's fields do:
 * `<img src="NAME">` and `[sound:NAME]`. Every file this app stores is named by its content
 * (SHA-1 in hex, then the original extension), so the same picture used by two notes or
 * imported twice is stored once, and two different files can never claim one name.
 */

/** A stored file's name: the SHA-1 of its bytes, and the extension it came with. */
export const MEDIA_NAME = /^[0-9a-f]{40}(?:\.[a-z0-9]{1,8})?$/;

/**
 * A stored picture in the light Markdown of the app's own cards: `![description](name)`
 * (`$lib/ui/markdown`). Global: use with `replace`.
 */
export const MARKDOWN_PICTURE = /!\[([^\]]*)\]\(([0-9a-f]{40}(?:\.[a-z0-9]{1,8})?)\)/g;

/** One media file as it travels in an import plan or an export. */
export interface MediaFile {
	name: string;
	/** MIME type, from the extension (`mediaType`). */
	type: string;
	bytes: Uint8Array;
}

// A tag or reference ends before the next opener: scanning past it made every unclosed
// `<img ` or `[sound:` read to the end of the text (quadratic), and swallowed what followed.
const IMG_TAG = /<img\b[^<>]*>/gi;
/** A tag that names a file in its `src`: a picture, a video or a sound, or one's `<source>`. */
const MEDIA_TAG = /<(?:img|video|audio|source)\b[^<>]*>/gi;
const PLAYER_TAG = /<(?:video|audio)\b[^<>]*>/gi;
const SRC = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SOUND = /\[sound:([^[\]]*)\]/g;

const TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	ico: 'image/x-icon',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	ogg: 'audio/ogg',
	oga: 'audio/ogg',
	opus: 'audio/ogg',
	wav: 'audio/wav',
	flac: 'audio/flac',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	webm: 'video/webm',
	ogv: 'video/ogg',
	mov: 'video/quicktime'
};

/** A file name's extension, lower case, or '' ("Dog.JPG" → "jpg"). */
export function extensionOf(name: string): string {
	const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
	return match ? (match[1] as string).toLowerCase() : '';
}

/**
 * The MIME type a file is served with, from its extension; unknown ones are plain bytes.
 *
 * @example
 * mediaType('dog.JPG'); // 'image/jpeg'
 */
export function mediaType(name: string): string {
	return TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

/** The entities a file name may carry inside an HTML attribute (`a&amp;b.jpg`). */
function decodeAttribute(value: string): string {
	return value
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The name an `src` points at, or null for an address (`http:`, `data:`, `//`, `/x`). */
function localName(src: string): string | null {
	const name = decodeAttribute(src.trim());
	if (!name || /^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(name)) return null;
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

/**
 * The media files a card's text refers to, each once, in order.
 *
 * @example
 * mediaReferences('Dog<img src="dog.jpg">[sound:woof.mp3]<video src="run.mp4">'); // ['dog.jpg', 'run.mp4', 'woof.mp3']
 */
export function mediaReferences(text: string): string[] {
	if (!text.includes('<') && !text.includes('[sound:')) return [];
	const names = new Set<string>();
	for (const [tag] of text.matchAll(MEDIA_TAG)) {
		const m = SRC.exec(tag);
		const name = m ? localName(m[1] ?? m[2] ?? m[3] ?? '') : null;
		if (name) names.add(name);
	}
	for (const [, name] of text.matchAll(SOUND)) if (name?.trim()) names.add(name.trim());
	return [...names];
}

/**
 * The text with each reference to a file in `renames` pointed at its new name. References to
 * other files are left as they are.
 *
 * @example
 * renameMediaReferences('<img src="dog.jpg">[sound:dog.jpg]', new Map([['dog.jpg', 'ab.jpg']]));
 * // '<img src="ab.jpg">[sound:ab.jpg]'
 */
export function renameMediaReferences(text: string, renames: ReadonlyMap<string, string>): string {
	if (renames.size === 0) return text;
	return text
		.replace(MEDIA_TAG, (tag) =>
			tag.replace(SRC, (whole, a?: string, b?: string, c?: string) => {
				const name = localName(a ?? b ?? c ?? '');
				const renamed = name === null ? undefined : renames.get(name);
				return renamed ? `src="${renamed}"` : whole;
			})
		)
		.replace(SOUND, (whole, name: string) => {
			const renamed = renames.get(name.trim());
			return renamed ? `[sound:${renamed}]` : whole;
		});
}

/**
 * The name a file is stored under: its content's SHA-1 and its original extension.
 *
 * @example
 * storedMediaName('a9993e364706816aba3e25717850c26c9cd0d89d', 'Dog.JPG'); // 'a9993e…d89d.jpg'
 */
export function storedMediaName(sha1: string, originalName: string): string {
	const extension = extensionOf(originalName);
	return extension ? `${sha1}.${extension}` : sha1;
}

/**
 * The text without pictures, videos and sounds that point at no stored file (an address, or
 * a file the package lacked): what a card really shows. A video or sound tag without a `src`
 * of its own stays (its `<source>` may name one).
 *
 * @example
 * withoutMissingMedia('<img src="gone.png">Dog'); // 'Dog'
 */
export function withoutMissingMedia(text: string): string {
	if (!/<(?:img|video|audio|source)\b/i.test(text)) return text;
	return text.replace(MEDIA_TAG, (tag) => {
		const m = SRC.exec(tag);
		if (!m && /^<(?:video|audio)\b/i.test(tag)) return tag;
		const name = m ? localName(m[1] ?? m[2] ?? m[3] ?? '') : null;
		return name !== null && MEDIA_NAME.test(name) ? tag : '';
	});
}

/**
 * A card's sanitised HTML made ready to show: each stored picture's, video's or sound's `src`
 * becomes the address `urls` gives for it (videos and sounds with their controls), and each
 * `[sound:…]` a play button carrying its address (a video named there, as Anki allows, is
 * shown with its controls instead). A sound with
 * no address (a file not on this device) shows nothing, as in Anki. A picture without `alt`
 * gets "Picture", so a screen reader says what is there instead of a file name.
 *
 * @example
 * mediaHtml('<img src="ab.jpg">[sound:cd.mp3]', new Map([['ab.jpg', 'blob:1'], ['cd.mp3', 'blob:2']]));
 * // '<img alt="Picture" src="blob:1"><button type="button" class="play-sound" data-sound="blob:2" …>…</button>'
 */
export function mediaHtml(html: string, urls: ReadonlyMap<string, string>): string {
	const withSounds = html.replace(SOUND, (_, name: string) => {
		const url = urls.get(name.trim());
		if (!url) return '';
		// Anki plays a video named in [sound:…] too; it is shown with its controls.
		if (mediaType(name.trim()).startsWith('video/')) return `<video src="${url}"></video>`;
		return `<button type="button" class="play-sound" data-sound="${url}" aria-label="Play sound">▶</button>`;
	});
	// A picture without a description is at least announced as one (not by its file name).
	const described = withSounds.replace(IMG_TAG, (tag) =>
		/\balt\s*=/i.test(tag) ? tag : tag.replace(/^<img\b/i, '<img alt="Picture"')
	);
	// A video or sound tag in a field gets its controls: it never plays by itself.
	const playable = described.replace(PLAYER_TAG, (tag) =>
		tag.replace(/^<(video|audio)\b/i, (_, name: string) =>
			name.toLowerCase() === 'video'
				? '<video class="card-video" controls playsinline preload="metadata"'
				: '<audio controls preload="metadata"'
		)
	);
	return renameMediaReferences(playable, urls);
}
