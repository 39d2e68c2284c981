import { isAppleMobile, readBrowserTraits } from './platform';

/**
 * The browser's install offer. Chromium fires `beforeinstallprompt` once it deems
 * the app installable; we keep the event so an Install button can show the
 * prompt later (it may only be shown in response to a tap). iOS Safari has no
 * such event, so there we show the Share → Add to Home Screen hint instead.
 */

interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class InstallOffer {
	#event = $state<BeforeInstallPromptEvent | null>(null);
	#installed = $state(false);
	#iosHint = $state(false);

	/** The browser offers an install prompt now. */
	get available(): boolean {
		return this.#event !== null && !this.#installed;
	}

	/** iOS Safari outside the home screen: installing is a manual Share-menu step. */
	get showIosHint(): boolean {
		return this.#iosHint && !this.#installed;
	}

	listen(win: Window): void {
		const traits = readBrowserTraits(win);
		this.#installed = traits.standalone;
		this.#iosHint = isAppleMobile(traits) && !this.#installed;
		win.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault(); // keep the mini-infobar away; we offer our own button
			this.#event = event as BeforeInstallPromptEvent;
		});
		win.addEventListener('appinstalled', () => {
			this.#installed = true;
			this.#event = null;
		});
	}

	async install(): Promise<void> {
		const event = this.#event;
		if (!event) return;
		this.#event = null; // a prompt can be used once
		await event.prompt();
		if ((await event.userChoice).outcome === 'accepted') this.#installed = true;
	}
}

export const installOffer = new InstallOffer();
