import { expect, test, type Page } from '@playwright/test';
import {
	answerByKeyboard,
	BUILTIN_DECK_ID,
	BUILTIN_DECK_NAME,
	counts,
	countStored,
	exportFile,
	openBuiltinDeck,
	press,
	STUDY_MORNING
} from './helpers';

/** Three new cards of the built-in deck answered Good, mid-morning so they are due again today. */
async function studyThreeCards(page: Page) {
	await page.clock.install({ time: STUDY_MORNING });
	await openBuiltinDeck(page);
	for (let i = 0; i < 3; i++) await answerByKeyboard(page, '3');
	const before = { newCards: 17, learning: 3, reviews: 0 };
	await expect.poll(() => counts(page)).toEqual(before);
	return before;
}

test.beforeEach(async ({ page }) => {
	// A phone's share sheet cannot be driven headless: record what would be shared.
	await page.addInitScript(() => {
		navigator.canShare = () => true;
		navigator.share = async (data?: ShareData) => {
			(window as unknown as { shared?: File }).shared = data?.files?.[0];
		};
	});
});

test('export a deck, delete it, import the file: study continues where it was', async ({
	page
}) => {
	const before = await studyThreeCards(page);

	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	const file = await exportFile(page);
	expect(file.name).toMatch(/^what-does-a-backend-developer-do-[a-z-]+-\d{4}-\d{2}-\d{2}\.json$/);

	await press(page, page.getByRole('button', { name: 'Delete deck' }));
	await press(page, page.getByRole('button', { name: 'Delete for good' }));
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await expect(page.getByRole('listitem')).toHaveCount(0);

	await press(page, page.getByRole('link', { name: 'Import' }));
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
	await expect(page.getByRole('heading', { name: 'Import this?' })).toBeVisible();
	await expect(page.getByText(/cards, 3 reviews · none of them on this device yet/)).toBeVisible();
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await press(page, page.getByRole('link', { name: 'Study' }));
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await expect.poll(() => counts(page)).toEqual(before);

	// Their search words are written after the import, in the background: search finds them.
	await page.goto('/browse');
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('backend');
	await expect(page.getByTestId('browse-row').first()).toBeVisible();
	await expect(page.getByTestId('search-catching-up')).toBeHidden();
	expect(await countStored(page, 'cards', { searchPending: 1 })).toBe(0);
});

test('a bad file gets a message saying what is wrong, and nothing changes', async ({ page }) => {
	await page.goto('/');
	const deck = page.getByRole('listitem').filter({ hasText: BUILTIN_DECK_NAME });
	const before = await counts(deck);
	await page.goto('/import');

	await page.locator('input[type=file]').setInputFiles({
		name: 'deck.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format":"article-flashcards.deck","version":1,\n"deck":{"id":"x",')
	});
	await expect(page.getByRole('alert')).toContainText('not complete JSON');

	await page.locator('input[type=file]').setInputFiles({
		name: 'other.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"name":"something else"}')
	});
	await expect(page.getByRole('alert')).toContainText('not a deck file');

	await page.locator('input[type=file]').setInputFiles({
		name: 'notes.apkg',
		mimeType: 'application/zip',
		buffer: Buffer.from('PK\u0003\u0004 this is not really a zip at all')
	});
	await expect(page.getByRole('alert')).not.toBeEmpty();

	await page.goto('/');
	await expect(page.getByRole('listitem')).toHaveCount(1);
	expect(await counts(deck)).toEqual(before);
});

test('a CSV with unclear columns asks which is which, then imports', async ({ page }) => {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'capitals.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('geo;France;Paris\ngeo;Spain;Madrid\ngeo;"Italy\n(Italia)";Rome\n')
	});
	await expect(page.getByRole('heading', { name: 'Which column is which?' })).toBeVisible();
	await page.getByLabel('Front').selectOption({ label: 'Column 2' });
	await page.getByLabel('Back').selectOption({ label: 'Column 3' });
	await page.getByLabel('Tags').selectOption({ label: 'Column 1' });
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByText('capitals: 3 cards · none of them on this device yet')).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await page.getByRole('link', { name: 'Study' }).click();
	await expect(page.locator('.front')).toHaveText('France');
	await page.keyboard.press('Space');
	await expect(page.locator('.back')).toHaveText('Paris');
});

test('a CSV that mixes separators shows its rows and the separator to read them with', async ({
	page
}) => {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'words.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Front;Back\ncat;chat\ndog,chien\nbird;oiseau\n')
	});
	await expect(page.getByRole('heading', { name: 'Which column is which?' })).toBeVisible();
	await expect(page.getByTestId('csv-problem')).toHaveText(
		/^Read with semicolons between fields .* It holds a comma instead: the file seems to mix separators\. .* \(line 3\)$/
	);
	const separator = page.getByLabel('Separator');
	await expect(separator).toHaveValue(';');
	const preview = page.getByRole('table');
	await expect(preview.getByRole('row')).toHaveCount(4); // the header and three rows
	await expect(preview.getByRole('cell', { name: 'dog,chien' })).toBeVisible();

	// Read with commas, the rows split differently: the form shows them so.
	await separator.selectOption({ label: 'Comma' });
	await expect(preview.getByRole('cell', { name: 'chien', exact: true })).toBeVisible();
	await expect(page.getByTestId('csv-problem')).toBeHidden();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'Read with commas between fields, this row has 1 field; front and back need at least 2. (line 1)'
	);
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^words/ })).toHaveCount(0);
});

