// Heavy-user scale in real Chromium (issue #7). Drives the built app (`build/`) with Playwright
// in Debian's Chromium: seeds a synthetic collection through the app's own storage code, then
// measures what a user feels against the budgets, each over several runs (median and p95).
// Writes bench/results.json and prints a Markdown table. Timings are reported against their
// budgets (✓/✗), never asserted: `--quick` is a CI smoke run that only shows the bench runs.
//
//   node bench/browser.mjs            50,000 cards in 20 decks, 500,000 review logs
//   node bench/browser.mjs --quick    2,000 cards in 2 decks, 20,000 logs, fewer runs
//
// Needs a build (`npm run build`); `npm run bench` builds first. Method: docs/performance.md.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { browserExecutable } from '../scripts/browser.mjs';
import { coldStartFloor } from './floor.mjs';
import { serve } from './server.mjs';

const quick = process.argv.includes('--quick');
const option = (name) =>
	process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
// For working on one measurement: `--only=study,open` runs just those sections, and
// `--profile=DIR` keeps the browser profile (and its seeded collection) for the next run
// (served on port 4179, or `--port=N`, since the database belongs to the origin).
const only = option('only')?.split(',') ?? null;
const section = (name) => only === null || only.includes(name);
const keptProfile = option('profile');
const CONFIG = quick
	? {
			size: { decks: 2, cards: 2_000, logs: 20_000 },
			reviews: 30,
			syncReviews: 10,
			openRuns: 3,
			screenRuns: 3,
			transferRuns: 3,
			importDeck: { cards: 2_000, logs: 2_000 },
			mediaDeck: { cards: 500, images: 100, imageBytes: 50_000 },
			mediaReviews: 60,
			extractionRuns: 2
		}
	: {
			size: { decks: 20, cards: 50_000, logs: 500_000 },
			reviews: 300,
			syncReviews: 100,
			openRuns: 10,
			screenRuns: 10,
			transferRuns: 3,
			importDeck: { cards: 50_000, logs: 50_000 },
			mediaDeck: { cards: 10_000, images: 2_000, imageBytes: 50_000 },
			mediaReviews: 100,
			extractionRuns: 10
		};
const STUDY_DECK = 'bench-deck-01';
const OPEN_DECK = 'bench-deck-02';
const IMPORT_DECK = 'bench-import';
const MEDIA_DECK = 'bench-media';
const LONG = 600_000;
const ARGS = [
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	'--enable-precise-memory-info'
];

// ---------------------------------------------------------------- results

const results = [];

/** p-th percentile by nearest rank (of 10 runs, p95 is the slowest). */
function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * One row of the table. `budget` is `{ max, on }`: the budget holds when the median or the
 * p95 (`on`) is at most `max`. Rows without runs carry one `value`.
 */
function report(id, measure, unit, samples, budget = null, note = '') {
	const values = Array.isArray(samples) ? samples : [samples];
	const row = {
		id,
		measure,
		unit,
		runs: values.length,
		median: values.length ? percentile(values, 50) : null,
		p95: values.length ? percentile(values, 95) : null,
		samples: values,
		budget,
		met: null,
		note
	};
	if (budget && values.length) row.met = row[budget.on] <= budget.max;
	results.push(row);
	console.log(
		`${measure}: median ${format(row.median, unit)}, p95 ${format(row.p95, unit)}${
			row.met === null ? '' : row.met ? ' ✓' : ' ✗'
		}${note ? ` (${note})` : ''}`
	);
	return row;
}

function skipped(id, measure, why) {
	results.push({ id, measure, unit: '', runs: 0, median: null, p95: null, met: null, note: why });
	console.log(`${measure}: ${why}`);
}

function format(value, unit) {
	if (value === null || value === undefined) return '–';
	if (unit === 'ms') return value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en');
	if (unit === 'bytes') return Math.round(value).toLocaleString('en');
	if (unit === 'MB') return value.toFixed(1);
	if (unit === '×') return value.toFixed(2);
	return String(value);
}

// ---------------------------------------------------------------- setup

if (!existsSync('build/index.html') || !existsSync('build/study.html'))
	throw new Error('No build found: run `npm run build` first (`npm run bench` does).');

// The bench's own module: the app's storage, domain and extractor code plus the fixture
// builder, bundled by Vite with the app's `$lib` alias, served beside the app.
await build({
	configFile: false,
	logLevel: 'warn',
	resolve: { alias: { $lib: resolve('src/lib') } },
	define: { 'process.env.NODE_ENV': '"production"' },
	build: {
		outDir: 'bench/.out',
		emptyOutDir: true,
		target: 'es2022',
		minify: false,
		lib: { entry: 'bench/page/bench-page.ts', formats: ['es'], fileName: () => 'bench-page.js' }
	}
});

// The sync section's server: the tests' CouchDB-protocol server (TypeScript), built for Node.
async function startBenchCouch() {
	await build({
		configFile: false,
		logLevel: 'warn',
		build: {
			ssr: 'src/lib/sync/testing/couch-server.ts',
			outDir: 'bench/.out-server',
			emptyOutDir: true,
			target: 'node20'
		}
	});
	const { startTestCouch } = await import(resolve('bench/.out-server/couch-server.js'));
	return startTestCouch({ cors: [BASE.replace(/\/$/, '')] });
}

