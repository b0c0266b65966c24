// The languages' names as the window shows them.
export const LANGUAGE_NAMES: Record<string, string> = { fa: 'Persian', ar: 'Arabic', en: 'English', und: 'Unknown' };
