// Measures, in real Chromium against the built app, what a user feels at
// heavy-user scale: the JavaScript the first page loads, importing and exporting
// a 50,000-card deck (JSON, CSV, .apkg), and studying it. Run by `npm run bench`
// after a build. Prints a table; asserts nothing (timings are not tests).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { browserExecutable } from '../scripts/browser.mjs';

const PORT = 4175;
const BASE = `http://localhost:${PORT}`;
const CARDS = 50_000;
const results = [];
const record = (what, value) => {
	results.push([what, value]);
	console.log(`${what}: ${value}`);
};

function deckFile() {
	const now = Date.now();
	const deck = { id: 'heavy', name: 'Heavy deck', created: now, source: null, builtin: false };
	const cards = [];
	const logs = [];
	for (let i = 0; i < CARDS; i++) {
		const reviewed = i < 30_000;
		cards.push({
			id: `heavy-${i}`,
			deckId: 'heavy',
			kind: 'basic',
			front: `Question number ${i}: what is ${i} squared?`,
			back: `${i * i}`,
			format: 'text',
			tags: ['bench'],
			source: null,
			created: now - CARDS + i,
			modified: now,
			due: reviewed ? now + ((i % 365) - 5) * 86_400_000 : now - CARDS + i,
			stability: reviewed ? 12 : 0,
			difficulty: reviewed ? 5 : 0,
			elapsed_days: 0,
			scheduled_days: reviewed ? 12 : 0,
			learning_steps: 0,
			reps: reviewed ? 3 : 0,
			lapses: 0,
			state: reviewed ? 2 : 0,
			last_review: reviewed ? now - 10 * 86_400_000 : null
		});
		if (reviewed)
			logs.push({
				id: `log-${i}`,
				cardId: `heavy-${i}`,
				deckId: 'heavy',
				rating: 3,
				state: 2,
				due: now - 20 * 86_400_000,
				stability: 8,
				difficulty: 5,
				elapsed_days: 10,
				last_elapsed_days: 0,
				scheduled_days: 10,
				learning_steps: 0,
				review: now - 10 * 86_400_000
			});
	}
	const text = JSON.stringify({
		format: 'article-flashcards.deck',
		version: 1,
		exported: now,
		deck,
		cards,
		logs
	});
	return Buffer.from(text);
}

async function timed(fn) {
	const start = performance.now();
	await fn();
	return `${((performance.now() - start) / 1000).toFixed(2)} s`;
}

