import { Workbox } from 'workbox-window';
import { updatedElsewhere } from './updated-elsewhere.svelte';

const OFFLINE_READY_SHOWN = 'offline-ready-shown';

/**
 * The service worker's life as the page sees it. A first install takes control
 * at once (Workbox `clientsClaim`) and the app says once that it works offline;
 * a later version waits until the user presses Reload, so a study session is
 * never swapped out from under them.
 */
class ServiceWorkerState {
	offlineReady = $state(false);
	updateWaiting = $state(false);
	#workbox: Workbox | null = null;
	/** This page pressed Reload, so a new worker taking control is its own doing. */

	async register(win: Window): Promise<void> {
		if (!('serviceWorker' in win.navigator) || import.meta.env.DEV) return;
		const workbox = new Workbox('/sw.js', { scope: '/' });
		this.#workbox = workbox;
		workbox.addEventListener('waiting', () => {
			this.updateWaiting = true;
		});
		workbox.addEventListener('activated', (event) => {
			if (event.isUpdate) return;
			if (win.localStorage.getItem(OFFLINE_READY_SHOWN)) return;
			win.localStorage.setItem(OFFLINE_READY_SHOWN, '1');
			this.offlineReady = true;
		});
		await workbox.register();
		// Check for a new version whenever the app comes back to the foreground.
		win.document.addEventListener('visibilitychange', () => {
			// Offline, the check fails; that is expected, and the next one will try again.
			if (win.document.visibilityState === 'visible') workbox.update().catch(() => {});
		});
	}

	/** Activates the waiting version and reloads into it. */
	reload(win: Window): void {
		const workbox = this.#workbox;
		if (!workbox) return;
		updatedElsewhere.expectOwnReload();
		workbox.addEventListener('controlling', () => win.location.reload());
		workbox.messageSkipWaiting();
	}

	dismissOfflineReady(): void {
		this.offlineReady = false;
	}
}

export const serviceWorker = new ServiceWorkerState();
