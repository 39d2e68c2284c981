import { getContext, setContext } from 'svelte';

const KEY = Symbol('sound-autoplay');

/**
 * The study screen tells the cards it shows whether their sounds play as soon as a side is
 * shown (the "Play sounds automatically" setting). Elsewhere (the browser, previews) they
 * never do.
 */
export function setSoundAutoplay(enabled: () => boolean): void {
	setContext(KEY, enabled);
}

/** Whether sounds play on their own here; read once, when a card's text is created. */
export function soundAutoplay(): () => boolean {
	return getContext<(() => boolean) | undefined>(KEY) ?? (() => false);
}
