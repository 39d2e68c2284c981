/**
 * The database CouchDB's `couch_peruser` makes for a user: "userdb-" and the name's UTF-8
 * bytes in hex. Each user's data goes only there.
 *
 * @example
 * userDatabase('ana'); // "userdb-616e61"
 */
export function userDatabase(user: string): string {
	const hex = Array.from(new TextEncoder().encode(user), (b) => b.toString(16).padStart(2, '0'));
	return `userdb-${hex.join('')}`;
}
