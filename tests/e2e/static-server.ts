import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.wasm': 'application/wasm'
};

/**
 * Serves the built app (`build/`) like a static host, with a hook to change what
 * `sw.js` says: Playwright cannot route a service worker's own script request,
 * and `vite preview` caches files, so a "new deployment" is simulated here.
 */
export async function serveBuild(root = 'build') {
	let swSuffix = '';
	const server: Server = createServer(async (request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
		const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`];
		for (const candidate of [...candidates, '/200.html']) {
			try {
				let body: Buffer | string = await readFile(join(root, candidate));
				if (candidate === '/sw.js') body = body.toString() + swSuffix;
				response.writeHead(200, {
					'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream',
					'cache-control': 'no-cache'
				});
				response.end(body);
				return;
			} catch {
				// try the next candidate
			}
		}
		response.writeHead(404).end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		/** Makes the next `sw.js` fetch return a different script: a new version. */
		deployNewVersion(tag: string) {
			swSuffix = `\n// ${tag}\n`;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