// A kept profile's database belongs to its origin, so it needs the same port every time.
// What the figures depend on, recorded with them: the browser, how busy the machine was
// before and after, and whether the profile was new.
const chromiumVersion = (() => {
	try {
		// Debian's wrapper script prints a shell warning on stderr here; only stdout matters.
		return execFileSync(browserExecutable(), ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return 'unknown';
	}
})();
const loadBefore = loadavg().map((n) => Number(n.toFixed(2)));
const profileState = keptProfile
	? `kept profile ${keptProfile} (collection reused when complete)`
	: 'new empty profile, removed after the run';
console.log(`${chromiumVersion}; load average before ${loadBefore.join(' ')}; ${profileState}`);

const server = await serve({ port: keptProfile ? Number(option('port') ?? 4179) : 0 });
const BASE = server.url;
const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'flashcards-bench-'));
const probe = { path: resolve('bench/page/probe.js') };
const now = Date.now();
const launch = (options = {}) =>
	chromium.launchPersistentContext(profile, {
		executablePath: browserExecutable(),
		args: ARGS,
		viewport: { width: 1280, height: 800 },
		acceptDownloads: true,
		...options
	});

/**
 * Starts watching in the page; the function returned resolves with the page's
 * performance.now() at the moment at least `count` elements match `selector` (and, when
 * given, have exactly the text `text`). Watching in the page, not polling from here, keeps
 * Playwright's round trips out of the measurement.
 */
async function arm(page, selector, { count = 1, text = null } = {}) {
	await page.evaluate(
		({ selector, count, text }) => {
			window.__armed = new Promise((resolve) => {
				const check = () => {
					const found = [...document.querySelectorAll(selector)].filter(
						(element) => text === null || element.textContent?.trim() === text
					);
					if (found.length < count) return;
					observer.disconnect();
					resolve(performance.now());
				};
				const observer = new MutationObserver(check);
				observer.observe(document, {
					childList: true,
					subtree: true,
					characterData: true,
					attributes: true
				});
				check();
			});
		},
		{ selector, count, text }
	);
	return () => page.evaluate(() => window.__armed);
}

const benchModule = (page) =>
	page.waitForFunction(async () => {
		window.bench ??= await import('/__bench/bench-page.js');
		return true;
	});

/**
 * Imports `window.benchFile` through the import screen and returns how long the app took:
 * from the file picked to the preview, plus from Import pressed to done (the user's reading
 * time between the two left out).
 */
async function importThroughScreen(page) {
	await page.locator('input[type=file]').waitFor({ state: 'attached' });
	const previewed = await arm(page, 'h1, h2', { text: 'Import this?' });
	const picked = await page.evaluate(() => {
		const input = document.querySelector('input[type=file]');
		const transfer = new DataTransfer();
		transfer.items.add(window.benchFile);
		input.files = transfer.files;
		const start = performance.now();
		input.dispatchEvent(new Event('change', { bubbles: true }));
		return start;
	});
	const preview = await previewed();
	const written = await arm(page, 'h1, h2', { text: 'Imported' });
	await page.evaluate(() => window.__probe.clicks.splice(0));
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	const done = await written();
	const clicked = await page.evaluate(() => window.__probe.clicks[0]);
	return preview - picked + (done - clicked);
}

/** Gzip bytes of the app's JS and CSS files at these paths, as a server would send them. */
function gzipBytes(paths) {
	let js = 0;
	let css = 0;
	for (const path of paths) {
		const bytes = gzipSync(readFileSync(join('build', path))).length;
		if (path.endsWith('.css')) css += bytes;
		else js += bytes;
	}
	return { js, css };
}

/**
 * Every JS and CSS file the study screen needs to start: the client entries, the root layout
 * and the study page's node, with everything they import statically (from Vite's manifest;
 * the prerendered study.html names the study node).
 */
function studyNeeds() {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	);
	const studyNode = [
		...readFileSync('build/study.html', 'utf8').matchAll(/_app\/immutable\/nodes\/(\d+)\./g)
	]
		.map((m) => m[1])
		.find((n) => n !== '0');
	const roots = Object.keys(manifest).filter(
		(key) =>
			manifest[key].isEntry &&
			(/client\/entry\.js$/.test(key) ||
				/client-optimized\/app\.js$/.test(key) ||
				key.endsWith(`nodes/0.js`) ||
				// SvelteKit loads the root error page at start, so an error offline can be shown.
				key.endsWith(`nodes/1.js`) ||
				key.endsWith(`nodes/${studyNode}.js`))
	);
	const needs = new Set();
	const visit = (key) => {
		const chunk = manifest[key];
		if (!chunk || needs.has(`/${chunk.file}`)) return;
		needs.add(`/${chunk.file}`);
		for (const css of chunk.css ?? []) needs.add(`/${css}`);
		for (const imported of chunk.imports ?? []) visit(imported);
	};
	roots.forEach(visit);
	if (roots.length !== 5)
		throw new Error(`study screen entries not found in the manifest: ${roots}`);
	return needs;
}

/** The stages of a cold start, in order, as `coldStartStages` names them. */
const COLD_START_STAGES = [
	['worker', 'service worker ready to answer the navigation'],
	['document', 'page (HTML) received from the service worker'],
	['scripts', 'last script received from the service worker cache'],
	['domContentLoaded', 'DOMContentLoaded'],
	['shell', "app's header rendered (SvelteKit started)"],
	['dbOpenStart', 'IndexedDB open asked'],
	['dbOpen', 'IndexedDB open'],
	['queries', 'last IndexedDB transaction before the first card done'],
	['inDom', 'first card in the DOM'],
	['painted', 'first card painted']
];

