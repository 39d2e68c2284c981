import { describe, expect, it } from 'vitest';
import { compareAnswer, TYPE_BOX, typeAnswerMarker, withoutTypeMarkers } from './type-answer';

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

describe('withoutTypeMarkers', () => {
	it('leaves no box and the answer where the comparison was', () => {
		expect(withoutTypeMarkers('Capital?<br>[[type]]')).toBe('Capital?<br>');
		expect(withoutTypeMarkers('Capital?<hr>[[type:Paris &amp; co]]')).toBe(
			'Capital?<hr>Paris &amp; co'
		);
	});
});
