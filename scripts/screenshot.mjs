// Takes the README's screenshot of the study screen on a phone. Run by hand
// against a running build: `npm start` in one shell, `node scripts/screenshot.mjs` in another.
import { chromium, devices } from '@playwright/test';
import { browserExecutable } from './browser.mjs';

const browser = await chromium.launch({ executablePath: browserExecutable() });
const context = await browser.newContext({ ...devices['Pixel 7'] });
const page = await context.newPage();
await page.goto('http://localhost:4173/study?deck=builtin-backend-developer');
await page.getByRole('button', { name: /^Show answer/ }).tap();
await page.getByRole('button', { name: /^Good/ }).waitFor();
await page.screenshot({ path: 'docs/screenshot-study.png' });
await browser.close();
console.log('docs/screenshot-study.png');
