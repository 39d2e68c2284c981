/**
 * Study days, as Anki counts them: a day runs from a set local hour (4 am by
 * default) to the same hour the next day, so a late-night session still counts
 * as "today". Local calendar arithmetic keeps days right across DST changes.
 */

/**
 * Start of the study day that contains `now`.
 *
 * @example
 * studyDayStart(new Date(2026, 0, 2, 3, 0), 4); // 2026-01-01 04:00 local
 */
export function studyDayStart(now: Date, dayStartHour: number): Date {
	const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), dayStartHour);
	if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
	return start;
}

/** Start of the next study day: the end of the one containing `now`. */
export function nextStudyDayStart(now: Date, dayStartHour: number): Date {
	const start = studyDayStart(now, dayStartHour);
	return new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1, dayStartHour);
}
