import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { findLists, labelsOrItems } from './lists';

const lists = (text: string) =>
	findLists(parseArticle(`Title\n\n${text}`)).map(({ kind, front, back, suggested }) => ({
		kind,
		front,
		back,
		suggested
	}));

describe('findLists', () => {
	it('asks for a bullet list in the framing of its lead', () => {
		const [card] = lists(
			'A typical week for a gardener might include the following:\n\n- Weeding.\n- Watering.\n- Pruning.'
		);
		expect(card).toEqual({
			kind: 'list',
			front: 'What does a typical week for a gardener include? (3)',
			back: '• Weeding\n• Watering\n• Pruning',
			suggested: true
		});
	});

	it('resolves "These include:" from the sentence before it', () => {
		const [card] = lists(
			'Of course, there are other reasons to garden. These include:\n\nFresh food\n\nYou eat what you grow.\n\nExercise\n\nDigging is work.\n\nCalm\n\nPlants soothe.'
		);
		expect(card?.front).toBe('What are other reasons to garden? (3)');
		expect(card?.back).toBe('• Fresh food\n• Exercise\n• Calm');
	});

	it('asks "What are X?" for "There are X:" and "Here are X:" leads', () => {
		expect(lists('There are three kinds of tea:\n\n- Green\n- Black\n- Oolong')[0]?.front).toBe(
			'What are three kinds of tea? (3)'
		);
		expect(lists('Here are the steps to brew:\n\n- Boil\n- Steep\n- Pour')[0]?.front).toBe(
			'What are the steps to brew? (3)'
		);
	});

	it('offers one cloze per item for lists of four or more, unticked', () => {
		const cards = lists('The kit has these parts:\n\n1. Hammer\n2. Nails\n3. Glue\n4. Saw');
		expect(cards.filter((c) => c.kind === 'list')).toHaveLength(1);
		const clozes = cards.filter((c) => c.kind === 'cloze');
		expect(clozes).toHaveLength(4);
		expect(clozes.every((c) => !c.suggested)).toBe(true);
		expect(clozes[1]?.front).toBe('The kit has these parts:\n• Hammer\n• […]\n• Glue\n• Saw');
	});

	it('asks the heading\u2019s question for a list right under it', () => {
		const cards = findLists(
			parseArticle('Bread\n\nIntro text.\n\nHow to Bake Bread\n\n1. Mix.\n2. Knead.\n3. Prove.')
		);
		expect(cards[0]?.front).toBe('How do you bake bread? (3)');
	});

	it('does not make a list card of two items', () => {
		expect(lists('Two things:\n\n- One\n- Two\n\nTea comes as green or black.')).toEqual([]);
	});

	it('turns inline enumerations into questions when the frame is simple', () => {
		expect(
			lists(
				'The backend is responsible for managing data, handling logic, and powering the frontend.'
			)[0]
		).toEqual({
			kind: 'list',
			front: 'What is the backend responsible for? (3)',
			back: '• Managing data\n• Handling logic\n• Powering the frontend',
			suggested: true
		});
		expect(
			lists('Experienced cooks must have a strong understanding of knives, heat, and seasoning.')[0]
				?.front
		).toBe('What must experienced cooks have a strong understanding of? (3)');
	});

	it('blanks the items when the frame is not simple', () => {
		const cards = lists(
			'There are many teas, but some of the most popular are green, black, oolong, and white.'
		);
		expect(cards[0]?.front).toBe('There are many teas, but some of the most popular are […]. (4)');
		expect(cards.filter((c) => c.kind === 'cloze').map((c) => c.front)[3]).toBe(
			'There are many teas, but some of the most popular are green, black, oolong, and […].'
		);
	});

	it('gives a dangling "This includes…" the sentence it points to', () => {
		expect(lists('Gardening takes planning. This includes soil, light, and water.')[0]?.front).toBe(
			'Gardening takes planning. This includes […]. (3)'
		);
	});

	it('never makes a list of a rhetorical question or a call to action', () => {
		expect(lists('Do you like tea, coffee, and cocoa?')).toEqual([]);
		expect(lists('Follow us on Twitter, Facebook, and LinkedIn.')).toEqual([]);
	});

	it('makes an unticked list card of a misconception list, with the claims as items', () => {
		const [card] = lists(
			'There are a few common misconceptions about tea:\n\n- That it\u2019s always bitter.\n- That it\u2019s only for the old.\n- That it\u2019s all the same.'
		);
		expect(card).toEqual({
			kind: 'list',
			front: 'What are common misconceptions about tea? (3)',
			back: '• Tea is always bitter\n• Tea is only for the old\n• Tea is all the same',
			suggested: false
		});
	});
});

describe('labelsOrItems', () => {
	it('asks a list of labelled items for its labels', () => {
		expect(
			labelsOrItems([
				'Policy/strategy: designing or raising awareness of policies',
				'Compliance: advise on how to follow the rules',
				'Facilitating FAIR data practices',
				'Data sharing – archiving and publishing'
			])
		).toEqual([
			'Policy/strategy',
			'Compliance',
			'Facilitating FAIR data practices',
			'Data sharing'
		]);
	});

	it('leaves a list alone when few items have a label, or the "label" is a clause', () => {
		const plain = ['Tea: hot', 'Coffee is bitter', 'Water, mostly', 'Juice'];
		expect(labelsOrItems(plain)).toEqual(plain);
		const clauses = [
			'Note that this is important: read it twice',
			'The server is down: try later',
			'Users can log in: they see the page'
		];
		expect(labelsOrItems(clauses)).toEqual(clauses);
		const kinds = ['Criterion: headings', 'Criterion: labels', 'Criterion: order'];
		expect(labelsOrItems(kinds)).toEqual(kinds);
	});
});
