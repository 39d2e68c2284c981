import { getContext, setContext } from 'svelte';

/**
 * What the study screen tells the cards it shows. Elsewhere (the browser, previews) sounds
 * never play on their own and a type-in box keeps its text to itself.
 */
export interface StudyContext {
	/** Whether a card's sounds play as soon as a side is shown ("Play sounds automatically"). */
	autoplay(): boolean;
	/** What was typed in this card's type-in box so far. */
	typed(): string;
	setTyped(value: string): void;
	/** Enter in the type-in box: show the answer. */
	submit(): void;
}

const KEY = Symbol('study-context');

const OUTSIDE_STUDY: StudyContext = {
	autoplay: () => false,
	typed: () => '',
	setTyped: () => {},
	submit: () => {}
};

export function setStudyContext(context: StudyContext): void {
	setContext(KEY, context);
}

/** The study screen's context, or one that does nothing; read when a card's text is created. */
export function studyContext(): StudyContext {
	return getContext<StudyContext | undefined>(KEY) ?? OUTSIDE_STUDY;
}
