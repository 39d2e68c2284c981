import { expect, test, type Page } from '@playwright/test';
import {
	answerByKeyboard,
	BUILTIN_DECK_ID,
	countStored,
	openBuiltinDeck,
	press,
	storedRows,
	waitForServiceWorker
} from './helpers';

/**
 * Writes a past review history for 120 cards of the built-in deck straight into IndexedDB:
 * each card answered as new, then reviewed every few days for a year, recalled or forgotten
 * at random (fixed seed) with a memory much stronger than FSRS's defaults expect, so that
 * parameters fitted to it predict it better than the defaults.
 */
async function seedHistory(page: Page): Promise<number> {
	return page.evaluate(async (deckId) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('article-flashcards');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		// Cards the deck once had: the optimiser reads logs, and needs about a hundred cards.
		const cards = Array.from({ length: 120 }, (_, i) => ({ id: `seed-card-${i}` }));
		let seed = 7;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const DAY = 86_400_000;
		const start = Date.now() - 400 * DAY;
		const tx = db.transaction('reviewLogs', 'readwrite');
		const store = tx.objectStore('reviewLogs');
		let written = 0;
		for (const card of cards) {
			let day = 0;
			let stability = 12;
			for (let n = 0; n < 16; n++) {
				const gap = n === 0 ? 0 : Math.max(1, Math.round(stability * (0.4 + random())));
				day += gap;
				// Recall follows FSRS's curve with this strong memory.
				const recalled = n === 0 || random() < Math.pow(1 + (19 / 81) * (gap / stability), -0.5);
				store.put({
					id: `seed-${card.id}-${n}`,
					cardId: card.id,
					deckId,
					rating: recalled ? 3 : 1,
					state: n === 0 ? 0 : 2,
					due: 0,
					stability: 0,
					difficulty: 0,
					elapsed_days: gap,
					last_elapsed_days: 0,
					scheduled_days: 0,
					learning_steps: 0,
					review: start + day * DAY
				});
				written++;
				stability = recalled ? stability * 2.5 : Math.max(2, stability / 3);
			}
		}
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
		return written;
	}, BUILTIN_DECK_ID);
}

test('Optimise fits FSRS to the deck’s own reviews offline, shows both evaluations, and the fitted parameters are saved with the deck', async ({
	page,
	context
}) => {
	await openBuiltinDeck(page);
	await waitForServiceWorker(page);
	const written = await seedHistory(page);
	expect(written).toBeGreaterThan(400);
	await context.setOffline(true);

	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	const options = page.getByRole('form', { name: 'Deck options' });
	await press(page, options.getByRole('button', { name: 'Evaluate' }));
	const table = options.getByRole('table', {
		name: /How well the parameters predict [\d,]+ reviews/
	});
	await expect(table.getByRole('row', { name: /^Current/ })).toBeVisible({ timeout: 30_000 });
	await expect(table.getByRole('row', { name: /^Fitted/ })).toHaveCount(0);

	await press(page, options.getByRole('button', { name: 'Optimise' }));
	// Fitting a few hundred reviews takes about a second; a busy machine, more.
	const fitted = table.getByRole('row', { name: /^Fitted/ });
	await expect(fitted).toBeVisible({ timeout: 60_000 });
	const figures = async (row: string) =>
		(
			await table
				.getByRole('row', { name: new RegExp(`^${row}`) })
				.getByRole('cell')
				.allInnerTexts()
		).map(Number);
	const [inUseLoss, inUseRmse] = await figures('Current');
	const [fittedLoss, fittedRmse] = await figures('Fitted');
	expect(fittedLoss).toBeLessThan(inUseLoss as number);
	expect(fittedRmse).toBeLessThanOrEqual(inUseRmse as number);
	await expect(
		options.getByText('The fitted parameters predict your reviews better.')
	).toBeVisible();

	await press(page, options.getByRole('button', { name: 'Use fitted parameters' }));
	const field = options.getByRole('textbox', { name: 'FSRS parameters', exact: true });
	const text = await field.inputValue();
	expect(text.split(',').map(Number)).toHaveLength(21);
	await press(page, options.getByRole('button', { name: 'Save deck options' }));
	await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	const deck = (await storedRows(page, 'decks')).find((row) => row.id === BUILTIN_DECK_ID);
	const stored = (deck?.overrides as Record<string, unknown> | undefined)?.fsrsParameters;
	expect(stored).toBe(text);
});

test('Optimise with too few reviews says how many are needed, and leaves the parameters alone', async ({
	page
}) => {
	await openBuiltinDeck(page);
	await page.goto('/settings');
	await press(page, page.getByRole('button', { name: 'Optimise' }));
	await expect(
		page.getByText(
			/Not enough reviews to optimise:\s+the cards of the decks that follow these settings have 0\s+reviews[\s\S]*at least 400/
		)
	).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('textbox', { name: 'FSRS parameters', exact: true })).toHaveValue('');
	await press(page, page.getByRole('button', { name: 'Evaluate' }));
	await expect(
		page.getByText(
			/Nothing to evaluate yet:\s+the cards of the decks that follow these settings have no\s+reviews/
		)
	).toBeVisible({ timeout: 30_000 });
	expect(await countStored(page, 'reviewLogs')).toBe(0);
	// Parameters the form cannot use are named, not replaced by the defaults' figures.
	await page.getByRole('textbox', { name: 'FSRS parameters', exact: true }).fill('1, 2, 3');
	await press(page, page.getByRole('button', { name: 'Evaluate' }));
	await expect(page.getByText(/FSRS parameters must be 21 numbers.*3 were given/)).toBeVisible();
});

test('after a new desired retention is saved, Reschedule recomputes the studied cards from their history', async ({
	page
}) => {
	await openBuiltinDeck(page);
	await answerByKeyboard(page, '4');
	await answerByKeyboard(page, '4');
	const dues = async () => {
		const cards = (await storedRows(page, 'cards')) as { id: string; due: number; reps: number }[];
		return Object.fromEntries(cards.filter((c) => c.reps > 0).map((c) => [c.id, c.due]));
	};
	const before = await dues();
	expect(Object.keys(before)).toHaveLength(2);

	await page.goto(`/deck?id=${BUILTIN_DECK_ID}`);
	const options = page.getByRole('form', { name: 'Deck options' });
	await press(page, options.getByRole('checkbox', { name: 'Own value for “Desired retention”' }));
	await options.getByRole('spinbutton', { name: 'Desired retention' }).fill('0.8');
	await press(page, options.getByRole('button', { name: 'Save deck options' }));
	const offer = page.getByRole('region', { name: 'Reschedule cards' });
	await expect(offer).toContainText("Reschedule this deck's cards from their review history");
	await press(page, offer.getByRole('button', { name: 'Reschedule' }));
	await expect(page.getByText('2 cards rescheduled.')).toBeVisible();
	await expect(offer).toHaveCount(0);
	const after = await dues();
	// A lower retention asks for the cards later.
	for (const [id, due] of Object.entries(before)) expect(after[id]).toBeGreaterThan(due);
});
