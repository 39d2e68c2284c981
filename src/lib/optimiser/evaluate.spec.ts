import { describe, expect, it } from 'vitest';
import { default_w, FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { CardState, Grade } from '$lib/domain/models';
import { countedReviews, evaluateParameters, predictsBetter } from './evaluate';
import type { CardHistory } from '$lib/domain/review-history';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1, 12);

describe('evaluateParameters', () => {
	it('scores the first answer of each later day against the predicted recall', () => {
		const history: CardHistory = {
			cardId: 'a',
			answers: [
				{ rating: Grade.Good, state: CardState.New, review: START },
				// Same day: not scored, but it moves the memory state.
				{ rating: Grade.Good, state: CardState.Learning, review: START + 600_000 },
				{ rating: Grade.Again, state: CardState.Review, review: START + 3 * DAY }
			]
		};
		const fsrs = new FSRSAlgorithm(generatorParameters({ w: [...default_w] }));
		const first = fsrs.next_state(null, 0, Grade.Good);
		const sameDay = fsrs.next_state(first, 0, Grade.Good);
		const p = fsrs.forgetting_curve(3, sameDay.stability);
		const result = evaluateParameters(default_w, [history], 0);
		expect(result.reviews).toBe(1);
		expect(countedReviews([history], 0)).toBe(1);
		expect(result.logLoss).toBeCloseTo(-Math.log(1 - p), 6);
		expect(result.rmseBins).toBeCloseTo(p, 6);
	});

	it('prefers the parameters that made the answers', () => {
		// Answers drawn from the defaults' own predictions, with a fixed seed.
		let seed = 42;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const fsrs = new FSRSAlgorithm(generatorParameters({ w: [...default_w] }));
		const histories: CardHistory[] = [];
		for (let card = 0; card < 300; card++) {
			let memory = fsrs.next_state(null, 0, Grade.Good);
			let day = 0;
			const answers = [
				{ rating: Grade.Good as Grade, state: CardState.New as CardState, review: START }
			];
			for (let n = 0; n < 6; n++) {
				const gap = Math.max(1, Math.round(memory.stability * (0.5 + random())));
				day += gap;
				const recalled = random() < fsrs.forgetting_curve(gap, memory.stability);
				const rating = recalled ? Grade.Good : Grade.Again;
				answers.push({ rating, state: CardState.Review, review: START + day * DAY });
				memory = fsrs.next_state(memory, gap, rating);
			}
			histories.push({ cardId: String(card), answers });
		}
		const truth = evaluateParameters(default_w, histories, 0);
		const skewed = evaluateParameters(
			default_w.map((w, i) => (i < 4 ? w * 8 : w)),
			histories,
			0
		);
		expect(truth.reviews).toBe(1800);
		expect(truth.logLoss).toBeLessThan(skewed.logLoss);
		expect(truth.rmseBins).toBeLessThan(skewed.rmseBins);
		expect(predictsBetter(truth, skewed)).toBe(true);
		expect(predictsBetter(skewed, truth)).toBe(false);
	});
});
