import { expect, test } from '@playwright/test';
import { answerByKeyboard, countStored, counts, openBuiltinDeck, STUDY_MORNING } from './helpers';

const DECK_ID = 'crash-test-deck';

/** A valid deck file of `size` new cards (see docs/deck-format.md), large enough to write for a while. */
function largeDeckFile(size: number): Buffer {
	const created = Date.UTC(2026, 0, 1);
	const cards = Array.from({ length: size }, (_, i) => ({
		id: `crash-card-${i}`,
		deckId: DECK_ID,
		kind: 'basic',
		front: `Question number ${i}: what comes after ${i}?`,
		back: `The number ${i + 1}, which is one more than ${i}.`,
		format: 'text',
		tags: [],
		source: null,
		created: created + i,
		modified: created + i,
		due: created + i,
		stability: 0,
		difficulty: 0,
		elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		reps: 0,
		lapses: 0,
		state: 0,
		last_review: null
	}));
	const deck = { id: DECK_ID, name: 'Crash test', created, source: null, builtin: false };
	return Buffer.from(
		JSON.stringify({
			format: 'article-flashcards.deck',
			version: 1,
			exported: created,
			deck,
			cards
		})
	);
}

test('a page closed in the middle of an import leaves the deck wholly there or not at all', async ({
	context
}) => {
	// An import of a large file, a crash and a reopen: ~56 s on an idle machine with two workers.
	test.setTimeout(180_000);
	const size = 30_000;
	const page = await context.newPage();
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'large.json',
		mimeType: 'application/json',
		buffer: largeDeckFile(size)
	});
	await expect(page.getByRole('heading', { name: 'Import this?' })).toBeVisible({
		timeout: 60_000
	});
	await page.getByRole('button', { name: 'Import', exact: true }).click();
	// Close as soon as some rows are written and before all are: the middle of the write.
	const midWrite = await page.waitForFunction(
		() => {
			const bar = document.querySelector<HTMLProgressElement>('progress[value]');
			return bar !== null && bar.value > 0 ? { done: bar.value, total: bar.max } : null;
		},
		undefined,
		{ timeout: 60_000, polling: 10 }
	);
	const { done, total } = (await midWrite.jsonValue())!;
	expect(done).toBeLessThan(total);
	await page.close();

	const reopened = await context.newPage();
	await reopened.goto('/');
	await expect(reopened.getByRole('heading', { name: 'Decks' })).toBeVisible();
	await expect(reopened.getByRole('link', { name: /^Study / }).first()).toBeVisible();
	const cards = await countStored(reopened, 'cards', { deckId: DECK_ID });
	const decks = await countStored(reopened, 'decks', { id: DECK_ID });
	test.info().annotations.push({ type: 'after close', description: `${cards} of ${size} cards` });
	expect([0, size]).toContain(cards);
	expect(decks).toBe(cards === size ? 1 : 0);
});

test('every answer counted as done survives closing the page right after it', async ({
	context
}) => {
	// Mid-morning: learning cards answered now (due in 10 minutes) are due today.
	await context.clock.install({ time: STUDY_MORNING });
	const page = await context.newPage();
	await openBuiltinDeck(page);
	for (let i = 0; i < 3; i++) await answerByKeyboard(page, '3', { untilStored: false });
	// The next card shows before the answer is written; the counts take it in once it is
	// stored. Close the moment they do, without waiting for anything else.
	await expect
		.poll(() => counts(page), { intervals: [5] })
		.toEqual({ newCards: 17, learning: 3, reviews: 0 });
	await page.close();

	const reopened = await context.newPage();
	await openBuiltinDeck(reopened);
	expect(await countStored(reopened, 'reviewLogs')).toBe(3);
	expect(await counts(reopened)).toEqual({ newCards: 17, learning: 3, reviews: 0 });
});
