/**
 * A CouchDB-protocol server for tests: express-pouchdb (the core of `pouchdb-server`) over
 * PouchDB's in-memory adapter, on 127.0.0.1 and a free port, started and stopped by the
 * tests themselves. pouchdb-server itself is not used: its other storage adapters need
 * native builds (leveldown, sqlite3) that a fresh install here cannot rely on.
 *
 * Set up as CouchDB with `couch_peruser` would be: an admin, a user, and the user's own
 * database (created as the admin: pouchdb-server is known to crash when an anonymous
 * request creates one), readable and writable by that user only. `cors` adds the headers
 * CouchDB's `[cors]` section gives (origins listed, credentials allowed).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { userDatabase } from '../user-database';

export const ADMIN = { name: 'admin', password: 'admin-secret' };

export interface TestCouch {
	/** The server's root address, ending in "/". */
	url: string;
	/** Adds a user with a database of their own; returns the database's name. */
	addUser(name: string, password: string): Promise<string>;
	/** Calls the server as the admin. */
	admin(path: string, init?: RequestInit): Promise<Response>;
	/** While true, the server closes every connection without answering. */
	setDown(down: boolean): void;
	stop(): Promise<void>;
}

let withPlugins: ReturnType<typeof PouchDB.plugin> | undefined;
let servers = 0;

export async function startTestCouch(options: { cors?: string[] } = {}): Promise<TestCouch> {
	servers += 1;
	// Plugins change PouchDB itself, so once per process; each server's databases get a
	// prefix of their own, since the memory adapter keeps one store per name per process.
	withPlugins ??= PouchDB.plugin(memoryAdapter).plugin(mapReduce).plugin(replication);
	const MemoryPouch = withPlugins.defaults({ adapter: 'memory', prefix: `server${servers}-` });
	const logs = mkdtempSync(join(tmpdir(), 'test-couch-'));
	const app = express();
	let down = false;
	app.use((req, res, next) => {
		if (down) {
			req.socket.destroy();
			return;
		}
		const origin = req.headers.origin;
		if (origin && options.cors?.includes(origin)) {
			res.setHeader('Access-Control-Allow-Origin', origin);
			res.setHeader('Access-Control-Allow-Credentials', 'true');
			res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
			res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin');
			if (req.method === 'OPTIONS') {
				res.status(204).end();
				return;
			}
		}
		next();
	});
	app.use(
		'/',
		expressPouchDB(MemoryPouch, { inMemoryConfig: true, logPath: join(logs, 'log.txt') })
	);
	const server: Server = await new Promise((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s));
	});
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	const basic = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;

	async function admin(path: string, init: RequestInit = {}): Promise<Response> {
		return fetch(url + path, {
			...init,
			headers: { authorization: basic, 'content-type': 'application/json', ...init.headers }
		});
	}

	// The first admin ends the "admin party" in which anyone may do anything.
	const made = await fetch(`${url}_config/admins/${ADMIN.name}`, {
		method: 'PUT',
		body: JSON.stringify(ADMIN.password)
	});
	if (!made.ok) throw new Error(`could not make the admin: ${made.status}`);

	return {
		url,
		admin,
		async addUser(name, password) {
			const user = await admin(`_users/org.couchdb.user:${encodeURIComponent(name)}`, {
				method: 'PUT',
				body: JSON.stringify({
					_id: `org.couchdb.user:${name}`,
					name,
					password,
					roles: [],
					type: 'user'
				})
			});
			if (!user.ok) throw new Error(`could not add ${name}: ${user.status} ${await user.text()}`);
			const database = userDatabase(name);
			const db = await admin(database, { method: 'PUT' });
			if (!db.ok) throw new Error(`could not create ${database}: ${db.status}`);
			const security = await admin(`${database}/_security`, {
				method: 'PUT',
				body: JSON.stringify({
					admins: { names: [], roles: [] },
					members: { names: [name], roles: [] }
				})
			});
			if (!security.ok) throw new Error(`could not secure ${database}: ${security.status}`);
			return database;
		},
		setDown(value) {
			down = value;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			rmSync(logs, { recursive: true, force: true });
		}
	};
}

/**
 * `fetch` with a cookie jar, as a browser keeps the session cookie: Node's `fetch` does not.
 * `fail` lets a test lose requests: given the URL and init, returning 'before' fails the
 * request unsent, 'after' sends it and then fails as if the answer were lost.
 */
export function cookieFetch(
	fail?: (url: string, init: RequestInit | undefined) => 'before' | 'after' | null
): (input: string, init?: RequestInit) => Promise<Response> {
	const jar = new Map<string, string>();
	return async (input, init) => {
		const failure = fail?.(input, init) ?? null;
		if (failure === 'before') throw new TypeError('fetch failed (test: request lost)');
		const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
		const response = await fetch(input, {
			...init,
			headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) }
		});
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const at = pair!.indexOf('=');
			if (at > 0) jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
		}
		if (failure === 'after') throw new TypeError('fetch failed (test: answer lost)');
		return response;
	};
}
