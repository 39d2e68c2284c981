import { describe, expect, it } from 'vitest';
import { escapeHtml, hasMarkup, isBlankHtml, textToHtml } from './html-text';

describe('html-text', () => {
	it('escapes text for HTML', () => {
		expect(escapeHtml(`a < b & "c" 'd' >`)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;');
		expect(textToHtml('1\r\n2\n3')).toBe('1<br>2<br>3');
	});

	it('tells markup from plain words', () => {
		expect(hasMarkup('Paris')).toBe(false);
		expect(hasMarkup('a < b and c > d')).toBe(false);
		expect(hasMarkup('Tom & Jerry')).toBe(false);
		expect(hasMarkup('x<br>y')).toBe(true);
		expect(hasMarkup('</div>')).toBe(true);
		expect(hasMarkup('Tom &amp; Jerry')).toBe(true);
		expect(hasMarkup('&#160;')).toBe(true);
	});

	it('finds HTML that shows nothing', () => {
		expect(isBlankHtml('<div><br></div>&nbsp;')).toBe(true);
		expect(isBlankHtml('<script>alert(1)</script><style>p{}</style>')).toBe(true);
		expect(isBlankHtml('<i>x</i>')).toBe(false);
	});
});
