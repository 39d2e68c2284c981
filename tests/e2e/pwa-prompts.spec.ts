import { expect, test } from '@playwright/test';
import { answerByKeyboard, openBuiltinDeck } from './helpers';

test('an Install button appears when the browser offers installation, and prompts', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
	await page.evaluate(() => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt: () => Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		event.prompt = async () => {
			(window as unknown as { prompted: boolean }).prompted = true;
		};
		event.userChoice = Promise.resolve({ outcome: 'accepted' });
		window.dispatchEvent(event);
	});
	await page.getByRole('button', { name: 'Install' }).click();
	expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(
		true
	);
	await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
});

test.describe('on iOS Safari', () => {
	test.use({
		userAgent:
			'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'
	});

	test('a one-line Share → Add to Home Screen hint is shown', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByText('To install: tap Share, then “Add to Home Screen”.')).toBeVisible();
	});
});

test('persistent storage is asked for once, after the first review, and shown in Settings', async ({
	page
}) => {
	await page.addInitScript(() => {
		const calls = Number(sessionStorage.getItem('persistCalls') ?? 0);
		sessionStorage.setItem('persistCalls', String(calls));
		navigator.storage.persist = async () => {
			sessionStorage.setItem(
				'persistCalls',
				String(Number(sessionStorage.getItem('persistCalls')) + 1)
			);
			sessionStorage.setItem('persisted', '1');
			return true;
		};
		navigator.storage.persisted = async () => sessionStorage.getItem('persisted') === '1';
	});
	await openBuiltinDeck(page);
	expect(await page.evaluate(() => sessionStorage.getItem('persistCalls'))).toBe('0');
	await answerByKeyboard(page, '3');
	await expect.poll(() => page.evaluate(() => sessionStorage.getItem('persistCalls'))).toBe('1');
	await answerByKeyboard(page, '3');
	await page.reload();
	await answerByKeyboard(page, '3');
	await page.goto('/settings');
	await expect(page.getByTestId('persistence')).toHaveText('granted');
	expect(await page.evaluate(() => sessionStorage.getItem('persistCalls'))).toBe('1');
});
