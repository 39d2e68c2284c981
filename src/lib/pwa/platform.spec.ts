import { describe, expect, it } from 'vitest';
import { isAppleMobile, mayDeleteAfterAWeekUnused, type BrowserTraits } from './platform';

const IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const IPAD_MOBILE =
	'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const CHROME_IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1';
/** iPadOS Safari asks for desktop sites: the same string a Mac sends. */
const MAC_SAFARI =
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID =
	'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

function traits(overrides: Partial<BrowserTraits>): BrowserTraits {
	return { userAgent: '', platform: '', maxTouchPoints: 0, standalone: false, ...overrides };
}

describe('isAppleMobile', () => {
	it('knows iPhones and iPads by their user agent', () => {
		expect(
			isAppleMobile(traits({ userAgent: IPHONE, platform: 'iPhone', maxTouchPoints: 5 }))
		).toBe(true);
		expect(
			isAppleMobile(traits({ userAgent: IPAD_MOBILE, platform: 'iPad', maxTouchPoints: 5 }))
		).toBe(true);
		expect(isAppleMobile(traits({ userAgent: CHROME_IPHONE, platform: 'iPhone' }))).toBe(true);
	});

	it('knows an iPad asking for desktop sites by its touch screen', () => {
		expect(
			isAppleMobile(traits({ userAgent: MAC_SAFARI, platform: 'MacIntel', maxTouchPoints: 5 }))
		).toBe(true);
	});

	it('does not mistake a Mac or an Android phone for one', () => {
		expect(
			isAppleMobile(traits({ userAgent: MAC_SAFARI, platform: 'MacIntel', maxTouchPoints: 0 }))
		).toBe(false);
		expect(
			isAppleMobile(traits({ userAgent: ANDROID, platform: 'Linux armv8l', maxTouchPoints: 5 }))
		).toBe(false);
	});
});

describe('mayDeleteAfterAWeekUnused', () => {
	it('warns in a browser tab on iPhone and iPad, in any iOS browser', () => {
		expect(mayDeleteAfterAWeekUnused(traits({ userAgent: IPHONE, platform: 'iPhone' }))).toBe(true);
		expect(
			mayDeleteAfterAWeekUnused(
				traits({ userAgent: MAC_SAFARI, platform: 'MacIntel', maxTouchPoints: 5 })
			)
		).toBe(true);
		expect(
			mayDeleteAfterAWeekUnused(traits({ userAgent: CHROME_IPHONE, platform: 'iPhone' }))
		).toBe(true);
	});

	it('does not warn once the app is installed to the Home Screen', () => {
		expect(
			mayDeleteAfterAWeekUnused(traits({ userAgent: IPHONE, platform: 'iPhone', standalone: true }))
		).toBe(false);
		expect(
			mayDeleteAfterAWeekUnused(
				traits({ userAgent: MAC_SAFARI, platform: 'MacIntel', maxTouchPoints: 5, standalone: true })
			)
		).toBe(false);
	});

	it('does not warn on Android or a desktop', () => {
		expect(
			mayDeleteAfterAWeekUnused(
				traits({ userAgent: ANDROID, platform: 'Linux', maxTouchPoints: 5 })
			)
		).toBe(false);
		expect(mayDeleteAfterAWeekUnused(traits({ userAgent: MAC_SAFARI, platform: 'MacIntel' }))).toBe(
			false
		);
	});
});
