// Makes sure the end-to-end tests have a Chromium to drive before they start.
// Playwright cannot download its own browser here, so on a machine without one
// we install Debian's `chromium` when we can (root with apt-get), or stop with
// one sentence saying how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { browserAvailable, SYSTEM_CHROMIUM } from './browser.mjs';

if (!browserAvailable()) {
	const isRoot = process.getuid?.() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('No Chromium found: installing Debian’s chromium with apt-get…');
		execSync(
			'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
			{
				stdio: 'inherit'
			}
		);
	}
	if (!browserAvailable()) {
		console.error(
			`No Chromium for the browser tests: run "sudo apt-get update && sudo apt-get install -y chromium" (it goes to ${SYSTEM_CHROMIUM}), or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium or Chrome binary.`
		);
		process.exit(1);
	}
}
