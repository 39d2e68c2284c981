import { defineConfig, devices } from '@playwright/test';
import { browserExecutable } from './scripts/browser.mjs';

// Chromium's background services try to reach Google at start-up; this machine's
// network refuses them, so switch them off rather than wait on them.
export const launchOptions = {
	executablePath: browserExecutable(),
	args: [
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--disable-quic',
		'--no-first-run'
	]
};

const port = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	// Headroom: every test finishes in under a third of its timeout on an idle machine here
	// (the longest journeys take ~30 s with two workers), so a busy machine does not fail them.
	timeout: 100_000,
	expect: { timeout: 10_000 },
	workers: 2,
	// One retry in CI; the report lists every test that needed it as flaky. (failOnFlakyTests
	// would fail the run on a flake too; the update test in update.spec.ts:38 flaked once in
	// ~10 runs on the phone profile, a reload that never came, so it stays off until that is
	// understood.)
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions } },
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } }
	],
	// Always a fresh server: a stale `vite preview` would serve an old build's chunks.
	webServer: {
		command: 'npm run preview',
		url: `http://localhost:${port}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
