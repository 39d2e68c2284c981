import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { findMisconceptions } from './misconceptions';

const cards = (text: string) =>
	findMisconceptions(parseArticle(`Title\n\n${text}`)).map(({ front, back }) => ({ front, back }));

describe('findMisconceptions', () => {
	it('reads "One common misconception is that…" and takes the next sentences as the correction', () => {
		expect(
			cards(
				'One common misconception is that testers only click buttons. While it is true that testers use the product, they also design test plans. They do this with the team.'
			)
		).toEqual([
			{
				front: 'True or false: testers only click buttons.',
				back: 'False. While it is true that testers use the product, they also design test plans. They do this with the team.'
			}
		]);
	});

	it('skips the refutation and strips "In fact," from the correction', () => {
		expect(
			cards(
				'Another misconception is that tea is less complex than coffee. This could not be further from the truth! In fact, tea needs precise temperatures.'
			)
		).toEqual([
			{
				front: 'True or false: tea is less complex than coffee.',
				back: 'False. Tea needs precise temperatures.'
			}
		]);
	});

	it('accepts "Many people think that…" only when a refutation follows, even in the next paragraph', () => {
		expect(
			cards(
				'Many people think that baking is magic.\n\nThis couldn\u2019t be further from the truth! In reality, baking is chemistry. It can be learned by anyone.'
			)
		).toEqual([
			{
				front: 'True or false: baking is magic.',
				back: 'False. Baking is chemistry. It can be learned by anyone.'
			}
		]);
		expect(cards('Many people think that baking is fun. And it is, most of the time.')).toEqual([]);
	});

	it('reads other believers and replaces "it" in the correction with the claim\u2019s subject', () => {
		expect(
			cards(
				"Many new bakers believe that sourdough is hard to make. That's not true! Actually, it only takes patience."
			)
		).toEqual([
			{
				front: 'True or false: sourdough is hard to make.',
				back: 'False. Sourdough only takes patience.'
			}
		]);
	});

	it('does not take a correction that cites people as a new belief', () => {
		expect(
			cards('Many people think that running must hurt. In fact, most coaches say it should not.')
		).toHaveLength(1);
	});

	it('replaces the pronoun subject with the myth\u2019s topic', () => {
		expect(
			cards(
				'One of the biggest myths about running is that it has to hurt. This isn\u2019t true!\n\nIn fact, most coaches say easy runs build endurance.'
			)
		).toEqual([
			{
				front: 'True or false: running has to hurt.',
				back: 'False. Most coaches say easy runs build endurance.'
			}
		]);
	});

	it('makes one card per item of a misconception list, matching each to its correction', () => {
		const found = cards(
			'There are a few common misconceptions about gardening:\n\n' +
				'  \u2022 That it\u2019s all about watering.\n' +
				'  \u2022 That it\u2019s only for retired people.\n' +
				'  \u2022 That it\u2019s not as rewarding as cooking.\n\n' +
				'All of these are untrue! Gardening involves far more than watering. It\u2019s also deeply rewarding, as you watch things grow.'
		);
		expect(found).toEqual([
			{
				front: 'True or false: gardening is all about watering.',
				back: 'False. Gardening involves far more than watering.'
			},
			{
				front: 'True or false: gardening is only for retired people.',
				back: 'False. The article lists this among common misconceptions about gardening and says they are untrue.'
			},
			{
				front: 'True or false: gardening is not as rewarding as cooking.',
				back: 'False. Gardening is also deeply rewarding, as you watch things grow.'
			}
		]);
	});

	it('does not take an agreement for a refutation', () => {
		expect(cards('Many people think that tea calms you. This is true! In fact, it does.')).toEqual(
			[]
		);
	});

	it('does not take a sentence that merely mentions a myth or misconceptions', () => {
		expect(cards('The myth of Sisyphus is a Greek story. He pushed a rock uphill.')).toEqual([]);
		expect(
			cards(
				'There are a lot of misconceptions out there about what coding is. It is a craft worth learning.'
			)
		).toEqual([]);
		expect(
			cards('A few common misconceptions about tea can lead to misunderstanding it. Tea is old.')
		).toEqual([]);
	});

	it('looks for an item\u2019s correction only among 50 sentences of at most 600 characters', () => {
		const list =
			'There are a few common misconceptions about gardening:\n\n' +
			'- That it is all about watering.\n- That it is only for retired people.\n- That it is dull.\n\n';
		const groupOnly =
			'False. The article lists this among common misconceptions about gardening and says they are untrue.';
		const filler = Array.from({ length: 50 }, (_, i) => `Soil type ${i} is common.`).join(' ');
		expect(
			cards(`${list}All of these are untrue! ${filler} Gardening needs far more than watering.`)[0]
				?.back
		).toBe(groupOnly);
		const long = `Gardening needs far more than watering, ${'and more, '.repeat(60)}always.`;
		expect(cards(`${list}All of these are untrue! ${long}`)[0]?.back).toBe(groupOnly);
	});
});
