/**
 * Definitions → "What is X?" cards. Two sources:
 *
 * - entries the article sets out as definitions: a glossary's bold term and its text, a
 *   definition list (`Term` / `: text`), a table row (its first column and its explanation);
 * - sentences that define: "Kubernetes is a portable platform for…", "A qubit is the basic
 *   unit of…", "Idempotent means…", "The term X refers to…".
 *
 * The back is the definition itself: the entry's first sentence or two (up to 300
 * characters), or the sentence's predicate.
 */

import { sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst } from './casing';
import { labelOf } from './lists';
import { isNoise } from './noise';
import { isPluralPhrase, onlyAVagueKind, withFinalStop } from './wording';

const MAX_BACK = 300;
const MAX_TERM_WORDS = 6;
const MIN_DEFINITION_WORDS = 5;
/** A weight that takes a definition below the ranking's bar: offered, never ticked. */
const NOT_TICKED = -3;

/**
 * "X is a…", "X are the…", "X refers to…", "X means…". The subject is matched lazily up to
 * the first verb, so "A qubit is the basic unit" gives "A qubit".
 */
const DEFINING =
	/^(?<term>[^,;:()]{2,60}?(?: \([^()]{1,24}\))?)(?<aside>, (?:or|also called|also known as|aka) [^,;:()]{2,60},)? (?<verb>is|are|refers to|refer to|means|describes|is defined as|are defined as|is known as) (?<definition>(?:an?|the|any|a set of|a kind of|a type of) .{12,})$/i;

/**
 * "PWAs are web apps that…", "Members are continuously active contributors in…": a plural
 * term defined by a bare plural noun phrase (no article), which the phrase's head ending in
 * -s and a relative or a preposition after it tell from "Tests are always run…" or
 * "Developers are responsible for…".
 */
const DEFINING_PLURAL =
	/^(?<term>[^,;:()]{2,60}?(?: \([^()]{1,24}\))?) (?<verb>are) (?:defined as )?(?<definition>(?:[\p{Ll}-]+ ){0,3}[\p{Ll}-]{3,}s (?:that|which|who|whose|used|designed|built|made|with|in|for|of|to|from|where|on)\b.{8,})$/iu;

/** Subjects that are not terms: pronouns, quantities, the author, the reader. */
const NOT_A_TERM =
	/^(?:on|in|at|for|with|from|by|to|of|under|over|into|onto|upon|just as|as|like|unlike|both|either|neither|so|also|then|now|today|here|example|examples|this|that|these|those|it|its|they|there|here|what|which|who|one|another|each|every|some|many|most|all|any|such|our|your|my|his|her|their|we|you|i|he|she|the (?:first|second|third|last|next|main|best|only|key|goal|idea|point|reason|result|answer|problem|question|same|other)|a (?:lot|few|number|way|good|great|big|common|key)|an? (?:example|important))\b/i;

/**
 * "an example of…", "a good example of…": the sentence gives a case, not a definition; "the
 * backbone of…", "the heart of…": a figure of speech, not what the thing is.
 */
const NOT_WHAT_IT_IS =
	/^(?:an?|the|one) (?:(?:good|great|typical|common|classic|prime|perfect|notable|well-known|popular|very|real|true) )?(?:example|instance|case|backbone|heart|cornerstone|soul|lifeblood|bedrock|linchpin|holy grail) of\b/i;

/** Verbs, auxiliaries and pointers: a subject holding one is a clause or a reference, not a term. */
const CLAUSE_WORD =
	/\b(?:is|are|was|were|be|been|has|have|had|do|does|did|can|could|will|would|should|must|may|might|not|if|when|because|this|these|those|that|its|their|example|examples|following)\b/i;

/** "A qubit" → "a qubit" (the article stays: "What is a qubit?"); names keep their capitals. */
function asTerm(subject: string): string {
	return subject.replace(/^(An?|The) /, (article) => article.toLowerCase());
}

