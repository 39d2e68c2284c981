// Precaches the page and its module, then answers from the cache, as the app's worker does.
const FILES = ['/', '/floor.js'];
self.addEventListener('install', (event) =>
	event.waitUntil(
		caches
			.open('floor')
			.then((cache) => cache.addAll(FILES))
			.then(() => self.skipWaiting())
	)
);
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) =>
	event.respondWith(
		caches.match(event.request, { ignoreSearch: true }).then((hit) => hit ?? fetch(event.request))
	)
);