/** In the page: the moments of each cold-start stage, from navigation start (ms). */
function coldStartStages() {
	const probe = window.__probe;
	const front = probe.fronts[0];
	const [navigation] = performance.getEntriesByType('navigation');
	const scripts = performance
		.getEntriesByType('resource')
		.filter((r) => r.startTime < front.at && /\.js$/.test(new URL(r.name).pathname));
	const done = probe.transactions.filter((t) => t.end !== null && t.end <= front.at);
	const latest = (values) => (values.length ? Math.max(...values) : null);
	return {
		worker: navigation.workerStart || null,
		document: navigation.responseEnd,
		scripts: latest(scripts.map((r) => r.responseEnd)),
		domContentLoaded: navigation.domContentLoadedEventEnd,
		shell: probe.shellAt,
		dbOpenStart: probe.dbOpen?.start ?? null,
		dbOpen: probe.dbOpen?.end ?? null,
		queries: latest(done.map((t) => t.end)),
		inDom: front.at,
		painted: front.painted,
		longTasks: probe.longTasks
			.filter((task) => task.start < front.at)
			.reduce((sum, task) => sum + task.duration, 0),
		transactions: done.length
	};
}

/** Each timed section runs in this many fresh browser processes, its samples shared out. */
const PROCESSES = 3;

/** How many of `total` samples process `index` (of PROCESSES) takes: 10 → 4, 3, 3. */
function share(total, index) {
	return Math.floor(total / PROCESSES) + (index < total % PROCESSES ? 1 : 0);
}

/**
 * Runs `body(page, index)` in PROCESSES fresh browser processes on the profile, one after the
 * other, so no figure depends on one process's warm caches or on what ran before it in the
 * same process; a fresh one is left open for what follows.
 */
async function inFreshBrowsers(body) {
	for (let index = 0; index < PROCESSES; index++) {
		await context.close();
		context = await launch();
		await context.addInitScript(probe);
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(60_000);
		await page.goto(BASE);
		await page.locator('.decks li').first().waitFor();
		await body(page, index);
	}
}

/** Waits until every card has its search words (the background indexer), ten minutes at most. */
async function untilSearchWritten(page) {
	const deadline = performance.now() + 600_000;
	while ((await page.evaluate(() => window.bench.awaitingSearch())) > 0) {
		if (performance.now() > deadline) throw new Error('search words still missing after 10 min');
		await page.waitForTimeout(250);
	}
}

/**
 * `reviews` answers on the study screen already open: Space, then a grade (one Again, one
 * Hard, one Easy in ten, else Good), each timed from the key press to the next front in the
 * DOM and to its review's transaction committed; `picture` says whether that front shows one.
 */
async function gradeLoop(page, reviews) {
	const timings = [];
	for (let i = 0; i < reviews; i++) {
		await page.keyboard.press('Space');
		await page.locator('.grades').waitFor();
		const key = i % 10 === 0 ? '1' : i % 10 === 5 ? '2' : i % 10 === 9 ? '4' : '3';
		const before = await page.evaluate(() => window.__probe.fronts.length);
		await page.keyboard.press(key);
		const timing = await page.waitForFunction(
			(before) => {
				const p = window.__probe;
				const pressed = p.grades.at(-1);
				const front = p.fronts.slice(before).find((f) => f.at >= pressed);
				const tx = p.reviewTransactions.find((t) => t.start >= pressed);
				if (!front || !tx || tx.end === null) return null;
				return {
					dom: front.at - pressed,
					commit: tx.end - pressed,
					started: tx.start - pressed,
					committed: tx.committed,
					picture: document.querySelector('.front img') !== null
				};
			},
			before,
			{ polling: 'raf', timeout: 30_000 }
		);
		timings.push(await timing.jsonValue());
	}
	return timings;
}

