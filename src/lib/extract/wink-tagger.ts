/**
 * The `Tagger` the app uses: wink-nlp with its English "lite web" model (MIT). It tags about
 * 100,000 words a second in Node and is accurate on ordinary prose; the model is large
 * (about 3.7 MB of JavaScript, 1.1 MB compressed), so only the New deck screen imports this
 * module, and only with `import()`. Building the model takes ~0.2 s, once per page.
 */

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { withOffsets, type PartOfSpeech, type Tagger } from './tagger';

/**
 * A tagger backed by wink-nlp. Only the part-of-speech step of its pipeline runs: sentence
 * boundaries come from `sentences.ts`, and names, sentiment and negation are not used.
 *
 * @example
 * createWinkTagger().tag('Tea is hot.').map((w) => w.pos); // ['NOUN', 'AUX', 'ADJ', 'PUNCT']
 */
export function createWinkTagger(): Tagger {
	const nlp = winkNLP(model, ['pos']);
	const its = nlp.its;
	return {
		tag(sentence) {
			const tokens = nlp.readDoc(sentence).tokens();
			const texts = tokens.out() as string[];
			const tags = tokens.out(its.pos) as PartOfSpeech[];
			// wink-nlp's typings reject `its.lemma` as an argument of `out` (it works: its
			// signature takes the model's addons, which the typings declare differently).
			const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
			return withOffsets(
				sentence,
				texts.map((text, i) => [text, tags[i] ?? 'X', lemmas[i]] as const)
			);
		}
	};
}
