import { describe, expect, it } from 'vitest';
import { extractDrafts } from './index';

const GLOSSARY = `# Words of open science

## Glossary

**Altmetrics**

* Altmetrics are alternative ways of measuring the use and impact of scholarship, beyond citations.

**Connectivism**

Connectivism is the integration of principles explored by chaos, network, complexity and self-organisation theories.

**Open Materials**

Sharing of research materials, for example biological and geological samples, so that others can check results.

**Preprint**

A manuscript shared before formal peer review, to get early feedback from peers.
`;

describe('glossary entries', () => {
	const drafts = extractDrafts(GLOSSARY).drafts.filter((d) => d.tags[0] === 'definition');
	const front = (term: string) => drafts.find((d) => d.front.includes(term));

	it('reads a bold term and the block after it, with blank lines between, as one entry', () => {
		expect(front('Altmetrics')?.front).toBe('What is Altmetrics?');
		expect(front('Altmetrics')?.back).toMatch(/^Altmetrics are alternative ways/);
		expect(front('Preprint')?.back).toMatch(/^A manuscript shared before formal peer review/);
	});

	it('asks what the term is, even when its text is a list of commas or names the term first', () => {
		expect(front('Connectivism')?.front).toBe('What is Connectivism?');
		expect(front('Open Materials')?.front).toBe('What is Open Materials?');
	});

	it('ticks every entry of a glossary', () => {
		expect(drafts).toHaveLength(4);
		expect(drafts.every((d) => d.suggested)).toBe(true);
	});
});

describe('bold lines that are not terms', () => {
	it('reads "**Or**" and "**Note:**" before a paragraph as text, not as terms', () => {
		const text = `# Making a repository

A repository is the online space where a project keeps its files and their history.

Click New repository and give it a short name that says what the project is.

**Or**

Fork an existing repository and rename it, which keeps its history and its licence.

**Note:**

A private repository can be made public later, but its history becomes public too.
`;
		const fronts = extractDrafts(text).drafts.map((d) => d.front);
		expect(fronts).toContain('What is a repository?');
		expect(fronts).not.toContain('What is Or?');
		expect(fronts.some((front) => /\bNote\b/.test(front))).toBe(false);
	});
});