let context = await launch();
let page = context.pages()[0] ?? (await context.newPage());
let exitCode = 0;
try {
	await context.addInitScript(probe);
	page.setDefaultTimeout(60_000);
	page.on('download', (download) => void download.delete().catch(() => {}));
	const loaded = new Set();
	page.on('response', (response) => {
		const path = new URL(response.url()).pathname;
		if (path.startsWith('/_app/') && /\.(js|css)$/.test(path)) loaded.add(path);
	});

	// ------------------------------------------------------------ install and seed

	if (keptProfile) {
		// A kept profile's service worker would serve the previous build's files: drop it
		// and its caches (the database stays), so this run installs the current build.
		const cdp = await context.newCDPSession(page);
		await cdp.send('Storage.clearDataForOrigin', {
			origin: BASE,
			storageTypes: 'service_workers,cache_storage'
		});
		await cdp.detach();
	}
	await page.goto(BASE);
	await page
		.getByRole('link', { name: /^Study / })
		.first()
		.waitFor();
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
	});
	await page.waitForLoadState('networkidle');
	const firstVisit = gzipBytes(loaded);
	report(
		'weight-first-visit-js',
		'First visit (builds the built-in deck): JS gzip',
		'bytes',
		firstVisit.js
	);

	await benchModule(page);
	const present = await page.evaluate(() => window.bench.collectionSize());
	const seeded =
		keptProfile && present.decks === CONFIG.size.decks && present.logs >= CONFIG.size.logs
			? { ...present, ms: 0, deckIds: Array.from({ length: present.decks }) }
			: await page.evaluate(({ size, now }) => window.bench.seed(size, now), {
					size: CONFIG.size,
					now
				});
	console.log(
		`seeded ${seeded.cards.toLocaleString('en')} cards in ${seeded.deckIds.length} decks and ` +
			`${seeded.logs.toLocaleString('en')} review logs in ${(seeded.ms / 1000).toFixed(1)} s`
	);

	// ------------------------------------------------------------ 6. weight of the first page
	if (section('weight')) {
		loaded.clear();
		await page.goto(BASE);
		await page
			.locator('.decks li')
			.nth(CONFIG.size.decks - 1)
			.waitFor();
		await page.waitForLoadState('networkidle');
		const firstPage = gzipBytes(loaded);
		report(
			'weight-first-page-js',
			'First page (decks, a later start): JS gzip',
			'bytes',
			firstPage.js,
			{
				max: 100_000,
				on: 'median'
			}
		);
		report(
			'weight-first-page-css',
			'First page (decks, a later start): CSS gzip',
			'bytes',
			firstPage.css
		);
	}

	// ------------------------------------------------------------ 3. decks screen
	if (section('decks')) {
		const decksScreen = [];
		await inFreshBrowsers(async (page, index) => {
			for (let run = 0; run < share(CONFIG.screenRuns, index); run++) {
				await page.goto(`${BASE}/settings`);
				await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
				const shown = await arm(page, '.decks li .counts', { count: CONFIG.size.decks });
				await page.getByRole('navigation').getByRole('link', { name: 'Decks' }).click();
				const end = await shown();
				const start = await page.evaluate(() => window.__probe.clicks.at(-1));
				decksScreen.push(end - start);
			}
		});
		report(
			'decks-screen',
			`Decks screen with counts for ${CONFIG.size.decks} decks (tap Decks → all counts in the DOM)`,
			'ms',
			decksScreen,
			{ max: 100, on: 'p95' }
		);
	}

	// ------------------------------------------------------------ 2. grade → next card
	if (section('study')) {
		const toDom = [];
		const toCommit = [];
		const toTransaction = [];
		const commitToDom = [];
		let failedCommits = 0;
		let heapPeak = 0;
		await inFreshBrowsers(async (page, index) => {
			await page.goto(`${BASE}/study?deck=${STUDY_DECK}`);
			await page.locator('.front').waitFor();
			await page.evaluate(() => window.__probe.sampleHeap(true));
			for (const { dom, commit, started, committed } of await gradeLoop(
				page,
				share(CONFIG.reviews, index)
			)) {
				toTransaction.push(started);
				commitToDom.push(dom - commit);
				toDom.push(dom);
				toCommit.push(commit);
				if (!committed) failedCommits++;
			}
			const peak = await page.evaluate(() => {
				window.__probe.sampleHeap(false);
				return window.__probe.heapPeak;
			});
			heapPeak = Math.max(heapPeak, peak);
		});
		const scale = `${CONFIG.size.cards.toLocaleString('en')} cards / ${CONFIG.size.logs.toLocaleString('en')} logs`;
		report(
			'grade-to-dom',
			`Grade → next card's front in the DOM (${CONFIG.reviews} reviews, ${scale})`,
			'ms',
			toDom,
			{ max: 16, on: 'p95' }
		);
		report(
			'grade-to-commit',
			`Grade → review transaction committed (${CONFIG.reviews} reviews)`,
			'ms',
			toCommit,
			{ max: 50, on: 'p95' },
			failedCommits ? `${failedCommits} aborted` : ''
		);
		report(
			'grade-to-transaction',
			'  of which: grade → review transaction opened',
			'ms',
			toTransaction
		);
		report('commit-to-dom', '  of which: commit → next front in the DOM', 'ms', commitToDom);
		report('heap-peak', 'Peak JS heap during the study loop', 'MB', heapPeak / 1_048_576);

		// Where the time goes: the same reads the screens make, timed alone in the page.
		await benchModule(page);
		const reads = [];
		for (let run = 0; run < CONFIG.screenRuns; run++)
			reads.push(await page.evaluate((deck) => window.bench.breakdown(deck, null), STUDY_DECK));
		report(
			'decks-reads-counts',
			'  of which: due counts of every deck (reads alone)',
			'ms',
			reads.map((r) => r.countsMs)
		);
		report(
			'next-step-read',
			'  next study step read alone (nextStudyStep)',
			'ms',
			reads.map((r) => r.nextStepMs)
		);
	}

	// ------------------------------------------------------------ 3. browse search
	if (section('browse')) {
		await page.goto(`${BASE}/browse`);
		const searchbox = page.getByRole('searchbox', { name: 'Search cards' });
		const hasBrowse = await searchbox
			.waitFor({ timeout: 5_000 })
			.then(() => true)
			.catch(() => false);
		if (!hasBrowse)
			skipped('browse-search', 'Browse search over all cards', 'n/a (no /browse route)');
		else {
			const queries = ['kanji', 'rule 4242', 'deck 7', 'botany 1234', 'follows from 3', 'law'];
			const searches = [];
			let run = 0;
			await inFreshBrowsers(async (page, index) => {
				await page.goto(`${BASE}/browse`);
				const searchbox = page.getByRole('searchbox', { name: 'Search cards' });
				await searchbox.waitFor();
				for (let n = 0; n < share(CONFIG.screenRuns, index); n++, run++) {
					const query = `${queries[run % queries.length]}${run >= queries.length ? ' ' + run : ''}`;
					const applied = await arm(
						page,
						`[data-testid="browse-results"][data-query=${JSON.stringify(query)}]`
					);
					await searchbox.fill(query);
					const end = await applied();
					const start = await page.evaluate(() => window.__probe.inputs.at(-1));
					searches.push(end - start);
				}
			});
			report(
				'browse-search',
				`Browse search over ${CONFIG.size.cards.toLocaleString('en')} cards (input → results applied)`,
				'ms',
				searches,
				{ max: 100, on: 'p95' }
			);
		}
	}

	// ------------------------------------------------------------ 5. extraction
	if (section('extract')) {
		await benchModule(page);
		for (const kind of ['varied', 'repeated']) {
			const run = await page.evaluate(({ kind, runs }) => window.bench.extraction(kind, runs), {
				kind,
				runs: CONFIG.extractionRuns
			});
			report(
				`extract-${kind}`,
				`Extraction, ${run.words.toLocaleString('en')}-word ${kind === 'varied' ? 'synthetic' : 'repeated shipped'} article (${run.drafts} drafts)`,
				'ms',
				run.times,
				{ max: 200, on: 'p95' }
			);
			report(
				`extract-tagger-${kind}`,
				'Building the part-of-speech tagger (once per extraction in the New deck worker)',
				'ms',
				[run.taggerMs]
			);
		}
	}
	// ------------------------------------------------------------ FSRS optimiser (issue 15)
	if (section('optimise')) {
		// Optimise over every deck of the heavy collection, from the press to the figures or
		// the sentence: reading 500,000 logs in the worker, cutting histories, fitting with
		// fsrs-browser (one thread) and evaluating both parameter sets. No budget: reported.
		const times = [];
		await page.goto(`${BASE}/settings`);
		const optimiser = page.getByRole('region', { name: 'Optimise FSRS parameters' });
		await optimiser.getByRole('button', { name: 'Optimise' }).waitFor();
		const started = Date.now();
		await optimiser.getByRole('button', { name: 'Optimise' }).click();
		await optimiser
			.getByRole('status')
			.filter({ hasText: /\S/ })
			.waitFor({ timeout: 30 * 60_000 });
		times.push(Date.now() - started);
		const outcome = (await optimiser.getByRole('status').innerText()).split('\n')[0];
		report(
			'optimise-all',
			`Optimise FSRS over every deck (${CONFIG.size.logs.toLocaleString('en')} logs; press → result)`,
			'ms',
			times,
			null,
			outcome
		);
	}
	await context.close();

	// ------------------------------------------------------------ 1. open to first card
	if (section('open')) {
		// Each run is a cold start of the installed app: a fresh browser process on the same
		// profile (service worker registered, caches filled), network off, CPU throttled 4×.
		const needs = studyNeeds();
		const opens = [];
		const opensInDom = [];
		const stages = [];
		const extras = new Set();
		let openWeight = null;
		let throttle = null;
		let servedBy = null;
		for (let run = 0; run < CONFIG.openRuns; run++) {
			context = await launch();
			await context.setOffline(true);
			await context.addInitScript(probe);
			const cold = context.pages()[0] ?? (await context.newPage());
			const cdp = await context.newCDPSession(cold);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
			await cold.goto(`${BASE}/study?deck=${OPEN_DECK}`, { waitUntil: 'commit' });
			const first = await (
				await cold.waitForFunction(() => window.__probe.fronts[0]?.painted ?? null, null, {
					timeout: 60_000
				})
			).jsonValue();
			const probed = await cold.evaluate(async () => ({
				inDom: window.__probe.fronts[0].at,
				// Not precached, so only the network could answer: it must fail.
				online: await fetch('/__bench/bench-page.js').then(
					() => true,
					() => false
				),
				controlled: navigator.serviceWorker.controller !== null,
				resources: performance
					.getEntriesByType('resource')
					.filter((r) => r.startTime < window.__probe.fronts[0].at)
					.map((r) => new URL(r.name).pathname)
					.filter((p) => /\.(js|css)$/.test(p))
			}));
			if (probed.online || !probed.controlled)
				throw new Error(
					`the cold start was not offline and served by the service worker: ${JSON.stringify(probed)}`
				);
			servedBy = 'service worker, offline';
			stages.push(await cold.evaluate(coldStartStages));
			opens.push(first);
			opensInDom.push(probed.inDom);
			for (const path of probed.resources) if (!needs.has(path)) extras.add(path);
			openWeight ??= gzipBytes(new Set(probed.resources));
			if (run === 0) {
				// Proof that the throttle applies to this page: the same loop at 4× and at 1×.
				const loop = () =>
					cold.evaluate(() => {
						const start = performance.now();
						let x = 0;
						for (let i = 0; i < 20_000_000; i++) x = (x + i * 7) % 1_000_003;
						return performance.now() - start + (x < 0 ? 1 : 0);
					});
				const slow = await loop();
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
				const fast = await loop();
				throttle = slow / fast;
			}
			await context.close();
		}
		report(
			'open-to-first-card',
			`Open to first card: cold start, offline, CPU 4× (navigation → front painted; ${servedBy})`,
			'ms',
			opens,
			{ max: 1000, on: 'median' },
			`throttle measured ${throttle.toFixed(1)}×`
		);
		report(
			'open-to-first-card-dom',
			'Open to first card: navigation → front in the DOM',
			'ms',
			opensInDom
		);
		// Where the cold start goes: each stage's moment, from navigation start (medians over
		// the runs above), so a regression points at its stage.
		for (const [key, label] of COLD_START_STAGES) {
			const values = stages.map((stage) => stage[key]).filter((value) => value !== null);
			report(`open-stage-${key}`, `  ${label}`, 'ms', values);
		}
		report(
			'open-long-tasks',
			'  long tasks (script parse, compile, run) before the first card, in all',
			'ms',
			stages.map((stage) => stage.longTasks)
		);
		report(
			'open-transactions',
			'  IndexedDB transactions before the first card',
			'count',
			stages.map((stage) => stage.transactions)
		);
		report(
			'weight-study-js',
			'Study screen cold start: JS gzip loaded before the first card',
			'bytes',
			openWeight.js
		);
		report(
			'weight-study-css',
			'Study screen cold start: CSS gzip loaded before the first card',
			'bytes',
			openWeight.css
		);
		// The machine's floor in the same conditions: read the app's figure against it.
		const floor = await coldStartFloor(
			(dir) =>
				chromium.launchPersistentContext(dir, { executablePath: browserExecutable(), args: ARGS }),
			CONFIG.openRuns
		);
		report(
			'open-floor',
			'Floor: a blank page with one small script, same cold start (what the app cannot beat)',
			'ms',
			floor
		);
		const extraRow = report(
			'study-extras',
			'Files loaded before the first card that the study screen does not need',
			'files',
			extras.size,
			{ max: 0, on: 'median' },
			[...extras].join(', ')
		);
		void extraRow;
	}
	// ------------------------------------------------------------ 4. import and export
	// Last: writing and deleting 100,000 rows three times leaves the database busy compacting,
	// which would slow the cold starts above.
	if (section('transfer')) {
		context = await launch();
		await context.addInitScript(probe);
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(60_000);
		page.on('download', (download) => void download.delete().catch(() => {}));
		await page.goto(`${BASE}/import`);
		await benchModule(page);
		const file = await page.evaluate(
			({ deck, now, id }) => window.bench.prepareDeckFile(deck.cards, deck.logs, now, id),
			{ deck: CONFIG.importDeck, now, id: IMPORT_DECK }
		);
		const fileLabel = `${file.cards.toLocaleString('en')} cards + ${file.logs.toLocaleString('en')} logs, ${(file.bytes / 1_048_576).toFixed(1)} MB`;
		const imports = [];
		const searchCatchUps = [];
		const rawDeferredWrites = [];
		const rawWrites = [];
		const exports = [];
		const rawReads = [];
		const phases = [];
		for (let run = 0; run < CONFIG.transferRuns; run++) {
			if (run > 0) {
				await page.goto(`${BASE}/import`);
				await benchModule(page);
				await page.evaluate(
					({ deck, now, id }) => window.bench.prepareDeckFile(deck.cards, deck.logs, now, id),
					{ deck: CONFIG.importDeck, now, id: IMPORT_DECK }
				);
			}
			rawWrites.push(await page.evaluate((id) => window.bench.rawWrite(id), IMPORT_DECK));
			rawDeferredWrites.push(
				await page.evaluate((id) => window.bench.rawWrite(id, true), IMPORT_DECK)
			);
			imports.push(await importThroughScreen(page));
			// The search words follow in the background (`search-index.ts`): until they are
			// written, the new cards are studyable but not found by words.
			const indexing = performance.now();
			await untilSearchWritten(page);
			searchCatchUps.push(performance.now() - indexing);

			await page.goto(`${BASE}/deck?id=${IMPORT_DECK}`);
			await page.getByRole('button', { name: 'Export' }).waitFor();
			await benchModule(page);
			// Both timed with the deck's rows as warm in the caches: one untimed read first.
			await page.evaluate((id) => window.bench.rawRead(id), IMPORT_DECK);
			const read = await page.evaluate((id) => window.bench.rawRead(id), IMPORT_DECK);
			rawReads.push(read.ms);
			const downloads = await page.evaluate(() => {
				window.__probe.clicks.splice(0);
				return window.__probe.downloads.length;
			});
			await page.getByRole('button', { name: 'Export' }).click();
			const handed = await page.waitForFunction(
				(n) => window.__probe.downloads[n] ?? null,
				downloads,
				{ timeout: LONG }
			);
			const exportEnd = await handed.jsonValue();
			const exportStart = await page.evaluate(() => window.__probe.clicks[0]);
			exports.push(exportEnd - exportStart);
			phases.push(
				(await page.evaluate((ids) => window.bench.breakdown(...ids), [STUDY_DECK, IMPORT_DECK]))
					.exportPhases
			);
			await page.evaluate((id) => window.bench.removeDeck(id), IMPORT_DECK);
		}
		report(
			'raw-write',
			`Raw Dexie bulkPut, one transaction, every index (${fileLabel})`,
			'ms',
			rawWrites
		);
		report(
			'raw-write-deferred',
			'Raw Dexie bulkPut of the same rows without their search words, as the import writes them',
			'ms',
			rawDeferredWrites
		);
		const importRow = report(
			'import',
			`Import deck file: pick → preview, Import → done (${fileLabel})`,
			'ms',
			imports
		);
		report(
			'import-ratio',
			'Import ÷ raw bulkPut of the rows as it writes them (medians)',
			'×',
			importRow.median / percentile(rawDeferredWrites, 50),
			{
				max: 2,
				on: 'median'
			}
		);
		report(
			'search-catch-up',
			'Search words written in the background after the import (import done → every card found)',
			'ms',
			searchCatchUps
		);
		report('raw-read', 'Raw Dexie toArray of the deck, one transaction', 'ms', rawReads);
		const exportRow = report(
			'export',
			'Export deck file with history: Export → file handed over',
			'ms',
			exports
		);
		report(
			'export-ratio',
			'Export ÷ raw toArray (medians)',
			'×',
			exportRow.median / percentile(rawReads, 50),
			{
				max: 2,
				on: 'median'
			}
		);
		report(
			'export-read',
			'  export phases alone: readDeckForExport',
			'ms',
			phases.map((p) => p.readMs)
		);
		report(
			'export-encode',
			'  export phases alone: encodeDeck',
			'ms',
			phases.map((p) => p.encodeMs)
		);
		report(
			'export-file',
			'  export phases alone: new File',
			'ms',
			phases.map((p) => p.fileMs)
		);
	}

	// ------------------------------------------------------------ 7. an Anki deck with pictures
	if (section('media')) {
		const { cards, images, imageBytes } = CONFIG.mediaDeck;
		const imports = [];
		const rawWrites = [];
		const rawAll = [];
		const pictureFronts = [];
		let whileIndexing = null;
		let label = '';
		for (let run = 0; run < CONFIG.transferRuns; run++) {
			// Each run in a fresh browser process, the file built anew (its pictures are random).
			await context.close();
			context = await launch();
			await context.addInitScript(probe);
			page = context.pages()[0] ?? (await context.newPage());
			page.setDefaultTimeout(LONG);
			await page.goto(`${BASE}/import`);
			await benchModule(page);
			const file = await page.evaluate(
				(a) => window.bench.prepareMediaPackage(a.cards, a.images, a.imageBytes, a.now, a.id),
				{ cards, images, imageBytes, now, id: MEDIA_DECK }
			);
			label = `${file.cards.toLocaleString('en')} cards, ${file.images.toLocaleString('en')} pictures, ${(file.bytes / 1_048_576).toFixed(1)} MB .apkg`;
			const raw = await page.evaluate((id) => window.bench.rawMediaWrite(id), MEDIA_DECK);
			rawWrites.push(raw.pictures);
			rawAll.push(raw.all);
			imports.push(await importThroughScreen(page));
			if (run === 0) {
				const imported = await page.evaluate(() => window.bench.importedMediaDeck());
				if (!quick) {
					// Studying at once, while the search words of the cards just imported are still
					// being written in the background (the quick run's few cards are done in a moment).
					const waiting = await page.evaluate(() => window.bench.awaitingSearch());
					await page.goto(`${BASE}/study?deck=${imported}`);
					await page.locator('.front').waitFor();
					const timings = await gradeLoop(page, CONFIG.mediaReviews);
					await benchModule(page);
					whileIndexing = {
						timings,
						waiting,
						left: await page.evaluate(() => window.bench.awaitingSearch())
					};
				}
				// The next card's front when it shows a picture. After the search words are
				// written, as the study section's collection is, and in the first run: after a
				// run has deleted 100 MB, the disk is busy compacting for a while.
				await untilSearchWritten(page);
				await page.goto(`${BASE}/study?deck=${imported}`);
				await page.locator('.front').waitFor();
				for (const timing of await gradeLoop(page, CONFIG.mediaReviews))
					if (timing.picture) pictureFronts.push(timing.dom);
				await benchModule(page);
			}
			await page.evaluate((id) => window.bench.removeMediaDeck(id), MEDIA_DECK);
		}
		report(
			'media-raw-write',
			`Raw Dexie bulkPut of the pictures alone, one transaction (${label})`,
			'ms',
			rawWrites
		);
		const importRow = report(
			'media-import',
			`Import an Anki package with pictures: pick → preview, Import → done (${label})`,
			'ms',
			imports
		);
		report(
			'media-import-ratio',
			'Media import ÷ raw bulkPut of its pictures (medians)',
			'×',
			importRow.median / percentile(rawWrites, 50),
			{ max: 2, on: 'median' }
		);
		report(
			'media-raw-all',
			'Raw Dexie bulkPut of its cards and pictures together, one transaction',
			'ms',
			rawAll
		);
		report(
			'media-import-ratio-all',
			'Media import ÷ raw bulkPut of its cards and pictures (medians)',
			'×',
			importRow.median / percentile(rawAll, 50)
		);
		if (whileIndexing) {
			const { timings, waiting, left } = whileIndexing;
			const during = `${CONFIG.mediaReviews} reviews right after the import, ${waiting.toLocaleString('en')} cards waiting for their search words before, ${left.toLocaleString('en')} after`;
			report(
				'media-grade-while-indexing',
				`Grade → next card's front in the DOM, while the search words are written (${during})`,
				'ms',
				timings.map((t) => t.dom),
				{ max: 16, on: 'p95' }
			);
			report(
				'media-commit-while-indexing',
				'Grade → review committed, the same reviews',
				'ms',
				timings.map((t) => t.commit),
				{ max: 50, on: 'p95' }
			);
		}
		if (pictureFronts.length > 0)
			report(
				'media-grade-to-picture',
				`Grade → next card's front in the DOM, the front showing a picture (${pictureFronts.length} of ${CONFIG.mediaReviews} reviews)`,
				'ms',
				pictureFronts,
				{ max: 16, on: 'p95' }
			);
		else
			skipped(
				'media-grade-to-picture',
				'Grade → next card with a picture',
				`none of ${CONFIG.mediaReviews} cards studied showed one`
			);
	}

	// ------------------------------------------------------------ 9. sync (issue #16)
	// Last: it turns sync on, which every later write would pay for. The server is
	// pouchdb-server's core in memory in this Node process, on loopback, so the figures
	// include the server's own work on the same two cores (a real server is elsewhere).
	if (section('sync')) {
		const couch = await startBenchCouch();
		await context.close().catch(() => {});
		context = await launch();
		await context.addInitScript(probe);
		page = context.pages()[0] ?? (await context.newPage());
		page.setDefaultTimeout(LONG);
		await page.goto(BASE);
		await page.locator('.decks li').first().waitFor();
		await benchModule(page);
		try {
			// The same reviews' transactions before sync is on, to compare with those after
			// (after as many again to warm up: the page is new).
			await page.evaluate(({ count, now }) => window.bench.reviewOnA(count, now), {
				count: CONFIG.syncReviews,
				now: now + 30_000
			});
			const unsynced = await page.evaluate(({ count, now }) => window.bench.reviewOnA(count, now), {
				count: CONFIG.syncReviews,
				now: now + 30_000
			});
			await couch.addUser('bench', 'bench-password');
			await page.evaluate(({ url }) => window.bench.syncSignIn(url, 'bench', 'bench-password'), {
				url: couch.url
			});
			const firstPush = await page.evaluate(() => window.bench.timedSync('a'));
			report(
				'sync-first-push',
				'Sync: first push of the whole collection from the device that has it',
				'ms',
				firstPush.ms,
				null,
				`${firstPush.report.pushed.toLocaleString('en')} records and logs; ${Math.round(firstPush.network)} ms waiting for the server`
			);
			const first = await page.evaluate(() => window.bench.timedSync('b'));
			const complete = first.cards === firstPush.cards && first.logs === firstPush.logs;
			report(
				'sync-first',
				'Sync: first sync of the whole collection to an empty device',
				'ms',
				first.ms,
				{ max: 90_000, on: 'median' },
				`${first.cards.toLocaleString('en')} cards, ${first.logs.toLocaleString('en')} logs arrived${complete ? '' : ' — NOT the whole collection'}; ${Math.round(first.network)} ms waiting for the server; longest task ${Math.round(first.longestTask)} ms`
			);
			if (!complete) exitCode = 1;
			const noop = [];
			for (let run = 0; run < CONFIG.screenRuns; run++)
				noop.push((await page.evaluate(() => window.bench.timedSync('b'))).ms);
			report('sync-noop', 'Sync with nothing to do', 'ms', noop, { max: 300, on: 'median' });
			const everyday = [];
			const synced = [];
			for (let run = 0; run < 3; run++) {
				const { reviewed, commits } = await page.evaluate(
					({ count, now }) => window.bench.reviewOnA(count, now),
					{ count: CONFIG.syncReviews, now: now + (run + 1) * 60_000 }
				);
				if (reviewed !== CONFIG.syncReviews)
					throw new Error(`only ${reviewed} review cards were due`);
				synced.push(...commits);
				const sent = await page.evaluate(() => window.bench.timedSync('a'));
				const received = await page.evaluate(() => window.bench.timedSync('b'));
				everyday.push(sent.ms + received.ms);
			}
			report(
				'sync-everyday',
				`Sync after ${CONFIG.syncReviews} reviews: send from one device, then receive on the other`,
				'ms',
				everyday,
				{ max: 2_000, on: 'median' }
			);
			report(
				'sync-review-off',
				"A review's transaction (recordReview → committed), sync off",
				'ms',
				unsynced.commits
			);
			report(
				'sync-review-on',
				"The same with sync on (the review's outbox entries in its transaction)",
				'ms',
				synced
			);
		} finally {
			await page.evaluate(() => window.bench.syncCleanUp()).catch(() => {});
			await couch.stop();
		}
	}
} catch (error) {
	exitCode = 1;
	console.error(error);
} finally {
	await context.close().catch(() => {});
	await server.close();
	if (!keptProfile) rmSync(profile, { recursive: true, force: true });
}

