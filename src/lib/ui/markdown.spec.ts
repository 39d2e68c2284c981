import { describe, expect, it } from 'vitest';
import { listItems, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('makes bold, italics and code, and never raw HTML', () => {
		expect(renderMarkdown('**TCP** is *reliable*, _ordered_ and `<b>`')).toBe(
			'<p><strong>TCP</strong> is <em>reliable</em>, <em>ordered</em> and <code>&lt;b&gt;</code></p>'
		);
		expect(renderMarkdown('<img src=x onerror=alert(1)>')).toBe(
			'<p>&lt;img src=x onerror=alert(1)&gt;</p>'
		);
		expect(renderMarkdown('`**not bold**`')).toBe('<p><code>**not bold**</code></p>');
	});

	it('shows a stored picture, and never an address as one', () => {
		const name = `${'ab'.repeat(20)}.png`;
		expect(renderMarkdown(`A dog: ![my dog](${name})`)).toBe(
			`<p>A dog: <img alt="my dog" src="${name}"></p>`
		);
		expect(renderMarkdown(`![](${name})`)).toBe(`<p><img alt="Picture" src="${name}"></p>`);
		for (const text of [
			'![x](https://t.example/p.png)',
			'![x](dog.png)',
			`![x"onerror="alert(1)](${name})`
		])
			expect(renderMarkdown(text)).not.toMatch(/<img[^>]*(https|dog\.png|onerror=")/);
	});

	it('leaves snake_case words and lone stars alone', () => {
		expect(renderMarkdown('use snake_case_names and 2 * 3 * 4')).toBe(
			'<p>use snake_case_names and 2 * 3 * 4</p>'
		);
	});

	it('makes lists and paragraphs', () => {
		expect(renderMarkdown('Skills:\n- SQL\n- *HTTP*\n\n1. one\n2. two')).toBe(
			'<p>Skills:</p><ul><li>SQL</li><li><em>HTTP</em></li></ul><ol><li>one</li><li>two</li></ol>'
		);
		expect(renderMarkdown('line one\nline two')).toBe('<p>line one<br>line two</p>');
	});
});

describe('listItems', () => {
	it('reads list lines or plain lines', () => {
		expect(listItems('- Go\n* Rust\n\n3. Java')).toEqual(['Go', 'Rust', 'Java']);
		expect(listItems(' Go \nRust\n')).toEqual(['Go', 'Rust']);
	});
});
