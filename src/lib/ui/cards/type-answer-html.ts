import { compareAnswer, COMPARISON, TYPE_BOX, type ComparedPart } from '$lib/domain/type-answer';
import { plainText } from '$lib/domain/plain-text';
import { escapeHtml } from '$lib/transfer/html-text';

function partsHtml(parts: ComparedPart[]): string {
	return parts.map((p) => `<span class="typed-${p.kind}">${escapeHtml(p.text)}</span>`).join('');
}

/**
 * Sanitised card HTML with its type-in markers made: the box on the question (its value
 * kept by the caller), the comparison on the answer (see `$lib/domain/type-answer`).
 */
export function typeAnswerHtml(html: string, typed: string): string {
	return html
		.replaceAll(
			TYPE_BOX,
			'<input type="text" class="type-answer" aria-label="Type the answer" autocomplete="off" autocapitalize="off" spellcheck="false">'
		)
		.replace(COMPARISON, (_, marked: string) => {
			const expected = plainText(marked);
			if (!typed.trim())
				return `<div class="type-compare"><span class="typed-good">${escapeHtml(expected)}</span></div>`;
			const compared = compareAnswer(typed.trim(), expected);
			const right =
				compared.typed.every((p) => p.kind === 'good') &&
				compared.expected.every((p) => p.kind === 'good');
			return right
				? `<div class="type-compare" aria-label="Typed correctly">${partsHtml(compared.typed)}</div>`
				: `<div class="type-compare"><span class="visually-hidden">You typed: </span>${partsHtml(compared.typed)}<br><span aria-hidden="true">↓</span><span class="visually-hidden">The answer: </span>${partsHtml(compared.expected)}</div>`;
		});
}
