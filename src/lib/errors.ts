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

/** Turns anything thrown into a sentence a user can act on. */
export function describeError(error: unknown): string {
	if (error instanceof AppError) return error.message;
	if (isQuotaError(error))
		return 'The device is out of storage space. Nothing was changed: free some space, then try again.';
	if (
		error instanceof Error &&
		/Dexie|IDB|IndexedDB|Abort|Transaction|Constraint|DataError/i.test(error.name)
	)
		return `The browser's storage failed (${error.name}). Nothing was changed; try again.`;
	return 'Something went wrong. Nothing was changed; try again, and reload the app if it keeps happening.';
}

/**
 * A full disk shows up as QuotaExceededError itself, or, when it aborts a Dexie
 * transaction, as an AbortError whose `inner` error (or message) names it.
 */
function isQuotaError(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	const inner = (error as Error & { inner?: unknown }).inner;
	return (
		error.name === 'QuotaExceededError' ||
		/QuotaExceeded/.test(error.message) ||
		(inner !== undefined && inner !== error && isQuotaError(inner))
	);
}
