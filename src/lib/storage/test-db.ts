import 'fake-indexeddb/auto';
import { FlashcardsDB } from './db';

let counter = 0;

/** A fresh, empty database for one test (fake-indexeddb in Node). */
export function testDatabase(): FlashcardsDB {
	counter += 1;
	return new FlashcardsDB(`test-${process.pid}-${counter}`);
}