// Our own preview server, in its own process group so it is stopped with all
// its children; if the port is taken (a stale server would serve an old build's
// chunks), stop rather than measure the wrong build.
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
	detached: true,
	stdio: ['ignore', 'pipe', 'pipe']
});
const stopServer = () => {
	try {
		process.kill(-server.pid, 'SIGTERM');
	} catch {
		// already gone
	}
};
await new Promise((resolve, reject) => {
	server.stdout.on('data', (chunk) => {
		if (String(chunk).includes(String(PORT))) resolve();
	});
	server.on('exit', (code) =>
		reject(new Error(`vite preview exited (${code}): is port ${PORT} taken?`))
	);
});
const browser = await chromium.launch({
	executablePath: browserExecutable(),
	args: ['--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
	// 1. JavaScript the first page loads (gzip, as a server would send it): on the
	// very first visit, which also builds the built-in deck, and on a normal start.
	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	let scripts = new Set();
	page.on('response', (response) => {
		const url = new URL(response.url());
		if (
			url.pathname.endsWith('.js') &&
			!url.pathname.endsWith('sw.js') &&
			!url.pathname.includes('workbox')
		)
			scripts.add(url.pathname);
	});
	const firstPageScripts = async (label) => {
		await page
			.getByRole('link', { name: /^Study / })
			.first()
			.waitFor();
		await page.waitForLoadState('networkidle');
		let gzipBytes = 0;
		for (const path of scripts) gzipBytes += gzipSync(readFileSync(join('build', path))).length;
		record(`${label}: ${scripts.size} JS files, gzip bytes`, gzipBytes);
		scripts = new Set();
	};
	await page.goto(BASE);
	await firstPageScripts('first visit (seeds the built-in deck)');
	await page.goto(BASE);
	await firstPageScripts('decks screen on a later start');

	// 2. Import a 50,000-card deck file (with 30,000 review logs).
	const file = deckFile();
	record('deck file size (MB)', (file.length / 1_048_576).toFixed(1));
	await page.goto(`${BASE}/import`);
	// Hand the file to the page first (Playwright's own transfer of 25 MB is not
	// the app's work), then watch the main thread's long tasks (over 50 ms: what
	// would freeze taps) from the moment the user "picks" it.
	await page.evaluate((text) => {
		window.heavyFile = new File([text], 'heavy.json', { type: 'application/json' });
	}, file.toString());
	const pick = () =>
		page.evaluate(() => {
			window.longTasks = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
			}).observe({ type: 'longtask' });
			const input = document.querySelector('input[type=file]');
			const transfer = new DataTransfer();
			transfer.items.add(window.heavyFile);
			input.files = transfer.files;
			input.dispatchEvent(new Event('change', { bubbles: true }));
		});
	const longest = async () => {
		const tasks = await page.evaluate(() => window.longTasks);
		return `${Math.round(Math.max(0, ...tasks))} ms (${tasks.length} over 50 ms)`;
	};
	record(
		'import JSON, read + preview',
		await timed(async () => {
			await pick();
			await page.getByRole('heading', { name: 'Import this?' }).waitFor({ timeout: 120_000 });
		})
	);
	record('  longest main-thread task while reading', await longest());
	await page.evaluate(() => (window.longTasks = []));
	record(
		'import JSON, write 50,000 cards + 30,000 logs',
		await timed(async () => {
			await page.getByRole('button', { name: 'Import', exact: true }).click();
			await page.getByRole('heading', { name: 'Imported' }).waitFor({ timeout: 300_000 });
		})
	);
	record('  longest main-thread task while writing', await longest());

	// 3. Study it.
	record(
		'decks screen with 50,000 cards, to first paint of counts',
		await timed(async () => {
			await page.goto(BASE);
			await page.getByRole('link', { name: 'Study Heavy deck' }).waitFor();
		})
	);
	await page.goto(`${BASE}/study?deck=heavy`);
	await page.getByRole('button', { name: /^Show answer/ }).waitFor();
	const perAnswer = await page.evaluate(async () => {
		const times = [];
		for (let i = 0; i < 20; i++) {
			const front = document.querySelector('.front')?.textContent;
			document
				.querySelector('button.show')
				?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
			await new Promise((r) => requestAnimationFrame(r));
			const good = [...document.querySelectorAll('button')].find((b) =>
				b.textContent?.startsWith('Good')
			);
			const start = performance.now();
			good?.click();
			while (document.querySelector('.front')?.textContent === front)
				await new Promise((r) => setTimeout(r, 0));
			times.push(performance.now() - start);
		}
		times.sort((a, b) => a - b);
		return { median: times[10], worst: times[19] };
	});
	record('answer → next card shown (median of 20, ms)', perAnswer.median.toFixed(1));
	record('answer → next card shown (worst of 20, ms)', perAnswer.worst.toFixed(1));

	// 4. Export it in each format, then import the .apkg back.
	let apkg = null;
	for (const [label, format] of [
		['JSON', 'This app’s deck file'],
		['CSV', 'CSV'],
		['.apkg', 'Anki package']
	]) {
		await page.goto(`${BASE}/deck?id=heavy`);
		await page.getByLabel(new RegExp(format)).check();
		let download;
		record(
			`export ${label}`,
			await timed(async () => {
				const waiting = page.waitForEvent('download', { timeout: 300_000 });
				await page.getByRole('button', { name: 'Export' }).click();
				download = await waiting;
				await download.path();
			})
		);
		if (label === '.apkg') apkg = readFileSync(await download.path());
	}
	await page.goto(`${BASE}/import`);
	record(
		'import .apkg (50,000 cards), read + preview',
		await timed(async () => {
			await page
				.locator('input[type=file]')
				.setInputFiles({ name: 'heavy.apkg', mimeType: 'application/zip', buffer: apkg });
			await page.getByRole('heading', { name: 'Import this?' }).waitFor({ timeout: 300_000 });
		})
	);
	record(
		'import .apkg, write',
		await timed(async () => {
			await page.getByRole('button', { name: 'Import', exact: true }).click();
			await page.getByRole('heading', { name: 'Imported' }).waitFor({ timeout: 300_000 });
		})
	);
} finally {
	await browser.close();
	stopServer();
}
console.log('\n| measure | value |\n| --- | --- |');
for (const [what, value] of results) console.log(`| ${what} | ${value} |`);
