/**
 * The shipped article, end to end: the deck a new user first sees. These assertions name the
 * article's content on purpose; the rules themselves never do.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_ARTICLE } from '$lib/content/builtin-article';
import { extractDrafts, type ArticleDraft } from './index';
import { normaliseText } from './normalise';

const { title, drafts } = extractDrafts(BUILTIN_ARTICLE.text);
const byKind = (kind: ArticleDraft['kind']) => drafts.filter((d) => d.kind === kind);
const suggested = drafts.filter((d) => d.suggested);

function listCard(front: string): ArticleDraft {
	const card = byKind('list').find((d) => d.front === front);
	if (!card)
		throw new Error(
			`no list card "${front}" among:\n${byKind('list')
				.map((d) => d.front)
				.join('\n')}`
		);
	return card;
}

const items = (card: ArticleDraft) => card.back.split('\n').map((line) => line.replace(/^• /, ''));

describe('the shipped article', () => {
	it('has its first line as title', () => {
		expect(title).toBe(BUILTIN_ARTICLE.title);
	});

	it('makes a true/false card of each of the seven misconceptions, with the article\u2019s correction', () => {
		const cards = byKind('true-false').map((d) => [d.front, d.back]);
		expect(cards).toEqual([
			[
				'True or false: frontend developers only work on the visual aspects of a website or application.',
				'False. While it is true that frontend developers are responsible for the look and feel of a site, they also play a crucial role in ensuring that it is easy to use and navigate. They do this by working closely with designers and UX/UI experts to create an intuitive user experience.'
			],
			[
				'True or false: frontend development is less complex than backend development.',
				'False. Frontend developers must be proficient in a wide range of programming languages and technologies to build dynamic and responsive user interfaces.'
			],
			[
				'True or false: coding is a mystical process that can only be done by someone with a computer science degree who sits in front of a screen for hours.',
				"False. Coding is just another form of communication. It's a way to tell a computer what to do, and it can be learned by anyone willing to put in the time and effort."
			],
			[
				'True or false: coding has to be done in long, uninterrupted hours.',
				'False. Most experienced coders will tell you that breaks are essential to maintaining focus and avoiding burnout.'
			],
			[
				'True or false: back-end development is all about the server.',
				'False. Back-end development encompasses more than just the server.'
			],
			[
				'True or false: back-end development is only for experienced developers.',
				'False. The article lists this among common misconceptions about back-end development and says they are untrue.'
			],
			[
				'True or false: back-end development is not as creative as front-end development.',
				"False. Back-end development is also a highly creative process, as you're constantly developing new ways to solve problems and improve the user experience."
			]
		]);
		expect(byKind('true-false').every((d) => d.suggested && d.tags[0] === 'misconception')).toBe(
			true
		);
	});

	it('makes a list card of every list, with the right items', () => {
		expect(items(listCard('What does a typical day for a backend developer include? (5)'))).toEqual(
			[
				'Writing code in languages like Java or Python',
				'Debugging issues',
				'Working with databases',
				'Collaborating with other team members',
				'Designing APIs'
			]
		);
		expect(
			items(
				listCard(
					'What are other vital motivators for pursuing a career in backend development? (3)'
				)
			)
		).toEqual(['Job security', 'Good pay', 'Intellectually stimulating']);
		expect(items(listCard('What is the backend responsible for? (3)'))).toEqual([
			'Managing data',
			'Handling logic',
			'Powering the frontend'
		]);
		expect(
			items(
				listCard('What must experienced backend developers have a strong understanding of? (3)')
			)
		).toEqual(['Programming languages', 'Databases', 'Server administration']);
		expect(
			items(
				listCard(
					'There are many options for backend languages, but some of the most popular are […]. (4)'
				)
			)
		).toEqual(['PHP', 'Java', 'Python', 'Ruby']);
		const misconceptions = listCard(
			'What are common misconceptions about back-end development? (3)'
		);
		expect(misconceptions.suggested).toBe(false);
		expect(byKind('list')).toHaveLength(6);
	});

	it('offers one unticked cloze per item of the lists of four or more', () => {
		const extras = drafts.filter((d) => d.tags[0] === 'list-item');
		// Two more would have fronts over 200 characters (the quality gates drop them).
		expect(extras).toHaveLength(7);
		expect(extras.every((d) => d.kind === 'cloze' && !d.suggested)).toBe(true);
		expect(extras.map((d) => d.front)).toContain(
			'There are many options for backend languages, but some of the most popular are PHP, Java, […], and Ruby.'
		);
	});

	it('offers the central claims (ticked or under "More suggestions")', () => {
		const covers = (answer: string, front: RegExp) =>
			drafts.some((d) => d.back.includes(answer) && front.test(d.front));
		expect(covers('responsible for the server side of web applications', /responsible for/)).toBe(
			true
		);
		expect(covers('a passion for problem-solving', /most important motivator.*\[…\]/)).toBe(true);
		expect(covers('the performance and scalability', /responsible for \[…\]/)).toBe(true);
		expect(covers('understanding what a backend does', /first step.*\[…\]/)).toBe(true);
		const start = byKind('question').find(
			(d) => d.front === 'How do you start as a backend developer?'
		);
		expect(start?.back.split('\n')).toEqual([
			'1. The first step to learning backend development is understanding what a backend does.',
			'2. You need to choose a programming language.',
			'3. You need to practice building web applications.',
			'4. It would be beneficial to have good problem-solving skills and be able to debug code.'
		]);
		expect(byKind('question').map((d) => d.front)).toEqual([
			'What is a backend developer responsible for?',
			'How do you start as a backend developer?'
		]);
	});

	it('never asks the article\u2019s rhetorical questions', () => {
		const asked = normaliseText(BUILTIN_ARTICLE.text)
			.split(/(?<=[.!?])\s+|\n/)
			.filter((s) => s.trim().endsWith('?'))
			.map((s) => s.trim().toLowerCase());
		expect(asked).toEqual(
			expect.arrayContaining([
				'do you want to know what a backend developer does?',
				'but what does it actually mean?',
				"so then, what's the server side of web applications?"
			])
		);
		for (const draft of drafts) {
			const front = draft.front.toLowerCase();
			expect(asked.some((question) => front.includes(question))).toBe(false);
		}
	});

	it('makes no card of greetings, calls to action or the author speaking', () => {
		for (const draft of drafts) {
			expect(`${draft.front} ${draft.back}`).not.toMatch(
				/hesitate|read on|see you there|subsequent posts|in this article|great, because|discourage you|hussein/i
			);
		}
	});

	it('has no front that starts with a word pointing outside the card', () => {
		for (const draft of drafts)
			expect(draft.front).not.toMatch(/^(?:this|that|these|those|they|it|it's|its|their|such)\b/i);
	});

	it('points every source at a passage of the article', () => {
		const article = normaliseText(BUILTIN_ARTICLE.text);
		for (const draft of drafts) {
			const firstLine = draft.source?.text.split('\n')[0] ?? '';
			expect(article).toContain(firstLine.replace(/^• /, ''));
		}
	});

	it('has these counts by kind', () => {
		const counts = Object.fromEntries(
			['true-false', 'list', 'cloze', 'question'].map((kind) => [
				kind,
				drafts.filter((d) => d.kind === kind).length
			])
		);
		expect(counts).toEqual({ 'true-false': 7, list: 6, cloze: 26, question: 2 });
		// Ticked by default: the seven misconceptions, four lists and one definition (about one
		// per 120 words); the rest, the blanked list of languages among them, are offered under
		// "More suggestions".
		expect(suggested).toHaveLength(12);
		expect(drafts.filter((d) => !d.extra)).toHaveLength(34);
	});
});
