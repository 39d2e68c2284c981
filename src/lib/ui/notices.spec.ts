import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIEF_NOTICE_MS, notices } from './notices.svelte';

describe('notices', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => {
		notices.dismiss();
		vi.useRealTimers();
	});

	it('a brief notice goes away by itself; a plain one stays', () => {
		notices.brief('Card buried.');
		vi.advanceTimersByTime(BRIEF_NOTICE_MS - 1);
		expect(notices.message).toBe('Card buried.');
		vi.advanceTimersByTime(1);
		expect(notices.message).toBeNull();

		notices.info('Saved.');
		vi.advanceTimersByTime(BRIEF_NOTICE_MS * 2);
		expect(notices.message).toBe('Saved.');
	});

	it('runs the action once and takes the notice away', () => {
		const run = vi.fn();
		notices.brief('Card suspended.', { label: 'Undo', run });
		notices.runAction();
		expect(run).toHaveBeenCalledTimes(1);
		expect(notices.message).toBeNull();
		expect(notices.action).toBeNull();
	});

	it('a newer notice is not cut short by the older one’s timer', () => {
		notices.brief('Card buried.');
		vi.advanceTimersByTime(BRIEF_NOTICE_MS - 10);
		vi.spyOn(console, 'error').mockImplementation(() => {});
		notices.error(new Error('The disk is full.'));
		vi.advanceTimersByTime(100);
		expect(notices.message).toMatch(/^Something went wrong/);
		expect(notices.tone).toBe('error');
	});
});
