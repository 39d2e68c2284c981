/**
 * What the app needs to know about the browser it runs in, read once from the
 * window and judged by pure functions (tested in Node with recorded user agents).
 */
export interface BrowserTraits {
	userAgent: string;
	/** `navigator.platform`: iPadOS in desktop mode says "MacIntel". */
	platform: string;
	maxTouchPoints: number;
	/** Opened from the home screen (installed), not in a browser tab. */
	standalone: boolean;
}

export function readBrowserTraits(win: Window): BrowserTraits {
	const nav = win.navigator as Navigator & { standalone?: boolean };
	return {
		userAgent: nav.userAgent,
		platform: nav.platform,
		maxTouchPoints: nav.maxTouchPoints,
		standalone: win.matchMedia('(display-mode: standalone)').matches || nav.standalone === true
	};
}

/**
 * iPhone, iPod or iPad. Since iPadOS 13 Safari asks for desktop sites and
 * sends a Mac user agent, so an iPad shows up as a "Mac" with a touch screen
 * (no Mac has one).
 *
 * @example
 * isAppleMobile({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) …', platform: 'MacIntel', maxTouchPoints: 5, standalone: false }); // true
 */
export function isAppleMobile(traits: BrowserTraits): boolean {
	return (
		/\b(iPhone|iPad|iPod)\b/.test(traits.userAgent) ||
		(traits.platform === 'MacIntel' && traits.maxTouchPoints > 1)
	);
}

/**
 * Whether the browser may delete the app's data after 7 days without use:
 * WebKit's tracking prevention caps all script-written storage (IndexedDB
 * included) of a site not visited for 7 days, in Safari and in every other
 * iOS browser (all are WebKit). A web app added to the Home Screen is exempt,
 * and so is everything else (Android, desktop) as far as we know.
 */
export function mayDeleteAfterAWeekUnused(traits: BrowserTraits): boolean {
	return isAppleMobile(traits) && !traits.standalone;
}
