import { expect, test } from '@playwright/test';
import {
	answerByTapping,
	countStored,
	counts,
	openBuiltinDeck,
	press,
	saveThrough,
	stubShareSheet
} from './helpers';

test.beforeEach(({}, testInfo) => {
	test.skip(testInfo.project.name !== 'phone', 'a phone user’s journey');
});

test('restoring an older backup keeps what it replaced, and Settings brings it back', async ({
	page
}) => {
	await stubShareSheet(page);
	await page.goto('/settings');
	// Said once the page is running, so the tap below reaches a live button.
	await expect(page.getByTestId('last-backup')).toHaveText(
		'You have never made a backup on this device.'
	);
	const older = await saveThrough(page, page.getByRole('button', { name: 'Back up everything' }));
	// No restore yet, so nothing is listed.
	await expect(page.getByRole('heading', { name: 'Kept before each restore' })).toHaveCount(0);

	// The change: a new card answered Easy, out of today's new cards.
	await openBuiltinDeck(page);
	const before = await counts(page);
	await answerByTapping(page, 'Easy');
	const changed = { ...before, newCards: before.newCards - 1 };
	await expect.poll(() => counts(page)).toEqual(changed);

	// Restoring the older backup undoes it.
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'older.json',
		mimeType: 'application/json',
		buffer: Buffer.from(older)
	});
	await expect(page.getByText('What is here now is kept first')).toBeVisible();
	await press(page, page.getByRole('button', { name: 'Restore backup' }));
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await openBuiltinDeck(page);
	await expect.poll(() => counts(page)).toEqual(before);
	expect(await countStored(page, 'reviewLogs')).toBe(0);

	// Settings lists what the restore replaced, the answer included.
	await page.goto('/settings');
	const copies = page.getByTestId('safety-copies').getByRole('listitem');
	await expect(copies).toHaveCount(1);
	await expect(copies.first().locator('p')).toHaveText(
		/^Before restore on .+ \d{4}.+: 1 deck, \d+ cards, 1 review$/
	);
	const downloaded = JSON.parse(
		await saveThrough(page, copies.first().getByRole('button', { name: /^Download/ }))
	);
	expect(downloaded.format).toBe('article-flashcards.backup');
	expect(downloaded.decks[0].logs).toHaveLength(1);

	// Restore this: the Import screen shows the copy and asks first.
	await press(page, copies.first().getByRole('link', { name: /^Restore this/ }));
	await expect(page.getByRole('heading', { name: 'Restore this backup?' })).toBeVisible();
	await expect(page.getByTestId('backup-made')).toHaveText(/: 1 deck, \d+ cards, 1 review\.$/);
	await press(page, page.getByRole('button', { name: 'Restore backup' }));
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await openBuiltinDeck(page);
	await expect.poll(() => counts(page)).toEqual(changed);
	expect(await countStored(page, 'reviewLogs')).toBe(1);

	// That restore kept a copy in turn: the older backup's state, newest first.
	await page.goto('/settings');
	await expect(copies).toHaveCount(2);
	await expect(copies.first().locator('p')).toHaveText(/: 1 deck, \d+ cards, 0 reviews$/);
	await expect(copies.nth(1).locator('p')).toHaveText(/: 1 deck, \d+ cards, 1 review$/);
});
