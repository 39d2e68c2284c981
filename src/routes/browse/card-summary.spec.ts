import { describe, expect, it } from 'vitest';
import { testCard } from '$lib/domain/testing/records';
import { siblingLabel, statusLine, summaryLine } from './card-summary';

describe('summaryLine', () => {
	it('shows a cloze with its deletions filled in, and HTML without tags', () => {
		const cloze = testCard({
			id: 'c',
			kind: 'cloze',
			ord: 1,
			front: '{{c1::TCP::proto}} is   reliable'
		});
		expect(summaryLine(cloze, 'front')).toBe('TCP is reliable');
		const html = testCard({ id: 'h', format: 'html', front: '<b>bold</b><br>text' });
		expect(summaryLine(html, 'front')).toBe('bold text');
		// An Anki field: entities read as characters, a styled letter stays in its word.
		const anki = testCard({ id: 'a', format: 'html', front: 'Up&nbsp;until <b>c</b>oloboma' });
		expect(summaryLine(anki, 'front')).toBe('Up until coloboma');
	});

	it('names a side that is only a picture or a sound', () => {
		const media = testCard({
			id: 'm',
			format: 'html',
			front: `<img src="${'a'.repeat(40)}.png">`,
			back: `[sound:${'b'.repeat(40)}.mp3]`
		});
		expect(summaryLine(media, 'front')).toBe('(picture)');
		expect(summaryLine(media, 'back')).toBe('(sound)');
		// The app's own cards: the picture's mark is left out of the line.
		const name = `${'c'.repeat(40)}.jpg`;
		const own = testCard({
			id: 'o',
			front: `Which animal?\n![](${name})`,
			back: `![dog](${name})`
		});
		expect(summaryLine(own, 'front')).toBe('Which animal?');
		expect(summaryLine(own, 'back')).toBe('(picture)');
	});

	it('asks the reverse card with the back, and cuts long text', () => {
		const reverse = testCard({ id: 'r', kind: 'reversed', ord: 1, front: 'cat', back: 'chat' });
		expect(summaryLine(reverse, 'front')).toBe('chat');
		expect(summaryLine(reverse, 'back')).toBe('cat');
		expect(summaryLine(testCard({ id: 'l', front: 'x'.repeat(200) }), 'front', 10)).toBe(
			`${'x'.repeat(9)}…`
		);
	});
});

describe('statusLine', () => {
	it('names the queue, with the due date for studied cards', () => {
		expect(statusLine(testCard({ id: 'n' }))).toBe('New');
		expect(statusLine(testCard({ id: 's', state: 2, suspended: true }))).toBe('Suspended');
		expect(statusLine(testCard({ id: 'b', state: 2, buriedUntil: 5 }))).toBe('Buried');
		expect(
			statusLine(testCard({ id: 'r', state: 2, due: new Date(2026, 11, 3).getTime() }))
		).toMatch(/^Review · due /);
	});
});

describe('siblingLabel', () => {
	it('tells the cards of one note apart', () => {
		expect(siblingLabel(testCard({ id: 'c2', kind: 'cloze', ord: 2 }))).toBe('Cloze 2');
		expect(siblingLabel(testCard({ id: 'r', kind: 'reversed', ord: 1 }))).toBe('Reverse');
		expect(siblingLabel(testCard({ id: 'f', kind: 'reversed', ord: 0 }))).toBe('Forward');
		expect(siblingLabel(testCard({ id: 'b', kind: 'basic' }))).toBeNull();
	});
});
