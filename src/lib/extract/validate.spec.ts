import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/errors';
import { assertEnoughText, assertReadableText, MAX_ARTICLE_CHARS } from './validate';

function messageOf(input: unknown): string {
	try {
		assertReadableText(input);
	} catch (error) {
		expect(error).toBeInstanceOf(ValidationError);
		return (error as Error).message;
	}
	return 'accepted';
}

describe('assertReadableText', () => {
	it('refuses empty and blank text', () => {
		expect(messageOf('')).toBe('The article is empty.');
		expect(messageOf(' \n\t ')).toBe('The article is empty.');
	});

	it('refuses what is not a string', () => {
		expect(messageOf(new Uint8Array(4))).toBe('The article must be text.');
	});

	it('refuses text over the limit and says the limit', () => {
		const message = messageOf('a'.repeat(MAX_ARTICLE_CHARS + 1));
		expect(message).toContain('200,000');
		expect(message).toContain('too long');
	});

	it('refuses binary junk, PDFs and HTML', () => {
		expect(messageOf('PK\u0003\u0004\u0000\u0000binary')).toContain('does not look like text');
		expect(messageOf('ok '.repeat(10) + '\uFFFD'.repeat(20))).toContain('does not look like text');
		expect(messageOf('%PDF-1.7\n1 0 obj')).toContain('PDF');
		expect(messageOf('<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toContain('HTML');
		expect(messageOf('<div><p>One.</p><p>Two.</p><ul><li>a</li></ul></div>')).toContain('HTML');
	});

	it('accepts plain text and Markdown with the odd tag or bad character', () => {
		expect(messageOf('A sentence. Another one with <br> in it, and one \uFFFD.')).toBe('accepted');
		expect(messageOf('# Title\n\nSome *text* with a [link](https://x.y).')).toBe('accepted');
		// Copied from a guide whose example page lost its code fence on the way.
		const quoting =
			'HTTP is the protocol of the web. A server answers a request with a page.\n\n' +
			'<html>\n<body>A very simple page</body>\n</html>\n\nThe browser then shows it.';
		expect(messageOf(quoting)).toBe('accepted');
		expect(messageOf('<!-- saved page -->\n<html><head></head><body>x</body></html>')).toContain(
			'HTML'
		);
	});
});

describe('assertEnoughText', () => {
	it('needs two sentences', () => {
		expect(() => assertEnoughText(1)).toThrow(/too short/);
		expect(() => assertEnoughText(2)).not.toThrow();
	});
});
