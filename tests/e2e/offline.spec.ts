import { expect, test } from '@playwright/test';
import {
	answerByKeyboard,
	answerByTapping,
	BUILTIN_DECK_ID,
	counts,
	makeCards,
	openBuiltinDeck,
	STUDY_MORNING,
	waitForServiceWorker
} from './helpers';

test('after the first visit, the app opens and studies offline, deep links included', async ({
	page,
	context
}) => {
	// Mid-morning: learning cards answered now (due in 10 minutes) are due today.
	await context.clock.install({ time: STUDY_MORNING });
	await openBuiltinDeck(page);
	await waitForServiceWorker(page);
	await answerByTapping(page, 'Good');

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	expect((await counts(page)).learning).toBe(1);

	// A deep link typed in offline, never visited in this tab.
	await page.goto(`/study?deck=${BUILTIN_DECK_ID}`);
	await answerByKeyboard(page, '3');
	// The counts take the answer in once it is written, just after the next card shows.
	await expect.poll(async () => (await counts(page)).learning).toBe(2);

	for (const path of ['/', '/settings', '/import', `/deck?id=${BUILTIN_DECK_ID}`]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}

	// Making a deck from an article needs no network either, the worker and its language
	// model included (key sentences come only from it).
	await page.goto('/new');
	await page
		.getByLabel('Article')
		.fill(
			'# Sleep\n\nOne common misconception is that adults need only five hours of sleep. In fact, most adults need seven to nine hours a night.\n\n' +
				'During deep sleep the brain clears waste products through the glymphatic system, which is most active at night.'
		);
	await makeCards(page);
	await expect(page.getByRole('group', { name: /^Misconceptions/ })).toBeVisible();
	// Key sentences are offered under More suggestions, unticked.
	await page.getByText(/^More suggestions/).click();
	await expect(
		page
			.locator('details.more')
			.getByRole('group', { name: /^Key statements/ })
			.getByRole('textbox', { name: /^Back/ })
	).toHaveValue(/the brain clears waste products/);
	await expect(page.getByText(/language model could not be loaded/)).toHaveCount(0);
	await context.setOffline(false);
});

test('offline, a deck exports to .apkg and imports back (workers and SQLite are cached)', async ({
	page,
	context
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'downloads are checked on desktop');
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	await page.getByLabel(/Anki package/).check();
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.apkg$/);

	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles((await file.path())!);
	await expect(page.getByRole('heading', { name: 'Import this?' })).toBeVisible();
	// The package is this deck's own: it merges into it (transfer.spec.ts checks what is kept).
	await expect(
		page.getByText(
			/What Does A Backend Developer Do.*: (\d+) cards · \1 of them already on this device/
		)
	).toBeVisible();
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible();
	await page.goto('/');
	await expect(page.getByRole('list').getByRole('link', { name: /^Study / })).toHaveCount(1);
});
