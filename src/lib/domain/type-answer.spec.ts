import { describe, expect, it } from 'vitest';
import { compareAnswer, TYPE_BOX, typeAnswerHtml, typeAnswerMarker } from './type-answer';

describe('compareAnswer', () => {
	it('marks extra typed characters bad and untyped expected ones missed', () => {
		expect(compareAnswer('Pariss', 'Paris')).toEqual({
			typed: [
				{ text: 'Paris', kind: 'good' },
				{ text: 's', kind: 'bad' }
			],
			expected: [{ text: 'Paris', kind: 'good' }]
		});
		expect(compareAnswer('Pars', 'Paris')).toEqual({
			typed: [{ text: 'Pars', kind: 'good' }],
			expected: [
				{ text: 'Par', kind: 'good' },
				{ text: 'i', kind: 'missed' },
				{ text: 's', kind: 'good' }
			]
		});
	});

	it('compares characters, not UTF-16 halves, and gives up on huge answers at once', () => {
		expect(compareAnswer('😀b', '😀c').typed).toEqual([
			{ text: '😀', kind: 'good' },
			{ text: 'b', kind: 'bad' }
		]);
		const long = 'x'.repeat(5000);
		expect(compareAnswer(long, `${long}y`)).toEqual({
			typed: [{ text: long, kind: 'bad' }],
			expected: [{ text: `${long}y`, kind: 'missed' }]
		});
	}, 1000);
});

describe('typeAnswerHtml', () => {
	it('puts the box on the question', () => {
		expect(typeAnswerHtml(`Capital of France?<br>${TYPE_BOX}`, '')).toMatch(
			/^Capital of France\?<br><input type="text" class="type-answer" aria-label="Type the answer"/
		);
	});

	it('shows what was typed against the answer, escaped, or the answer alone', () => {
		const marker = typeAnswerMarker('a<b&#93;');
		expect(marker).toBe('[[type:a&lt;b&#93;]]');
		const html = typeAnswerHtml(`x ${typeAnswerMarker('Paris')}`, 'Pariss');
		expect(html).toContain('<span class="typed-good">Paris</span><span class="typed-bad">s</span>');
		expect(html).toContain('The answer: </span><span class="typed-good">Paris</span>');
		expect(typeAnswerHtml(typeAnswerMarker('Paris'), ' Paris ')).toBe(
			'<div class="type-compare" aria-label="Typed correctly"><span class="typed-good">Paris</span></div>'
		);
		expect(typeAnswerHtml(typeAnswerMarker('a &lt;b&gt;'), '')).toBe(
			'<div class="type-compare"><span class="typed-good">a &lt;b&gt;</span></div>'
		);
		expect(typeAnswerHtml(typeAnswerMarker('<i>'), '<script>')).not.toContain('<script>');
	});
});
