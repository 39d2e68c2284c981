import { describe, expect, it } from 'vitest';
import { Grade } from '$lib/domain/models';
import { SWIPE_DISTANCE, followOffset, swipeGrade } from './swipe-grade';

const start = { x: 200, y: 400 };
/** Where the finger is let go after moving by (dx, dy) from `start`. */
const by = (dx: number, dy: number) => ({ x: start.x + dx, y: start.y + dy });

describe('swipeGrade', () => {
	it('grades as AnkiDroid does: left Again, down Hard, right Good, up Easy', () => {
		expect(swipeGrade(start, by(-80, 0))).toBe(Grade.Again);
		expect(swipeGrade(start, by(0, 80))).toBe(Grade.Hard);
		expect(swipeGrade(start, by(80, 0))).toBe(Grade.Good);
		expect(swipeGrade(start, by(0, -80))).toBe(Grade.Easy);
	});

	it('takes a tap, or a finger that wobbles in place, as no grade', () => {
		expect(swipeGrade(start, start)).toBeNull();
		expect(swipeGrade(start, by(3, -2))).toBeNull();
	});

	it('grades from the threshold on, and not a pixel short of it, in every direction', () => {
		expect(SWIPE_DISTANCE).toBe(60);
		for (const [dx, dy] of [
			[1, 0],
			[-1, 0],
			[0, 1],
			[0, -1]
		] as const) {
			expect(swipeGrade(start, by(dx * 59, dy * 59))).toBeNull();
			expect(swipeGrade(start, by(dx * 60, dy * 60))).not.toBeNull();
		}
	});

	it('takes a diagonal move as no grade, however long', () => {
		expect(swipeGrade(start, by(80, 80))).toBeNull();
		expect(swipeGrade(start, by(-300, 250))).toBeNull();
		expect(swipeGrade(start, by(200, -101))).toBeNull();
	});

	it('grades a move that drifts across its axis by less than half its length', () => {
		expect(swipeGrade(start, by(100, 49))).toBe(Grade.Good);
		expect(swipeGrade(start, by(-100, -49))).toBe(Grade.Again);
		expect(swipeGrade(start, by(30, 90))).toBe(Grade.Hard);
		expect(swipeGrade(start, by(-40, -90))).toBe(Grade.Easy);
		// Half its length across, no more: still one direction.
		expect(swipeGrade(start, by(100, 50))).toBe(Grade.Good);
		expect(swipeGrade(start, by(100, 51))).toBeNull();
	});
});

describe('followOffset', () => {
	it('moves the card by a share of the finger’s travel', () => {
		expect(followOffset(start, by(50, -10))).toEqual({ x: 20, y: -4 });
		expect(followOffset(start, start)).toEqual({ x: 0, y: 0 });
	});

	it('never moves the card more than 48 px from its place', () => {
		expect(followOffset(start, by(400, -1000))).toEqual({ x: 48, y: -48 });
		expect(followOffset(start, by(-400, 1000))).toEqual({ x: -48, y: 48 });
	});
});
