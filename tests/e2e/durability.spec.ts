import { expect, test } from '@playwright/test';
import { answerByKeyboard, openBuiltinDeck, saveThrough, stubShareSheet } from './helpers';

test.beforeEach(async ({ page }) => {
	await stubShareSheet(page);
});

test('the Storage panel shows persistence, space used and left, the last backup, and backs up now', async ({
	page
}) => {
	await page.clock.install({ time: new Date('2026-11-28T10:00:00') });
	// The browser decides on persistence by itself; make it say no, then yes when asked again.
	await page.addInitScript(() => {
		navigator.storage.persisted = async () => sessionStorage.getItem('persisted') === '1';
		navigator.storage.persist = async () => {
			sessionStorage.setItem('persisted', '1');
			return true;
		};
	});
	await page.goto('/settings');
	await expect(page.getByTestId('persistence')).toHaveText('not granted');
	await expect(page.getByTestId('storage-used')).toHaveText(/^\d+\.\d (MB|GB)$/);
	await expect(page.getByTestId('storage-available')).toHaveText(/^\d+\.\d (MB|GB)$/);
	await expect(page.getByTestId('storage-last-backup')).toHaveText('never');
	await expect(page.getByTestId('ios-eviction')).toHaveCount(0);

	await page.getByRole('button', { name: 'Ask again for persistent storage' }).click();
	await expect(page.getByTestId('persistence')).toHaveText('granted');
	await expect(page.getByRole('button', { name: 'Ask again for persistent storage' })).toHaveCount(
		0
	);

	// One way to back up on the page: the Backups section's button.
	await expect(page.getByRole('button', { name: /^Back up/ })).toHaveCount(1);
	const backup = await saveThrough(page, page.getByRole('button', { name: 'Back up everything' }));
	expect(JSON.parse(backup)).toMatchObject({ format: 'article-flashcards.backup' });
	await expect(page.getByTestId('storage-last-backup')).toHaveText('November 28, 2026');
	// The Backups section above shows the same backup without a reload.
	await expect(page.getByTestId('last-backup')).toHaveText('Last backup: today.');
	await page.reload();
	await expect(page.getByTestId('storage-last-backup')).toHaveText('November 28, 2026');
});

test('the backup reminder interval is checked and kept', async ({ page }) => {
	await page.goto('/settings');
	const days = page.getByLabel(/^Remind me to back up after/);
	await expect(days).toHaveValue('14');
	await days.fill('0');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('alert')).toHaveText(
		/The backup reminder must be a whole number of days from 1 to 365\./
	);
	await days.fill('30');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(days).toHaveValue('30');
});

test.describe('in a browser tab on an iPhone', () => {
	test.use({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
	});

	test('Settings says plainly that data may be deleted after 7 days unused, and that installing prevents it', async ({
		page
	}) => {
		await page.goto('/settings');
		await expect(page.getByTestId('ios-eviction')).toContainText(
			'may delete this app’s decks and reviews if you do not open it for 7 days'
		);
		await expect(page.getByTestId('ios-eviction')).toContainText('Installing it prevents that');
	});
});

test('the decks screen reminds to back up when the last backup is old and there are reviews since', async ({
	page
}) => {
	const day = 86_400_000;
	const start = new Date('2026-11-01T10:00:00').getTime();
	const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
	await page.clock.install({ time: start });
	// Time stands still between the steps, so "15 days ago" is exactly that.
	await page.clock.setFixedTime(start);

	await openBuiltinDeck(page);
	await answerByKeyboard(page, '3');
	await page.goto('/settings');
	await saveThrough(page, page.getByRole('button', { name: 'Back up everything' }));
	await expect(page.getByTestId('storage-last-backup')).toHaveText('November 1, 2026');

	// Fifteen days on: the backup is old, but nothing was studied since — nothing to lose.
	await page.clock.setFixedTime(start + 15 * day);
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study / })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	// One answer after the backup: now there is something only on this device.
	await openBuiltinDeck(page);
	await answerByKeyboard(page, '3');
	await page.goto('/');
	await expect(reminder).toContainText(
		'Your last backup was 15 days ago; 1 answer is only on this device since then.'
	);

	// A longer interval, chosen in Settings, quiets it.
	await page.goto('/settings');
	await page.getByLabel(/^Remind me to back up after/).fill('30');
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study / })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	// Past the longer interval it is back; Back up now from the reminder clears it for good.
	await page.clock.setFixedTime(start + 31 * day);
	await page.goto('/');
	await expect(reminder).toContainText('Your last backup was 31 days ago');
	await saveThrough(page, reminder.getByRole('button', { name: 'Back up now' }));
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('link', { name: /^Study / })).toBeVisible();
	await expect(reminder).toHaveCount(0);
});
