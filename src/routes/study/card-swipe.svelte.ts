import type { Grade } from '$lib/domain/models';
import { followOffset, swipeGrade, type Point } from './swipe-grade';

/** What a swipe reads of a PointerEvent (tests pass plain objects). */
export interface SwipePointer {
	pointerId: number;
	clientX: number;
	clientY: number;
	isPrimary: boolean;
	button: number;
	pointerType: string;
	target: EventTarget | null;
	currentTarget: EventTarget | null;
	preventDefault(): void;
}

/** Below this travel (px) a press is still a tap: the card stays put and no label shows. */
const DRAG_SLOP = 10;

/** Presses on these keep their own meaning (a link in the source passage, its summary…). */
const INTERACTIVE = 'a, button, audio, video, summary, input, textarea, select';

/**
 * One finger (or mouse) dragging the study card: where the card is drawn, which grade letting
 * go would give, and the grade when it is let go. Which grade a move means is decided by
 * `swipeGrade`; this only follows the pointer from its press to its release.
 */
export class CardSwipe {
	/** How far the card is drawn from its place. */
	offset = $state.raw<Point>({ x: 0, y: 0 });
	/** The grade letting go here would give, named on the card; null while it would give none. */
	pending = $state<Grade | null>(null);
	/** True once the pointer has moved past a tap's wobble. */
	dragging = $state(false);
	#start: (Point & { pointerId: number }) | null = null;
	/** Set after a drag: a click that follows its release is not a tap on the card. */
	#dragEnded = false;
	readonly #onGrade: (grade: Grade) => void;

	constructor(onGrade: (grade: Grade) => void) {
		this.#onGrade = onGrade;
	}

	/**
	 * A press on the card. It is followed only when `active` (the setting is on and the answer
	 * shown), with the main button, one finger, and not on a link or control.
	 */
	down(event: SwipePointer, active: boolean): void {
		this.#dragEnded = false;
		// A second finger means a pinch, not a swipe.
		if (!event.isPrimary) {
			this.cancel();
			return;
		}
		if (!active || event.button !== 0) return;
		if ((event.target as Element | null)?.closest?.(INTERACTIVE)) return;
		// A mouse drag would otherwise select the card's text, or drag it away and cancel.
		if (event.pointerType === 'mouse') event.preventDefault();
		this.#start = { pointerId: event.pointerId, x: event.clientX, y: event.clientY };
	}

	move(event: SwipePointer): void {
		const start = this.#start;
		if (!start || event.pointerId !== start.pointerId) return;
		const at = { x: event.clientX, y: event.clientY };
		if (!this.dragging) {
			if (Math.hypot(at.x - start.x, at.y - start.y) < DRAG_SLOP) return;
			this.dragging = true;
			// A finger's moves reach the card wherever it goes; a mouse's only once captured.
			const card = event.currentTarget as Element | null;
			card?.setPointerCapture?.(event.pointerId);
		}
		this.offset = followOffset(start, at);
		this.pending = swipeGrade(start, at);
	}

	/** The release: grades when it is far enough and one way, otherwise puts the card back. */
	up(event: SwipePointer): void {
		const start = this.#start;
		if (!start || event.pointerId !== start.pointerId) return;
		const grade = swipeGrade(start, { x: event.clientX, y: event.clientY });
		this.#dragEnded = this.dragging;
		this.#reset();
		if (grade !== null) this.#onGrade(grade);
	}

	/** The browser took the pointer (a pinch, a system gesture): nothing is graded. */
	cancel(): void {
		this.#reset();
	}

	/**
	 * Whether a click on the card should be let through as a tap. False once after a drag:
	 * browsers differ on whether a mouse released after a drag clicks (Chromium does not when
	 * the press was captured), and where one does, the next card may already be up and that
	 * click would show its answer.
	 */
	takeTap(): boolean {
		const tap = !this.#dragEnded;
		this.#dragEnded = false;
		return tap;
	}

	#reset(): void {
		this.#start = null;
		this.dragging = false;
		this.pending = null;
		this.offset = { x: 0, y: 0 };
	}
}
