import { describe, expect, it } from 'vitest';
import { CardState, type Card } from '$lib/domain/models';
import { testCard } from '$lib/domain/testing/records';
import type { FlashcardsDB } from './db';
import { cardsDueBefore, countDueDays, type DueDayRow } from './due-days';
import { testDatabase } from './test-db';

const DAY = 86_400_000;
const DECKS = ['a', 'b', 'c'];

/** A small seeded generator, so a failing sequence of writes can be replayed. */
function random(seed: number) {
	let state = seed;
	const next = () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return { next, int, pick: <T>(items: readonly T[]) => items[int(items.length)] as T };
}

type Random = ReturnType<typeof random>;

function schedule(rng: Random): Partial<Card> {
	return {
		deckId: rng.pick(DECKS),
		state: rng.pick([CardState.New, CardState.Learning, CardState.Review, CardState.Relearning]),
		due: 20 * DAY + rng.int(10 * DAY) - 5 * DAY,
		suspended: rng.next() < 0.1,
		buriedUntil: rng.next() < 0.1 ? 30 * DAY : 0
	};
}

const byKey = (a: DueDayRow, b: DueDayRow) =>
	a.deckId.localeCompare(b.deckId) || a.queue - b.queue || a.day - b.day;

/** The rows must be exactly what counting every stored card from scratch gives. */
async function expectInStep(db: FlashcardsDB, step: string) {
	const rows = (await db.dueDays.toArray()).sort(byKey);
	const counted = countDueDays(await db.cards.toArray()).sort(byKey);
	expect(rows, step).toEqual(counted);
}

async function someIds(db: FlashcardsDB, rng: Random, n: number): Promise<string[]> {
	const ids = await db.cards.toCollection().primaryKeys();
	return Array.from({ length: Math.min(n, ids.length) }, () => rng.pick(ids));
}

describe('due-day rows', () => {
	it('stay in step with the cards through every kind of write', async () => {
		const db = testDatabase();
		const rng = random(7);
		let made = 0;
		const fresh = () => testCard({ id: `c${made++}`, ...schedule(rng) });
		const writes: Record<string, () => Promise<unknown>> = {
			bulkAdd: () => db.cards.bulkAdd(Array.from({ length: 1 + rng.int(15) }, fresh)),
			bulkAddWithDuplicate: async () => {
				const [id] = await someIds(db, rng, 1);
				const cards = [fresh(), testCard({ id: id ?? 'c0', ...schedule(rng) }), fresh()];
				// One add fails (its key exists), the others are written.
				await db.cards.bulkAdd(cards).catch(() => undefined);
			},
			bulkPut: async () => {
				const cards = await db.cards.bulkGet(await someIds(db, rng, 8));
				const changed = cards.flatMap((card) => (card ? [{ ...card, ...schedule(rng) }] : []));
				await db.cards.bulkPut([...changed, fresh()]);
			},
			update: async () => {
				const [id] = await someIds(db, rng, 1);
				if (id) await db.cards.update(id, schedule(rng));
			},
			modifyDeck: () =>
				db.cards
					.where('deckId')
					.equals(rng.pick(DECKS))
					.modify((card) => {
						card.due += DAY;
						if (card.state === CardState.Learning) card.state = CardState.Review;
					}),
			bulkDelete: async () => db.cards.bulkDelete(await someIds(db, rng, 4)),
			deleteWhere: () => db.cards.where('deckId').equals(rng.pick(DECKS)).delete(),
			deletePrimaryKeyRange: () => db.cards.where(':id').between('c1', 'c3').delete(),
			failedTransaction: () =>
				db
					.transaction('rw', db.cards, async () => {
						await db.cards.bulkAdd([fresh(), fresh()]);
						const [id] = await someIds(db, rng, 1);
						if (id) await db.cards.update(id, schedule(rng));
						throw new Error('rolled back');
					})
					.catch(() => undefined),
			clear: async () => {
				if (rng.next() < 0.2) await db.cards.clear();
			}
		};
		const names = Object.keys(writes);
		for (let step = 0; step < 250; step++) {
			const name = rng.pick(names);
			await writes[name]!();
			await expectInStep(db, `step ${step}: ${name}`);
		}
		expect(await db.dueDays.count()).toBeGreaterThan(0);
	});

	it('answer how many cards are due before a time as the index does, within a day too', async () => {
		const db = testDatabase();
		const rng = random(11);
		await db.cards.bulkAdd(
			Array.from({ length: 400 }, (_, i) => testCard({ id: `c${i}`, ...schedule(rng) }))
		);
		for (let i = 0; i < 60; i++) {
			const deckId = rng.pick(DECKS);
			const queue = rng.pick([-2, -1, 0, 1, 2, 3]);
			const before = 14 * DAY + rng.int(14 * DAY);
			const onIndex = await db.cards
				.where('[deckId+queue+due]')
				.between([deckId, queue, -Infinity], [deckId, queue, before], true, false)
				.count();
			expect(await cardsDueBefore(db, deckId, queue, before), `${deckId} ${queue} ${before}`).toBe(
				onIndex
			);
		}
	});

	it('leave out what the due index leaves out: a card without a due time', async () => {
		const db = testDatabase();
		await db.cards.bulkAdd([
			testCard({ id: 'ok', deckId: 'a', due: DAY }),
			testCard({ id: 'broken', deckId: 'a', due: Number.NaN })
		]);
		expect(await db.dueDays.toArray()).toEqual([{ deckId: 'a', queue: 0, day: 1, cards: 1 }]);
		await db.cards.delete('broken');
		await expectInStep(db, 'after deleting the card without a due time');
	});
});
