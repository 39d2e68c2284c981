import { expect, test, type Page } from '@playwright/test';
import {
	answerByTapping,
	countStored,
	counts,
	openBuiltinDeck,
	press,
	STUDY_MORNING
} from './helpers';

/** Shows the answer and taps Good, without waiting for the card to change. */
async function tapGood(page: Page) {
	await press(page, page.getByRole('button', { name: /^Show answer/ }));
	await press(page, page.getByRole('button', { name: /^Good\b/ }));
}

test('two tabs studying the same deck never lose a review or count one twice', async ({
	context
}) => {
	// Mid-morning: learning cards answered now (due in 10 minutes) are due today.
	await context.clock.install({ time: STUDY_MORNING });
	const first = await context.newPage();
	const second = await context.newPage();
	await openBuiltinDeck(first);
	await openBuiltinDeck(second);
	const shownInBoth = await first.locator('.front').innerText();
	await expect(second.locator('.front')).toHaveText(shownInBoth);

	// The first tab answers; the second still shows the card and answers it too.
	await answerByTapping(first, 'Good');
	await tapGood(second);
	await expect(
		second.getByRole('status').filter({ hasText: 'answered in another tab' })
	).toHaveText(
		/This card was just answered in another tab, so this answer was not counted twice\./
	);
	// It moved on to the card the first tab shows now.
	const next = await first.locator('.front').innerText();
	await expect(second.locator('.front')).toHaveText(next);

	// Now the second tab is first to answer; the first tab's answer is the late one.
	await answerByTapping(second, 'Good');
	await tapGood(first);
	await expect(first.getByText('This card was just answered in another tab')).toBeVisible();

	// Two cards answered, once each, whichever tab answered them.
	expect(await countStored(first, 'reviewLogs')).toBe(2);
	await first.reload();
	await expect(first.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	expect(await counts(first)).toEqual({ newCards: 18, learning: 2, reviews: 0 });
	await second.reload();
	await expect(second.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	expect(await counts(second)).toEqual({ newCards: 18, learning: 2, reviews: 0 });
});

test('a newer version upgrading the database in another tab: this tab stops writing and offers a reload', async ({
	context
}) => {
	const old = await context.newPage();
	await openBuiltinDeck(old);
	await press(old, old.getByRole('button', { name: /^Show answer/ }));

	// Another tab runs a newer build, which opens the database at a higher version.
	const newer = await context.newPage();
	await newer.goto('/icons/icon-192.png');
	const outcome = await newer.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const probe = indexedDB.open('article-flashcards');
				probe.onsuccess = () => {
					const version = probe.result.version;
					probe.result.close();
					const upgrade = indexedDB.open('article-flashcards', version + 1);
					let blocked = false;
					upgrade.onblocked = () => (blocked = true);
					upgrade.onsuccess = () => {
						upgrade.result.close();
						resolve(blocked ? 'blocked' : 'upgraded');
					};
					upgrade.onerror = () => reject(upgrade.error);
				};
				probe.onerror = () => reject(probe.error);
			})
	);
	// The old tab stepped aside at once: the upgrade was never blocked.
	expect(outcome).toBe('upgraded');
	await newer.close();

	await expect(old.getByText('The app was updated in another tab.')).toBeVisible();
	const front = await old.locator('.front').innerText();
	await press(old, old.getByRole('button', { name: /^Good\b/ }));
	await expect(old.getByRole('alert').filter({ hasText: 'stopped saving' })).toContainText(
		'The app was updated in another tab, so this tab stopped saving'
	);
	// Nothing was written under the old code, and the card waits on screen.
	await expect(old.locator('.front')).toHaveText(front);
	expect(await countStored(old, 'reviewLogs')).toBe(0);

	const reloaded = old.waitForEvent('load');
	await press(old, old.getByRole('button', { name: 'Reload' }));
	await reloaded;
	await expect(old.getByRole('button', { name: /^Show answer/ })).toBeVisible();
	await expect(old.getByText('The app was updated in another tab.')).toHaveCount(0);
	await answerByTapping(old, 'Good');
	expect(await countStored(old, 'reviewLogs')).toBe(1);
});
