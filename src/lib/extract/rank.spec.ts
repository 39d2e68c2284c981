import { describe, expect, it } from 'vitest';
import type { Candidate } from './candidate';
import { rankSuggestions, score } from './rank';

function candidate(tag: string, front: string, kind: Candidate['kind'] = 'basic'): Candidate {
	return {
		kind,
		front,
		back: kind === 'list' ? '• One\n• Two\n• Three' : 'A short answer.',
		suggested: true,
		source: { heading: null, paragraph: 0, start: 0, end: 10, text: front },
		tag,
		fact: front,
		answer: 'answer',
		order: [0, 0, 0]
	};
}

describe('rankSuggestions', () => {
	it('ticks strong drafts beyond the budget', () => {
		const definitions = Array.from({ length: 8 }, (_, i) =>
			candidate('definition', `What is term ${i}?`)
		);
		const ranked = rankSuggestions(definitions, 100);
		expect(ranked.filter((c) => c.suggested)).toHaveLength(8);
	});

	it('never ticks weak drafts, however much budget is left', () => {
		// A list split out of one sentence, asked with its items blanked.
		const inline = candidate('list', 'Tea is grown in […]. (3)', 'list');
		// A section opening asked as its heading's question.
		const opening = candidate('opening', 'Why brew tea?', 'question');
		expect(score(inline)).toBeLessThan(1.2);
		expect(score(opening)).toBeLessThan(1.2);
		const ranked = rankSuggestions([inline, opening], 10_000);
		expect(ranked.map((c) => c.suggested)).toEqual([false, false]);
	});

	it('fills the budget with the best of the middling drafts, in score order', () => {
		const numbers = Array.from({ length: 6 }, (_, i) =>
			candidate('number', `Tea was first taxed in {{c1::${1600 + i}}}.`, 'cloze')
		);
		const topics = Array.from({ length: 6 }, (_, i) =>
			candidate('topic', `{{c1::Green tea}} is steamed ${i} times.`, 'cloze')
		);
		// 600 words of article: a budget of five.
		const ranked = rankSuggestions([...topics, ...numbers], 600);
		const ticked = ranked.filter((c) => c.suggested);
		expect(ticked).toHaveLength(5);
		expect(ticked.every((c) => c.tag === 'number')).toBe(true);
	});

	it('never ticks a cloze whose subject was named in the sentences before', () => {
		const vague = {
			...candidate('number', 'The plan will go into effect {{c1::January 25, 2023}}.', 'cloze'),
			back: 'The plan will go into effect January 25, 2023.'
		};
		const named = {
			...candidate('number', 'In {{c1::1989}}, Tim Berners-Lee wrote a proposal.', 'cloze'),
			back: 'In 1989, Tim Berners-Lee wrote a proposal.'
		};
		const [first, second] = rankSuggestions([vague, named], 10_000);
		expect(first?.suggested).toBe(false);
		expect(second?.suggested).toBe(true);
	});

	it('leaves drafts their rule did not offer unticked', () => {
		const extra = { ...candidate('definition', 'What is tea?'), suggested: false };
		expect(rankSuggestions([extra], 1000)[0]?.suggested).toBe(false);
	});
});
