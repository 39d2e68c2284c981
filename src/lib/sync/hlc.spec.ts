import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ClockDriftError,
	MAX_DRIFT_MS,
	decodeHlc,
	encodeHlc,
	nextHlc,
	receiveHlc,
	type Hlc
} from './hlc';

const hlcArb: fc.Arbitrary<Hlc> = fc.record({
	wall: fc.integer({ min: 0, max: 4_102_444_800_000 }),
	count: fc.nat({ max: 36 ** 5 - 1 }),
	device: fc.stringMatching(/^[a-z0-9]{1,12}$/)
});

function order(a: Hlc, b: Hlc): number {
	return (
		a.wall - b.wall || a.count - b.count || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0)
	);
}

describe('stamps', () => {
	it('encode to strings that sort as the stamps do, and decode back', () => {
		expect(encodeHlc({ wall: 1_700_000_000_000, count: 0, device: 'phone' })).toBe(
			'000loyw3v28-00000-phone'
		);
		fc.assert(
			fc.property(hlcArb, hlcArb, (a, b) => {
				const [x, y] = [encodeHlc(a), encodeHlc(b)];
				expect(decodeHlc(x)).toEqual(a);
				expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(Math.sign(order(a, b)));
			})
		);
	});

	it('refuses what is not a stamp, and values it cannot encode', () => {
		expect(decodeHlc('2026-12-03T10:00:00Z')).toBeNull();
		expect(decodeHlc('')).toBeNull();
		expect(() => encodeHlc({ wall: -1, count: 0, device: 'a' })).toThrow(RangeError);
		expect(() => encodeHlc({ wall: 1, count: 36 ** 5, device: 'a' })).toThrow(RangeError);
	});
});

describe('the clock', () => {
	it('moves forward when the wall clock goes back or stands still', () => {
		const a = nextHlc(null, 'phone', 1000);
		const b = nextHlc(a, 'phone', 900);
		const c = nextHlc(b, 'phone', 1000);
		const d = nextHlc(c, 'phone', 1001);
		expect([a, b, c, d].map((h) => [h.wall, h.count])).toEqual([
			[1000, 0],
			[1000, 1],
			[1000, 2],
			[1001, 0]
		]);
	});

	it('stamps a change made after receiving one later than it, even with a slow clock', () => {
		fc.assert(
			fc.property(
				fc.option(hlcArb, { nil: null }),
				hlcArb,
				fc.integer({ min: 0, max: 4_102_444_800_000 }),
				(last, remote, now) => {
					fc.pre(remote.wall - now <= MAX_DRIFT_MS);
					fc.pre(remote.count < 36 ** 5 - 2 && (last?.count ?? 0) < 36 ** 5 - 2);
					const seen = receiveHlc(last, remote, 'me', now);
					const next = nextHlc(seen, 'me', now);
					expect(order(next, remote)).toBeGreaterThan(0);
					if (last) expect(order(next, last)).toBeGreaterThan(0);
				}
			)
		);
	});

	it('refuses a stamp from a clock set more than a day ahead, and says what to check', () => {
		const now = Date.UTC(2026, 11, 3);
		const remote = { wall: now + 2 * MAX_DRIFT_MS, count: 0, device: 'laptop' };
		expect(() => receiveHlc(null, remote, 'phone', now)).toThrow(ClockDriftError);
		expect(() => receiveHlc(null, remote, 'phone', now)).toThrow(/date and time/);
	});
});
