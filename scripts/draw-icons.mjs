// Draws the app's PNG icons from one SVG, in Chromium. Run by hand when the
// design changes (`node scripts/draw-icons.mjs`); the PNGs are committed.
import { chromium } from '@playwright/test';
import { browserExecutable } from './browser.mjs';

/** @param {{ maskable: boolean }} options */
function svg({ maskable }) {
	// A maskable icon may be cropped to a circle of 80% of its size: keep the art inside it.
	const scale = maskable ? 0.62 : 0.8;
	const offset = ((1 - scale) / 2) * 512;
	const corner = maskable ? 0 : 96;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
	<rect width="512" height="512" rx="${corner}" fill="#1f4e79"/>
	<g transform="translate(${offset} ${offset}) scale(${scale})">
		<rect x="118" y="70" width="300" height="380" rx="28" fill="#8cc4ff" transform="rotate(10 268 260)"/>
		<rect x="96" y="62" width="300" height="380" rx="28" fill="#f7f5f0"/>
		<rect x="136" y="118" width="220" height="22" rx="11" fill="#1f4e79"/>
		<rect x="136" y="166" width="170" height="22" rx="11" fill="#9aa7b4"/>
		<rect x="136" y="214" width="196" height="22" rx="11" fill="#9aa7b4"/>
		<path d="M170 330 l44 44 l90 -104" fill="none" stroke="#15803d" stroke-width="34" stroke-linecap="round" stroke-linejoin="round"/>
	</g>
</svg>`;
}

const targets = [
	{ file: 'icon-192.png', size: 192, maskable: false },
	{ file: 'icon-512.png', size: 512, maskable: false },
	{ file: 'icon-maskable-512.png', size: 512, maskable: true },
	{ file: 'apple-touch-icon.png', size: 180, maskable: true }
];

const browser = await chromium.launch({ executablePath: browserExecutable() });
const page = await browser.newPage();
for (const { file, size, maskable } of targets) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg({ maskable })}`
	);
	await page.locator('svg').screenshot({ path: `static/icons/${file}`, omitBackground: true });
	console.log(`static/icons/${file}`);
}
await browser.close();
