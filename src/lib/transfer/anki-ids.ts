/** The id a deck imported from Anki gets here: its Anki id, which is stable across exports. */
export const deckIdOf = (did: number) => `anki-deck-${did}`;

/**
 * The id Anki's Default deck arrives with. Anki numbers it 1 in every collection, whatever
 * it was renamed to, so unlike other deck ids it does not name one deck everywhere.
 */
export const ANKI_DEFAULT_DECK = deckIdOf(1);
