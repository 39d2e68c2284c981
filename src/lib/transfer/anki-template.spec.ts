import { describe, expect, it } from 'vitest';
import { fieldsNamedBy, renderAnkiCard, type TemplateContext } from './anki-template';

function context(fields: Record<string, string>, more: Partial<TemplateContext> = {}) {
	return {
		fields: new Map(Object.entries(fields)),
		tags: ['korean', 'food'],
		noteType: 'Korean vocab',
		deck: 'Languages::Korean',
		card: 'Recognition',
		clozeNumber: 1,
		...more
	};
}

describe('renderAnkiCard', () => {
	it('puts the fields the template names on each side, without copying the front onto the back', () => {
		const card = renderAnkiCard(
			'{{English}}',
			'{{FrontSide}}\n\n<hr id=answer>\n\n{{Korean}}<br>{{ Romanised }}',
			context({ Korean: '물', English: 'water', Romanised: 'mul' })
		);
		expect(card).toEqual({ front: 'water', back: '물<br>mul' });
	});

	it('shows a section only when its field has text, and an inverted one only when it has none', () => {
		const qfmt =
			'{{Pattern}}{{#Example}}<div>e.g. {{Example}}</div>{{/Example}}{{^Example}}(no example){{/Example}}';
		expect(renderAnkiCard(qfmt, '', context({ Pattern: 'A', Example: 'B' })).front).toBe(
			'A<div>e.g. B</div>'
		);
		// A field holding only markup or a no-break space is empty, as Anki counts it.
		expect(renderAnkiCard(qfmt, '', context({ Pattern: 'A', Example: '<br>&nbsp;' })).front).toBe(
			'A(no example)'
		);
	});

	it('nests sections', () => {
		const qfmt = '{{#A}}a{{#B}}b{{/B}}{{/A}}';
		expect(renderAnkiCard(qfmt, '', context({ A: '1', B: '' })).front).toBe('a');
		expect(renderAnkiCard(qfmt, '', context({ A: '1', B: '2' })).front).toBe('ab');
		expect(renderAnkiCard(qfmt, '', context({ A: '', B: '2' })).front).toBe('');
	});

	it('applies text, hint, type, furigana, kana and kanji filters', () => {
		const fields = { Word: '<b>日本[にほん]</b>', Note: 'a <i>hint</i>', Answer: '<b>wa]ter</b>' };
		const card = renderAnkiCard(
			'{{text:Word}}|{{hint:Note}}|{{type:Answer}}',
			'{{furigana:Word}}|{{kana:Word}}|{{kanji:Word}}|{{type:Answer}}',
			context(fields)
		);
		expect(card.front).toBe(
			'日本[にほん]|<details><summary>Hint</summary>a <i>hint</i></details>|[[type]]'
		);
		// The comparison's marker holds the answer's text, its "]" written so it cannot end it.
		expect(card.back).toBe(
			'<b><ruby>日本<rt>にほん</rt></ruby></b>|<b>にほん</b>|<b>日本</b>|[[type:wa&#93;ter]]'
		);
	});

	it('renders this card’s cloze on each side', () => {
		const fields = { Text: '{{c1::Seoul}} is the capital of {{c2::Korea}}', Extra: 'since 1948' };
		const card = renderAnkiCard(
			'{{cloze:Text}}',
			'{{cloze:Text}}<br>{{Extra}}',
			context(fields, { clozeNumber: 2 })
		);
		expect(card).toEqual({
			front: 'Seoul is the capital of <span class="cloze">[…]</span>',
			back: 'Seoul is the capital of <b class="cloze">Korea</b><br>since 1948'
		});
	});

	it('knows the special fields, escapes them, and shows nothing for a field the note lacks', () => {
		const card = renderAnkiCard(
			'{{Deck}}/{{Subdeck}}/{{Card}}/{{Type}}/{{Missing}}',
			'{{Tags}}',
			context({}, { tags: ['a<b'] })
		);
		expect(card).toEqual({
			front: 'Languages::Korean/Korean/Recognition/Korean vocab/',
			back: 'a&lt;b'
		});
	});

	it('leaves a field as it is under an unknown filter, and survives unbalanced sections', () => {
		expect(
			renderAnkiCard('{{tts en_US:Word}}{{myaddon:Word}}', '', context({ Word: 'hi' })).front
		).toBe('hihi');
		expect(renderAnkiCard('{{#Word}}open{{/Other}}', '', context({ Word: 'x' })).front).toBe(
			'open'
		);
		expect(renderAnkiCard('stray{{/Word}} close', '', context({ Word: 'x' })).front).toBe(
			'stray close'
		);
	});
});

describe('fieldsNamedBy', () => {
	it('lists the fields with their filters, sections but not inverted ones', () => {
		expect(
			fieldsNamedBy('{{#Hint}}{{hint:Hint}}{{/Hint}} {{^Extra}}{{cloze:Text}}{{/Extra}}')
		).toEqual([
			{ name: 'Hint', filters: [] },
			{ name: 'Hint', filters: ['hint'] },
			{ name: 'Text', filters: ['cloze'] }
		]);
	});
});
