import { beforeNavigate } from '$app/navigation';

/**
 * Asks before leaving a page whose changes are not saved: a link in the app, Back (the
 * phone's back gesture too), a reload or closing the tab. Call it while the page's component
 * is being created.
 *
 * @example
 * guardUnsavedChanges(() => JSON.stringify(form) !== savedJson);
 */
export function guardUnsavedChanges(
	hasUnsavedChanges: () => boolean,
	message = 'Leave without saving? Your changes on this page will be lost.'
): void {
	beforeNavigate((navigation) => {
		if (!hasUnsavedChanges()) return;
		// Leaving the app (reload, closing the tab): cancelling makes the browser ask itself.
		if (navigation.type === 'leave') {
			navigation.cancel();
			return;
		}
		if (!confirm(message)) navigation.cancel();
	});
}
