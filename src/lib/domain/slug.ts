/**
 * Text as a lower-case ASCII slug for tags and file names: accents dropped,
 * anything else that is not a letter or digit becomes a single dash.
 *
 * @example
 * slugify('Café: les verbes!', 60); // "cafe-les-verbes"
 */
export function slugify(text: string, maxLength: number): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}
