import type { FixtureCollection } from './anki-builder';

/**
 * One collection with what real ones hold: Basic, Basic (and reversed card) and Cloze
 * notes, tags, formatting, a script payload, media references, review cards with and
 * without FSRS memory, learning and relearning cards, a suspended card, a card in a
 * filtered deck, and review history including a manual reschedule.
 */

export const CRT = Date.UTC(2023, 0, 1) / 1000;
export const JAPANESE = 1_700_000_000_001;
export const SCIENCE = 1_700_000_000_002;
export const FILTERED = 99;

export const R1 = 1_735_000_000_000;
export const R2 = 1_735_100_000_000;
export const R3 = 1_738_000_000_000;

export const FIXTURE: FixtureCollection = {
	crt: CRT,
	decks: [
		{ id: 1, name: 'Default' },
		{ id: JAPANESE, name: 'Japanese::Vocab' },
		{ id: SCIENCE, name: 'Science' },
		{ id: FILTERED, name: 'Filtered Deck 1' }
	],
	noteTypes: [
		{ id: 11, name: 'Basic', cloze: false, fields: ['Front', 'Back'], templates: ['Card 1'] },
		{
			id: 12,
			name: 'Basic (and reversed card)',
			cloze: false,
			fields: ['Front', 'Back'],
			templates: ['Card 1', 'Card 2']
		},
		{ id: 13, name: 'Cloze', cloze: true, fields: ['Text', 'Back Extra'], templates: ['Cloze'] }
	],
	notes: [
		{
			id: 1001,
			mid: 11,
			tags: ' japanese animals ',
			fields: ['<b>犬</b>', 'dog<img src="dog.jpg">[sound:inu.mp3]']
		},
		{ id: 1002, mid: 12, tags: '', fields: ['Paris', 'capital of <i>France</i>'] },
		{
			id: 1003,
			mid: 13,
			tags: 'biology',
			fields: [
				'{{c1::Mitochondria}} is the {{c2::powerhouse::metaphor}} of the cell',
				'Biology 101'
			]
		},
		{
			id: 1004,
			mid: 11,
			tags: '',
			fields: [
				'<script>alert(1)</script>Safe <span onclick="alert(2)">text</span>',
				'<img src=x onerror=alert(3)>answer'
			]
		},
		{ id: 1005, mid: 11, tags: '', fields: ['<img src="only.png">', 'answer'] },
		{ id: 1006, mid: 11, tags: '', fields: ['Filtered Q', 'A'] }
	],
	cards: [
		// Review with FSRS memory (Anki ≥ 23.10).
		{
			id: 1_690_000_000_001,
			nid: 1001,
			did: JAPANESE,
			ord: 0,
			type: 2,
			queue: 2,
			due: 800,
			ivl: 30,
			factor: 2500,
			reps: 5,
			lapses: 1,
			data: '{"s":35.2,"d":4.8,"dr":0.9}'
		},
		// New, reversed pair: Anki's position puts the reverse first.
		{
			id: 1_690_000_000_002,
			nid: 1002,
			did: SCIENCE,
			ord: 0,
			type: 0,
			queue: 0,
			due: 2,
			ivl: 0,
			factor: 0,
			reps: 0,
			lapses: 0
		},
		{
			id: 1_690_000_000_003,
			nid: 1002,
			did: SCIENCE,
			ord: 1,
			type: 0,
			queue: 0,
			due: 1,
			ivl: 0,
			factor: 0,
			reps: 0,
			lapses: 0
		},
		// Learning, due in epoch seconds, no memory.
		{
			id: 1_690_000_000_004,
			nid: 1003,
			did: SCIENCE,
			ord: 0,
			type: 1,
			queue: 1,
			due: 1_740_830_000,
			ivl: 0,
			factor: 0,
			reps: 1,
			lapses: 0
		},
		// Review without memory, suspended.
		{
			id: 1_690_000_000_005,
			nid: 1003,
			did: SCIENCE,
			ord: 1,
			type: 2,
			queue: -1,
			due: 795,
			ivl: 10,
			factor: 2100,
			reps: 4,
			lapses: 0
		},
		// Relearning with memory and last review time (Anki ≥ 25.02).
		{
			id: 1_690_000_000_006,
			nid: 1004,
			did: SCIENCE,
			ord: 0,
			type: 3,
			queue: 1,
			due: 1_740_900_000,
			ivl: 5,
			factor: 1800,
			reps: 9,
			lapses: 2,
			data: '{"s":3.1,"d":7.5,"lrt":1740800000}'
		},
		// Only an image on the front: nothing to show.
		{
			id: 1_690_000_000_007,
			nid: 1005,
			did: SCIENCE,
			ord: 0,
			type: 0,
			queue: 0,
			due: 3,
			ivl: 0,
			factor: 0,
			reps: 0,
			lapses: 0
		},
		// In a filtered deck: the home deck and due date are in odid/odue.
		{
			id: 1_690_000_000_008,
			nid: 1006,
			did: FILTERED,
			ord: 0,
			type: 2,
			queue: 2,
			due: -100_000,
			ivl: 20,
			factor: 2500,
			reps: 3,
			lapses: 0,
			odid: SCIENCE,
			odue: 780
		}
	],
	revlog: [
		{ id: R1, cid: 1_690_000_000_001, ease: 3, ivl: -600, lastIvl: 0, factor: 0, type: 0 },
		{ id: R2, cid: 1_690_000_000_001, ease: 3, ivl: 1, lastIvl: -600, factor: 2500, type: 0 },
		{ id: R3, cid: 1_690_000_000_001, ease: 3, ivl: 30, lastIvl: 1, factor: 2500, type: 1 },
		// "Set due date" writes a manual entry with ease 0.
		{
			id: 1_739_000_000_000,
			cid: 1_690_000_000_005,
			ease: 0,
			ivl: 10,
			lastIvl: 8,
			factor: 2100,
			type: 4
		}
	],
	media: ['dog.jpg', 'inu.mp3', 'unused.png']
};
