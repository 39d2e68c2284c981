import { describe, expect, it } from 'vitest';
import { clozeNumbers, renderCloze } from './cloze';

describe('cloze', () => {
	const text = '{{c1::Paris::city}} is the capital of {{c2::France}}.';

	it('finds the cloze numbers', () => {
		expect(clozeNumbers(text)).toEqual([1, 2]);
		expect(clozeNumbers('no cloze here')).toEqual([]);
		expect(clozeNumbers('{{c3::a}} {{c1::b}} {{c3::c}}')).toEqual([1, 3]);
	});

	it('hides the active deletion on the front, with its hint', () => {
		expect(renderCloze(text, 1, 'front', false)).toBe('[city] is the capital of France.');
		expect(renderCloze(text, 2, 'front', false)).toBe('Paris is the capital of […].');
	});

	it('shows the answer on the back, bold only in HTML', () => {
		expect(renderCloze(text, 2, 'back', false)).toBe('Paris is the capital of France.');
		expect(renderCloze(text, 2, 'back', true)).toBe(
			'Paris is the capital of <b class="cloze">France</b>.'
		);
	});

	it('handles nested deletions', () => {
		const nested = '{{c1::outer {{c2::inner}} text}} end';
		expect(clozeNumbers(nested)).toEqual([1, 2]);
		expect(renderCloze(nested, 1, 'front', false)).toBe('[…] end');
		expect(renderCloze(nested, 2, 'front', false)).toBe('outer […] text end');
		expect(renderCloze(nested, 2, 'back', true)).toBe('outer <b class="cloze">inner</b> text end');
	});

	it('leaves an unclosed or malformed deletion as text', () => {
		expect(renderCloze('{{c1::open and more', 1, 'front', false)).toBe('{{c1::open and more');
		expect(renderCloze('{{c1::a {{c2::b}} c', 2, 'front', false)).toBe('{{c1::a […] c');
		expect(renderCloze('{{cx::a}} {{c1::b}}', 1, 'front', false)).toBe('{{cx::a}} […]');
	});

	it('reads unclosed opens in linear time', () => {
		// Each unclosed open used to double the work: 26 took several seconds.
		const opens = '{{c1::'.repeat(26);
		expect(clozeNumbers(opens)).toEqual([]);
		expect(renderCloze(opens, 1, 'front', false)).toBe(opens);
	}, 1000);

	it('reads thousands of unclosed opens', () => {
		// These used to run out of stack.
		const opens = '{{c1::'.repeat(5000);
		expect(clozeNumbers(opens)).toEqual([]);
		expect(renderCloze(opens, 1, 'front', false)).toBe(opens);
		expect(clozeNumbers(`${opens}x}}`)).toEqual([1]);
		expect(renderCloze(`${opens}x}}`, 1, 'front', false)).toBe(`${'{{c1::'.repeat(4999)}[…]`);
	});

	it('reads deletions nested thousands deep without running out of stack', () => {
		const deep = `${'{{c1::'.repeat(20000)}x${'}}'.repeat(20000)}`;
		expect(clozeNumbers(deep)).toEqual([1]);
		expect(renderCloze(deep, 1, 'front', false)).toBe('[…]');
	});

	it('keeps stray closing braces and a hint after a nested deletion', () => {
		expect(renderCloze('a}} {{c1::b}}', 1, 'front', false)).toBe('a}} […]');
		expect(renderCloze('{{c1::x {{c2::y}}::see {{c3::z}}}}', 1, 'front', false)).toBe('[see z]');
	});

	it('keeps HTML inside a deletion', () => {
		expect(renderCloze('{{c1::<i>x</i>}}<br>y', 1, 'back', true)).toBe(
			'<b class="cloze"><i>x</i></b><br>y'
		);
	});
});
