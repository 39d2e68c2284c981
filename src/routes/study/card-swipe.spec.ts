import { describe, expect, it } from 'vitest';
import { Grade } from '$lib/domain/models';
import { CardSwipe, type SwipePointer } from './card-swipe.svelte';

/** A pointer event as the card receives it; a finger unless told otherwise. */
function pointer(x: number, y: number, extra: Partial<SwipePointer> = {}): SwipePointer {
	return {
		pointerId: 1,
		clientX: x,
		clientY: y,
		isPrimary: true,
		button: 0,
		pointerType: 'touch',
		target: null,
		currentTarget: null,
		preventDefault: () => {},
		...extra
	};
}

function swipe() {
	const graded: Grade[] = [];
	return { card: new CardSwipe((grade) => graded.push(grade)), graded };
}

describe('CardSwipe', () => {
	it('names the grade while dragging and gives it on release', () => {
		const { card, graded } = swipe();
		card.down(pointer(100, 300), true);
		card.move(pointer(130, 300));
		expect(card.dragging).toBe(true);
		expect(card.pending).toBeNull();
		card.move(pointer(190, 305));
		expect(card.pending).toBe(Grade.Good);
		expect(card.offset).toEqual({ x: 36, y: 2 });
		card.up(pointer(190, 305));
		expect(graded).toEqual([Grade.Good]);
		expect(card.pending).toBeNull();
		expect(card.offset).toEqual({ x: 0, y: 0 });
	});

	it('gives nothing when let go short of the threshold, even after passing it', () => {
		const { card, graded } = swipe();
		card.down(pointer(100, 300), true);
		card.move(pointer(100, 200));
		expect(card.pending).toBe(Grade.Easy);
		card.move(pointer(100, 280));
		expect(card.pending).toBeNull();
		card.up(pointer(100, 280));
		expect(graded).toEqual([]);
	});

	it('follows nothing while swiping is off or the answer is hidden', () => {
		const { card, graded } = swipe();
		card.down(pointer(100, 300), false);
		card.move(pointer(200, 300));
		expect(card.dragging).toBe(false);
		card.up(pointer(200, 300));
		expect(graded).toEqual([]);
	});

	it('leaves presses on links and controls in the card to them', () => {
		const { card, graded } = swipe();
		// The press lands inside a link: `closest` finds one among the selectors it is asked for.
		const inLink = {
			closest: (selector: string) => (selector.split(/,\s*/).includes('a') ? {} : null)
		};
		card.down(pointer(100, 300, { target: inLink as unknown as EventTarget }), true);
		card.move(pointer(200, 300));
		card.up(pointer(200, 300));
		expect(graded).toEqual([]);
	});

	it('drops the swipe when a second finger comes down or the browser takes the pointer', () => {
		const { card, graded } = swipe();
		card.down(pointer(100, 300), true);
		card.move(pointer(200, 300));
		card.down(pointer(50, 50, { pointerId: 2, isPrimary: false }), true);
		expect(card.pending).toBeNull();
		card.up(pointer(200, 300));
		card.down(pointer(100, 300), true);
		card.move(pointer(200, 300));
		card.cancel();
		card.up(pointer(200, 300));
		expect(graded).toEqual([]);
	});

	it('tells a tap from a drag, with swiping on or off', () => {
		const { card, graded } = swipe();
		card.down(pointer(100, 300), false);
		expect(card.up(pointer(104, 302))).toBe(true);
		card.down(pointer(100, 300, { pointerType: 'mouse' }), true);
		expect(card.up(pointer(103, 301, { pointerType: 'mouse' }))).toBe(true);
		// Moved further than a wobble: a scroll or a swipe short of a grade, not a tap.
		card.down(pointer(100, 300), false);
		expect(card.up(pointer(100, 340))).toBe(false);
		card.down(pointer(100, 300), true);
		card.move(pointer(130, 300));
		expect(card.up(pointer(102, 300))).toBe(false);
		// A swipe that grades is not a tap on the next card.
		card.down(pointer(100, 300), true);
		card.move(pointer(190, 300));
		expect(card.up(pointer(190, 300))).toBe(false);
		expect(graded).toEqual([Grade.Good]);
		// The browser took the press (a scroll): its release, if any, is no tap.
		card.down(pointer(100, 300), false);
		card.cancel();
		expect(card.up(pointer(100, 300))).toBe(false);
	});

	it('leaves taps on links and controls to them', () => {
		const { card } = swipe();
		const inButton = {
			closest: (selector: string) => (selector.split(/,\s*/).includes('button') ? {} : null)
		};
		card.down(pointer(100, 300, { target: inButton as unknown as EventTarget }), false);
		expect(card.up(pointer(100, 300))).toBe(false);
	});

	it('keeps a mouse drag from selecting text, and captures the mouse once dragging', () => {
		const { card } = swipe();
		let prevented = false;
		const captured: number[] = [];
		const element = { setPointerCapture: (id: number) => captured.push(id) };
		const mouse = {
			pointerType: 'mouse',
			pointerId: 7,
			currentTarget: element as unknown as EventTarget
		};
		card.down(pointer(100, 300, { ...mouse, preventDefault: () => (prevented = true) }), true);
		expect(prevented).toBe(true);
		card.move(pointer(104, 300, mouse));
		expect(captured).toEqual([]);
		card.move(pointer(140, 300, mouse));
		expect(captured).toEqual([7]);
	});
});
