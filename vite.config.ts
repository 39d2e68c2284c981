import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// The import worker loads sql.js on demand, which needs an ES-module worker.
	worker: { format: 'es' },
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// We register ourselves with workbox-window (src/lib/pwa/service-worker.svelte.ts)
			// so the update prompt is ours; 'prompt' keeps a new worker waiting until the
			// user presses Reload instead of swapping code under a study session.
			registerType: 'prompt',
			injectRegister: false,
			manifest: {
				id: '/',
				name: 'Article Flashcards',
				short_name: 'Flashcards',
				description: 'Turn an article into flashcards and study them offline, scheduled with FSRS.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'portrait',
				theme_color: '#1f4e79',
				background_color: '#f7f5f0',
				categories: ['education', 'productivity'],
				// Text shared from another app (a browser's "Share" on selected text) opens
				// New deck with it filled in; the page reads the parameters on the client.
				share_target: {
					action: '/new',
					method: 'GET',
					enctype: 'application/x-www-form-urlencoded',
					params: { title: 'title', text: 'text', url: 'url' }
				},
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,woff,woff2,wasm}',
					'prerendered/**/*.html'
				],
				// sql.js's WebAssembly (~690 kB) and the extraction worker with its English model
				// (~3.9 MB; gzip ~1.1 MB) are precached so Anki import and New deck work offline;
				// the ceiling leaves room above Workbox's 2 MiB default as it grows.
				maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
				// Every route is a client-rendered shell, so any navigation offline can be
				// answered with the prerendered root and the router takes it from there.
				navigateFallback: '/',
				// Pages take their parameters on the client (`/study?deck=…`), so a query
				// must not stop a navigation matching its own precached page: without this,
				// `/study?deck=…` got the root page, which loads the decks screen's code
				// before the study screen's on every offline start.
				ignoreURLParametersMatching: [/.*/],
				// The first install takes control of the open page at once (the page is
				// otherwise uncontrolled until a reload, and would not work offline).
				// Later versions wait for the user's Reload (SKIP_WAITING message).
				clientsClaim: true,
				skipWaiting: false,
				cleanupOutdatedCaches: true
			},
			kit: { includeVersionFile: true }
		})
	],
	test: {
		include: ['src/**/*.spec.ts', 'eval/**/*.spec.ts', 'eval/**/*.eval.ts'],
		environment: 'node',
		// The slowest unit tests (adversarial extractor inputs) take ~1 s idle and ~5 s on a
		// loaded machine: 20 s keeps them clear of their timeout on a busy CI.
		testTimeout: 20_000,
		benchmark: { include: ['bench/**/*.bench.ts'] }
	}
});
