// The formats a translation draft is handed on in: XLIFF and TMX for CAT tools, plain text,
// Markdown and bilingual HTML for readers. The API, its argument check and the UI use this list.
export const TRANSLATION_FORMATS = ['xliff', 'tmx', 'txt', 'md', 'html'] as const;
export type TranslationFormat = (typeof TRANSLATION_FORMATS)[number];
