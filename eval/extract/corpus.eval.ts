/**
 * `npm run eval:extract`: the extractor on the real articles in `../shared/articles/`, each in
 * the forms users bring it, scored against our rubrics and a reader's verdicts (README.md).
 * Prints a table per form and fails when the figures fall below `baseline.json`.
 *
 * EVAL_PENDING=1 writes the drafts no reader has judged yet to `eval/extract/.pending/`
 * (ignored by git) for judging; EVAL_UPDATE_BASELINE=1 writes the current figures as the
 * new baseline.
 */

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractDrafts, type Extraction } from '$lib/extract';
import { htmlToMarkdown } from '$lib/extract/html';
import { createWinkTagger } from '$lib/extract/wink-tagger';
import { copiedText, renderedHtml } from './as-pasted';
import {
	draftKey,
	scoreArticle,
	totals,
	type ArticleScore,
	type Judged,
	type Rubric,
	type Totals
} from './score';

const here = dirname(fileURLToPath(import.meta.url));
const ARTICLES = resolve(here, '../../../shared/articles');
const BASELINE = join(here, 'baseline.json');
/** How far a figure may fall below the baseline before the run fails. */
const TOLERANCE = 0.02;
/** Above this share of ticked drafts without a verdict, the precision figures mean little. */
const MAX_UNJUDGED = 0.1;

/**
 * The forms an article arrives in: what the extractor is given for each, and the title the
 * New deck screen falls back on when the extractor finds none (a pasted page's `<title>` or
 * `<h1>`).
 */
const FORMS: Record<string, (markdown: string) => { input: string; pageTitle: string | null }> = {
	markdown: (markdown) => ({ input: markdown, pageTitle: null }),
	'pasted web page': (markdown) => {
		const page = htmlToMarkdown(parse(renderedHtml(markdown)), parse);
		return { input: page.markdown, pageTitle: page.title };
	},
	'copied text': (markdown) => ({ input: copiedText(renderedHtml(markdown)), pageTitle: null })
};

function parse(html: string): Document {
	return new JSDOM(html).window.document;
}
/** Rendering 24 articles through jsdom takes a while on a busy machine. */
const FORM_TIMEOUT = 120_000;

type Baseline = Record<string, { tuned: Totals; heldOut: Totals }>;

function readJson<T>(path: string): T | null {
	return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

function rubrics(): Rubric[] {
	const folder = join(here, 'rubrics');
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => readJson<Rubric>(join(folder, file)) as Rubric);
}

function percent(value: number): string {
	return `${Math.round(value * 100)} %`;
}

function table(form: string, scores: ArticleScore[], ms: number[]): string {
	const rows = scores.map((s, i) => {
		const judged = s.keep + s.edit + s.junk;
		const rate = (n: number) => (judged ? percent(n / judged) : '–');
		return [
			`${s.article.slice(0, 32)}${s.heldOut ? ' (held out)' : ''}`,
			s.drafts,
			s.ticked,
			rate(s.keep),
			rate(s.keep + s.edit),
			rate(s.junk),
			s.unjudged,
			`${s.covered}/${s.points}`,
			s.correctsBelief ? (s.hasTrueFalse ? 'yes' : 'NO') : '',
			s.title ? 'yes' : 'NO',
			Math.round(ms[i] ?? 0)
		].join(' | ');
	});
	const summary = (label: string, t: Totals) =>
		`${label}: ${t.articles} articles, ${t.drafts} drafts, ${t.ticked} ticked; of judged ticked: ` +
		`keep ${percent(t.keepRate)}, keep or edit ${percent(t.usefulRate)}, junk ${percent(t.junkRate)}; ` +
		`unjudged ${percent(t.unjudgedRate)}; key points covered ${percent(t.recall)}; ` +
		`true/false where a belief is corrected ${percent(t.trueFalseRate)}; title ${percent(t.titleRate)}`;
	return [
		`## ${form}`,
		'',
		'article | drafts | ticked | keep | keep or edit | junk | unjudged | points covered | true/false | title | ms',
		'--- | --: | --: | --: | --: | --: | --: | --: | :-: | :-: | --:',
		...rows,
		'',
		summary('Tuned on', totals(scores.filter((s) => !s.heldOut))),
		summary('Held out', totals(scores.filter((s) => s.heldOut))),
		''
	].join('\n');
}

