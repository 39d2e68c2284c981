/**
 * Ten-thousand-word articles for the extraction benchmarks (Node and the browser share them):
 * the shipped article repeated, and synthetic prose that every extraction rule fires on.
 */
import { BUILTIN_ARTICLE } from '../src/lib/content/builtin-article';

export function wordCount(text: string): number {
	return text.split(/\s+/).filter(Boolean).length;
}

/** The shipped article repeated to 10,000 words: realistic prose, and many near-duplicates to merge. */
export function repeatedArticle(): string {
	const parts: string[] = [];
	for (let i = 0; wordCount(parts.join('\n\n')) < 10_000; i++)
		parts.push(BUILTIN_ARTICLE.text.replace(/backend/g, i % 2 ? 'backend' : 'server-side'));
	return parts.join('\n\n');
}

const SYLLABLES = [
	'ka',
	'lo',
	'mir',
	'ven',
	'tos',
	'rua',
	'pel',
	'dri',
	'sam',
	'quo',
	'bex',
	'nul'
];

/** A made-up word for each number, so the synthetic sections differ in words, not just digits. */
function word(n: number): string {
	let result = '';
	let rest = n + SYLLABLES.length;
	while (rest > 0) {
		result += SYLLABLES[rest % SYLLABLES.length];
		rest = Math.floor(rest / SYLLABLES.length);
	}
	return result;
}

/** 10,000 words of distinct sentences that every rule fires on, so little is merged away. */
export function variedArticle(): string {
	const sections: string[] = ['A Synthetic Field Guide'];
	for (let i = 0; wordCount(sections.join('\n\n')) < 10_000; i++) {
		const [a, b, c, d, e, f] = [0, 1, 2, 3, 4, 5].map((k) => word(i * 6 + k));
		sections.push(
			`How to Learn ${a}?`,
			`The first step to learning ${a} is reading the ${b} chapter. Next, you need to practise ${c}. ` +
				`Finally, you need to review ${d}.`,
			`One common misconception is that ${a} is only for ${e} experts. In fact, ${f} beginners learn ${a} in weeks.`,
			`The ${b} module is responsible for parsing ${c}, caching ${d}, and logging ${e}. ` +
				`Engineers of the ${b} module must be able to debug ${f} quickly.`,
			`A typical week on the ${c} project might include the following:`,
			`- Planning ${d}.\n- Writing ${e}.\n- Testing ${f}.\n- Shipping ${a}.`,
			`The most important habit for the ${d} team should be writing down ${e}. ` +
				`Do you want to know more about ${f}? Don't hesitate to read on!`
		);
	}
	return sections.join('\n\n');
}
