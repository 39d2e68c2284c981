import { describe, expect, it } from 'vitest';
import type { Card, Deck } from '$lib/domain/models';
import { testCard, testDeck } from '$lib/domain/testing/records';
import { csvToPlan, encodeCsv, parseCsv, parseCsvTable, type CsvNeedsMapping } from './csv';
import type { ImportPlan } from './plan';
import { NOW, countingIds, importErrorOf, jsdomSanitize } from './testing/fixed';

const options = () => ({
	now: NOW,
	sanitize: jsdomSanitize,
	deckName: 'From file',
	newId: countingIds()
});

function plan(text: string): Extract<ImportPlan, { kind: 'decks' }> {
	const result = parseCsv(text, options());
	if (result.kind !== 'decks') throw new Error(`expected a plan, got ${result.kind}`);
	return result;
}

const sides = (p: ImportPlan) => p.decks.flatMap((d) => d.cards.map((c) => [c.front, c.back]));

describe('CSV as Anki exports it', () => {
	const anki = [
		'#separator:tab',
		'#html:true',
		'#tags column:3',
		'<b>Bonjour</b>\tHello <i>there</i>\tfrench greeting',
		'"two<br>lines\twith a tab"\t"He said ""hi""<img src=x onerror=alert(1)>"\t',
		'<script>alert(1)</script>Nuit\tNight\t'
	].join('\n');

	it('reads header lines, sanitised HTML and the tags column', () => {
		const p = plan(anki);
		expect(p.sourceFormat).toBe('csv');
		expect(p.decks).toHaveLength(1);
		const [deck] = p.decks;
		expect(deck!.deck.name).toBe('From file');
		expect(sides(p)).toEqual([
			['<b>Bonjour</b>', 'Hello <i>there</i>'],
			['two<br>lines\twith a tab', 'He said "hi"'],
			['Nuit', 'Night']
		]);
		expect(deck!.cards.map((c) => c.tags)).toEqual([['french', 'greeting'], [], []]);
		expect(deck!.cards.every((c) => c.format === 'html' && c.kind === 'basic')).toBe(true);
	});

	it('makes new cards due in file order, ending now', () => {
		const cards = plan(anki).decks[0]!.cards;
		expect(cards.map((c) => c.due)).toEqual(cards.map((c) => c.created));
		expect(cards.map((c) => c.created)).toEqual([
			NOW.getTime() - 2,
			NOW.getTime() - 1,
			NOW.getTime()
		]);
		expect(cards.every((c) => c.state === 0 && c.reps === 0 && c.last_review === null)).toBe(true);
		expect(cards.map((c) => c.deckId)).toEqual(['id-1', 'id-1', 'id-1']);
	});

	it('reads guid, note type and deck columns, making cloze cards and one deck per name', () => {
		const p = plan(
			[
				'#separator:tab',
				'#html:true',
				'#guid column:1',
				'#notetype column:2',
				'#deck column:3',
				'#tags column:6',
				'#tags:anki',
				'g1\tBasic\tFrench\tHello\tBonjour\tgreeting',
				'g2\tCloze\tFrench::Verbs\t{{c1::être}} means {{c2::to be}}\tirregular\tverb'
			].join('\n')
		);
		expect(p.decks.map((d) => d.deck.name)).toEqual(['French', 'French::Verbs']);
		const verbs = p.decks[1]!.cards;
		expect(verbs.map((c) => [c.kind, c.front, c.back])).toEqual([
			[
				'cloze',
				'<span class="cloze">[…]</span> means to be',
				'<b class="cloze">être</b> means to be<br><br>irregular'
			],
			[
				'cloze',
				'être means <span class="cloze">[…]</span>',
				'être means <b class="cloze">to be</b><br><br>irregular'
			]
		]);
		expect(verbs[0]!.tags).toEqual(['verb', 'anki']);
		expect(p.decks[0]!.cards[0]!.front).toBe('Hello');
	});

	it('takes the deck name from #deck: and columns from #columns:', () => {
		const p = plan(
			'#separator:Pipe\n#deck:Capitals\n#columns:Tags|Back|Front\neurope|Paris|France\n'
		);
		expect(p.decks[0]!.deck.name).toBe('Capitals');
		expect(sides(p)).toEqual([['France', 'Paris']]);
		expect(p.decks[0]!.cards[0]!.tags).toEqual(['europe']);
	});

	it('reads header lines ended by CR alone, as old Mac files are', () => {
		const p = plan('#separator:tab\r#deck:X\rhello\tworld\r');
		expect(p.decks[0]!.deck.name).toBe('X');
		expect(sides(p)).toEqual([['hello', 'world']]);
	});

	it('skips comment lines among the header lines, as Anki does', async () => {
		const p = plan('# exported by hand\n#separator:tab\n#version:2\n#deck:X\nhello\tworld\n');
		expect(p.decks[0]!.deck.name).toBe('X');
		expect(sides(p)).toEqual([['hello', 'world']]);
		const error = await importErrorOf(() =>
			parseCsv('#note\n#separator:tab\na\tb\nc\n', options())
		);
		expect(error.where).toBe('line 4');
	});

	it('rejects an unknown #separator with its line', async () => {
		const error = await importErrorOf(() =>
			parseCsv('#html:false\n#separator:Pipes\na|b', options())
		);
		expect(error.where).toBe('line 2');
		expect(error.message).toMatch(/#separator should be Comma, Semicolon, Tab/);
	});
});

describe('CSV as spreadsheets write it', () => {
	it('reads BOM, CRLF, a header row, quoted newlines and doubled quotes', () => {
		const text =
			'\ufeffQuestion,Answer,Tags\r\n' +
			'"What is\r\n""HTML""?",A markup language,web basics\r\n' +
			'2+2,"4, of course",\r\n';
		const p = plan(text);
		expect(sides(p)).toEqual([
			['What is\r\n"HTML"?', 'A markup language'],
			['2+2', '4, of course']
		]);
		expect(p.decks[0]!.cards.map((c) => c.tags)).toEqual([['web', 'basics'], []]);
		expect(p.decks[0]!.cards[0]!.format).toBe('text');
	});

	it('detects semicolons (European Excel) and tabs', () => {
		expect(sides(plan('Front;Back\nchat;cat\nchien;dog\n'))).toEqual([
			['chat', 'cat'],
			['chien', 'dog']
		]);
		expect(sides(plan('a\tb, with comma\nc\td\n'))).toEqual([
			['a', 'b, with comma'],
			['c', 'd']
		]);
	});

	it('keeps script payloads literally in text mode', () => {
		const p = plan(
			'#html:false\nfront,back\n<script>alert(1)</script>,<img src=x onerror=alert(1)>\n'
		);
		expect(sides(p)).toEqual([['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']]);
		expect(p.decks[0]!.cards[0]!.format).toBe('text');
	});

	it('reads a file with tags or entities and no #html line as HTML, as Anki does', () => {
		const p = plan('<b>bold</b> front,up&nbsp;to <i>6</i>\nplain,text\n');
		expect(p.decks[0]!.cards.map((c) => c.format)).toEqual(['html', 'html']);
		expect(sides(p)[0]).toEqual(['<b>bold</b> front', 'up&nbsp;to <i>6</i>']);
		// Sanitised like any HTML: a script is gone, not shown and not run.
		const unsafe = plan('front,back\nq <script>alert(1)</script>,<img src=x onerror=alert(1)>\n');
		expect(sides(unsafe)[0]![0]).toBe('q ');
		expect(sides(unsafe)[0]![1]).not.toContain('onerror');
		// Plain words stay plain text.
		expect(plan('front,back\na < b,c & d\n').decks[0]!.cards[0]!.format).toBe('text');
	});

	it('skips blank rows and warns about rows with an empty front', () => {
		const p = plan('front,back\n,orphan\n\na,b\n , \n,another\n');
		expect(sides(p)).toEqual([['a', 'b']]);
		expect(p.decks[0]!.warnings).toEqual([
			'2 rows have an empty front and were skipped (lines 2, 6).'
		]);
	});
});

describe('CSV column mapping', () => {
	const three = 'chat,cat,animal\nrouge,red,colour\n';

	it('asks when there is no header and more than two columns', () => {
		const result = parseCsv(three, options()) as CsvNeedsMapping;
		expect(result.kind).toBe('needsMapping');
		expect(result.columnCount).toBe(3);
		expect(result.preview).toEqual([
			['chat', 'cat', 'animal'],
			['rouge', 'red', 'colour']
		]);
		expect(result.suggested).toMatchObject({ front: 0, back: 1 });
		const p = csvToPlan(result.table, { front: 1, back: 0, tags: 2 }, options());
		expect(sides(p)).toEqual([
			['cat', 'chat'],
			['red', 'rouge']
		]);
		expect(p.decks[0]!.cards[1]!.tags).toEqual(['colour']);
	});

	it('does not ask when the extra column is a declared tags column', () => {
		expect(parseCsv(`#tags column:3\n${three}`, options()).kind).toBe('decks');
	});

	it('names the line of a ragged row, counting quoted line breaks', async () => {
		const text = 'front,back\na,b\n"multi\nline",x\n\nc,d\ne\n';
		const error = await importErrorOf(() => parseCsv(text, options()));
		expect(error.where).toBe('line 7');
		expect(error.message).toBe(
			'Read with commas between fields (the separator most rows use), this row has 1 field; front and back need at least 2. (line 7)'
		);
	});

	it('asks about a file that seems to mix separators, naming the one it was read with and the row', async () => {
		const text = 'front,back\ncat,chat\ndog;chien\nbird,oiseau\n';
		const answer = parseCsv(text, options()) as CsvNeedsMapping;
		expect(answer.kind).toBe('needsMapping');
		expect(answer.problem).toBe(
			'Read with commas between fields (the separator most rows use), this row has 1 field; front and back need at least 2. ' +
				'It holds a semicolon instead: the file seems to mix separators. Use one throughout, or put a line such as #separator:Comma at the top. (line 3)'
		);
		expect(answer.header).toEqual(['front', 'back']);
		expect(answer.text).toBe(text);
		// Going on with commas, that row is the error.
		const error = await importErrorOf(() => csvToPlan(answer.table, answer.suggested, options()));
		expect(error.where).toBe('line 3');
		// The form reads the file again with the separator the user picks.
		const bySemicolon = parseCsvTable('dog;chien\nowl;hibou,chouette\n', ';');
		expect(bySemicolon.rows).toEqual([
			['dog', 'chien'],
			['owl', 'hibou,chouette']
		]);
		expect(bySemicolon.delimiterGuessed).toBe(false);
		// With the separator named, the row is simply short.
		const named = await importErrorOf(() => parseCsv(`#separator:Comma\n${text}`, options()));
		expect(named.message).toBe(
			'Read with commas between fields, this row has 1 field; front and back need at least 2. (line 4)'
		);
	});

	it('counts Anki header lines and CRLF when naming a line', async () => {
		const error = await importErrorOf(() =>
			parseCsv('#separator:tab\r\n#html:false\r\na\tb\r\nc\r\n', options())
		);
		expect(error.where).toBe('line 4');
	});

	it('names the line where an unclosed quote starts', async () => {
		const error = await importErrorOf(() => parseCsv('a,b\nc,"never closed\nd,e\n', options()));
		expect(error.where).toBe('line 2');
		expect(error.message).toMatch(/closing quote is missing/);
	});

	it('refuses a file with no rows', async () => {
		expect((await importErrorOf(() => parseCsv('\n\n', options()))).message).toBe(
			'The file has no rows to make cards from.'
		);
		expect((await importErrorOf(() => parseCsv('Front,Back\n', options()))).message).toMatch(
			/header row but no rows/
		);
	});
});

describe('encodeCsv', () => {
	const deck: Deck = testDeck({ id: 'd', name: 'Mixed' });
	const card = (front: string, back: string, format: Card['format'], tags: string[]): Card =>
		testCard({ id: front, deckId: 'd', front, back, format, tags });

	it('writes what Anki expects, quoting where needed', () => {
		const text = encodeCsv(deck, [
			card('Hello', 'Bonjour', 'text', ['french', 'two words']),
			card('#hash', 'tab\there "q"\nnew line', 'text', [])
		]);
		expect(text).toBe(
			'#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n' +
				'#tags column:6\n#columns:GUID\tNotetype\tDeck\tFront\tBack\tTags\n' +
				'article-flashcards:Hello\tBasic\tMixed\tHello\tBonjour\tfrench two_words\n' +
				'article-flashcards:#hash\tBasic\tMixed\t"#hash"\t"tab\there ""q""\nnew line"\t\n'
		);
	});

	it('round-trips text cards through parseCsv', () => {
		const cards = [
			card('Hello', 'Bonjour', 'text', ['french']),
			card('#hash', 'tab\there "q"\nnew line <b>not bold</b>', 'text', ['a', 'b'])
		];
		const p = plan(encodeCsv(deck, cards));
		expect(p.decks[0]!.deck.name).toBe('Mixed');
		expect(p.decks[0]!.cards.map((c) => [c.front, c.back, c.tags, c.format])).toEqual(
			cards.map((c) => [c.front, c.back, c.tags, 'text'])
		);
	});

	it('writes HTML when any card is HTML, escaping the text cards, which come back as text', () => {
		const text = encodeCsv(deck, [
			card('<b>x</b>', 'y', 'html', []),
			card('1 < 2', 'a\nb', 'text', [])
		]);
		expect(text).toContain('#html:true');
		expect(text).toContain('\t1 &lt; 2\ta<br>b\t');
		expect(plan(text).decks[0]!.cards.map((c) => [c.front, c.back, c.format])).toEqual([
			['<b>x</b>', 'y', 'html'],
			['1 < 2', 'a\nb', 'text']
		]);
	});

	const notes: Card[] = [
		testCard({ id: 'f', noteId: 'pair', kind: 'reversed', ord: 0, front: 'cat', back: 'chat' }),
		testCard({ id: 'r', noteId: 'pair', kind: 'reversed', ord: 1, front: 'cat', back: 'chat' }),
		...[1, 2].map((n) =>
			testCard({
				id: `c${n}`,
				noteId: 'clz',
				kind: 'cloze',
				ord: n,
				front: '{{c1::TCP}} carries {{c2::HTTP::protocol}}',
				back: ''
			})
		),
		testCard({ id: 'l', kind: 'list', front: 'Two layers', back: '• Transport\n• Link' })
	];

	it('writes one row per note, with its note type and guid', () => {
		const rows = encodeCsv(deck, notes)
			.split('\n')
			.filter((line) => line !== '' && !line.startsWith('#'));
		expect(rows).toEqual([
			'article-flashcards:pair\tBasic (and reversed card)\tMixed\tcat\tchat\t',
			'article-flashcards:clz\tCloze\tMixed\t{{c1::TCP}} carries {{c2::HTTP::protocol}}\t\t',
			'article-flashcards:l\tArticle Flashcards List\tMixed\tTwo layers\t<ul><li>Transport</li><li>Link</li></ul>\t'
		]);
	});

	it('reads its own file back into the same notes', () => {
		const back = plan(encodeCsv(deck, notes)).decks[0]!.cards;
		expect(back.map((c) => [c.noteId, c.ord, c.kind, c.front, c.back, c.format])).toEqual(
			notes.map((c) => [c.noteId, c.ord, c.kind, c.front, c.back, 'text'])
		);
	});
});
