/**
 * Beliefs an article corrects in other words than "a common misconception is" →
 * true/false cards:
 *
 * - "Myth: A." then "Fact: B." (or "Common misconception: A.") → "True or false: A" / "False. B"
 * - "Contrary to popular belief, A." → "True or false: A" / "True. …"
 * - "X is not Y", "X isn't Y", "X does not need Y" (X a term, not a pronoun) → the positive
 *   statement to judge, answered "False." with the article's sentence.
 * - "X doesn't (necessarily) have to be Y", "X may appear to be Y but…", "X is often Y, but not
 *   always Z", "there's no rule that X", "Do not X just to Y" → the belief each corrects ("X
 *   has to be Y", "X is Y", "X is always Z", "X", "It is fine to X just to Y"), answered
 *   "False." with the sentence.
 * - "S is A. But, it's not B." → "S is B", answered "False." with both sentences.
 * - "People (tend to) think (of) X (as) Y." then "However, …" → "X is Y", answered "False."
 *   with the correction.
 */

import { sentenceKey, sourceRef, type Article, type ArticleBlock } from './article';
import type { Candidate } from './candidate';
import { capitaliseFirst } from './casing';
import { isNoise } from './noise';
import { isPluralPhrase, withFinalStop } from './wording';

const MAX_STATEMENT = 180;

const MYTH = /^(?:myth|common misconception|misconception|false)\s*:\s*(?<claim>.{10,})$/i;
const FACT = /^(?:fact|reality|truth|true)\s*:\s*(?<fact>.{10,})$/i;
const CONTRARY = /^contrary to (?:popular|common) (?:belief|opinion|wisdom),\s*(?<claim>.{10,})$/i;
/** "Kubernetes is not a PaaS", "Open source doesn't mean free of charge". */
const NEGATION =
	/^(?<subject>[\p{Lu}][^,;:()]{1,50}?) (?<verb>is|are|was|were)(?<not> not) (?<rest>[^,;]{8,}.*)$/u;
const CONTRACTED =
	/^(?<subject>[\p{Lu}][^,;:()]{1,50}?) (?<verb>isn't|aren't|doesn't|don't|can't|won't|hasn't|haven't|wasn't|weren't) (?<rest>[^,;]{8,}.*)$/u;
/** "Is a CS degree necessary?" — a yes/no question whose predicate can be told apart. */
const YES_NO =
	/^(?<verb>is|are|does|do|can|will|should|must) (?<subject>.{2,80}?) (?<predicate>(?:really |always |still )?(?:necessary|required|mandatory|needed|essential|enough|free|safe|possible|true|dead|dying|going away|the same|better|worse|worth it|a must|only for [^?]{2,40}|just for [^?]{2,40}))\?$/i;
const DENIAL =
	/^(?:no\b|nope\b|not (?:necessarily|really|always|quite|at all)\b|absolutely not\b|of course not\b)/i;
