import { describeError } from '$lib/errors';

/** A button offered with a notice: "Card buried · Undo". */
export interface NoticeAction {
	label: string;
	run: () => unknown;
}

/** How long a short confirmation ("Card buried") stays: long enough to reach its Undo. */
export const BRIEF_NOTICE_MS = 8_000;

/**
 * The one place a failure reaches the user: every caught error goes through
 * `notices.error`, which turns it into a sentence (see `describeError`).
 */
class Notices {
	message = $state<string | null>(null);
	tone = $state<'error' | 'info'>('info');
	action = $state.raw<NoticeAction | null>(null);
	#timer: ReturnType<typeof setTimeout> | undefined;

	info(message: string): void {
		this.#show('info', message, null);
	}

	/** A confirmation of something just done, with a way back; it goes away by itself. */
	brief(message: string, action: NoticeAction | null = null): void {
		this.#show('info', message, action);
		this.#timer = setTimeout(() => this.dismiss(), BRIEF_NOTICE_MS);
	}

	error(error: unknown): void {
		console.error(error);
		this.#show('error', describeError(error), null);
	}

	/** The notice's button was pressed: the notice goes, its action runs. */
	runAction(): void {
		const action = this.action;
		this.dismiss();
		action?.run();
	}

	dismiss(): void {
		clearTimeout(this.#timer);
		this.message = null;
		this.action = null;
	}

	#show(tone: 'error' | 'info', message: string, action: NoticeAction | null): void {
		clearTimeout(this.#timer);
		this.tone = tone;
		this.message = message;
		this.action = action;
	}
}

export const notices = new Notices();
