// The machine's floor for "open to first card": the same cold start as the bench's (a new
// Chromium process on an installed profile, offline, CPU 4×, served by a service worker) of
// a page that does nothing but put one heading on screen. What this takes, the app cannot
// beat; the app's figure minus this one is what the app's own code costs. Measured in the
// same run, it also says how fast the machine was at the time (issue 17).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';

/**
 * Cold starts of the blank page, in ms from navigation start to the heading painted.
 * `launch(profile)` starts a persistent Chromium context the way the bench does.
 */
export async function coldStartFloor(launch, runs) {
	// Its own origin (another port), so its service worker is not the app's.
	const server = await serve({ app: 'bench/floor' });
	const profile = mkdtempSync(join(tmpdir(), 'flashcards-floor-'));
	try {
		let context = await launch(profile);
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(server.url);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
		await context.close();
		const samples = [];
		for (let run = 0; run < runs; run++) {
			context = await launch(profile);
			await context.setOffline(true);
			const cold = context.pages()[0] ?? (await context.newPage());
			const cdp = await context.newCDPSession(cold);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await cold.goto(server.url, { waitUntil: 'commit' });
			const painted = await cold.waitForFunction(() => window.__painted ?? null, null, {
				timeout: 60_000
			});
			const controlled = await cold.evaluate(() => navigator.serviceWorker.controller !== null);
			if (!controlled) throw new Error('the floor page was not served by its service worker');
			samples.push(await painted.jsonValue());
			await context.close();
		}
		return samples;
	} finally {
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
