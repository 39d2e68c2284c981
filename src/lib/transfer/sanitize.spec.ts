import { JSDOM } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { describe, expect, it } from 'vitest';
import { createSanitizer } from './sanitize';

const window = new JSDOM('').window as unknown as WindowLike;
const sanitize = createSanitizer(window);

describe('createSanitizer', () => {
	it('keeps simple formatting', () => {
		const html =
			'<p><b>bold</b> <i>it</i> <u>u</u> <em>e</em> <strong>s</strong><br>x<sub>2</sub><sup>3</sup></p>' +
			'<div><span>s</span><ul><li>a</li></ul><ol><li>b</li></ol><code>c</code><pre>p</pre></div>' +
			'<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>';
		expect(sanitize(html)).toBe(html);
	});

	it('keeps furigana and hints as Anki templates render them', () => {
		const html =
			'<ruby>日本<rt>にほん</rt></ruby><details><summary>Hint</summary>a <i>hint</i></details>';
		expect(sanitize(html)).toBe(html);
		expect(sanitize('<details open="" ontoggle="alert(1)"><summary>x</summary></details>')).toBe(
			'<details><summary>x</summary></details>'
		);
	});

	it('drops scripts, event handlers, styles, frames and links but keeps their text', () => {
		expect(sanitize('<b onclick="alert(1)">x</b><script>alert(2)</script>')).toBe('<b>x</b>');
		expect(sanitize('<img src=x onerror=alert(1)>after')).toBe('after');
		expect(
			sanitize('<style>body{display:none}</style><link rel="stylesheet" href="//e.vil/x.css">y')
		).toBe('y');
		expect(sanitize('<iframe src="https://e.vil"></iframe>z')).toBe('z');
		expect(sanitize('<a href="javascript:alert(1)">click</a>')).toBe('click');
		// A class stays: the note type's stylesheet, scoped to the card, styles by it.
		expect(sanitize('<span style="color:red" class="c" data-x="1" id="i">t</span>')).toBe(
			'<span class="c">t</span>'
		);
		// …but not the app's own component classes.
		expect(sanitize('<div class="toast svelte-1x2y">t</div><b class="svelte-9">u</b>')).toBe(
			'<div class="toast">t</div><b>u</b>'
		);
		expect(sanitize('<svg><script>alert(1)</script></svg><math><mi>x</mi></math>ok')).toBe('ok');
	});

	it('removes every remote resource', () => {
		const out = sanitize(
			'<img src="https://tracker.example/p.gif"><audio src="http://a/x.mp3"></audio>' +
				'<video poster="https://a/p.png"></video><object data="https://a"></object>' +
				'<table background="https://a/bg.png"><tr><td>cell</td></tr></table>'
		);
		expect(out).not.toMatch(/https?:/);
		expect(out).toContain('<td>cell</td>');
	});

	it('keeps videos and sounds stored on this device, never one from an address, never autoplaying', () => {
		const video = `${'b'.repeat(40)}.mp4`;
		const sound = `${'c'.repeat(40)}.mp3`;
		expect(
			sanitize(`<video src="${video}" autoplay onplay="alert(1)" poster="https://a/p.png"></video>`)
		).toBe(`<video src="${video}"></video>`);
		expect(sanitize(`<audio><source src="${sound}" type="audio/mpeg"></audio>`)).toBe(
			`<audio><source src="${sound}"></audio>`
		);
		expect(sanitize('<video src="https://a/v.mp4"></video>after')).toBe('after');
		expect(sanitize('<audio><source src="https://a/x.mp3"></audio>after')).toBe('after');
	});

	it('keeps pictures stored on this device, by their content name, and no other', () => {
		const stored = `${'a'.repeat(40)}.png`;
		expect(sanitize(`<img src="${stored}" alt="a dog" onerror="alert(1)" width="9">`)).toBe(
			`<img src="${stored}" alt="a dog">`
		);
		expect(sanitize('<img src="dog.png" alt="x">after')).toBe('after');
		expect(sanitize(`<img src="https://t.example/${stored}">after`)).toBe('after');
		expect(sanitize(`<span src="${stored}" alt="x">s</span>`)).toBe('<span>s</span>');
	});

	it('is made once per window', () => {
		expect(createSanitizer(window)).toBe(sanitize);
	});
});
