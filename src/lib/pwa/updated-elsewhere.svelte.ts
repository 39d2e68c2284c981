import { onDatabaseReplaced } from '$lib/storage/db';

/**
 * Whether a newer version of the app took over in another tab: it upgraded the
 * database (this tab's connection is then closed, see `closeForNewerVersion`),
 * or its service worker took control of this page too. Either way this tab runs
 * old code over new data or new files, so it asks for a reload and writes no more.
 */
class UpdatedElsewhere {
	happened = $state(false);
	#watching = false;

	/** Starts listening for the database side; the service-worker side reports through `notice`. */
	watch(): void {
		if (this.#watching) return;
		this.#watching = true;
		onDatabaseReplaced(() => this.notice());
	}

	notice(): void {
		this.happened = true;
	}
}

export const updatedElsewhere = new UpdatedElsewhere();
