import { onDatabaseReplaced } from '$lib/storage/db';

/**
 * Whether a newer version of the app took over in another tab: it upgraded the
 * database (this tab's connection is then closed, see `closeForNewerVersion`),
 * or its service worker took control of this page too. Either way this tab runs
 * old code over new data or new files, so it asks for a reload and writes no more.
 */
class UpdatedElsewhere {
	happened = $state(false);
	#watching = false;
	#ownReload = false;

	/**
	 * Starts listening, as soon as the page starts (not when the service worker is
	 * registered, which waits until start-up is over: a takeover in the first seconds
	 * would be missed). A worker taking control of a page that already had one is a new
	 * version activated by another tab (its Reload button), unless this page asked for
	 * it; the first install taking control (`clientsClaim`) replaces no one. Workbox's
	 * own `controlling` event judges "external" by timing, so the browser's event is
	 * read directly.
	 */
	watch(win?: Window): void {
		if (this.#watching) return;
		this.#watching = true;
		onDatabaseReplaced(() => this.notice());
		const container = win?.navigator.serviceWorker;
		if (!container) return;
		let controlled = container.controller !== null;
		container.addEventListener('controllerchange', () => {
			if (controlled && !this.#ownReload) this.notice();
			controlled = true;
		});
	}

	/** This page is about to activate a new version itself (its Reload): not news. */
	expectOwnReload(): void {
		this.#ownReload = true;
	}

	notice(): void {
		this.happened = true;
	}
}

export const updatedElsewhere = new UpdatedElsewhere();
