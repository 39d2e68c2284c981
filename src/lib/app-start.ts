import { database } from '$lib/storage/db';
import { restoreBuiltinDeck, seedBuiltinDeck } from '$lib/storage/seed';

/** Builds the built-in deck; imported on demand, only when it is seeded or restored. */
async function loadBuiltinDeck() {
	const { buildBuiltinDeck } = await import('$lib/content/builtin-deck');
	return buildBuiltinDeck(new Date());
}

let started: Promise<void> | null = null;

/** Resolves when the database is ready to read: opened, and seeded on the first run. */
export function appReady(): Promise<void> {
	started ??= seedBuiltinDeck(database(), loadBuiltinDeck).then(
		() => undefined,
		(error: unknown) => {
			started = null; // let the next screen try again
			throw error;
		}
	);
	return started;
}

export function restoreBuiltin(): Promise<boolean> {
	return restoreBuiltinDeck(database(), loadBuiltinDeck);
}

/**
 * Writes the search words an import left for later (`indexWaitingCards`), in the
 * background. A failure leaves the cards waiting for the next start; the card browser
 * says how many cannot be found yet.
 */
export function catchUpSearch(): void {
	void appReady()
		.then(() => import('$lib/storage/search-index'))
		.then(({ indexWaitingCards }) => indexWaitingCards(database()))
		.catch(() => {});
}
