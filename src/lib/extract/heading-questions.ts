/**
 * Heading questions → question cards. A section whose heading asks something ("How to Start
 * as a Backend Developer?", "What a Backend Developer is Responsible For?") gets a card that
 * asks it properly ("How do you start as a backend developer?") and answers it from the
 * section:
 *
 * - if the section walks through steps ("The first step…", "Next,", "Finally,"), the back lists
 *   them, numbered, without their connectives;
 * - otherwise the back is the section's statements that contain every content word of the
 *   heading (at most three), which for "responsible for" finds the sentences that say what the
 *   role is responsible for.
 *
 * A heading that is not a question makes no card: the section's lists and claims cover it.
 * Nor does one with a list right under it: that list's card asks the heading's question.
 */

import { headingList } from './heading-lists';
import { sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst, type Vocabulary } from './casing';
import { isNoise } from './noise';
import type { Sentence } from './sentences';
import { contentTokens, overlap } from './tokens';
import {
	asStatement,
	startsDangling,
	stripConnectives,
	withFinalStop,
	withoutTrailing
} from './wording';

const MAX_ANSWER_SENTENCES = 3;

const STEP =
	/^(?:first(?:ly)?,|the first step\b|to (?:start|begin),|start by\b|begin by\b|second(?:ly)?,|third(?:ly)?,|next,|then,|after that,|afterwards,|finally,|lastly,|last but not least,|step \d+\b)/i;
const FIRST_STEP =
	/^(?:first(?:ly)?,|the first step\b|to (?:start|begin),|start by\b|begin by\b|step 1\b)/i;

/**
 * The question a heading asks, written as a learner would ask it, or null for a heading that
 * asks nothing.
 *
 * @example
 * headingQuestion('How to Start as a Backend Developer?', vocabulary); // "How do you start as a backend developer?"
 * headingQuestion('What a Backend Developer is Responsible For?', vocabulary); // "What is a backend developer responsible for?"
 * headingQuestion('Conclusion', vocabulary); // null
 */
export function headingQuestion(heading: string, vocabulary: Vocabulary): string | null {
	const asked = heading.trim().endsWith('?');
	const text = withoutTrailing(vocabulary.sentenceCase(heading.trim()), '?').trim();
	let match = /^how to (?<rest>.+)$/i.exec(text);
	if (match?.groups?.rest) return `How do you ${match.groups.rest}?`;
	match = /^what (?<det>a|an|the) (?<thing>.+?) (?<be>is|are) (?<rest>.+)$/i.exec(text);
	const det = match?.groups?.det;
	const thing = match?.groups?.thing;
	const be = match?.groups?.be;
	const rest = match?.groups?.rest;
	if (det && thing && be && rest)
		return `What ${be.toLowerCase()} ${det.toLowerCase()} ${thing} ${rest}?`;
	// "What about screen readers?" leans on the text before it: it asks nothing on its own.
	if (/^(?:what|how) about\b/i.test(text)) return null;
	const questionWord = /^(?:what|why|how|when|where|which|who)\b/i.test(text);
	const auxiliary = /^(?:is|are|do|does|can|should|will)\b/i.test(text);
	if (questionWord || (asked && auxiliary)) return `${text}?`;
	return null;
}

interface Statement {
	block: ArticleBlock;
	sentence: Sentence;
}

/** The section's statements: sentences of its paragraphs that are not noise. */
function statementsOf(article: Article, heading: ArticleBlock): Statement[] {
	const statements: Statement[] = [];
	for (let i = heading.index + 1; i < article.blocks.length; i++) {
		const block = article.blocks[i] as ArticleBlock;
		if (block.kind === 'heading') break;
		if (block.kind !== 'paragraph') continue;
		for (const sentence of block.sentences)
			if (!isNoise(sentence.text)) statements.push({ block, sentence });
	}
	return statements;
}

function stepsAnswer(statements: Statement[]): Statement[] | null {
	const steps = statements.filter((s) => STEP.test(s.sentence.text));
	const first = steps[0];
	return steps.length >= 2 && first && FIRST_STEP.test(first.sentence.text) ? steps : null;
}

const MAX_OPENING_ANSWER = 250;

/**
 * A heading that asks outright ("Are public GitHub projects open source?") is answered by the
 * section's opening: its first sentences, up to `MAX_OPENING_ANSWER` characters, when they
 * stand on their own and share a word with the question.
 */
function openingAnswer(statements: Statement[], question: string): Statement[] | null {
	const first = statements[0];
	if (!first || startsDangling(first.sentence.text)) return null;
	// An opening that shares no word with the question is about something else.
	if (overlap(contentTokens(question), contentTokens(first.sentence.text)) === 0) return null;
	if (first.sentence.text.length > MAX_OPENING_ANSWER || /:$/.test(first.sentence.text.trim()))
		return null;
	const answer = [first];
	let length = first.sentence.text.length;
	for (const next of statements.slice(1, MAX_ANSWER_SENTENCES)) {
		if (next.block !== first.block || length + next.sentence.text.length > MAX_OPENING_ANSWER)
			break;
		if (length >= 80) break;
		answer.push(next);
		length += next.sentence.text.length;
	}
	return answer;
}

function matchingAnswer(statements: Statement[], question: string): Statement[] | null {
	const wanted = contentTokens(question.replace(/^how do you\b/i, ''));
	if (wanted.size < 2) return null;
	const found = statements.filter(
		(s) =>
			!startsDangling(s.sentence.text) &&
			overlap(wanted, contentTokens(s.sentence.text)) === wanted.size
	);
	return found.length > 0 ? found.slice(0, MAX_ANSWER_SENTENCES) : null;
}

/**
 * Makes a question card for each section whose heading is a question the section answers.
 *
 * @example
 * const article = parseArticle('Intro.\n\nHow to Brew Tea?\n\nThe first step is boiling water. Next, add the leaves.');
 * findHeadingQuestions(article)[0]?.front; // "How do you brew tea?"
 */
export function findHeadingQuestions(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const heading of article.blocks) {
		if (heading.kind !== 'heading') continue;
		const question = headingQuestion(heading.text, article.vocabulary);
		// A list right under the heading, or sub-headings that name the parts of the answer,
		// are the answer: the list card asks this question.
		if (!question || article.blocks[heading.index + 1]?.kind === 'item') continue;
		if (headingList(article, heading)) continue;
		const statements = statementsOf(article, heading);
		const steps = stepsAnswer(statements);
		const asked = heading.text.trim().endsWith('?');
		const matched = steps ?? matchingAnswer(statements, question);
		const answer = matched ?? (asked ? openingAnswer(statements, question) : null);
		const first = answer?.[0];
		if (!answer || !first) continue;
		const lines = answer.map(({ sentence }) =>
			withFinalStop(asStatement(capitaliseFirst(stripConnectives(sentence.text))))
		);
		const back = steps ? lines.map((line, i) => `${i + 1}. ${line}`).join('\n') : lines.join('\n');
		const last = answer[answer.length - 1] as Statement;
		const end = last.block === first.block ? last.sentence.end : first.sentence.end;
		cards.push({
			kind: 'question',
			front: question,
			back,
			suggested: true,
			source: sourceRef(first.block, first.sentence.start, end),
			// A section's opening answered its heading for the reader about one time in three:
			// offered, rarely ticked.
			tag: matched ? 'question' : 'opening',
			fact: `${question} ${back}`,
			answer: back,
			order: [heading.index, 0, 0]
		});
	}
	return cards;
}
