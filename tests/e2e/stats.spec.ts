import { expect, test } from '@playwright/test';
import {
	answerByKeyboard,
	BUILTIN_DECK_ID,
	openBuiltinDeck,
	press,
	waitForServiceWorker
} from './helpers';

test('statistics: today, the calendar, the forecast and true retention, counted off the page, offline', async ({
	page,
	context
}) => {
	await openBuiltinDeck(page);
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await answerByKeyboard(page, '3');
	await answerByKeyboard(page, '1');

	// From the deck's page: this deck's figures.
	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await press(page, page.getByRole('link', { name: 'Statistics' }));
	await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
	await expect(page.getByTestId('stats-today')).toHaveText(
		/2 cards studied in 2 reviews;\s+Again 50\.0 %\.\s+New 2,\s+learning 0,\s+review 0\./
	);
	// Two answers by keyboard in a few seconds.
	await expect(page.getByTestId('stats-time')).toHaveText(
		/^\s*Time spent: under a minute \(\d+\.\d s an\s+answer\)\.\s*$/
	);
	await expect(page.getByTestId('stats-streak')).toHaveText(
		/Streak: 1 day\.\s+Studied on 1 day of the\s+past\s+year\./
	);
	const counts = page.getByTestId('stats-counts');
	await expect(counts.getByRole('row', { name: /^Learning/ })).toContainText('2');
	// Each chart has its numbers in a table.
	await expect(page.getByRole('img', { name: /^Cards due per day, next 30 days/ })).toBeVisible();
	await press(page, page.getByRole('radio', { name: '90' }));
	await expect(page.getByRole('img', { name: /^Cards due per day, next 90 days/ })).toBeVisible();
	await expect(
		page.getByRole('img', { name: /^Reviews per day over the past year/ })
	).toBeVisible();
	// Learning answers are not review answers: the retention table has none yet.
	await expect(
		page.getByTestId('stats-retention').getByRole('row', { name: /^Today/ })
	).toContainText('—');
	await expect(
		page
			.getByTestId('stats-buttons')
			.getByRole('row', { name: /^Learning/ })
			.getByRole('cell')
	).toHaveText(['1', '0', '1', '0']);
	// Nothing wider than the screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= screen.width)).toBe(
		true
	);
});
