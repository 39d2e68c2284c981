import { expect, test } from '@playwright/test';
import { counts, EXTRACTION_TIMEOUT, makeCards, press, waitForServiceWorker } from './helpers';

const ARTICLE = `# Brewing Tea

Tea is one of the most popular drinks in the world.

## Myths

One common misconception is that green tea has no caffeine. In fact, green tea contains about a third of the caffeine of coffee.

Many people think that tea should be brewed with boiling water. This isn't true! Delicate teas such as green and white tea are best brewed at 70 to 80 degrees.

## What you need

To brew loose-leaf tea you need the following:

- A kettle.
- A teapot or infuser.
- Fresh loose-leaf tea.
- A timer.
`;

test('paste an article, make cards, untick one, edit one, save, and study it offline', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await press(page, page.getByRole('link', { name: 'New deck from article' }));
	await page.getByLabel('Article').fill(ARTICLE);
	await makeCards(page);

	const misconceptions = page.getByRole('group', { name: /^Misconceptions/ });
	await expect(misconceptions.getByRole('listitem')).toHaveCount(2);
	await expect(
		page
			.getByRole('group', { name: /^Lists/ })
			.locator('textarea[id^="back-"]')
			.first()
	).toHaveValue(/A teapot or infuser/);
	await expect(page.getByLabel('Deck name')).toHaveValue('Brewing Tea');

	const keep = page.getByRole('checkbox', { checked: true });
	const chosenBefore = await keep.count();
	const firstFront = misconceptions.locator('textarea[id^="front-"]').first();
	await firstFront.fill('True or false: green tea is caffeine-free. (edited)');
	const dropped = await misconceptions.locator('textarea[id^="front-"]').nth(1).inputValue();
	await misconceptions.getByRole('checkbox').nth(1).uncheck();

	await page.getByLabel('Deck name').fill('Tea basics');
	await press(page, page.getByRole('button', { name: 'Save deck' }));
	await expect(page.getByRole('heading', { name: 'Tea basics' })).toBeVisible();
	await expect(page.getByText(`${chosenBefore - 1} cards`)).toBeVisible();

	await context.setOffline(true);
	await press(page, page.getByRole('link', { name: 'Study' }));
	const seen: string[] = [];
	for (let i = 0; i < chosenBefore - 1; i++) {
		const front = await page.locator('.front').innerText();
		seen.push(front);
		await page.keyboard.press('Space');
		await page.keyboard.press('4');
		await expect(page.locator('.front').getByText(front, { exact: true })).toHaveCount(0);
	}
	await expect(page.getByRole('heading', { name: 'Done for today' })).toBeVisible();
	expect(seen).toContain('True or false: green tea is caffeine-free. (edited)');
	expect(seen).not.toContain(dropped);
	await expect.poll(() => counts(page)).toEqual({ newCards: 0, learning: 0, reviews: 0 });
});

test('bad input gets a clear message and saves nothing', async ({ page }) => {
	await page.goto('/new');
	await page.getByRole('button', { name: 'Make cards' }).click();
	await expect(page.getByRole('alert')).toHaveText('The article is empty.');

	await page.getByLabel('Article').fill('<html><body><p>Hello</p></body></html>');
	await page.getByRole('button', { name: 'Make cards' }).click();
	await expect(page.getByRole('alert')).toContainText('HTML', { timeout: EXTRACTION_TIMEOUT });

	await page.locator('input[type=file]').setInputFiles({
		name: 'photo.png',
		mimeType: 'image/png',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])
	});
	await expect(page.getByRole('alert')).toHaveText(
		'“photo.png” is not a text file. Open a .md, .html or .txt file.'
	);
	await expect(page.getByRole('button', { name: 'Save deck' })).toHaveCount(0);

	await page.goto('/');
	await expect(page.getByRole('listitem')).toHaveCount(1);
});

test('a .md file can be opened instead of pasting', async ({ page }) => {
	await page.goto('/new');
	await page.locator('input[type=file]').setInputFiles({
		name: 'tea.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(ARTICLE)
	});
	await expect(page.getByLabel('Article')).toHaveValue(ARTICLE);
	await makeCards(page);
	await expect(page.getByLabel('Deck name')).toHaveValue('Brewing Tea');
});

/** Pastes into the focused article field as a browser does when copying from a web page. */
async function pasteHtml(page: import('@playwright/test').Page, html: string, text: string) {
	await page.getByLabel('Article').focus();
	await page.evaluate(
		({ html, text }) => {
			const data = new DataTransfer();
			data.setData('text/html', html);
			data.setData('text/plain', text);
			const field = document.activeElement as HTMLTextAreaElement;
			field.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		},
		{ html, text }
	);
}

