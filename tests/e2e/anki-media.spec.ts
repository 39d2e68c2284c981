import { expect, test } from '@playwright/test';
import { oneNotePackage } from './anki-package';
import { unzipSync } from 'fflate';
import { countStored, exportFile, press, stubShareSheet, waitForServiceWorker } from './helpers';

/** A 1×1 PNG. */
const PICTURE = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

/** A tenth of a second of silence: an 8 kHz, 8-bit mono WAV. */
function silence(): Uint8Array {
	const samples = 800;
	const bytes = Buffer.alloc(44 + samples, 128);
	bytes.write('RIFF', 0);
	bytes.writeUInt32LE(36 + samples, 4);
	bytes.write('WAVEfmt ', 8);
	bytes.writeUInt32LE(16, 16);
	bytes.writeUInt16LE(1, 20); // PCM
	bytes.writeUInt16LE(1, 22); // mono
	bytes.writeUInt32LE(8000, 24);
	bytes.writeUInt32LE(8000, 28);
	bytes.writeUInt16LE(1, 32);
	bytes.writeUInt16LE(8, 34);
	bytes.write('data', 36);
	bytes.writeUInt32LE(samples, 40);
	return bytes;
}

/** Anki's stock Basic note type: front and back. */
const BASIC = {
	id: 11,
	name: 'Basic',
	cloze: false,
	fields: ['Front', 'Back'],
	templates: ['Card 1']
};

/** One Basic note: a picture asks, a sound answers; the package also holds a file no card shows. */
function packageWithMedia(): Promise<Buffer> {
	return oneNotePackage({
		deck: 'Animals',
		noteType: BASIC,
		fields: ['Dog<img src="dog.png">', 'inu[sound:inu.wav]'],
		media: { 'dog.png': PICTURE, 'inu.wav': silence(), 'unused.png': new Uint8Array([1]) }
	});
}

test('an Anki deck with a picture and a sound: imported, shown and played offline, exported with them, counted in Settings', async ({
	page,
	context
}) => {
	// Headless Chromium may have no sound device: record what is played instead.
	await context.addInitScript(() => {
		const played: string[] = [];
		(window as unknown as { played: string[] }).played = played;
		HTMLMediaElement.prototype.play = function () {
			played.push(this.src);
			return Promise.resolve();
		};
	});
	await stubShareSheet(page);
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);

	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'animals.apkg',
		mimeType: 'application/octet-stream',
		buffer: await packageWithMedia()
	});
	// Only the two files a card shows come in.
	await expect(page.getByTestId('import-media')).toContainText('With 2 pictures and sounds');
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await expect(page.getByText(/1 card added.*2 pictures and sounds/)).toBeVisible();

	await press(page, page.getByRole('link', { name: 'Study', exact: true }));
	const picture = page.locator('.front img');
	await expect(picture).toBeVisible();
	await expect(picture).toHaveAttribute('src', /^blob:/);
	// The picture really loaded, from the device.
	const loaded = () => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth);
	await expect.poll(loaded).toBe(1);
	// Still there after a reload with no connection: it is stored on the device.
	await page.reload();
	await expect.poll(loaded).toBe(1);
	const deckId = new URL(page.url()).searchParams.get('deck');

	const played = () => page.evaluate(() => (window as unknown as { played: string[] }).played);
	expect(await played()).toEqual([]);
	await press(page, page.getByRole('button', { name: 'Show answer' }));
	const sound = page.getByRole('button', { name: 'Play sound' });
	await expect(sound).toBeVisible();
	// The answer's sound plays as it is shown (the setting is on by default)…
	await expect.poll(played).toEqual([expect.stringMatching(/^blob:/)]);
	// …and again from its button, which does not grade or hide the answer.
	await press(page, sound);
	await expect.poll(async () => (await played()).length).toBe(2);
	await press(page, page.getByRole('button', { name: /^Good\b/ }));
	// The answer is written a few milliseconds after the next screen shows: leaving at once
	// could lose it, and the dog card would come first again.
	await expect.poll(() => countStored(page, 'reviewLogs')).toBe(1);

	// A card of one's own with a picture from the editor (the phone's camera or photos):
	// the same picture, so it is stored once.
	await page.goto(`/add?deck=${deckId}`);
	await page.getByLabel('Front').fill('Which animal?');
	const chooser = page.waitForEvent('filechooser');
	await press(page, page.getByRole('button', { name: 'Add picture to the question' }));
	await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PICTURE });
	await expect(page.getByLabel('Front')).toHaveValue(
		/^Which animal\?\n!\[\]\([0-9a-f]{40}\.png\)$/
	);
	await page.getByLabel('Back').fill('A dog');
	await press(page, page.getByRole('button', { name: 'Add card' }));
	await expect(page.getByText(/Added a card/)).toBeVisible();
	await page.goto(`/study?deck=${deckId}`);
	await expect(page.getByText('Which animal?')).toBeVisible();
	await expect.poll(loaded).toBe(1);

	// Exported with its files: the app's own deck file and an Anki package.
	await page.goto(`/deck?id=${deckId}`);
	await page.getByLabel(/This app’s deck file/).check();
	const deckFile = JSON.parse((await exportFile(page)).buffer.toString('utf8'));
	expect(
		deckFile.media.map((file: { name: string; type: string }) => [file.name.length, file.type])
	).toEqual([
		[44, 'image/png'],
		[44, 'audio/wav']
	]);
	await page.reload();
	await page.getByLabel(/Anki package/).check();
	const zip = unzipSync((await exportFile(page)).buffer);
	const listed = Object.values(JSON.parse(new TextDecoder().decode(zip.media))) as string[];
	expect(listed).toEqual(deckFile.media.map((file: { name: string }) => file.name));
	expect(Buffer.from(zip['0']!)).toEqual(PICTURE);

	await page.goto('/settings');
	await expect(page.getByTestId('media-total')).toHaveText(/^2 files, \d+\.\d MB\.$/);
	await press(page, page.getByRole('button', { name: 'Check for unused files' }));
	await expect(page.getByText('Every stored file is shown by some card.')).toBeVisible();
});

