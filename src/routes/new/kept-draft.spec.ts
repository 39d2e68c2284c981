import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDraft, keepDraft, readKeptDraft, type KeptDraft } from './kept-draft';

class MemoryStorage {
	items = new Map<string, string>();
	full = false;
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('quota', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

const WORK: KeptDraft = {
	article: 'Tea is a drink.',
	deckName: 'Tea',
	pageTitle: null,
	drafts: null
};

describe('the New deck screen’s kept work', () => {
	let storage: MemoryStorage;
	beforeEach(() => {
		storage = new MemoryStorage();
		vi.stubGlobal('localStorage', storage);
	});
	afterEach(() => vi.unstubAllGlobals());

	it('comes back as it was kept, and is gone once forgotten', () => {
		keepDraft(WORK);
		expect(readKeptDraft()).toEqual(WORK);
		forgetDraft();
		expect(readKeptDraft()).toBeNull();
	});

	it('keeps nothing for an empty form', () => {
		keepDraft(WORK);
		keepDraft({ ...WORK, article: '  ' });
		expect(storage.items.size).toBe(0);
	});

	it('reads what it cannot understand as nothing kept', () => {
		storage.setItem('flashcards:new-deck', '{not json');
		expect(readKeptDraft()).toBeNull();
		storage.setItem('flashcards:new-deck', JSON.stringify({ article: 3 }));
		expect(readKeptDraft()).toBeNull();
	});

	it('goes on without keeping when storage is full', () => {
		storage.full = true;
		expect(() => keepDraft(WORK)).not.toThrow();
		expect(readKeptDraft()).toBeNull();
	});
});
