import { describe, expect, it } from 'vitest';
import { covers, draftKey, scoreArticle, totals, type Rubric } from './score';

const rubric: Rubric = {
	article: 'tea.md',
	genre: 'explainer',
	heldOut: false,
	correctsBelief: true,
	points: [
		{
			id: 'caffeine',
			kind: 'misconception',
			point: 'green tea has caffeine',
			match: [['green tea'], ['caffein']]
		},
		{
			id: 'kettle',
			kind: 'list',
			point: 'you need a kettle and a pot',
			match: [['kettle'], ['teapot', 'pot']]
		}
	]
};

describe('covers', () => {
	it('matches a term at the start of a word, across punctuation and case', () => {
		expect(covers(rubric.points[0]!, 'Green-tea has CAFFEINE.')).toBe(true);
		expect(covers(rubric.points[0]!, 'Green tea is decaffeinated')).toBe(false);
	});
	it('needs every group', () => {
		expect(covers(rubric.points[1]!, 'Boil the kettle')).toBe(false);
		expect(covers(rubric.points[1]!, 'Boil the kettle; warm the pot')).toBe(true);
	});
});

describe('draftKey', () => {
	it('ignores case and spacing, not words', () => {
		const key = draftKey({ kind: 'basic', front: 'Tea?', back: 'A  drink' });
		expect(draftKey({ kind: 'basic', front: 'tea?', back: 'a drink' })).toBe(key);
		expect(draftKey({ kind: 'basic', front: 'tea?', back: 'a meal' })).not.toBe(key);
		expect(draftKey({ kind: 'cloze', front: 'tea?', back: 'a drink' })).not.toBe(key);
	});
});

describe('scoreArticle', () => {
	const tf = {
		kind: 'true-false',
		front: 'True or false: green tea has no caffeine.',
		back: 'False. It has some caffeine.',
		suggested: true
	};
	const list = {
		kind: 'list',
		front: 'What do you need?',
		back: '• A kettle\n• A teapot',
		suggested: true
	};
	const extra = {
		kind: 'cloze',
		front: 'You need a {{c1::kettle}} and a teapot',
		back: '',
		suggested: false
	};

	it('counts verdicts and coverage over ticked drafts only, and not through junk', () => {
		const judged = {
			article: 'tea.md',
			verdicts: { [draftKey(tf)]: 'keep' as const, [draftKey(list)]: 'junk' as const }
		};
		const score = scoreArticle(rubric, judged, 'Tea', [tf, list, extra]);
		expect(score).toMatchObject({
			drafts: 3,
			ticked: 2,
			keep: 1,
			junk: 1,
			unjudged: 0,
			covered: 1,
			hasTrueFalse: true
		});
	});

	it('counts unjudged drafts as covering, and says how many there are', () => {
		const score = scoreArticle(rubric, null, null, [tf, list]);
		expect(score).toMatchObject({ unjudged: 2, covered: 2 });
		const sum = totals([score]);
		expect(sum.unjudgedRate).toBe(1);
		expect(sum.recall).toBe(1);
		expect(sum.titleRate).toBe(0);
	});
});
