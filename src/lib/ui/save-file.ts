import { slugify } from '$lib/domain/slug';

/**
 * Hands a file to the user: on a phone, the share sheet (save to Files, send to
 * another app or device) where the browser can share files; a download otherwise.
 */
export async function saveFile(file: File): Promise<'shared' | 'downloaded' | 'cancelled'> {
	const phone = window.matchMedia('(pointer: coarse)').matches;
	if (phone && navigator.canShare?.({ files: [file] })) {
		try {
			await navigator.share({ files: [file], title: file.name });
			return 'shared';
		} catch (error) {
			if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
			// Sharing failed for another reason (no share target, say): fall back to a download.
		}
	}
	const url = URL.createObjectURL(file);
	const link = document.createElement('a');
	link.href = url;
	link.download = file.name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
	return 'downloaded';
}

/**
 * "What Does A Backend Developer Do?" on 28 Nov 2026 → "what-does-a-backend-developer-do-2026-11-28".
 *
 * @example
 * exportFileStem('Spanish: verbs', new Date(2026, 10, 28)); // "spanish-verbs-2026-11-28"
 */
export function exportFileStem(name: string, now: Date): string {
	return `${slugify(name, 60) || 'deck'}-${localDateStamp(now)}`;
}

/** The local calendar date as YYYY-MM-DD. */
export function localDateStamp(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
