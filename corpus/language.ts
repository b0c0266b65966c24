// Language of a text or paragraph from its letters. Persian and Arabic share most of the
// alphabet; any CMS can swap yeh/kaf, so those are only a tie-break.

export type Language = 'fa' | 'ar' | 'en' | 'und';
export type Direction = 'rtl' | 'ltr';

const PERSIAN_ONLY = /[پچژگ\u06A9\u06CC\u200C]/g; // پ چ ژ گ ک ی ZWNJ
const PERSIAN_STRONG = /[پچژگ]/g;
const ARABIC_ONLY = /[ةيكى\u064B-\u0652]/g; // ة ي ك ى and harakat
const ARABIC_STRONG = /[ة]/g;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const FA_WORDS = /(?:^|\s)(?:است|این|که|را|می|های|برای|با|از|شد|کرد|آن|هم|نیز|وی)(?=\s|$)/g;
const AR_WORDS = /(?:^|\s)(?:في|من|على|إلى|التي|الذي|عن|مع|هذا|هذه|أن|وقد|كان)(?=\s|$)/g;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const arabicScript = count(sample, ARABIC_SCRIPT);
  const latin = count(sample, LATIN);
  if (arabicScript === 0 && latin === 0) return 'und';
  if (latin > arabicScript) return 'en';
  const fa = count(sample, PERSIAN_STRONG) * 3 + count(sample, FA_WORDS) * 2 + count(sample, PERSIAN_ONLY) * 0.2;
  const ar = count(sample, ARABIC_STRONG) * 3 + count(sample, AR_WORDS) * 2 + count(sample, /(?:^|\s)ال/g) * 0.5 + count(sample, ARABIC_ONLY) * 0.2;
  if (fa === ar) return count(sample, /[\u06A9\u06CC]/g) >= count(sample, /[يك]/g) ? 'fa' : 'ar';
  return fa > ar ? 'fa' : 'ar';
}

/** Direction of a paragraph from its first strong character, ignoring neutral runs. */
export function paragraphDirection(text: string, fallback: Direction = 'ltr'): Direction {
  const rtl = count(text, ARABIC_SCRIPT) + count(text, /[\u0590-\u05FF]/g);
  const ltr = count(text, LATIN);
  if (rtl === 0 && ltr === 0) return fallback;
  // The majority decides: a Latin first word (a weather bar, `CNN گزارش داد`) must not flip a Persian line.
  return rtl >= ltr ? 'rtl' : 'ltr';
}

export function languageDirection(lang: Language): Direction {
  return lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr';
}
