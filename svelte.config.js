import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered as a client-rendered shell; `200.html` is the
		// fallback a static host serves for any other URL. (Offline, the service
		// worker answers such navigations with the root shell instead.)
		adapter: adapter({ fallback: '200.html' }),
		serviceWorker: { register: false }
	}
};

export default config;
