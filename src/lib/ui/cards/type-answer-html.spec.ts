import { describe, expect, it } from 'vitest';
import { TYPE_BOX, typeAnswerMarker } from '$lib/domain/type-answer';
import { typeAnswerHtml } from './type-answer-html';

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
