/// <reference lib="webworker" />
// Reads and counts a collection's cards and past year of reviews off the main thread
// (see compute-stats.ts). IndexedDB works in a worker: this opens the app's database itself.
import { parseParameters } from '$lib/domain/fsrs-parameters';
import { deckSettings } from '$lib/domain/models';
import { StatsAccumulator, YEAR_DAYS } from '$lib/domain/stats';
import { describeError } from '$lib/errors';
import { FlashcardsDB } from '$lib/storage/db';
import { loadSettings } from '$lib/storage/settings';
import type { StatsProgress, StatsRequest, StatsResponse } from './compute-stats';

const DAY = 86_400_000;

self.onmessage = async (event: MessageEvent<StatsRequest>) => {
	const { deckIds, now } = event.data;
	const db = new FlashcardsDB();
	let response: StatsResponse;
	try {
		const settings = await loadSettings(db);
		// The decks themselves (few) are read once: each one's options give its FSRS parameters.
		const decks = deckIds
			? (await db.decks.bulkGet(deckIds)).filter((deck) => deck !== undefined)
			: await db.decks.toArray();
		const ids = decks.map((deck) => deck.id);
		const stats = new StatsAccumulator(new Date(now), settings.dayStartHour);
		// A day more than the year, so the study day a year ago is whole in any time zone.
		const since = now - (YEAR_DAYS + 1) * DAY;
		const total = ids.length * 2;
		let done = 0;
		const progress = () =>
			self.postMessage({ part: { done: ++done, total } satisfies StatsProgress });
		// Deck by deck, each read through an index in one request: never a table scan.
		for (const deck of decks) {
			const id = deck.id;
			// Each deck's predictions on its own forgetting curve (its FSRS parameters).
			const parameters = parseParameters(deckSettings(settings, deck).fsrsParameters);
			stats.addCards(await db.cards.where('deckId').equals(id).toArray(), parameters);
			progress();
			stats.addLogs(
				await db.reviewLogs.where('[deckId+review]').between([id, since], [id, Infinity]).toArray(),
				parameters
			);
			progress();
		}
		response = { ok: true, stats: stats.result() };
	} catch (error) {
		response = { ok: false, message: describeError(error) };
	} finally {
		db.close();
	}
	self.postMessage(response);
};
