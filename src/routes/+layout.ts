// Every page is a client-rendered shell, prerendered so the service worker can
// precache it and any route opens offline.
export const prerender = true;
export const ssr = false;
export const trailingSlash = 'never';