test('back up everything, then restore the backup', async ({ page }) => {
	await openBuiltinDeck(page);
	await answerByKeyboard(page, '4');
	const before = await counts(page);
	await page.goto('/settings');
	await expect(page.getByTestId('last-backup')).toHaveText(
		'You have never made a backup on this device.'
	);
	const touch = await page.evaluate(() => navigator.maxTouchPoints > 0);
	let backup: Buffer;
	if (touch) {
		await page.getByRole('button', { name: 'Back up everything' }).tap();
		const shared = await page.waitForFunction(
			() => (window as unknown as { shared?: File }).shared
		);
		backup = Buffer.from(await shared.evaluate((f) => (f as File).text()));
	} else {
		const download = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Back up everything' }).click();
		const stream = await (await download).createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		backup = Buffer.concat(chunks);
	}
	await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today.');

	// Change things after the backup: study another card, then restore.
	await openBuiltinDeck(page);
	await answerByKeyboard(page, '4');
	await page.goto('/import');
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
	await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeVisible();
	// Before anything is replaced: when the backup was made, and what it holds.
	const made = JSON.parse(backup.toString()).exported as number;
	await expect(page.getByTestId('backup-made')).toHaveText(
		new RegExp(
			`^Backup made ${new Date(made).toLocaleDateString('en-US', { dateStyle: 'long' })} at .+: 1 deck, \\d+ cards, 1 review\\.$`
		)
	);
	await page.getByRole('button', { name: 'Restore backup' }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	// The same words as the preview: what the collection now is, not "cards added".
	await expect(page.getByText(/^Restored 1 deck, \d+ cards, 1 review\.$/)).toBeVisible();
	await openBuiltinDeck(page);
	await expect.poll(() => counts(page)).toEqual(before);
});

test('re-importing a deck that is here asks: merge, or import as a copy', async ({ page }) => {
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	const file = await exportFile(page);
	await page.goto('/import');
	await page
		.locator('input[type=file]')
		.setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
	await expect(page.getByText(/(\d+) cards · \1 of them already on this device/)).toBeVisible();
	await expect(page.getByRole('radio', { name: /^Merge/ })).toBeChecked();
	await page.getByRole('radio', { name: 'Import as a copy' }).check();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('list').getByRole('link', { name: /^Study / })).toHaveCount(2);
	await expect(page.getByRole('link', { name: /\(copy\)$/ })).toHaveCount(2);
});

for (const format of [
	{ label: /Anki package/, extension: 'apkg', mimeType: 'application/octet-stream' },
	{ label: /CSV, for spreadsheets/, extension: 'csv', mimeType: 'text/csv' }
]) {
	test(`the app's own .${format.extension} imported back merges into its deck, nothing doubled`, async ({
		page
	}) => {
		const before = await studyThreeCards(page);
		const logs = await countStored(page, 'reviewLogs');
		const cards = await countStored(page, 'cards');

		await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
		await page.getByLabel(format.label).check();
		const file = await exportFile(page);
		expect(file.name).toMatch(new RegExp(`\\.${format.extension}$`));

		await page.goto('/import');
		await page
			.locator('input[type=file]')
			.setInputFiles({ name: file.name, mimeType: format.mimeType, buffer: file.buffer });
		// Every card is recognised as the one it came from (note id and card number).
		await expect(page.getByText(/(\d+) cards.* · \1 of them already on this device/)).toBeVisible();
		await expect(page.getByRole('radio', { name: /^Merge/ })).toBeChecked();
		await press(page, page.getByRole('button', { name: 'Import', exact: true }));
		await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();

		await page.goto('/');
		await expect(page.getByRole('list').getByRole('link', { name: /^Study / })).toHaveCount(1);
		await openBuiltinDeck(page);
		await expect.poll(() => counts(page)).toEqual(before);
		expect(await countStored(page, 'reviewLogs')).toBe(logs);
		expect(await countStored(page, 'cards')).toBe(cards);
	});
}

test('imported cards wait for their search words: the browser says so, then finds them', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await expect.poll(() => countStored(page, 'cards')).toBeGreaterThan(0);
	// A card as an import leaves it: stored and studyable, its search words still to come.
	await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('article-flashcards');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		await new Promise<void>((resolve, reject) => {
			const store = db.transaction('cards', 'readwrite').objectStore('cards');
			const first = store.openCursor();
			first.onsuccess = () => {
				const card = { ...first.result!.value, id: 'late-card', front: 'Zeppelins float' };
				delete card.words;
				card.searchPending = 1;
				store.put(card).onsuccess = () => resolve();
			};
			first.onerror = () => reject(first.error);
		});
		db.close();
	});

	// Timers stand still, so the background indexer (it starts after start-up) waits.
	await page.clock.install();
	await page.clock.pauseAt(new Date(Date.now() + 60_000));
	await page.goto('/browse');
	await page.getByRole('searchbox', { name: 'Search cards' }).fill('zeppelin');
	await expect(page.getByTestId('search-catching-up')).toContainText(
		'1 card just imported cannot be found by their words yet'
	);
	await expect(page.getByTestId('browse-row')).toHaveCount(0);

	await page.clock.resume();
	await expect(page.getByTestId('browse-row')).toHaveCount(1);
	await expect(page.getByTestId('browse-row')).toContainText('Zeppelins float');
	await expect(page.getByTestId('search-catching-up')).toBeHidden();
	expect(await countStored(page, 'cards', { searchPending: 1 })).toBe(0);
});
