import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterStart } from './after-start';

function fakeWindow(readyState: DocumentReadyState) {
	const listeners: Array<() => void> = [];
	return {
		document: { readyState },
		setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
		addEventListener: (type: string, fn: () => void) => {
			if (type === 'load') listeners.push(fn);
		},
		load: () => listeners.forEach((fn) => fn())
	};
}

describe('afterStart', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('waits for the load event, then the pause', () => {
		const win = fakeWindow('loading');
		const task = vi.fn();
		afterStart(win as never, task, 2000);
		vi.advanceTimersByTime(5000);
		expect(task).not.toHaveBeenCalled();
		win.load();
		vi.advanceTimersByTime(1999);
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(task).toHaveBeenCalledOnce();
	});

	it('only pauses when the page has already loaded', () => {
		const task = vi.fn();
		afterStart(fakeWindow('complete') as never, task, 2000);
		vi.advanceTimersByTime(2000);
		expect(task).toHaveBeenCalledOnce();
	});
});
