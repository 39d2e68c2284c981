/**
 * The one error tree. Every failure the UI reports is one of these (or becomes one
 * in `describeError`), so a user always reads a sentence saying what happened and
 * what to do, never a stack trace.
 */
export class AppError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = new.target.name;
	}
}

/** Input that breaks a rule: a field out of range, an empty article. */
export class ValidationError extends AppError {}

/** IndexedDB refused or failed: quota, private mode, a blocked upgrade. */
export class StorageError extends AppError {}

/**
 * The card on screen is not the card stored any more: another tab answered,
 * reset or deleted it since it was shown. Nothing was written; the screen
 * should move on rather than let the user retry.
 */
export class CardChangedError extends StorageError {}

/**
 * A restore refused before it began: the copy of the collection on this device that
 * every restore keeps first (`storage/safety-copies.ts`) could not be saved, so the
 * restore did not go ahead and nothing was changed. The message says why, from the
 * failure it wraps (a full disk, most likely).
 */
export class SafetyCopyError extends StorageError {
	constructor(cause: unknown) {
		super(
			`Nothing was restored: a copy of what is on this device could not be kept first, and a restore never goes ahead without one. ${describeError(cause)}`,
			{ cause }
		);
	}
}

/**
 * A file that cannot be imported. `where` names the place (line, field, file
 * inside a package) so the message can point at it.
 */
export class ImportError extends AppError {
	constructor(
		message: string,
		readonly where?: string,
		options?: ErrorOptions
	) {
		super(where ? `${message} (${where})` : message, options);
	}
}

/**
 * Sentences for the storage failures a user can do something about, by the
 * name of the error (or of any error it wraps). Each says what happened, that
 * nothing was half-saved (every write is one transaction), and what to do.
 * Root causes come first: Dexie reports a missing IndexedDB as a
 * DatabaseClosedError wrapping MissingAPIError.
 */
const STORAGE_FAILURES: readonly { matches: (names: string[]) => boolean; sentence: string }[] = [
	{
		matches: (names) => names.includes('QuotaExceededError'),
		sentence:
			'The device is out of storage space. Nothing was changed: free some space (or back up and delete decks you no longer need), then try again.'
	},
	{
		// No IndexedDB at all (some private windows, storage switched off in the
		// browser settings), or one that refuses to open (older Firefox private
		// windows fail the open with InvalidStateError; blocked site data gives
		// SecurityError). An InvalidStateError elsewhere is a plain failure.
		matches: (names) =>
			names.includes('MissingAPIError') ||
			(names[0] === 'OpenFailedError' &&
				(names.includes('InvalidStateError') || names.includes('SecurityError'))) ||
			names[0] === 'SecurityError',
		sentence:
			'This browser will not let the app store anything, which happens in some private windows and when site data is turned off. Open the app in a normal window, or allow site data, to keep your decks.'
	},
	{
		// Our own doing: this tab closed its connection so that a newer version of
		// the app, opened in another tab, could upgrade the database.
		matches: (names) => names.includes('DatabaseClosedError') || names.includes('VersionError'),
		sentence:
			'The app was updated in another tab, so this tab stopped saving to keep your data safe. Nothing was half-saved: reload the page to continue.'
	}
];

/** Turns anything thrown into a sentence a user can act on. */
export function describeError(error: unknown): string {
	if (error instanceof AppError) return error.message;
	const names = errorNames(error);
	const known = STORAGE_FAILURES.find((failure) => failure.matches(names));
	if (known) return known.sentence;
	const first = names[0];
	if (
		first !== undefined &&
		/Dexie|IDB|IndexedDB|Abort|Transaction|Constraint|DataError|OpenFailed|ReadOnly|Unknown/i.test(
			first
		)
	)
		return `The browser's storage failed (${first}). Nothing was changed; try again.`;
	return 'Something went wrong. Nothing was changed; try again, and reload the app if it keeps happening.';
}

/**
 * The names of an error and of every error it wraps, outermost first. Dexie
 * wraps the browser's DOMException in its own error (`inner`), and a failed
 * write aborts its transaction, so a full disk often arrives as an AbortError
 * or OpenFailedError whose inner error — or only whose message — says
 * QuotaExceededError.
 */
function errorNames(error: unknown): string[] {
	const names: string[] = [];
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current instanceof Error && !seen.has(current)) {
		seen.add(current);
		names.push(current.name);
		if (/QuotaExceeded/.test(current.message)) names.push('QuotaExceededError');
		const wrapped = current as Error & { inner?: unknown };
		current = wrapped.inner ?? wrapped.cause;
	}
	return names;
}