/** "What is X?" or "What are X?", keeping a term's own capitals. */
function question(term: string, plural: boolean): string {
	if (!/\p{L}/u.test(term) || /^\p{N}/u.test(term)) return `What does "${term}" mean?`;
	return `What ${plural ? 'are' : 'is'} ${term}?`;
}

/** The definition's first sentences, as many as fit in `MAX_BACK` characters (at least one). */
function shortDefinition(block: ArticleBlock): { text: string; used: number[] } | null {
	let text = '';
	const used: number[] = [];
	for (const [index, sentence] of block.sentences.entries()) {
		const next = text ? `${text} ${sentence.text}` : sentence.text;
		if (next.length > MAX_BACK) break;
		text = next;
		used.push(index);
		if (text.length >= 80) break;
	}
	if (!text) return null;
	return { text: withFinalStop(capitaliseFirst(text)), used };
}

/** What opens a paragraph that defines the word just before it: "… are", "… means". */
const DEFINING_VERB =
	/^(?:(?:is|are)(?! (?:expected|required|encouraged|allowed|able|not|also|often|usually|typically|still|now|being)\b)|means|refers to|describes)\s/i;

/**
 * The term of a glossary entry copied as plain text, where bold and bullets are lost: a short
 * heading line whose paragraph opens by naming it ("Altmetrics" / "Altmetrics are
 * alternative ways of…"; "Behaviorism (Learning Theory)" / "Behaviorism means…"). In a
 * `glossary`, also a heading over a bare noun phrase ("Audience" / "The group addressed
 * by…"). Null for any other paragraph.
 */
function headingTerm(article: Article, block: ArticleBlock, glossary: boolean): string | null {
	const heading = article.blocks[block.index - 1];
	if (heading?.kind !== 'heading' || block.kind !== 'paragraph' || !block.section) return null;
	const name = block.section.replace(/\s*\([^)]*\)$/, '').trim();
	if (!name || name.split(/\s+/).length > MAX_TERM_WORDS || /[?:.!]$/.test(name)) return null;
	const opens = block.text.slice(0, name.length + 1).toLowerCase() === `${name.toLowerCase()} `;
	if (opens && DEFINING_VERB.test(block.text.slice(name.length + 1))) return block.section;
	return glossary && /^(?:an?|the|one|any)\s/i.test(block.text) ? block.section : null;
}

/** Three or more headings whose paragraphs open by defining them: the article is a glossary. */
function isPlainGlossary(article: Article): boolean {
	return article.blocks.filter((block) => headingTerm(article, block, false) !== null).length >= 3;
}

/**
 * "Google Chrome (from version 73), Microsoft Edge, Microsoft Store": an entry that only lists
 * names says what goes with its term (which browsers install apps on Windows), not what the
 * term is; without the lead that says so, the card cannot be answered. Offered, not ticked:
 * the reader called all five such ticked drafts junk on the tuned articles.
 */
function namesOnly(term: string, text: string): boolean {
	const parts = text
		.replace(/\s*\([^()]*\)/g, '')
		.replace(/\.$/, '')
		.split(/,\s*(?:(?:and|or) )?|\s+(?:and|or)\s+(?=\p{Lu})/u)
		.map((part) => part.trim());
	if (parts.length < 2) return false;
	// "ACID: Atomicity, Consistency, Isolation, Durability": the names spell the term out.
	const initials = parts.map((part) => part.charAt(0)).join('');
	if (initials.toLowerCase() === term.replace(/[^\p{L}]/gu, '').toLowerCase()) return false;
	return parts.every(
		(part) => /^[\p{Lu}\p{N}]\S*(?: \S+){0,4}$/u.test(part) && !/^(?:An?|The|One)\s/.test(part)
	);
}

