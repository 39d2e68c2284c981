import { describeError } from '$lib/errors';

/**
 * The one place a failure reaches the user: every caught error goes through
 * `notices.error`, which turns it into a sentence (see `describeError`).
 */
class Notices {
	message = $state<string | null>(null);
	tone = $state<'error' | 'info'>('info');

	info(message: string): void {
		this.tone = 'info';
		this.message = message;
	}

	error(error: unknown): void {
		console.error(error);
		this.tone = 'error';
		this.message = describeError(error);
	}

	dismiss(): void {
		this.message = null;
	}
}

export const notices = new Notices();
