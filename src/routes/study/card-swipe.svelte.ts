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
 * One finger (or mouse) on the study card: a tap, or a drag that may grade. While dragging it
 * says where the card is drawn and which grade letting go would give. Which grade a move means
 * is decided by `swipeGrade`; this only follows the pointer from its press to its release.
 *
 * A tap is told from its own press and release rather than from the click the browser makes of
 * it: Chromium drops that click now and then right after a swipe (a tap that lands while it
 * still settles the previous gesture), and a click after a mouse drag would reach the next card.
 */
export class CardSwipe {
	/** How far the card is drawn from its place. */
	offset = $state.raw<Point>({ x: 0, y: 0 });
	/** The grade letting go here would give, named on the card; null while it would give none. */
	pending = $state<Grade | null>(null);
	/** True once a swipe has moved past a tap's wobble. */
	dragging = $state(false);
	#start: (Point & { pointerId: number; swipes: boolean }) | null = null;
	readonly #onGrade: (grade: Grade) => void;

	constructor(onGrade: (grade: Grade) => void) {
		this.#onGrade = onGrade;
	}

	/**
	 * A press on the card, with the main button, one finger, and not on a link or control. It
	 * may become a tap; it is followed as a swipe only when `swipes` (the setting is on and the
	 * answer shown).
	 */
	down(event: SwipePointer, swipes: boolean): void {
		// A second finger means a pinch, neither a tap nor a swipe.
		if (!event.isPrimary) {
			this.cancel();
			return;
		}
		this.#start = null;
		if (event.button !== 0) return;
		if ((event.target as Element | null)?.closest?.(INTERACTIVE)) return;
		// A mouse drag would otherwise select the card's text, or drag it away and cancel.
		if (swipes && event.pointerType === 'mouse') event.preventDefault();
		this.#start = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, swipes };
	}

	move(event: SwipePointer): void {
		const start = this.#start;
		if (!start?.swipes || event.pointerId !== start.pointerId) return;
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

	/**
	 * The release: grades when a swipe went far enough and one way, otherwise puts the card
	 * back. Returns true when the press was a tap: let go within a tap's wobble of where it began.
	 */
	up(event: SwipePointer): boolean {
		const start = this.#start;
		if (!start || event.pointerId !== start.pointerId) return false;
		const at = { x: event.clientX, y: event.clientY };
		const dragged = this.dragging;
		const grade = start.swipes ? swipeGrade(start, at) : null;
		this.#reset();
		if (grade !== null) {
			this.#onGrade(grade);
			return false;
		}
		return !dragged && Math.hypot(at.x - start.x, at.y - start.y) < DRAG_SLOP;
	}

	/** The browser took the pointer (a scroll, a pinch, a system gesture): no tap, no grade. */
	cancel(): void {
		this.#reset();
	}

	#reset(): void {
		this.#start = null;
		this.dragging = false;
		this.pending = null;
		this.offset = { x: 0, y: 0 };
	}
}