function entryCards(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	const glossary = isPlainGlossary(article);
	for (const block of article.blocks) {
		if (block.kind !== 'paragraph') continue;
		const entry = block.term ?? headingTerm(article, block, glossary);
		if (entry === null) continue;
		// "Tea." loses its stop; "fn ident<...> ..." keeps its ellipsis.
		const term = entry.replace(/:$|(?<!\.)\.$/, '').trim();
		const definition = shortDefinition(block);
		if (!term || !definition) continue;
		// "iOS" / "Safari (since 11.3), App Store, …" is an entry, not a definition: it is asked
		// with its section for context rather than as "What is iOS?".
		// An entry that names its term first ("Metadata provide a basic description of…") defines it.
		const defines =
			/^(?:an?|the|one|any|to|when|where|used|refers|describes|means)\b/i.test(definition.text) ||
			definition.text.toLowerCase().startsWith(`${term.toLowerCase()} `) ||
			/\b(?:glossary|terms|terminology|definitions|vocabulary|jargon)\b/i.test(
				block.section ?? ''
			) ||
			(definition.text.match(/,/g)?.length ?? 0) < 2;
		// A table row asked about one column: "Reviewer: requirements?".
		const front = term.includes(': ')
			? `${term}?`
			: defines
				? question(term, false)
				: block.section
					? `${block.section}: ${term}`
					: term;
		for (const index of definition.used) article.used.add(sentenceKey(block.index, index));
		cards.push({
			kind: 'basic',
			front,
			back: definition.text,
			suggested: true,
			source: sourceRef(block, 0, definition.text.length, `${term}: ${block.text}`),
			tag: 'definition',
			fact: `${term} ${definition.text}`,
			answer: definition.text,
			order: [block.index, 0, 0],
			...(namesOnly(term, definition.text) ? { weight: NOT_TICKED } : {})
		});
	}
	return cards;
}

/**
 * How an item's text defines its label: by naming a kind ("BDFL: a structure in which…"),
 * by naming the label again ("BDFL: BDFL stands for…") or by describing life under it.
 */
function definesLabel(label: string, text: string): boolean {
	if (/^(?:an?|the|one|any)\s/i.test(text)) return true;
	// "Liberal contribution: Under a liberal contribution model, the people who…"
	const under = /^(?:under|in) (?:an?|the) /i.exec(text)?.[0].length ?? 0;
	if (under && text.slice(under, under + label.length).toLowerCase() === label.toLowerCase())
		return true;
	const named = text.slice(0, label.length).toLowerCase() === label.toLowerCase();
	return (
		named && /^\s+(?:is|are|means|refers to|stands for|describes)\b/i.test(text.slice(label.length))
	);
}

/**
 * A list of terms, each item naming one in a label and defining it ("**BDFL:** BDFL stands
 * for 'Benevolent Dictator for Life'. Under this structure, one person…"): each item is a
 * definition, asked with its label.
 */
function labelledItemCards(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		if (block.kind !== 'item' || block.term !== null) continue;
		const label = labelOf(block.text);
		// "Step 2: …", "9. Fork: …": a numbered label is a position, not a term.
		if (!label || /^(?:\p{N}|step\b)/iu.test(label)) continue;
		// An aside before the definition ("Meritocracy: (Note: the term carries…) Under a…") is skipped.
		const rest = block.text
			.slice(label.length)
			.replace(/^\s*(?::|[–—-])\s*/, '')
			.replace(/^\([^()]{0,300}\)\s*/, '');
		if (!definesLabel(label, rest)) continue;
		const offset = block.text.length - rest.length;
		let text = '';
		let end = offset;
		const used: number[] = [];
		for (const [index, sentence] of block.sentences.entries()) {
			if (sentence.end <= offset) continue;
			const next = block.text.slice(offset, sentence.end).trim();
			if (text && next.length > MAX_BACK) break;
			text = next;
			end = sentence.end;
			used.push(index);
			if (text.length >= 80) break;
		}
		if (!text || text.length > MAX_BACK) continue;
		// Only a card made takes its sentences from the later rules.
		for (const index of used) article.used.add(sentenceKey(block.index, index));
		const definition = withFinalStop(capitaliseFirst(text));
		cards.push({
			kind: 'basic',
			front: question(article.vocabulary.lowerFirstIfUsual(label), isPluralPhrase(label)),
			back: definition,
			suggested: true,
			source: sourceRef(block, offset, end),
			tag: 'definition',
			fact: `${label} ${definition}`,
			answer: definition,
			order: [block.index, offset, 0]
		});
	}
	return cards;
}

