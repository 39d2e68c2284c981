/// <reference lib="webworker" />
// Reschedules decks from their review history (see reschedule.ts). IndexedDB works in a
// worker: this opens the app's database itself.
import { describeError } from '$lib/errors';
import { FlashcardsDB } from '$lib/storage/db';
import { decksFollowingGlobal } from '$lib/storage/decks';
import { rescheduleDeck } from '$lib/storage/reschedule';
import { loadSettings } from '$lib/storage/settings';
import type { RescheduleProgress, RescheduleRequest, RescheduleResponse } from './reschedule';

self.onmessage = async (event: MessageEvent<RescheduleRequest>) => {
	const { deckIds, changed, now } = event.data;
	const db = new FlashcardsDB();
	let response: RescheduleResponse;
	try {
		const settings = await loadSettings(db);
		const decks = deckIds
			? (await db.decks.bulkGet(deckIds)).filter((deck) => deck !== undefined)
			: await decksFollowingGlobal(db, changed);
		let cards = 0;
		for (const [i, deck] of decks.entries()) {
			cards += await rescheduleDeck(db, deck, settings, new Date(now));
			self.postMessage({ part: { done: i + 1, total: decks.length } satisfies RescheduleProgress });
		}
		response = { ok: true, cards };
	} catch (error) {
		response = { ok: false, message: `Rescheduling failed: ${describeError(error)}` };
	} finally {
		db.close();
	}
	self.postMessage(response);
};
