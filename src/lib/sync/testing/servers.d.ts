// The little of express and PouchDB that the test server uses (they ship no types).

declare module 'express' {
	import type { IncomingMessage, Server, ServerResponse } from 'node:http';
	interface Response extends ServerResponse {
		status(code: number): Response;
	}
	interface App {
		use(handler: (req: IncomingMessage, res: Response, next: () => void) => void): void;
		use(path: string, handler: unknown): void;
		listen(port: number, host: string, callback: () => void): Server;
	}
	export default function express(): App;
}

declare module 'pouchdb-core' {
	interface PouchConstructor {
		plugin(plugin: unknown): PouchConstructor;
		defaults(options: { adapter: string; prefix?: string }): PouchConstructor;
	}
	const PouchDB: PouchConstructor;
	export default PouchDB;
}

declare module 'express-pouchdb' {
	export default function expressPouchDB(
		pouch: unknown,
		options: { inMemoryConfig?: boolean; logPath?: string; mode?: string }
	): unknown;
}

declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
