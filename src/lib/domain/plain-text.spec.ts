import { describe, expect, it } from 'vitest';
import { plainText } from './plain-text';

describe('plainText', () => {
	it('joins a word split by an inline tag, and parts words at block tags and breaks', () => {
		expect(plainText('<b>c</b>oloboma')).toBe('coloboma');
		expect(plainText('<span style="color:red">hyper</span><u>tension</u>')).toBe('hypertension');
		expect(plainText('one<br>two<div>three</div><li>four</li>')).toBe('one two three four');
	});

	it('reads entities as their characters, a non-breaking space as a space', () => {
		expect(plainText('up&nbsp;until&nbsp;6 weeks')).toBe('up until 6 weeks');
		expect(plainText('Tom &amp; Jerry &lt;3 &#233;t&#xE9; &#160;x')).toBe('Tom & Jerry <3 été x');
	});

	it('leaves an unknown entity as written, and drops scripts and styles', () => {
		expect(plainText('&bogus; a')).toBe('&bogus; a');
		expect(plainText('<style>p{}</style>a<script>x()</script>b')).toBe('a b');
	});
});
