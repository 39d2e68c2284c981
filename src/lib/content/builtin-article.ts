import text from './what-does-a-backend-developer-do.txt?raw';

/** The article the app ships with, made into the built-in deck on first run. */
export const BUILTIN_ARTICLE = {
	title: 'What Does A Backend Developer Do? First Steps To Become Efficient One',
	text
} as const;
