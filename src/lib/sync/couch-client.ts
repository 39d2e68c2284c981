/**
 * The few CouchDB calls sync makes, over `fetch`, with every failure turned into a sentence a
 * user can act on. The session is CouchDB's cookie (`POST /_session`, sent back by the browser
 * with `credentials: 'include'`), so the password is sent once and never stored. Sequences
 * from `_changes` are kept as the opaque values CouchDB gives (a cluster's are strings).
 */

import { AppError } from '$lib/errors';

export type SyncFailure =
	| 'insecure'
	| 'unreachable'
	| 'cors'
	| 'auth'
	| 'missing-db'
	| 'forbidden'
	| 'too-large'
	| 'server';

export class SyncError extends AppError {
	constructor(
		message: string,
		readonly failure: SyncFailure,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

/**
 * The server's address, checked: https, except on this device (`localhost`, `127.0.0.1`,
 * `[::1]`), since a password and every card would otherwise cross the network readable.
 *
 * @example
 * serverUrl('https://couch.example.org/'); // URL
 * serverUrl('http://couch.example.org'); // throws SyncError ('insecure')
 */
export function serverUrl(text: string): URL {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		throw new SyncError(
			'The server address is not a web address; it should look like https://couch.example.org.',
			'insecure'
		);
	}
	const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
		throw new SyncError(
			'The server address must start with https:// (only a server on this device may use http://), so that your password and cards cannot be read on the way.',
			'insecure'
		);
	if (url.username || url.password)
		throw new SyncError(
			'Put the user name and password in their own fields, not in the address.',
			'insecure'
		);
	url.search = '';
	url.hash = '';
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

export { userDatabase } from './user-database';

export interface Change {
	id: string;
	seq: unknown;
	deleted?: boolean;
	/** The document's leaf revisions: more than one when CouchDB holds it in conflict. */
	changes?: { rev?: unknown }[];
}

export interface ChangesPage {
	results: Change[];
	lastSeq: unknown;
}

export interface BulkResult {
	id: string;
	rev?: string;
	error?: string;
	reason?: string;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class CouchClient {
	readonly #root: URL;
	readonly #db: URL;
	readonly #fetch: Fetch;

	constructor(server: URL, database: string, fetchFn: Fetch = (input, init) => fetch(input, init)) {
		this.#root = server;
		this.#db = new URL(`${encodeURIComponent(database)}/`, server);
		this.#fetch = fetchFn;
	}

	/** Starts a session with the user's name and password; the password is not kept. */
	async logIn(name: string, password: string): Promise<void> {
		await this.#call(new URL('_session', this.#root), {
			method: 'POST',
			body: JSON.stringify({ name, password })
		});
	}

	/** Whether the session is still valid (a cookie expires after CouchDB's `timeout`). */
	async loggedInAs(): Promise<string | null> {
		const body = (await this.#call(new URL('_session', this.#root))) as {
			userCtx?: { name?: string | null };
		};
		return body.userCtx?.name ?? null;
	}

	async logOut(): Promise<void> {
		await this.#call(new URL('_session', this.#root), { method: 'DELETE' });
	}

	/** Fails with 'missing-db' when the user's database does not exist. */
	async databaseInfo(): Promise<{ update_seq: unknown }> {
		return (await this.#call(this.#db)) as { update_seq: unknown };
	}

	/**
	 * One page of changes after `since` (null: from the start): ids and leaf revisions, not
	 * the documents, so that those this device has already (its own, mostly) are not fetched.
	 */
	async changes(since: unknown, limit: number): Promise<ChangesPage> {
		const url = new URL('_changes', this.#db);
		url.searchParams.set('style', 'all_docs');
		url.searchParams.set('limit', String(limit));
		if (since !== null && since !== undefined)
			url.searchParams.set('since', typeof since === 'string' ? since : JSON.stringify(since));
		const body = (await this.#call(url)) as { results?: unknown; last_seq?: unknown };
		if (!Array.isArray(body.results))
			throw new SyncError('The server answered, but not as a CouchDB database does.', 'server');
		return { results: body.results as Change[], lastSeq: body.last_seq };
	}

	/** The current versions of these documents, with their conflicts; those gone are left out. */
	async documents(ids: readonly string[]): Promise<unknown[]> {
		const url = new URL('_all_docs', this.#db);
		url.searchParams.set('include_docs', 'true');
		url.searchParams.set('conflicts', 'true');
		const body = (await this.#call(url, {
			method: 'POST',
			body: JSON.stringify({ keys: ids })
		})) as { rows?: unknown };
		if (!Array.isArray(body.rows))
			throw new SyncError('The server answered, but not as a CouchDB database does.', 'server');
		return body.rows.flatMap((row: { doc?: unknown }) =>
			row && typeof row === 'object' && row.doc ? [row.doc] : []
		);
	}

	/** Writes documents; each result says whether it was written or why not (409: conflict). */
	async bulkDocs(docs: readonly object[]): Promise<BulkResult[]> {
		const body = await this.#call(new URL('_bulk_docs', this.#db), {
			method: 'POST',
			body: JSON.stringify({ docs })
		});
		if (!Array.isArray(body))
			throw new SyncError('The server answered, but not as a CouchDB database does.', 'server');
		return body as BulkResult[];
	}

	/** The given revisions of a document (the branches of a conflict). */
	async revisions(id: string, revs: readonly string[]): Promise<unknown[]> {
		const url = new URL(encodeURIComponent(id), this.#db);
		url.searchParams.set('open_revs', JSON.stringify(revs));
		const body = await this.#call(url, { headers: { accept: 'application/json' } });
		if (!Array.isArray(body)) return [];
		return body.flatMap((entry: { ok?: unknown }) => (entry.ok ? [entry.ok] : []));
	}

	/** The current version of a document, or null when there is none. */
	async document(id: string): Promise<unknown> {
		const url = new URL(encodeURIComponent(id), this.#db);
		url.searchParams.set('conflicts', 'true');
		try {
			return await this.#call(url);
		} catch (error) {
			if (error instanceof SyncError && error.failure === 'missing-db') {
				await this.databaseInfo(); // the database itself is missing: say so
				return null;
			}
			throw error;
		}
	}

	async #call(url: URL, init: RequestInit = {}): Promise<unknown> {
		let response: Response;
		try {
			response = await this.#fetch(url.href, {
				...init,
				credentials: 'include',
				headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers }
			});
		} catch (error) {
			throw await this.#unreachable(error);
		}
		let body: unknown = null;
		try {
			body = await response.json();
		} catch {
			// an empty or non-JSON body: the status says enough
		}
		if (response.ok) return body;
		throw failureOf(response.status, body);
	}

	/**
	 * A request that failed before any answer: the server is down or the address is wrong,
	 * or it answered without the CORS headers that let this app read it. A `no-cors` request,
	 * whose answer the page cannot read but which succeeds when the server is there, tells
	 * which.
	 */
	async #unreachable(cause: unknown): Promise<SyncError> {
		let answers = false;
		try {
			await this.#fetch(this.#root.href, { mode: 'no-cors' });
			answers = true;
		} catch {
			// not there
		}
		return answers
			? new SyncError(
					"The server answers, but does not let this app read its answers: its CORS settings must allow this app's address with credentials (the sync guide, docs/sync.md, shows how).",
					'cors',
					{ cause }
				)
			: new SyncError(
					'The server could not be reached. Check its address and your connection; sync will try again when you are back online.',
					'unreachable',
					{ cause }
				);
	}
}

function failureOf(status: number, body: unknown): SyncError {
	const reason = (body as { reason?: unknown } | null)?.reason;
	if (status === 401)
		return new SyncError('The server did not accept this user name and password.', 'auth');
	if (status === 403)
		return new SyncError(
			'This user may not use this database. Each user syncs to their own database (the sync guide, docs/sync.md, shows how).',
			'forbidden'
		);
	if (status === 404)
		return new SyncError(
			'Your database is missing on the server. CouchDB makes it when the user is created if couch_peruser is on; otherwise an administrator must create it.',
			'missing-db'
		);
	if (status === 413)
		return new SyncError('The server refused a change as too large for it.', 'too-large');
	return new SyncError(
		`The server failed (${status}${typeof reason === 'string' ? `: ${reason.slice(0, 120)}` : ''}). Sync will try again later.`,
		'server'
	);
}
