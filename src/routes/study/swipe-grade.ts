import { Grade } from '$lib/domain/models';

/** Where a pointer was, in CSS pixels (a PointerEvent's `clientX` and `clientY`). */
export interface Point {
	x: number;
	y: number;
}

/**
 * How far (px) a finger must travel along one axis before letting go grades the card. A tap
 * wobbles by a few pixels and a hesitant drag by a few more; 60 px is a deliberate move that
 * still fits inside a card on a 360 px phone.
 */
export const SWIPE_DISTANCE = 60;

/**
 * How many times longer the move must be along its axis than across it (within about 27° of
 * the axis). A diagonal move could mean either of two grades, so it means none.
 */
export const SWIPE_AXIS_RATIO = 2;

/** AnkiDroid's default swipe grades: left Again, down Hard, right Good, up Easy. */
const GRADE_BY_DIRECTION = {
	left: Grade.Again,
	down: Grade.Hard,
	right: Grade.Good,
	up: Grade.Easy
} as const;

/** How much of the finger's travel the card follows, and how far it may go from its place. */
const FOLLOW_SHARE = 0.4;
const FOLLOW_LIMIT = 48;

/**
 * The grade that letting go at `to` gives a swipe that began at `from`, or null when the move
 * is too short (a tap, a hesitation) or too diagonal to say which way it went.
 *
 * @example
 * swipeGrade({ x: 100, y: 300 }, { x: 180, y: 310 }); // Grade.Good (right)
 * swipeGrade({ x: 100, y: 300 }, { x: 100, y: 220 }); // Grade.Easy (up)
 * swipeGrade({ x: 100, y: 300 }, { x: 130, y: 300 }); // null: too short
 * swipeGrade({ x: 100, y: 300 }, { x: 180, y: 380 }); // null: diagonal
 */
export function swipeGrade(from: Point, to: Point): Grade | null {
	const dx = to.x - from.x;
	const dy = to.y - from.y;
	const along = Math.max(Math.abs(dx), Math.abs(dy));
	const across = Math.min(Math.abs(dx), Math.abs(dy));
	if (along < SWIPE_DISTANCE || along < SWIPE_AXIS_RATIO * across) return null;
	if (Math.abs(dx) > Math.abs(dy))
		return dx > 0 ? GRADE_BY_DIRECTION.right : GRADE_BY_DIRECTION.left;
	// Screen y grows downwards: a finger moving up has a negative dy.
	return dy > 0 ? GRADE_BY_DIRECTION.down : GRADE_BY_DIRECTION.up;
}

/**
 * How far to move the card while a finger drags it: a share of the travel, capped, so the
 * card shows it is being swiped without sliding off under the label that names the grade.
 *
 * @example
 * followOffset({ x: 0, y: 0 }, { x: 50, y: -10 }); // { x: 20, y: -4 }
 * followOffset({ x: 0, y: 0 }, { x: 400, y: 0 }); // { x: 48, y: 0 }
 */
export function followOffset(from: Point, to: Point): Point {
	const follow = (delta: number) =>
		Math.max(-FOLLOW_LIMIT, Math.min(FOLLOW_LIMIT, delta * FOLLOW_SHARE));
	return { x: follow(to.x - from.x), y: follow(to.y - from.y) };
}