const present = existsSync(ARTICLES);
if (!present) {
	console.warn(`Extraction evaluation skipped: no corpus at ${ARTICLES}.`);
}

describe.skipIf(!present)('extraction on the article corpus', () => {
	// The tagger the New deck screen uses; built once, as the page builds it once.
	const tagger = createWinkTagger();
	const baseline = readJson<Baseline>(BASELINE) ?? {};
	const current: Baseline = {};
	const pending = new Map<string, Record<string, unknown>[]>();

	for (const [form, prepare] of Object.entries(FORMS)) {
		it(
			`${form}: holds its baseline`,
			() => {
				const scores: ArticleScore[] = [];
				const ms: number[] = [];
				for (const rubric of rubrics()) {
					const markdown = readFileSync(join(ARTICLES, rubric.article), 'utf8');
					const name = rubric.article.replace(/\.md$/, '');
					const judged = readJson<Judged>(join(here, 'judged', `${name}.json`));
					const { input, pageTitle } = prepare(markdown);
					const started = performance.now();
					let extraction: Extraction;
					try {
						extraction = extractDrafts(input, { tagger });
					} catch {
						extraction = { title: null, drafts: [] };
					}
					ms.push(performance.now() - started);
					const title = extraction.title || pageTitle;
					scores.push(scoreArticle(rubric, judged, title, extraction.drafts));

					const waiting = pending.get(name) ?? [];
					for (const draft of extraction.drafts) {
						const key = draftKey(draft);
						if (judged?.verdicts[key]) continue;
						// A draft offered unticked in one form may be ticked in another: it needs a verdict.
						const seen = waiting.find((d) => d.key === key);
						if (seen) {
							if (draft.suggested) seen.suggested = true;
							continue;
						}
						const { kind, front, back, suggested } = draft;
						waiting.push({ key, form, suggested, kind, front, back });
					}
					pending.set(name, waiting);
				}
				console.log(table(form, scores, ms));

				const tuned = totals(scores.filter((s) => !s.heldOut));
				const heldOut = totals(scores.filter((s) => s.heldOut));
				current[form] = { tuned, heldOut };
				const before = baseline[form];
				if (before && !process.env.EVAL_UPDATE_BASELINE) {
					for (const [part, now, then] of [
						['tuned', tuned, before.tuned],
						['held out', heldOut, before.heldOut]
					] as const) {
						for (const figure of ['usefulRate', 'keepRate', 'recall'] as const) {
							expect(now[figure], `${form}, ${part}: ${figure}`).toBeGreaterThanOrEqual(
								then[figure] - TOLERANCE
							);
						}
						expect(
							now.unjudgedRate,
							`${form}, ${part}: drafts waiting for a verdict`
						).toBeLessThanOrEqual(MAX_UNJUDGED);
					}
				}
			},
			FORM_TIMEOUT
		);
	}

	it('writes what was asked for', () => {
		if (process.env.EVAL_PENDING) {
			const folder = join(here, '.pending');
			mkdirSync(folder, { recursive: true });
			for (const [name, drafts] of pending) {
				if (drafts.length > 0) {
					writeFileSync(join(folder, `${name}.json`), JSON.stringify(drafts, null, '\t'));
				}
			}
		}
		if (process.env.EVAL_UPDATE_BASELINE) {
			writeFileSync(BASELINE, `${JSON.stringify(current, null, '\t')}\n`);
		}
		expect(Object.keys(current)).toEqual(Object.keys(FORMS));
	});
});