test('a web page pasted keeps its headings and lists, and names the deck', async ({ page }) => {
	await page.goto('/new');
	await pasteHtml(
		page,
		'<meta charset="utf-8"><h1>Brewing Tea</h1><p>Tea is one of the most popular drinks in the world.</p>' +
			'<p>One common misconception is that green tea has no caffeine. In fact, green tea contains some caffeine.</p>' +
			'<h2>What you need</h2><p>To brew loose-leaf tea you need the following:</p>' +
			'<ul><li>A kettle</li><li>A teapot or <b>infuser</b></li><li>Fresh <a href="https://example.com">loose-leaf tea</a></li></ul>',
		'Brewing Tea Tea is one of … (plain text the page would give)'
	);
	const article = page.getByLabel('Article');
	await expect(article).toHaveValue(/^# Brewing Tea\n/);
	await expect(article).toHaveValue(
		/\n- A kettle\n- A teapot or \*\*infuser\*\*\n- Fresh loose-leaf tea/
	);
	await makeCards(page);
	await expect(page.getByLabel('Deck name')).toHaveValue('Brewing Tea');
	await expect(
		page
			.getByRole('group', { name: /^Lists/ })
			.locator('textarea[id^="back-"]')
			.first()
	).toHaveValue('• A kettle\n• A teapot or infuser\n• Fresh loose-leaf tea');
	await expect(page.getByRole('group', { name: /^Misconceptions/ })).toBeVisible();
});

test('plain text copied without bullets still gives its list', async ({ page }) => {
	await page.goto('/new');
	await page
		.getByLabel('Article')
		.fill(
			'Brewing Tea\n\nTea is one of the most popular drinks in the world. People have drunk it for thousands of years.\n\n' +
				'To brew loose-leaf tea you need the following:\n\nA kettle\nA teapot or infuser\nFresh loose-leaf tea\nA timer\n\n' +
				'Green tea is best brewed at about 80 degrees.'
		);
	await makeCards(page);
	await expect(
		page
			.getByRole('group', { name: /^Lists/ })
			.locator('textarea[id^="back-"]')
			.first()
	).toHaveValue('• A kettle\n• A teapot or infuser\n• Fresh loose-leaf tea\n• A timer');
});

test('a Markdown file with front matter: the title names the deck, the front matter makes no card', async ({
	page
}) => {
	await page.goto('/new');
	await page.getByLabel(/Open a file/).setInputFiles({
		name: 'tea.md',
		mimeType: 'text/markdown',
		buffer: Buffer.from(
			'---\ntitle: "A guide to tea"\nauthor: Someone\ntags: [tea, drinks]\n---\n\n' +
				'Oolong is a partly oxidised tea from China and Taiwan.\n\n' +
				'One common misconception is that green tea has no caffeine. In fact, green tea contains some caffeine.\n'
		)
	});
	await expect(page.getByLabel('Article')).toHaveValue(/^---\ntitle/);
	await makeCards(page);
	await expect(page.getByLabel('Deck name')).toHaveValue('A guide to tea');
	const fronts = await page
		.locator('textarea[id^="front-"]')
		.evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
	expect(fronts).toContain('What is Oolong?');
	expect(fronts.join('\n')).not.toMatch(/author|Someone|title:/);
});

test('an .html file keeps only its article', async ({ page }) => {
	await page.goto('/new');
	const paragraph =
		'<p>Oolong tea is a partly oxidised tea made in China and Taiwan. It is rolled, withered and dried before it is sold, and it can be steeped several times.</p>';
	await page.getByLabel(/Open a file/).setInputFiles({
		name: 'oolong.html',
		mimeType: 'text/html',
		buffer: Buffer.from(
			`<!doctype html><html><head><title>Oolong</title></head><body><nav><a href="/">Home</a> <a href="/shop">Shop online</a></nav>` +
				`<article><h1>Oolong</h1>${paragraph.repeat(4)}</article><footer>Subscribe to our newsletter</footer></body></html>`
		)
	});
	const article = page.getByLabel('Article');
	await expect(article).toHaveValue(/Oolong tea is a partly oxidised tea/);
	await expect(article).not.toHaveValue(/Shop online|Subscribe/);
});

test('text shared to the app opens New deck filled in; a link alone says what to do', async ({
	page
}) => {
	await page.goto(
		`/new?title=${encodeURIComponent('Tea notes')}&text=${encodeURIComponent('Oolong is a partly oxidised tea from China. Green tea is not a fermented tea.')}`
	);
	await expect(page.getByLabel('Article')).toHaveValue(/^Oolong is a partly oxidised tea/);
	await expect(page).toHaveURL(/\/new$/);
	await makeCards(page);
	await expect(page.getByLabel('Deck name')).toHaveValue('Tea notes');

	// A link alone: what to do is said, and the text shared before (kept) is not lost.
	await page.goto(`/new?url=${encodeURIComponent('https://example.com/tea')}`);
	await expect(page.getByRole('status')).toContainText('does not fetch pages');
	await expect(page.getByLabel('Article')).toHaveValue(/^Oolong is a partly oxidised tea/);
});
