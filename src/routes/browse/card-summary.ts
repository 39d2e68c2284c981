import { Queue, queueOf } from '$lib/domain/card-queue';
import { clozeNumbers, renderCloze } from '$lib/domain/cloze';
import { MARKDOWN_PICTURE } from '$lib/domain/media';
import type { Card } from '$lib/domain/models';
import { plainText } from '$lib/domain/plain-text';

const QUEUE_LABELS: Record<number, string> = {
	[Queue.Suspended]: 'Suspended',
	[Queue.Buried]: 'Buried',
	0: 'New',
	1: 'Learning',
	2: 'Review',
	3: 'Relearning'
};

/**
 * One line of a card's question or answer for the list: no markup, deletions shown, cut
 * short. The reverse card of a reversed note asks with the note's back.
 */
export function summaryLine(card: Card, side: 'front' | 'back', max = 140): string {
	const reverse = card.kind === 'reversed' && card.ord === 1;
	let text = (side === 'front') !== reverse ? card.front : card.back;
	if (side === 'front' && card.kind === 'cloze' && clozeNumbers(text).length > 0)
		text = renderCloze(text, card.ord, 'back', false);
	text = card.format === 'html' ? plainText(text) || mediaOnly(text) : withoutPictures(text);
	text = text.replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Text with its pictures left out, or "(picture)" when there is nothing else. */
function withoutPictures(text: string): string {
	const rest = text.replace(MARKDOWN_PICTURE, ' ').trim();
	return rest || (rest === text.trim() ? rest : '(picture)');
}

/** What a side that is only a picture or a sound is called in the list. */
function mediaOnly(html: string): string {
	if (/<img\b/i.test(html)) return '(picture)';
	return html.includes('[sound:') ? '(sound)' : '';
}

/** "Review · due 3 Dec" and the like. */
export function statusLine(card: Card): string {
	const queue = queueOf(card);
	const label = QUEUE_LABELS[queue] ?? 'Unknown';
	if (card.state === 0 || queue < 0) return label;
	return `${label} · due ${new Date(card.due).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

/**
 * Which card of its note this is, where a note makes several: "Cloze 2", "Reverse". The
 * cards of one cloze note read the same in the list; this tells them apart.
 */
export function siblingLabel(card: Card): string | null {
	if (card.kind === 'cloze') return `Cloze ${card.ord}`;
	if (card.kind === 'reversed') return card.ord === 1 ? 'Reverse' : 'Forward';
	return null;
}
