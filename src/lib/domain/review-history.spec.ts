import { describe, expect, it } from 'vitest';
import { CardState, Grade, type ReviewLog } from './models';
import { ankiRevlog, cardHistories, minuteOffset } from './review-history';
import { testLog } from './testing/records';

const DAY = 86_400_000;

function log(cardId: string, day: number, rating: Grade, state: CardState): ReviewLog {
	const review = Date.UTC(2026, 0, 1, 12) + day * DAY;
	return testLog({ id: `${cardId}-${day}-${rating}`, cardId, review, rating, state });
}

describe('cardHistories', () => {
	it('keeps a card from its first rating, in time order', () => {
		const histories = cardHistories([
			log('a', 3, Grade.Good, CardState.Review),
			log('a', 0, Grade.Good, CardState.New),
			log('a', 1, Grade.Again, CardState.Review)
		]);
		expect(histories).toHaveLength(1);
		expect(histories[0]?.answers.map((a) => a.rating)).toEqual([
			Grade.Good,
			Grade.Again,
			Grade.Good
		]);
	});

	it('starts again after a reset, and leaves out a card whose first rating is missing', () => {
		const histories = cardHistories([
			log('a', 0, Grade.Good, CardState.New),
			log('a', 5, Grade.Good, CardState.Review),
			log('a', 9, Grade.Hard, CardState.New),
			log('a', 12, Grade.Good, CardState.Review),
			log('b', 4, Grade.Good, CardState.Review)
		]);
		expect(histories.map((h) => h.cardId)).toEqual(['a']);
		expect(histories[0]?.answers.map((a) => a.rating)).toEqual([Grade.Hard, Grade.Good]);
	});
});

describe('ankiRevlog', () => {
	it('writes one revlog row per answer with Anki’s types and unique ids per card', () => {
		const first = log('a', 0, Grade.Good, CardState.New);
		const again = { ...first, id: 'same-ms', rating: Grade.Again, state: CardState.Learning };
		const later = log('a', 2, Grade.Good, CardState.Review);
		const revlog = ankiRevlog(cardHistories([first, again, later]));
		expect([...revlog.eases]).toEqual([3, 1, 3]);
		expect([...revlog.types]).toEqual([0, 0, 1]);
		expect(revlog.ids[1]).toBe((revlog.ids[0] as bigint) + 1n);
		expect(new Set(revlog.cids).size).toBe(1);
	});
});

describe('minuteOffset', () => {
	it('is the time zone’s offset less the hour the study day starts', () => {
		expect(minuteOffset(-60, 4)).toBe(-180);
		expect(minuteOffset(300, 0)).toBe(-300);
	});
});
