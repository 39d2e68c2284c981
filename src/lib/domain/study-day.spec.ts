import { describe, expect, it } from 'vitest';
import { nextStudyDayStart, studyDayStart } from './study-day';

describe('studyDayStart', () => {
	it('counts the hours before the start hour as the previous day', () => {
		expect(studyDayStart(new Date(2026, 0, 2, 3, 59), 4)).toEqual(new Date(2026, 0, 1, 4));
		expect(studyDayStart(new Date(2026, 0, 2, 4, 0), 4)).toEqual(new Date(2026, 0, 2, 4));
		expect(studyDayStart(new Date(2026, 0, 2, 23, 0), 4)).toEqual(new Date(2026, 0, 2, 4));
	});

	it('handles midnight as the start hour and month ends', () => {
		expect(studyDayStart(new Date(2026, 2, 1, 0, 30), 0)).toEqual(new Date(2026, 2, 1, 0));
		expect(nextStudyDayStart(new Date(2026, 0, 31, 12), 4)).toEqual(new Date(2026, 1, 1, 4));
		expect(nextStudyDayStart(new Date(2026, 1, 1, 2), 4)).toEqual(new Date(2026, 1, 1, 4));
	});
});