/** A subject: a term of up to six words, capitalised, before the verb. */
const SUBJECT = String.raw`(?<subject>[\p{Lu}][^,;:()]{1,60}?)`;
/** "A maintainer doesn't necessarily have to be someone who writes code." */
const NEED_NOT = new RegExp(
	String.raw`^${SUBJECT} (?:doesn't|does not|don't|do not|need not|needn't)(?: necessarily)? (?:have to|need to)? ?(?<rest>be .{6,})$`,
	'u'
);
/** "Dependencies with source-available licences may appear to be open source but…". */
const LOOKS_LIKE = new RegExp(
	String.raw`^${SUBJECT} (?:may|might|can|could) (?:appear|seem|look) (?:to be|like) (?<rest>[^,;]{6,}?),? but\b.{6,}$`,
	'u'
);
/** "A CS degree is often preferred, but not always necessary." */
const NOT_ALWAYS = new RegExp(
	String.raw`^${SUBJECT} (?<verb>is|are) (?:often|usually|typically|generally) [^,;]{3,}, but not always (?<rest>[^,;]{3,}?)[.!]?$`,
	'u'
);
/** "…, but there's no hard and fast rule that contributions under some lines are not subject to copyright." */
const NO_RULE =
	/\bthere(?:'s| is) no (?:[\w-]+ ){0,4}(?:rule|evidence|requirement|law|proof) that (?<claim>[^;]{12,}?)[.!]?$/i;
/** "People tend to think of PWAs as apps installed from a browser." then "However, …". */
const BELIEVED =
	/^(?:many |most |some |a lot of )?(?:people|developers|users|folks|newcomers|beginners)\s+(?:tend to |often |usually |commonly |still |may |might )?(?:think|believe|assume|imagine)\s+(?:that\s+)?(?<claim>.{10,}?)[.!]?$/i;
/** "…of X as Y": what is thought of something. */
const THOUGHT_OF_AS = /^of (?<subject>.{2,60}?) as (?<rest>.{6,})$/i;
/** The sentence after a belief that says it is wrong. */
const CORRECTION = /^(?:however|but|actually|in fact|in reality|yet|in truth)\b/i;
/** "Do not use a heading just to make text bigger.": a misuse the article corrects. */
const NOT_JUST =
	/^(?:do not|don't|never) (?<act>[a-z][^,;:]{3,80}?) (?<only>just|only|simply|merely) (?<purpose>to|for|because) (?<rest>[^;:]{3,}?)[.!]?$/i;
/** "But, it's not a WCAG violation.": a denial whose subject is in an earlier sentence. */
const BUT_NOT =
	/^(?:but|however|yet),?\s+(?:it|this|that|they)(?:'s| is|'re| are)\s+not\s+(?<rest>(?:an?|the)\s[^,;]{4,}?)[.!]?$/i;
/** The sentence that names what "it" is: "Having several h1s on a page is bad practice." */
const STATES = /^(?<subject>[\p{Lu}][^,;:()]{1,60}?) (?<verb>is|are) \S/u;
/** How far back a "But, it's not…" looks for the sentence that names its subject. */
const DENIAL_REACH = 2;
const NOT_A_SUBJECT =
	/^(?:this|that|these|those|it|they|there|here|you|we|i|he|she|one|some|many|most|all|not|no|none|nothing|nobody|each|every|but|and|or|so|if|when|while|although|because|unlike)\b/i;
const POSITIVE: Record<string, string> = {
	"isn't": 'is',
	"aren't": 'are',
	"doesn't": 'does',
	"don't": 'do',
	"can't": 'can',
	"won't": 'will',
	"hasn't": 'has',
	"haven't": 'have',
	"wasn't": 'was',
	"weren't": 'were'
};

function statement(text: string): string {
	return withFinalStop(capitaliseFirst(text.trim()));
}

/** The positive form of a negated statement about a term, or null. */
export function positiveOf(sentence: string): string | null {
	const plain = NEGATION.exec(sentence);
	const contracted = plain ? null : CONTRACTED.exec(sentence);
	const groups = plain?.groups ?? contracted?.groups;
	if (!groups?.subject || !groups.verb || !groups.rest) return null;
	if (NOT_A_SUBJECT.test(groups.subject) || groups.subject.split(' ').length > 6) return null;
	const verb = plain ? groups.verb : (POSITIVE[groups.verb.toLowerCase()] ?? null);
	if (!verb) return null;
	// "does not need X" → "needs X" would need grammar; "does need X" reads well enough.
	const rest = groups.rest.replace(/[.!]+$/, '');
	if (/\b(?:only|just|always|never)\b/i.test(rest.split(' ')[0] ?? '')) return null;
	// Only "X is not a Y" flips into a clear false statement; "X does not need Y" turned
	// around reads as a contradiction or a trap.
	if (
		!/^(?:is|are|was|were)$/i.test(verb) ||
		!/^(?:an?|the|one|just|merely|simply|about)\b/i.test(rest)
	)
		return null;
	// "X is not a Y, but a Z" / "X is not a Y; it is a Z": the statement is only the first part.
	if (/,\s*(?:but|it|they|rather)\b|;/.test(rest) && /^(?:an?|the)\b/i.test(rest)) {
		return statement(
			`${groups.subject} ${verb} ${rest.split(/,\s*(?:but|it|they|rather)\b|;/)[0]}`
		);
	}
	return statement(`${groups.subject} ${verb} ${rest}`);
}

/** The subject without an aside: "Dependencies with X, such as A or B," → "Dependencies with X". */
function bareSubject(subject: string): string | null {
	const bare = subject.replace(/,\s*(?:such as|like|e\.g\.|including)\b.*$/i, '').trim();
	if (NOT_A_SUBJECT.test(bare) || bare.split(' ').length > 6 || bare.includes(',')) return null;
	return bare;
}

/**
 * The belief a sentence corrects by saying it need not hold, only seems to, is not always
 * so, or has no rule behind it; or null.
 *
 * @example
 * correctedBelief("A maintainer doesn't necessarily have to be a coder."); // "A maintainer has to be a coder."
 * correctedBelief('A degree is often preferred, but not always necessary.'); // "A degree is always necessary."
 */
export function correctedBelief(sentence: string): string | null {
	const text = sentence.trim();
	const noRule = NO_RULE.exec(text);
	const rule = noRule?.groups?.claim;
	// "As there is no evidence that X, Y": the claim runs into the main clause; only a
	// sentence that opens with it, or a clause after "but", ends where the claim ends.
	const before = noRule ? text.slice(0, noRule.index) : '';
	if (rule && !NOT_A_SUBJECT.test(rule) && /^$|[,;]\s*(?:but|and|yet)?\s*$/i.test(before))
		return statement(rule);
	// "… doesn't have to be" and "may appear to be" leave the comma-free subject before them.
	const subjectText = text.replace(/,\s*(?:such as|like|e\.g\.|including)\b[^,]*,/i, '');
	const needNot = NEED_NOT.exec(subjectText)?.groups;
	if (needNot?.subject && needNot.rest) {
		const subject = bareSubject(needNot.subject);
		const plural =
			/\b(?:don't|do not)\b/i.test(subjectText) || (subject && isPluralPhrase(subject));
		if (subject)
			return statement(
				`${subject} ${plural ? 'have' : 'has'} to ${needNot.rest.replace(/[.!]+$/, '')}`
			);
	}
	const looks = LOOKS_LIKE.exec(subjectText)?.groups;
	if (looks?.subject && looks.rest) {
		const subject = bareSubject(looks.subject);
		if (subject)
			return statement(`${subject} ${isPluralPhrase(subject) ? 'are' : 'is'} ${looks.rest}`);
	}
	const misuse = NOT_JUST.exec(text)?.groups;
	if (misuse?.act && misuse.only && misuse.purpose && misuse.rest)
		return statement(
			`It is fine to ${misuse.act} ${misuse.only.toLowerCase()} ${misuse.purpose.toLowerCase()} ${misuse.rest}`
		);
	const always = NOT_ALWAYS.exec(text)?.groups;
	if (always?.subject && always.verb && always.rest) {
		const subject = bareSubject(always.subject);
		if (subject) return statement(`${subject} ${always.verb} always ${always.rest}`);
	}
	return null;
}

/**
 * "S is A. (It …) But, it's not B." → the claim "S is B", answered "False." with the
 * sentences from S's to the denial; null when no sentence just before names the subject.
 *
 * @example
 * deniedAfterward(['Several h1s are bad practice.'], "But, it's not a WCAG violation.");
 * // { claim: 'Several h1s are a WCAG violation.', answer: "False. Several h1s are bad practice. But, it's not a WCAG violation.", back: 1 }
 */
export function deniedAfterward(
	before: readonly string[],
	text: string
): { claim: string; answer: string; back: number } | null {
	const rest = BUT_NOT.exec(text.trim())?.groups?.rest;
	if (!rest) return null;
	for (let back = 1; back <= Math.min(DENIAL_REACH, before.length); back++) {
		const named = STATES.exec(before[before.length - back]!.trim())?.groups;
		if (!named?.subject || !named.verb) continue;
		// A subject named a sentence or two back may be longer than a term ("Having multiple
		// h1s on a web page"): up to ten words, no comma.
		const subject = named.subject.trim();
		if (NOT_A_SUBJECT.test(subject) || subject.split(' ').length > 10) return null;
		const answer = [...before.slice(before.length - back), text].map((t) => t.trim()).join(' ');
		if (answer.length > 280) return null;
		return {
			claim: statement(`${subject} ${named.verb} ${rest}`),
			answer: `False. ${answer}`,
			back
		};
	}
	return null;
}

function card(
	article: Article,
	block: ArticleBlock,
	start: number,
	end: number,
	front: string,
	back: string
): Candidate {
	return {
		kind: 'true-false',
		front: `True or false: ${article.vocabulary.lowerFirstIfUsual(front)}`,
		back,
		suggested: true,
		source: sourceRef(block, start, end),
		tag: 'belief',
		fact: front,
		answer: back.split(' ')[0] ?? back,
		order: [block.index, start, 0]
	};
}

/** The statement to judge that one sentence gives, and its answer, or null. */
function beliefOf(
	text: string,
	next: string | undefined
): { claim: string; answer: string } | null {
	const myth = MYTH.exec(text)?.groups?.claim;
	if (myth) {
		const fact = next ? (FACT.exec(next)?.groups?.fact ?? next) : null;
		if (!fact || isNoise(fact) || fact.length > 300) return null;
		return { claim: statement(myth), answer: `False. ${statement(fact)}` };
	}
	const believed = BELIEVED.exec(text)?.groups?.claim;
	if (believed && next && CORRECTION.test(next.trim()) && next.length <= 280 && !isNoise(next)) {
		const thought = THOUGHT_OF_AS.exec(believed)?.groups;
		// "think of X" without "as …" says nothing to judge.
		if (!thought && /^of\b/i.test(believed)) return null;
		const claim = thought?.subject
			? `${thought.subject} ${isPluralPhrase(thought.subject) ? 'are' : 'is'} ${thought.rest}`
			: believed;
		return { claim: statement(claim), answer: `False. ${statement(next)}` };
	}
	const contrary = CONTRARY.exec(text)?.groups?.claim;
	if (contrary) return { claim: statement(contrary), answer: `True. ${statement(text)}` };
	if (isNoise(text)) return null;
	const positive = positiveOf(text) ?? correctedBelief(text);
	return positive && positive.length <= MAX_STATEMENT
		? { claim: positive, answer: `False. ${statement(text)}` }
		: null;
}

/** The statement a yes/no question asks about: "Is a degree necessary?" → "A degree is necessary." */
function askedStatement(question: string): string | null {
	const groups = YES_NO.exec(question.trim())?.groups;
	if (!groups?.verb || !groups.subject || !groups.predicate) return null;
	if (!/^(?:is|are)$/i.test(groups.verb)) return null;
	return statement(`${groups.subject} ${groups.verb.toLowerCase()} ${groups.predicate}`);
}

/** Yes/no questions (a heading or a sentence) answered "No…" by what follows. */
function deniedQuestions(article: Article): Candidate[] {
	const cards: Candidate[] = [];
	for (const block of article.blocks) {
		const questions =
			block.kind === 'heading'
				? [{ text: block.text, start: 0, end: block.text.length, index: -1 }]
				: block.sentences.map((sentence, index) => ({ ...sentence, index }));
		for (const question of questions) {
			const asked = askedStatement(question.text);
			if (!asked) continue;
			const following = question.index >= 0 ? block.sentences[question.index + 1] : undefined;
			const next = following ?? article.blocks[block.index + 1]?.sentences[0];
			const answerBlock = following ? block : article.blocks[block.index + 1];
			if (!next || !answerBlock || !DENIAL.test(next.text.trim())) continue;
			const rest = answerBlock.sentences
				.slice(following ? question.index + 1 : 0)
				.map((sentence) => sentence.text)
				.join(' ');
			const answer = rest.length > 280 ? next.text : rest;
			cards.push(
				card(article, block, question.start, question.end, asked, `False. ${statement(answer)}`)
			);
		}
	}
	return cards;
}

/**
 * Finds corrected beliefs in the article's paragraphs and list items, marking the sentences
 * it used in `article.used`.
 *
 * @example
 * const article = parseArticle('# K8s\n\nKubernetes is not a traditional PaaS system. It runs containers.');
 * findBeliefs(article)[0]?.front; // "True or false: kubernetes is a traditional PaaS system."
 */
export function findBeliefs(article: Article): Candidate[] {
	const cards: Candidate[] = deniedQuestions(article);
	for (const block of article.blocks) {
		if (block.kind === 'heading') continue;
		block.sentences.forEach((sentence, index) => {
			const key = sentenceKey(block.index, index);
			const text = sentence.text.trim();
			if (article.used.has(key) || text.length > MAX_STATEMENT * 1.5 || /\?$/.test(text)) return;
			const next = block.sentences[index + 1]?.text ?? article.blocks[block.index + 1]?.text;
			const belief = beliefOf(text, next);
			const denied = belief
				? null
				: deniedAfterward(
						block.sentences.slice(Math.max(0, index - DENIAL_REACH), index).map((s) => s.text),
						text
					);
			const found = belief ?? denied;
			if (!found) return;
			article.used.add(key);
			// A denial's card starts at the sentence that names its subject.
			const start = denied ? block.sentences[index - denied.back]!.start : sentence.start;
			cards.push(card(article, block, start, sentence.end, found.claim, found.answer));
		});
	}
	return cards;
}
