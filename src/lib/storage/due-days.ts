import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreMutateResponse,
	DBCoreTable,
	DBCoreTransaction
} from 'dexie';
import { queueOf } from '$lib/domain/card-queue';
import type { Card } from '$lib/domain/models';
import type { FlashcardsDB } from './db';

/**
 * How many cards of a deck, in one queue, fall due on one UTC day. Storage keeps these
 * rows in step with the cards, in the same transaction as every card write, because
 * IndexedDB counts an index range key by key: the 6,520 reviews due today across 20
 * decks took 69 ms to count in Chromium, while their due days are a few hundred rows.
 */
export interface DueDayRow {
	deckId: string;
	queue: number;
	/** `Math.floor(due / DAY_MS)`: UTC days, so a change of time zone or day-start hour moves nothing. */
	day: number;
	cards: number;
}

export const DUE_DAYS = 'dueDays';
const DAY_MS = 86_400_000;
/** `DBCoreRangeType.Any` (a const enum, which an isolated module cannot import): a whole table. */
const WHOLE_TABLE = 3;

type Key = [string, number, number];

/** The row a card counts in, or null for a card the `[deckId+queue+due]` index leaves out too. */
function dueDayOf(card: Card): Key | null {
	if (typeof card.deckId !== 'string' || typeof card.due !== 'number' || Number.isNaN(card.due))
		return null;
	return [card.deckId, queueOf(card), Math.floor(card.due / DAY_MS)];
}

/** Changes to rows, by key, as the cards a write removes and adds move them. */
class Tally {
	readonly changes = new Map<string, { key: Key; delta: number }>();

	count(card: Card | undefined, delta: number): void {
		const key = card ? dueDayOf(card) : null;
		if (!key) return;
		const id = JSON.stringify(key);
		const change = this.changes.get(id) ?? { key, delta: 0 };
		change.delta += delta;
		this.changes.set(id, change);
	}
}

/** Writes a tally's changes to the rows, in the write's own transaction. */
async function apply(rows: DBCoreTable, trans: DBCoreTransaction, tally: Tally): Promise<void> {
	const changes = [...tally.changes.values()].filter((change) => change.delta !== 0);
	if (changes.length === 0) return;
	const keys = changes.map((change) => change.key);
	const stored = (await rows.getMany({ trans, keys })) as (DueDayRow | undefined)[];
	const put: DueDayRow[] = [];
	const remove: Key[] = [];
	changes.forEach(({ key, delta }, i) => {
		// Below zero would mean the rows had drifted from the cards; an empty row is removed.
		const cards = Math.max(0, (stored[i]?.cards ?? 0) + delta);
		if (cards > 0) put.push({ deckId: key[0], queue: key[1], day: key[2], cards });
		else if (stored[i]) remove.push(key);
	});
	if (put.length > 0) await rows.mutate({ trans, type: 'put', values: put });
	if (remove.length > 0) await rows.mutate({ trans, type: 'delete', keys: remove });
}

/**
 * The keys a write touches, in its order, and the cards stored under them now
 * (undefined where there is none): the cards it is about to replace or delete.
 */
async function cardsBefore(
	cards: DBCoreTable,
	request: DBCoreMutateRequest
): Promise<{ keys: readonly unknown[]; before: (Card | undefined)[] }> {
	const { trans } = request;
	if (request.type === 'deleteRange') {
		const read = await cards.query({
			trans,
			values: true,
			query: { index: cards.schema.primaryKey, range: request.range }
		});
		const before = read.result as Card[];
		return { keys: before.map((card) => card.id), before };
	}
	const keys =
		request.type === 'delete'
			? request.keys
			: (request.keys ?? request.values.map((card) => cards.schema.primaryKey.extractKey!(card)));
	if (request.type === 'add') return { keys, before: keys.map(() => undefined) };
	return { keys, before: (await cards.getMany({ trans, keys })) as (Card | undefined)[] };
}

/**
 * What a write did to the rows: each card it replaced or deleted counted out, each it
 * wrote counted in, except where the write failed. A key given twice counts once, as
 * its last value (the one stored).
 */
function tallyOf(
	request: DBCoreMutateRequest,
	{ keys, before }: { keys: readonly unknown[]; before: (Card | undefined)[] },
	response: DBCoreMutateResponse
): Tally {
	const tally = new Tally();
	const written = request.type === 'add' || request.type === 'put' ? request.values : null;
	const last = new Map<unknown, number>();
	keys.forEach((key, i) => last.set(key, i));
	for (const i of last.values()) {
		if (i in response.failures) continue;
		tally.count(before[i], -1);
		if (written) tally.count(written[i] as Card, +1);
	}
	return tally;
}

function includesRows(trans: DBCoreTransaction): boolean {
	return (trans as unknown as IDBTransaction).objectStoreNames.contains(DUE_DAYS);
}

/**
 * Keeps the due-day rows in step with every card write, whoever writes (a review, an
 * edit, an import, a delete): every read-write transaction on the cards includes the
 * rows, and each write to the cards changes them in that transaction, so they commit
 * or roll back together. Costs a read of the cards a write replaces, and of their rows.
 */
export function dueDaysMiddleware(down: DBCore): DBCore {
	return {
		...down,
		transaction(stores, mode, options) {
			const withRows =
				mode === 'readwrite' && stores.includes('cards') && !stores.includes(DUE_DAYS)
					? [...stores, DUE_DAYS]
					: stores;
			return down.transaction(withRows, mode, options);
		},
		table(name) {
			const cards = down.table(name);
			if (name !== 'cards') return cards;
			return {
				...cards,
				async mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
					// Only an upgrade from before the rows existed writes cards without them;
					// the upgrade that adds them counts every card (`countDueDays`).
					if (!includesRows(request.trans)) return cards.mutate(request);
					const rows = down.table(DUE_DAYS);
					if (request.type === 'deleteRange' && request.range.type === WHOLE_TABLE) {
						const response = await cards.mutate(request);
						await rows.mutate({ trans: request.trans, type: 'deleteRange', range: request.range });
						return response;
					}
					const touched = await cardsBefore(cards, request);
					const response = await cards.mutate(request);
					await apply(rows, request.trans, tallyOf(request, touched, response));
					return response;
				}
			};
		}
	};
}

/** Rows counted from scratch from a list of cards (the upgrade that adds them, and tests). */
export function countDueDays(cards: Iterable<Card>): DueDayRow[] {
	const tally = new Tally();
	for (const card of cards) tally.count(card, +1);
	return [...tally.changes.values()].map(({ key, delta }) => ({
		deckId: key[0],
		queue: key[1],
		day: key[2],
		cards: delta
	}));
}

/**
 * How many cards of a queue in a deck are due before `before` (a finite time): the rows
 * of the whole days before it, and the cards of its own day up to it counted on the
 * index (at most a day's worth).
 */
export async function cardsDueBefore(
	db: FlashcardsDB,
	deckId: string,
	queue: number,
	before: number
): Promise<number> {
	const day = Math.floor(before / DAY_MS);
	const [days, sameDay] = await Promise.all([
		db.dueDays
			.where('[deckId+queue+day]')
			.between([deckId, queue, -Infinity], [deckId, queue, day], true, false)
			.toArray(),
		db.cards
			.where('[deckId+queue+due]')
			.between([deckId, queue, day * DAY_MS], [deckId, queue, before], true, false)
			.count()
	]);
	return days.reduce((sum, row) => sum + row.cards, sameDay);
}
