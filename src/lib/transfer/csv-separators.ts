/**
 * The field separators of CSV files, by the names Anki's `#separator:` line uses. Kept apart
 * from `csv.ts` so the import form can offer them without loading the CSV reader.
 */
export const SEPARATOR_NAMES: Readonly<Record<string, string>> = {
	',': 'Comma',
	';': 'Semicolon',
	'\t': 'Tab',
	' ': 'Space',
	'|': 'Pipe',
	':': 'Colon'
};

/** The separators the import form offers when a file names none, as Anki's import dialog does. */
export const OFFERED_SEPARATORS = [',', ';', '\t', '|'] as const;
