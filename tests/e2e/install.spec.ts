import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { launchOptions } from '../../playwright.config';
import { waitForServiceWorker } from './helpers';

// Normal Playwright contexts are incognito, where Chromium never deems a site
// installable; a persistent profile is a regular one.
test('Chromium finds the app installable (manifest, icons, service worker)', async ({
	baseURL
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'one browser profile is enough');
	const profile = await mkdtemp(join(tmpdir(), 'flashcards-profile-'));
	const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
	try {
		const page = await context.newPage();
		await page.goto('/');
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const manifest = await cdp.send('Page.getAppManifest');
		expect(manifest.errors).toEqual([]);
		expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({
			display: 'standalone',
			short_name: 'Flashcards',
			// Text shared from another app opens New deck with it (see new-deck.spec.ts).
			share_target: { action: '/new', method: 'GET', params: { text: 'text', title: 'title' } }
		});
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});
