// Lighthouse, mobile, on the decks and study screens of the built app (`npm run lighthouse`,
// after `npm run build`). Lighthouse is fetched by npx on first use rather than kept in
// devDependencies: it is large, and only this script needs it. Each screen is audited in a
// fresh profile with Lighthouse's default mobile settings (a mid-range phone: 4× CPU
// slowdown, slow 4G, simulated), so the first visit includes seeding the built-in deck.
// Prints performance, accessibility and best-practice scores with the largest contentful
// paint, and exits with 1 when a score is under 0.95 (the budget of issue 17).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve } from '../bench/server.mjs';
import { browserExecutable } from './browser.mjs';

const run = promisify(execFile);
const LIGHTHOUSE = 'lighthouse@12.8.2';
const BUDGET = 0.95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const SCREENS = [
	{ name: 'decks', path: '/' },
	{ name: 'study', path: '/study?deck=builtin-backend-developer' }
];

const chrome = browserExecutable();
if (!chrome) {
	console.error('No Chromium found (see scripts/ensure-browser.mjs).');
	process.exit(2);
}

const server = await serve();
const origin = server.url;
const out = await mkdtemp(join(tmpdir(), 'lighthouse-'));
let failed = false;
try {
	console.log(`Lighthouse ${LIGHTHOUSE}, mobile, ${origin}\n`);
	console.log('screen | performance | accessibility | best practices | LCP ms | TBT ms');
	console.log('--- | --: | --: | --: | --: | --:');
	for (const screen of SCREENS) {
		const report = join(out, `${screen.name}.json`);
		await run(
			'npx',
			[
				'--yes',
				LIGHTHOUSE,
				`${origin}${screen.path}`,
				`--only-categories=${CATEGORIES.join(',')}`,
				'--output=json',
				`--output-path=${report}`,
				'--quiet',
				'--chrome-flags=--headless=new --no-sandbox --disable-gpu'
			],
			{ env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 1024 * 1024 }
		);
		const result = JSON.parse(await readFile(report, 'utf8'));
		const scores = CATEGORIES.map((id) => result.categories[id]?.score ?? 0);
		if (scores.some((score) => score < BUDGET)) failed = true;
		const lcp = result.audits['largest-contentful-paint']?.numericValue ?? NaN;
		const tbt = result.audits['total-blocking-time']?.numericValue ?? NaN;
		console.log(
			`${screen.name} | ${scores.map((s) => s.toFixed(2)).join(' | ')} | ${Math.round(lcp)} | ${Math.round(tbt)}`
		);
	}
} finally {
	await server.close();
	await rm(out, { recursive: true, force: true });
}
console.log(failed ? `\nA score is under ${BUDGET}.` : `\nEvery score is ${BUDGET} or more.`);
process.exit(failed ? 1 : 0);
