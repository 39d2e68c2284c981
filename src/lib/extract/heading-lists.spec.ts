import { describe, expect, it } from 'vitest';
import { parseArticle } from './article';
import { findHeadingLists } from './heading-lists';
import { findHeadingQuestions } from './heading-questions';

const QUANTUM = [
	'# Quantum computing',
	'Quantum computers use qubits.',
	'## How does quantum computing solve problems?',
	'It relies on three phenomena.',
	'### Superposition',
	'A qubit can be 0, 1 or both.',
	'### Qubits and probability',
	'Measurement gives one value.',
	'### Entanglement',
	'Qubits can be correlated.',
	'## Hardware',
	'Qubits need cold.'
].join('\n\n');

describe('findHeadingLists', () => {
	it('asks a question heading for the sub-headings under it', () => {
		const cards = findHeadingLists(parseArticle(QUANTUM));
		expect(cards).toMatchObject([
			{
				kind: 'list',
				front: 'How does quantum computing solve problems? (3)',
				back: '• Superposition\n• Qubits and probability\n• Entanglement',
				tag: 'list'
			}
		]);
	});

	it('leaves the question to the list card, not to a question card of the section', () => {
		const fronts = findHeadingQuestions(parseArticle(QUANTUM)).map((card) => card.front);
		expect(fronts).not.toContain('How does quantum computing solve problems?');
	});

	it('asks for numbered sub-sections as steps', () => {
		const article = parseArticle(
			[
				'# Guide',
				'Intro.',
				'## Getting started',
				'### 1. Create an account',
				'Sign up.',
				'### 2. Create a repository',
				'Click new.',
				'### 3. Add a license',
				'Pick one.'
			].join('\n\n')
		);
		expect(findHeadingLists(article)[0]).toMatchObject({
			front: 'Getting started: what are the steps? (3)',
			back: '1. Create an account\n2. Create a repository\n3. Add a license'
		});
	});

	it('makes nothing of sections that only group, ask their own questions or define', () => {
		const grouping = [
			'# T',
			'x.',
			'## Installation',
			'### Linux',
			'a.',
			'### macOS',
			'b.',
			'### Windows',
			'c.'
		];
		const faq = [
			'# T',
			'x.',
			'## Why tea?',
			'### Is it hot?',
			'a.',
			'### Is it cheap?',
			'b.',
			'### Is it good?',
			'c.'
		];
		const chapter = [
			'# T',
			'x.',
			'## What is ownership?',
			'### Rules',
			'a.',
			'### Scope',
			'b.',
			'### Moves',
			'c.'
		];
		for (const lines of [grouping, faq, chapter])
			expect(findHeadingLists(parseArticle(lines.join('\n\n')))).toEqual([]);
	});
});