test('a full disk midway through an Anki deck’s pictures and sounds: a clear message, nothing written', async ({
	page
}) => {
	// The first file is written, the second finds the disk full, as Chromium reports it.
	await page.addInitScript(() => {
		let mediaWrites = 0;
		const failing = (original: (...args: never[]) => IDBRequest) =>
			function (this: IDBObjectStore, ...args: never[]) {
				if (this.name === 'media' && ++mediaWrites > 1)
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return original.apply(this, args);
			};
		IDBObjectStore.prototype.put = failing(IDBObjectStore.prototype.put);
		IDBObjectStore.prototype.add = failing(IDBObjectStore.prototype.add);
	});
	await page.goto('/');
	await expect(page.getByRole('link', { name: /^Study / })).toHaveCount(1);
	const cards = await countStored(page, 'cards');

	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'animals.apkg',
		mimeType: 'application/octet-stream',
		buffer: await packageWithMedia()
	});
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await expect(page.getByRole('alert')).toContainText('The device is out of storage space.');
	expect(await countStored(page, 'media')).toBe(0);
	expect(await countStored(page, 'cards')).toBe(cards);
	expect(await countStored(page, 'decks')).toBe(1);
});

test('a video tag in an Anki field is imported with its file and shown with its controls, never an address', async ({
	page
}) => {
	await page.goto('/import');
	await page.locator('input[type=file]').setInputFiles({
		name: 'clips.apkg',
		mimeType: 'application/octet-stream',
		buffer: await oneNotePackage({
			deck: 'Clips',
			noteType: BASIC,
			fields: [
				'Run<video src="run.webm"></video><video src="https://tracker.example/x.mp4"></video>',
				'hashiru'
			],
			media: { 'run.webm': new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]) }
		})
	});
	await expect(page.getByTestId('import-media')).toContainText('With 1 picture or sound');
	await press(page, page.getByRole('button', { name: 'Import', exact: true }));
	await press(page, page.getByRole('link', { name: 'Study', exact: true }));
	const video = page.locator('.front video');
	await expect(video).toHaveCount(1);
	await expect(video).toHaveAttribute('src', /^blob:/);
	await expect(video).toHaveAttribute('controls', '');
	expect(await video.getAttribute('autoplay')).toBeNull();
	expect(await page.locator('.front').innerHTML()).not.toContain('tracker.example');
});
