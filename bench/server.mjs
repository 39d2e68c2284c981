// The benchmark's static host: the built app from `build/` exactly as a static host would
// serve it (a path, then path.html, then the 200.html fallback), plus the bench's own module
// under /__bench/ on the same origin, so that module can open the app's IndexedDB database.
// Text is sent gzipped to a browser that asks for it, as any real static host does: a first
// visit measured over a throttled network (Lighthouse) would otherwise pay for bytes no
// user downloads.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.wasm': 'application/wasm'
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.wasm']);

/** Starts the server (on a free port unless one is given); `close()` stops it. */
export async function serve({ app = 'build', bench = 'bench/.out', port = 0 } = {}) {
	const server = createServer(async (request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		const candidates = path.startsWith('/__bench/')
			? [join(bench, path.slice('/__bench/'.length))]
			: [...(path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`]), '/200.html'].map(
					(candidate) => join(app, candidate)
				);
		for (const candidate of candidates) {
			try {
				const body = await readFile(candidate);
				const gzip =
					COMPRESSIBLE.has(extname(candidate)) &&
					/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
				response.writeHead(200, {
					'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream',
					'cache-control': 'no-cache',
					vary: 'accept-encoding',
					...(gzip ? { 'content-encoding': 'gzip' } : {})
				});
				response.end(gzip ? gzipSync(body) : body);
				return;
			} catch {
				// try the next candidate
			}
		}
		response.writeHead(404).end();
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
