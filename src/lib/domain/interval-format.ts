const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as Anki shows it on an answer button: "1m", "10m", "3h", "4d",
 * "2.5mo", "1.2y". Under a minute reads "<1m".
 *
 * @example
 * formatInterval(10 * 60_000); // "10m"
 * formatInterval(45 * 86_400_000); // "1.5mo"
 */
export function formatInterval(ms: number): string {
	if (ms < MINUTE) return '<1m';
	if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
	if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
	const days = ms / DAY;
	if (days < 30) return `${Math.round(days)}d`;
	if (days < 365) return `${trim(days / 30)}mo`;
	return `${trim(days / 365)}y`;
}

function trim(value: number): string {
	return (Math.round(value * 10) / 10).toString();
}
