/** How long after the `load` event start-up is taken to be over. */
export const START_PAUSE_MS = 2000;

/**
 * Runs `task` once the page has started: after the `load` event and a pause. Work no screen
 * needs in order to show itself (registering the service worker, its update prompts) goes
 * here, so a cold start spends neither main thread nor requests on it before its first
 * screen is up: on a slow phone offline, the study screen's first card takes about a second,
 * and the service worker's update check would otherwise start in the middle of it.
 *
 * @example
 * afterStart(window, () => void import('./PwaPrompts.svelte'));
 */
export function afterStart(
	win: Pick<Window, 'addEventListener' | 'setTimeout'> & { document: Pick<Document, 'readyState'> },
	task: () => void,
	pauseMs = START_PAUSE_MS
): void {
	const later = () => void win.setTimeout(task, pauseMs);
	if (win.document.readyState === 'complete') later();
	else win.addEventListener('load', later, { once: true });
}