/**
 * The term and definition a sentence gives, or null when it defines nothing.
 *
 * @example
 * definingSentence('Kubernetes is a portable, open source platform for managing containers.');
 * // { term: "Kubernetes", plural: false, definition: "A portable, open source platform for managing containers." }
 */
export function definingSentence(
	sentence: string
): { term: string; plural: boolean; definition: string } | null {
	const match = DEFINING.exec(sentence.trim()) ?? DEFINING_PLURAL.exec(sentence.trim());
	const groups = match?.groups;
	if (!groups?.term || !groups.verb || !groups.definition) return null;
	const subject = groups.term.trim();
	if (NOT_A_TERM.test(subject) || CLAUSE_WORD.test(subject)) return null;
	// "Becoming a developer is…": an activity, not a term.
	if (/^\p{Lu}\p{Ll}+ing\b/u.test(subject) && subject.includes(' ')) return null;
	const term = asTerm(subject);
	if (term.split(/\s+/).length > MAX_TERM_WORDS || !/^[\p{L}\p{N}"'`]/u.test(term)) return null;
	// "The MongoDB agreement is a good example of this type": a case of something, not what it is.
	if (NOT_WHAT_IT_IS.test(groups.definition)) return null;
	// "Open source is an unusual circumstance, however, because…": set against the sentence
	// before it, not what the thing is.
	if (/(?:^|,\s)however\b/i.test(groups.definition)) return null;
	const definition = withFinalStop(capitaliseFirst(groups.definition.trim()));
	// "The web is an incredible platform": praise, not a definition.
	if (definition.length > MAX_BACK || definition.split(/\s+/).length < MIN_DEFINITION_WORDS)
		return null;
	const verb = groups.verb.toLowerCase();
	const plural = verb.startsWith('are') || verb === 'refer to' || isPluralPhrase(term);
	return { term, plural: verb.startsWith('is') ? false : plural, definition };
}

/**
 * "the consortium", "the variable s": a common noun with "the", naming something said before.
 * Offered, not ticked: on the tuned articles the reader kept none of four such ticked drafts as
 * they were and called two junk.
 */
function pointsBack(term: string): boolean {
	return /^the [\p{Ll}\p{N}][\p{Ll}\p{N} -]*$/u.test(term);
}

function sentenceCards(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		// A list item defines as a paragraph does ("* Altmetrics are alternative ways of…").
		if ((block.kind !== 'paragraph' && block.kind !== 'item') || block.term !== null) continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			if (article.used.has(key) || isNoise(sentence.text)) return;
			const found = definingSentence(sentence.text);
			if (!found) return;
			// The subject opened a sentence: "Frontend development" is asked as "frontend development".
			const term = article.vocabulary.lowerFirstIfUsual(found.term);
			article.used.add(key);
			cards.push({
				kind: 'basic',
				front: question(term, found.plural),
				back: found.definition,
				suggested: true,
				source: sourceRef(block, sentence.start, sentence.end),
				tag: 'definition',
				fact: sentence.text,
				answer: found.definition,
				order: [block.index, sentence.start, 0],
				...(pointsBack(term) || onlyAVagueKind(found.definition) ? { weight: NOT_TICKED } : {})
			});
		});
	}
	return cards;
}

/**
 * Finds the article's definitions, marking the sentences it used in `article.used`.
 *
 * @example
 * const article = parseArticle('# Tea\n\nOolong is a partially oxidised tea from China. It is good.');
 * findDefinitions(article)[0]?.front; // "What is Oolong?"
 */
export function findDefinitions(article: Article): Candidate[] {
	return [...entryCards(article), ...labelledItemCards(article), ...sentenceCards(article)];
}
