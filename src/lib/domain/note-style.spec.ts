import { describe, expect, it } from 'vitest';
import { MAX_STYLE_CHARS, noteStyleId, scopedCss } from './note-style';

const S = '[data-note-style="s"]';
const lines = (css: string) => scopedCss(css, S).split('\n');

describe('noteStyleId', () => {
	it('names a stylesheet by its content', () => {
		expect(noteStyleId('.card { color: red }')).toBe(noteStyleId('.card { color: red }'));
		expect(noteStyleId('.card { color: red }')).not.toBe(noteStyleId('.card { color: blue }'));
		expect(noteStyleId('x')).toMatch(/^style-[0-9a-z]+$/);
	});
});

describe('scopedCss', () => {
	it('makes Anki’s card root the card’s element and leaves its colours to the theme', () => {
		expect(
			lines(
				'.card {\n font-family: arial;\n font-size: 20px;\n text-align: center;\n color: black;\n background-color: white;\n}\n'
			)
		).toEqual([`${S} { font-family: arial; font-size: 20px; text-align: center }`]);
	});

	it('scopes every other selector inside the card and keeps its colours', () => {
		expect(lines('.cloze { font-weight: bold; color: blue } b, i > u { color: #c00 }')).toEqual([
			`${S} .cloze { font-weight: bold; color: blue }`,
			`${S} b, ${S} i > u { color: #c00 }`
		]);
	});

	it('reads body, html, a qualified root and a root inside body as the card', () => {
		expect(
			lines('body { margin: 0 } html body .x { a: b } .card.front { font-size: 30px }')
		).toEqual([`${S} { margin: 0 }`, `${S} .x { a: b }`, `${S}.front { font-size: 30px }`]);
	});

	it('applies night-mode rules in the app’s dark theme', () => {
		expect(
			lines('.nightMode .cloze { color: lightblue } .card.night_mode { color: white }')
		).toEqual([`:root[data-theme='dark'] ${S} .cloze { color: lightblue }`]);
	});

	it('keeps media queries, scoped inside', () => {
		expect(scopedCss('@media (max-width: 600px) { .card { font-size: 16px } }', S)).toBe(
			`@media (max-width: 600px) {\n${S} { font-size: 16px }\n}`
		);
	});

	it('drops what loads from elsewhere, escapes the card or runs script', () => {
		const css = [
			'@import url(https://e.vil/x.css);',
			'@charset "utf-8";',
			'@font-face { font-family: F; src: url(_font.ttf) }',
			'.a { background-image: url(https://e.vil/track.png); color: red }',
			'.b { position: fixed; top: 0 }',
			'.c { behavior: url(x.htc); width: expression(alert(1)) }',
			'@keyframes spin { from { opacity: 0 } }',
			'</style><script>alert(1)</script>'
		].join('\n');
		expect(lines(css)).toEqual([`${S} .a { color: red }`, `${S} .b { top: 0 }`]);
	});

	it('never lets a "<" end the <style> element it goes into', () => {
		expect(scopedCss('.a::after { content: "</style><script>x()</script>" }', S)).toBe('');
	});

	// Each of these was read one way here and another way by the browser, and so reached
	// outside the card or loaded something (a review of the first version).
	it('splits selectors as the browser does, strings and all', () => {
		expect(lines('[x="("], body * { display: none }')).toEqual([
			`${S} [x="("], ${S} * { display: none }`
		]);
	});

	it('ends a string at a line break, as CSS does', () => {
		expect(lines('.a { b: "x\n} :not(q) { display: none } " }')).toEqual([
			`${S} :not(q) { display: none }`
		]);
	});

	it('keeps no nested rule, escaped name or sibling selector', () => {
		expect(
			lines(
				[
					'.a { x: y; :not(&) { display: none } }',
					'.b { background: u\\rl(https://e.vil/t.png); color: red }',
					'.c { p\\osition: fixed; width: 1px }',
					'~ * { display: none }',
					'.card ~ * { display: none }',
					'+ p { display: none }',
					'@media (x: "</style>") { .d { a: b } }'
				].join('\n')
			)
		).toEqual([`${S} .b { color: red }`, `${S} .c { width: 1px }`]);
	});

	it('drops a rule one of whose selectors cannot be scoped, and ignores comments', () => {
		expect(lines('/* .x { a: b } */ .ok { a: b } .bad; .x { c: d }')).toEqual([
			`${S} .ok { a: b }`
		]);
	});

	it('gives nothing for a stylesheet over the limit', () => {
		expect(scopedCss(`.a { b: c }${' '.repeat(MAX_STYLE_CHARS)}`, S)).toBe('');
	});

	// Linear time: each of these would take minutes if a rule were searched for again from
	// its start (the test's own timeout is the guard).
	it.each([
		['9,000 nested blocks', '@media x {'.repeat(9_000)],
		['30,000 empty rules', 'a{}'.repeat(30_000)],
		['an unclosed string', `.a { b: "${'x'.repeat(90_000)}`],
		['rules without a semicolon', '.a{b:c}'.repeat(14_000)]
	])('does not hang on %s', (_, css) => {
		expect(typeof scopedCss(css, S)).toBe('string');
	});
});