// ---------------------------------------------------------------- output

const environment = {
	date: new Date(now).toISOString(),
	mode: quick ? 'quick' : 'full',
	collection: CONFIG.size,
	chromium: chromiumVersion,
	cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
	loadAverage: { before: loadBefore, after: loadavg().map((n) => Number(n.toFixed(2))) },
	profile: profileState,
	processesPerSection: PROCESSES
};
writeFileSync('bench/results.json', JSON.stringify({ environment, results }, null, '\t') + '\n');
const budgetText = (row) =>
	row.budget
		? `${row.budget.on} ≤ ${format(row.budget.max, row.unit)}${row.unit === '×' ? '×' : row.unit === 'ms' ? ' ms' : ''}`
		: '';
console.log(
	`\n${quick ? 'Quick run' : 'Full run'}: ${CONFIG.size.cards.toLocaleString('en')} cards in ${CONFIG.size.decks} decks, ` +
		`${CONFIG.size.logs.toLocaleString('en')} review logs; ${environment.cpus}; ${chromiumVersion}; ` +
		`load average ${environment.loadAverage.before.join(' ')} before, ${environment.loadAverage.after.join(' ')} after; ` +
		`${profileState}; each timed screen section in ${PROCESSES} fresh browser processes, each cold start in its own\n`
);
console.log('| measure | unit | runs | median | p95 | min–max | budget | met |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | --- | :---: |');
const spread = (row) =>
	row.runs > 1
		? `${format(Math.min(...row.samples), row.unit)}–${format(Math.max(...row.samples), row.unit)}`
		: '';
for (const row of results)
	console.log(
		`| ${row.measure}${row.note ? ` — ${row.note}` : ''} | ${row.unit} | ${row.runs} | ${format(row.median, row.unit)} | ${format(row.p95, row.unit)} | ${spread(row)} | ${budgetText(row)} | ${row.met === null ? '' : row.met ? '✓' : '✗'} |`
	);
process.exitCode = exitCode;
