import { beforeEach, describe, expect, it } from 'vitest';
import type { MediaFile } from '$lib/domain/media';
import type { ImportPlan } from '$lib/transfer/plan';
import type { FlashcardsDB } from './db';
import { sampleDeck } from './fixtures';
import { applyImport } from './import';
import { mediaTotal, readMedia, removeUnusedMedia, unusedMedia } from './media';
import { testDatabase } from './test-db';

const now = new Date('2026-03-10T09:00:00Z');
const PICTURE = `${'a'.repeat(40)}.png`;
const SOUND = `${'b'.repeat(40)}.mp3`;
const file = (name: string, bytes: number[]): MediaFile => ({
	name,
	type: name.endsWith('.png') ? 'image/png' : 'audio/mpeg',
	bytes: new Uint8Array(bytes)
});

/** A deck whose first card shows the picture and second plays the sound. */
function planWithMedia(deckId = 'd1', media = [file(PICTURE, [1, 2, 3]), file(SOUND, [4, 5])]) {
	const { deck, cards } = sampleDeck(3, now, deckId);
	cards[0]!.format = 'html';
	cards[0]!.front = `Dog<img src="${PICTURE}">`;
	cards[1]!.format = 'html';
	cards[1]!.back = `[sound:${SOUND}]`;
	const plan: ImportPlan = {
		kind: 'decks',
		sourceFormat: 'apkg',
		decks: [{ deck, cards, logs: [], warnings: [] }],
		media
	};
	return plan;
}

let db: FlashcardsDB;
beforeEach(() => {
	db = testDatabase();
});

describe('media storage', () => {
	it('stores the files an import brings with its cards, once however often they come', async () => {
		const first = await applyImport(db, planWithMedia(), 'merge');
		expect(first.media).toBe(2);
		const again = await applyImport(db, planWithMedia('d2'), 'merge');
		expect(again.media).toBe(0);
		const files = await readMedia(db, [PICTURE, SOUND, 'absent.png']);
		expect(files.map((f) => [f.name, [...f.bytes]]).sort()).toEqual([
			[PICTURE, [1, 2, 3]],
			[SOUND, [4, 5]]
		]);
		expect(await mediaTotal(db)).toEqual({ files: 2, bytes: 5 });
		expect(await unusedMedia(db)).toEqual({ files: 0, bytes: 0 });
	});

	it('writes no file when the import fails, and no card when a file cannot be written', async () => {
		const failing = planWithMedia();
		if (failing.kind !== 'decks') throw new Error('unreachable');
		(failing.decks[0]!.cards[2] as { id: unknown }).id = { not: 'a key' };
		await expect(applyImport(db, failing, 'merge')).rejects.toThrow();
		expect(await db.media.count()).toBe(0);

		const badFile = planWithMedia('d1', [{ ...file(PICTURE, [1]), name: { no: 1 } as never }]);
		await expect(applyImport(db, badFile, 'merge')).rejects.toThrow();
		expect(await db.cards.count()).toBe(0);
		expect(await db.media.count()).toBe(0);
	});

	it('a restored backup adds its files and removes none: the replaced cards may come back', async () => {
		await applyImport(db, planWithMedia(), 'merge');
		const other = `${'c'.repeat(40)}.png`;
		const { deck, cards } = sampleDeck(1, now, 'd9');
		await applyImport(
			db,
			{
				kind: 'backup',
				decks: [{ deck, cards, logs: [], warnings: [] }],
				settings: null,
				exported: null,
				media: [file(other, [9])]
			},
			'merge',
			{ now }
		);
		expect((await readMedia(db, [PICTURE, SOUND, other])).map((f) => f.name).sort()).toEqual(
			[PICTURE, SOUND, other].sort()
		);
	});

	it('stores a file that is a view into a larger buffer (a zip entry) without that buffer', async () => {
		const whole = new Uint8Array(1000).fill(7);
		const view = whole.subarray(10, 13);
		await applyImport(db, planWithMedia('d1', [{ ...file(PICTURE, []), bytes: view }]), 'merge');
		const [stored] = await readMedia(db, [PICTURE]);
		expect(stored!.bytes.buffer.byteLength).toBe(3);
		expect([...stored!.bytes]).toEqual([7, 7, 7]);
	});

	it('counts and removes the files no card shows any more, and only those', async () => {
		await applyImport(db, planWithMedia(), 'merge');
		// The card with the sound is edited to plain text.
		const withSound = (await db.cards.toArray()).find((card) => card.back.includes('[sound:'));
		await db.cards.update(withSound!.id, { back: 'no sound now' });
		expect(await unusedMedia(db)).toEqual({ files: 1, bytes: 2 });
		expect(await removeUnusedMedia(db)).toBe(1);
		expect((await readMedia(db, [PICTURE, SOUND])).map((f) => f.name)).toEqual([PICTURE]);
		expect(await mediaTotal(db)).toEqual({ files: 1, bytes: 3 });
		expect(await unusedMedia(db)).toEqual({ files: 0, bytes: 0 });
	});
});
