import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { correctedBelief, deniedAfterward, findBeliefs, positiveOf } from './beliefs';
import { extractDrafts } from './index';

const fronts = (text: string) => findBeliefs(parseArticle(text)).map((c) => [c.front, c.back]);

describe('findBeliefs', () => {
	it('flips "X is not a Y" into a false statement, keeping names capitalised', () => {
		expect(
			fronts(
				'# K\n\nKubernetes is not a traditional, all-inclusive PaaS system. It runs containers.'
			)
		).toEqual([
			[
				'True or false: Kubernetes is a traditional, all-inclusive PaaS system.',
				'False. Kubernetes is not a traditional, all-inclusive PaaS system.'
			]
		]);
	});

	it('leaves negations that would read as traps, and pronoun subjects', () => {
		expect(positiveOf('Testing does not need a lab.')).toBeNull();
		expect(positiveOf('It is not a toy.')).toBeNull();
		expect(positiveOf('Tea is not always hot.')).toBeNull();
	});

	it('reads Myth / Fact pairs and "contrary to popular belief"', () => {
		expect(
			fronts('# T\n\nMyth: green tea has no caffeine. Fact: green tea has some caffeine.')[0]
		).toEqual(['True or false: green tea has no caffeine.', 'False. Green tea has some caffeine.']);
		expect(
			fronts(
				'# T\n\nContrary to popular belief, tea has more caffeine than coffee by dry weight.'
			)[0]?.[1]
		).toMatch(/^True\./);
	});

	it('reads a yes/no question answered "No" (a heading or a sentence)', () => {
		expect(
			fronts('# Jobs\n\n## Is a CS degree necessary?\n\nNope. Many developers learn on their own.')
		).toEqual([
			[
				'True or false: a CS degree is necessary.',
				'False. Nope. Many developers learn on their own.'
			]
		]);
		expect(fronts('# Jobs\n\n## Is a CS degree necessary?\n\nYes, for most jobs.')).toEqual([]);
	});
});

describe('correctedBelief', () => {
	it('reads "need not", "may appear to be … but", "often …, but not always" and "no rule that"', () => {
		expect(
			correctedBelief(
				"A maintainer doesn't necessarily have to be someone who writes code for the project."
			)
		).toBe('A maintainer has to be someone who writes code for the project.');
		expect(
			correctedBelief(
				'Dependencies with source-available licences, such as the BSL or the SSPL, may appear to be under open source licences but come with restrictions.'
			)
		).toBe('Dependencies with source-available licences are under open source licences.');
		expect(
			correctedBelief('A computer science degree is often preferred, but not always necessary.')
		).toBe('A computer science degree is always necessary.');
		expect(
			correctedBelief(
				"Some people made small changes, but there's no hard and fast rule that contributions under ten lines are not subject to copyright."
			)
		).toBe('Contributions under ten lines are not subject to copyright.');
	});

	it('reads "do not X just to Y" as the misuse it corrects', () => {
		expect(
			correctedBelief(
				'Do not use an HTML heading just to make the text appear bigger or stand out.'
			)
		).toBe('It is fine to use an HTML heading just to make the text appear bigger or stand out.');
		expect(correctedBelief("Don't forget to save your work before you close it.")).toBeNull();
		expect(correctedBelief('Do not use tables for layout.')).toBeNull();
	});

	it('leaves pronoun subjects and sentences that correct nothing', () => {
		expect(correctedBelief("It doesn't have to be perfect before you share it.")).toBeNull();
		expect(correctedBelief('A maintainer writes code and reviews changes every week.')).toBeNull();
		expect(correctedBelief('This may seem like a lot, but it takes an hour.')).toBeNull();
		expect(
			correctedBelief(
				'As there is no evidence that search engines need another structure this is bad practice.'
			)
		).toBeNull();
	});

	it('becomes a true/false card answered with the sentence', () => {
		const { drafts } = extractDrafts(
			"# Maintainers\n\nA maintainer doesn't necessarily have to be someone who writes code for the project. Many maintainers write documentation or run events instead, and some do both."
		);
		const card = drafts.find((d) => d.kind === 'true-false');
		expect(card?.front).toBe(
			'True or false: a maintainer has to be someone who writes code for the project.'
		);
		expect(card?.back).toMatch(/^False\. A maintainer doesn't necessarily have to be/);
	});
});

describe('a belief people hold, then corrected', () => {
	it('is a true/false card answered with the correction', () => {
		const { drafts } = extractDrafts(
			'# Web apps\n\nPeople tend to think of web apps as programs that only run inside a browser tab. However, an installed web app opens in a window of its own, like any other app.'
		);
		const card = drafts.find((d) => d.kind === 'true-false');
		expect(card?.front).toBe(
			'True or false: web apps are programs that only run inside a browser tab.'
		);
		expect(card?.back).toBe(
			'False. However, an installed web app opens in a window of its own, like any other app.'
		);
	});

	it('needs the next sentence to correct it', () => {
		const article = parseArticle(
			'# Web apps\n\nMany people believe that web apps need a connection to start. That is why offline support matters so much to them today.'
		);
		expect(findBeliefs(article)).toEqual([]);
	});
});

describe('deniedAfterward', () => {
	it('takes the subject of "But, it is not…" from the sentence that named it', () => {
		expect(
			deniedAfterward(
				['Several headings of level one on a page are bad practice.', 'They flatten the outline.'],
				"But, it's not a violation of the guidelines."
			)
		).toEqual({
			claim: 'Several headings of level one on a page are a violation of the guidelines.',
			answer:
				"False. Several headings of level one on a page are bad practice. They flatten the outline. But, it's not a violation of the guidelines.",
			back: 2
		});
	});

	it('needs a named subject nearby and a denial of what the subject is', () => {
		expect(deniedAfterward(['It is bad practice.'], "But, it's not a violation.")).toBeNull();
		expect(deniedAfterward(['Tea is a drink.'], 'But it is not cheap.')).toBeNull();
		expect(deniedAfterward([], "But, it's not a violation of anything.")).toBeNull();
		expect(
			deniedAfterward(
				['Tea is a drink.', 'It grows on hills.', 'It is picked by hand.'],
				"But it's not a herb of any kind."
			)
		).toBeNull();
	});

	it('becomes a true/false card that shows where the subject was named', () => {
		const { drafts } = extractDrafts(
			"# Headings\n\nUsing several level-one headings on one page is bad practice for search engines. It makes a flat outline. But, it's not a failure of the accessibility guidelines."
		);
		const card = drafts.find((d) => d.kind === 'true-false');
		expect(card?.front).toMatch(
			/^True or false: using several level-one headings on one page is a failure of the accessibility guidelines\.$/i
		);
		expect(card?.back).toMatch(
			/^False\. Using several level-one headings .* But, it's not a failure/
		);
	});
});
