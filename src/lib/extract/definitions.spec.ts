import { describe, expect, it } from 'vitest';
import { definingSentence } from './definitions';
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

describe('a glossary copied as plain text (no bold, no bullets)', () => {
	const copied = [
		'Words of open science',
		'Altmetrics',
		'Altmetrics are alternative ways of measuring the use and impact of scholarship, beyond citations.',
		'Connectivism',
		'Connectivism is the integration of principles explored by chaos, network and complexity theories.',
		'Preprint',
		'A manuscript shared before formal peer review, to get early feedback from peers.',
		'Behaviorism (Learning Theory)',
		'Behaviorism means that learning is governed by drill and practice with clear answers.'
	].join('\n\n');
	const drafts = extractDrafts(copied).drafts.filter((d) => d.tags[0] === 'definition');
	const fronts = drafts.map((d) => d.front);

	it('reads a short line and a paragraph that opens by naming it as an entry', () => {
		expect(fronts).toContain('What is Altmetrics?');
		expect(fronts).toContain('What is Connectivism?');
		expect(fronts).toContain('What is Behaviorism (Learning Theory)?');
	});

	it('reads a bare noun phrase under a short line as an entry once the text is a glossary', () => {
		expect(drafts.find((d) => d.front === 'What is Preprint?')?.back).toMatch(/^A manuscript/);
	});

	it('does not read a section that opens with its name and a rule as a definition', () => {
		const roles = [
			'Membership roles',
			'Established community members',
			'Established community members are expected to follow the principles of this document and its policies. They review code in the areas they know.'
		].join('\n\n');
		const defined = extractDrafts(roles).drafts.filter((d) => d.tags[0] === 'definition');
		expect(defined.map((d) => d.front)).not.toContain('What is Established community members?');
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

describe('definingSentence', () => {
	it('takes a plural term defined by a bare noun phrase', () => {
		expect(
			definingSentence('Quantum computers are controllable devices that exploit quantum physics.')
		).toMatchObject({ term: 'Quantum computers', plural: true });
		expect(
			definingSentence('Inactive members are defined as members with no contributions in a year.')
				?.definition
		).toBe('Members with no contributions in a year.');
	});

	it('keeps a term with its abbreviation, and drops an "or" aside', () => {
		expect(
			definingSentence(
				'Progressive Web Apps (PWAs) are web apps that can be installed from a browser.'
			)?.term
		).toBe('Progressive Web Apps (PWAs)');
		expect(
			definingSentence(
				'Open research software, or research software, refers to the use of code in research.'
			)?.term
		).toBe('Open research software');
	});

	it('does not read a property or a rule as a definition', () => {
		expect(
			definingSentence('Developers are responsible for the server side of an app.')
		).toBeNull();
		expect(definingSentence('Tests are always run before a change is merged to main.')).toBeNull();
		expect(
			definingSentence('Both the stack and the heap are parts of memory that your code can use.')
		).toBeNull();
	});

	it('does not read an example, a figure of speech or a place as a definition', () => {
		expect(
			definingSentence('The Acme Contributor Agreement is a good example of a short agreement.')
		).toBeNull();
		expect(definingSentence('Oolong is an example of a partly oxidised tea.')).toBeNull();
		expect(definingSentence('Headings are the backbone of the content of a page.')).toBeNull();
		expect(
			definingSentence('On the right is the memory on the heap that holds the contents.')
		).toBeNull();
		expect(
			definingSentence('Oolong is a partly oxidised tea grown in the hills of Fujian.')?.term
		).toBe('Oolong');
	});

	it('does not read a sentence set against the one before it as a definition', () => {
		expect(
			definingSentence(
				'Open source is an unusual case, however, because others may reuse the work.'
			)
		).toBeNull();
	});
});

describe('an entry that only lists names', () => {
	const text = `# Installing apps

These browsers and stores can install an app on each system:

Windows 10 and 11
: Google Chrome (from version 73), Microsoft Edge (from version 79), Microsoft Store

Chrome OS
: built-in Chrome browser (from version 72), Play Store (from version 85)

Kiosk mode
: a locked-down mode in which one app fills the screen and the user cannot leave it.

ACID
: Atomicity, Consistency, Isolation, Durability.
`;

	it('offers it unticked, and still ticks an entry that defines', () => {
		const drafts = extractDrafts(text).drafts;
		const ticked = (word: string) => drafts.find((draft) => draft.front.includes(word))?.suggested;
		expect(ticked('Windows 10')).toBe(false);
		expect(ticked('Chrome OS')).toBe(false);
		expect(ticked('Kiosk mode')).toBe(true);
		// Names that spell the term out define it.
		expect(ticked('ACID')).toBe(true);
	});
});

describe('a defined term that points back', () => {
	const text = `# Members

ORCID has members around the world. Many join through a consortium of libraries in their country.
The consortium is a mechanism for organisations to become members together and share the fee.
The Apache Individual Contributor License Agreement is a common agreement with a patent grant.
`;

	it('offers "the consortium" unticked, and ticks a named term with "the"', () => {
		const drafts = extractDrafts(text).drafts.filter((draft) => draft.tags[0] === 'definition');
		const consortium = drafts.find((draft) => draft.front === 'What is the consortium?');
		const named = drafts.find((draft) => draft.front.includes('Apache Individual'));
		expect(consortium?.suggested).toBe(false);
		expect(named?.suggested).toBe(true);
	});
});

describe('a list of labelled terms', () => {
	const ARTICLE = `# Running a project

## Governance models

Projects are run in one of these ways:

* **BDFL:** BDFL stands for "Benevolent Dictator for Life". Under this structure, one person has the final say on major decisions.
* **Meritocracy:** (Note: the word has a complex history.) Under a meritocracy, active contributors are given a formal decision-making role.
* **Consensus:** a model in which decisions wait until nobody objects any more.
* **Step 4:** run the vote again next week.

## Tools

* Issue trackers are tools that record bugs and requests in one place for a team.
* Keep notes short.
`;
	const drafts = extractDrafts(ARTICLE).drafts.filter((d) => d.tags[0] === 'definition');
	const card = (front: string) => drafts.find((d) => d.front === front);

	it('asks for each label its item defines', () => {
		expect(card('What is BDFL?')?.back).toMatch(
			/^BDFL stands for .*final say on major decisions\.$/
		);
		expect(card('What is Consensus?')?.back).toBe(
			'A model in which decisions wait until nobody objects any more.'
		);
	});

	it('skips an aside before the definition, and asks a common word in lower case', () => {
		expect(card('What is meritocracy?')?.back).toBe(
			'Under a meritocracy, active contributors are given a formal decision-making role.'
		);
	});

	it('does not read a numbered step as a term', () => {
		expect(drafts.some((d) => /step 4/i.test(d.front))).toBe(false);
	});

	it('reads a defining sentence in a list item', () => {
		const trackers = drafts.find((d) => /^what are issue trackers\?$/i.test(d.front));
		expect(trackers?.back).toBe('Tools that record bugs and requests in one place for a team.');
	});
});
