/**
 * Hybrid logical clocks: the stamp each synced field carries, so that "the latest change
 * wins" means the same thing on every device even when their clocks disagree.
 *
 * A stamp is the wall-clock time in ms, a counter for changes within the same ms (or made
 * while this device's clock is behind one it has seen), and the device's id as the final
 * tie-break. It is written as one string whose order is the stamps' order, so stored stamps
 * compare with `<` and need no parsing (Kulkarni et al., "Logical Physical Clocks", 2014).
 */

/** A stamp, decoded. */
export interface Hlc {
	/** Epoch ms: the largest wall-clock time this device has seen. */
	wall: number;
	/** Changes stamped at the same `wall`, from 0. */
	count: number;
	/** The device that made the change. */
	device: string;
}

/** 11 base-36 digits hold every epoch ms until the year 5188. */
const WALL_DIGITS = 11;
/** 36^5 − 1 (60 million) changes in one ms before the counter would overflow. */
const COUNT_DIGITS = 5;
const MAX_COUNT = 36 ** COUNT_DIGITS - 1;

/**
 * How far ahead of this device's clock a received stamp may be. A device whose clock is
 * set years ahead would otherwise win every merge for years; its stamps are refused and the
 * sync says why.
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export class ClockDriftError extends Error {
	constructor(readonly ahead: number) {
		super(
			`A change arrived stamped ${Math.round(ahead / 60_000)} minutes ahead of this device's clock. ` +
				'Check the date and time on your devices, then sync again.'
		);
		this.name = 'ClockDriftError';
	}
}

/**
 * The stamp as a string that sorts as the stamp does.
 *
 * @example
 * encodeHlc({ wall: 1_700_000_000_000, count: 0, device: "phone" }); // "000loyw3v28-00000-phone"
 */
export function encodeHlc(hlc: Hlc): string {
	if (!Number.isSafeInteger(hlc.wall) || hlc.wall < 0)
		throw new RangeError('wall must be epoch ms');
	if (!Number.isInteger(hlc.count) || hlc.count < 0 || hlc.count > MAX_COUNT)
		throw new RangeError('count out of range');
	const wall = hlc.wall.toString(36).padStart(WALL_DIGITS, '0');
	const count = hlc.count.toString(36).padStart(COUNT_DIGITS, '0');
	return `${wall}-${count}-${hlc.device}`;
}

const STAMP = /^([0-9a-z]{11})-([0-9a-z]{5})-(.+)$/;

/** Reads a stamp; null when the text is not one (from a server, say). */
export function decodeHlc(stamp: string): Hlc | null {
	const match = STAMP.exec(stamp);
	if (!match) return null;
	return { wall: parseInt(match[1]!, 36), count: parseInt(match[2]!, 36), device: match[3]! };
}

/**
 * The stamp of a change made on this device at `now`: later than every stamp it has made
 * or seen (`last`), whatever the wall clock says.
 *
 * @example
 * const a = nextHlc(null, 'phone', 1000); // { wall: 1000, count: 0, device: 'phone' }
 * nextHlc(a, 'phone', 900); // { wall: 1000, count: 1, … }: the clock went back, the order did not
 */
export function nextHlc(last: Hlc | null, device: string, now: number): Hlc {
	if (!last || now > last.wall) return { wall: now, count: 0, device };
	return { wall: last.wall, count: last.count + 1, device };
}

/**
 * This device's clock after seeing `remote`: later than both, so a change made next
 * is stamped after the one received. Refuses a stamp more than `MAX_DRIFT_MS` ahead.
 */
export function receiveHlc(last: Hlc | null, remote: Hlc, device: string, now: number): Hlc {
	if (remote.wall - now > MAX_DRIFT_MS) throw new ClockDriftError(remote.wall - now);
	const wall = Math.max(now, last?.wall ?? 0, remote.wall);
	let count = 0;
	if (last && wall === last.wall) count = last.count + 1;
	if (wall === remote.wall) count = Math.max(count, remote.count + 1);
	return { wall, count, device };
}
