// Which Chromium the tests drive. Playwright cannot download its own browser on
// our machines, so we prefer, in order: a path from PLAYWRIGHT_CHROMIUM_PATH (or
// CHROMIUM_PATH), Debian's /usr/bin/chromium, then Playwright's own browser if
// one was installed. `undefined` means "let Playwright use its own".
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** @returns {string | undefined} */
export function browserExecutable() {
	const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH || process.env.CHROMIUM_PATH;
	if (fromEnv) return fromEnv;
	if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
	return undefined;
}

/** Whether some browser can be launched: ours, the system's, or Playwright's own. */
export function browserAvailable() {
	const path = browserExecutable();
	if (path) return existsSync(path);
	try {
		return existsSync(chromium.executablePath());
	} catch {
		return false;
	}
}
