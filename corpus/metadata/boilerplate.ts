// Page furniture that comes along when an article is saved from the web: navigation, weather
// bars, skip links, share and comment widgets, news codes, disclaimers, size pickers. Every
// rule looks at a whole line and asks for a shape no article sentence has; a line that is
// only probably furniture stays unmarked, because a marked line drops out of quotations,
// search and translation (the user can still mark it by hand).
// The phrases and patterns are boilerplate-phrases.ts's; here are the rules that use them.
import { findDates } from './dates';
import type { Language } from '../text/language';
import { asciiDigits, looseKey } from '../text/letter-variants';
import type { Paragraph } from '../text/paragraphs';
import {
  CLOCK,
  CLOCK_ALL,
  COMMENTS,
  compact,
  DATE_LINE_EXTRA_WORDS,
  LABELS,
  LEGAL_RULES,
  NAVIGATION,
  NEWS_CODE,
  SENTENCE_END,
  SENTENCE_PUNCT,
  SHARE_WORDS,
  SIZE_TOKENS,
  SKIP_LINKS,
  SUBSCRIBE_STARTS,
  TAG_LABEL,
  TEMPERATURE,
  WEEKDAY,
  WEEKDAY_ALL,
} from './boilerplate-phrases';

export type BoilerplateKind =
  | 'weather'
  | 'skip-link'
  | 'label'
  | 'date-line'
  | 'news-code'
  | 'number'
  | 'comments'
  | 'subscribe'
  | 'share'
  | 'size-picker'
  | 'legal'
  | 'navigation'
  | 'repeated'
  | 'tags';

function words(text: string): string[] {
  return text.trim().split(/[\s\u00A0]+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

const LEGAL_MAX_WORDS = 45;
const DATE_LINE_MAX_WORDS = 12;
/** Beyond this many words a line is prose for every rule but the rights notice. */
const SHORT_MAX_WORDS = 15;

/** A line with what every rule needs computed once. */
interface Line {
  text: string;
  key: string;
  words: number;
}

function isWeather(line: Line): boolean {
  if (!TEMPERATURE.test(asciiDigits(line.text))) return false;
  return CLOCK.test(line.text) || WEEKDAY.test(line.text) || line.words <= 6;
}

function isDateLine(line: Line): boolean {
  if (line.words > DATE_LINE_MAX_WORDS || !/\p{N}/u.test(line.text)) return false;
  let rest = line.text;
  let found = false;
  for (const d of findDates(line.text)) {
    rest = rest.replace(d.original, ' ');
    found = true;
  }
  rest = rest.replace(CLOCK_ALL, () => {
    found = true;
    return ' ';
  });
  if (!found) return false;
  rest = rest.replace(WEEKDAY_ALL, ' ').replace(/[\p{P}\p{S}]+/gu, ' ');
  return words(rest).filter((w) => !DATE_LINE_EXTRA_WORDS.test(w)).length <= 1;
}

function isNumberOnly(line: Line): boolean {
  return /\p{N}/u.test(line.text) && !/\p{L}/u.test(line.text);
}

function isComments(line: Line): boolean {
  // `التعليقات (0)`, `نظرات (۳)`, `12 comments`
  if (line.words > 6) return false;
  const withoutCount = asciiDigits(line.text).replace(/\d+/g, ' ');
  return COMMENTS.has(compact(withoutCount));
}

function isSubscribe(line: Line): boolean {
  return line.words <= 14 && SUBSCRIBE_STARTS.some((s) => line.key.startsWith(s));
}

function isShare(line: Line): boolean {
  if (SHARE_WORDS.has(line.key)) return true;
  const parts = line.text.split(/[\s|•·,،/]+/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 12 && parts.every((p) => SHARE_WORDS.has(compact(p)));
}

function isSizePicker(line: Line): boolean {
  const parts = line.text.toLowerCase().split(/[\s|•·/]+/).filter(Boolean);
  return parts.length >= 1 && parts.length <= 8 && parts.every((p) => SIZE_TOKENS.has(p));
}

function isNavigation(line: Line): boolean {
  if (NAVIGATION.has(line.key)) return true;
  // Breadcrumbs: `خانه » سیاسی » دولت`; a headline may have one `|` but not two separators.
  const segments = line.text.split(/[»›>|]/).filter((s) => s.trim() !== '');
  return segments.length >= 3 && line.words <= 12 && segments.every((s) => words(s).length <= 3);
}

function isLegal(line: Line): boolean {
  if (line.words > LEGAL_MAX_WORDS) return false;
  return LEGAL_RULES.some(({ phrase, cue, shortEnough }) => {
    const m = phrase.exec(line.text);
    if (!m) return false;
    if (!cue || (shortEnough !== undefined && line.words <= shortEnough)) return true;
    return cue.test(line.text.slice(0, m.index) + ' ' + line.text.slice(m.index + m[0].length));
  });
}

function isShortLabel(text: string, wordCount: number): boolean {
  return wordCount >= 1 && wordCount <= 4 && text.length <= 40 && !SENTENCE_PUNCT.test(text) && !SENTENCE_END.test(text);
}

function isProse(text: string, wordCount: number): boolean {
  return wordCount >= 8 || SENTENCE_END.test(text);
}

const SHORT_LINE_RULES: Array<[BoilerplateKind, (line: Line) => boolean]> = [
  ['weather', isWeather],
  ['skip-link', (l) => SKIP_LINKS.has(l.key)],
  ['label', (l) => LABELS.has(l.key)],
  ['news-code', (l) => NEWS_CODE.test(l.text)],
  ['date-line', isDateLine],
  ['number', isNumberOnly],
  ['comments', isComments],
  ['subscribe', isSubscribe],
  ['share', isShare],
  ['size-picker', isSizePicker],
  ['navigation', isNavigation],
  ['tags', (l) => TAG_LABEL.test(l.text)],
  ['legal', isLegal],
];
const LONG_LINE_RULES: Array<[BoilerplateKind, (line: Line) => boolean]> = [
  ['tags', (l) => l.words <= 20 && TAG_LABEL.test(l.text)],
  ['legal', isLegal],
];

function lineKind(text: string, wordCount: number): BoilerplateKind | null {
  if (wordCount > SHORT_MAX_WORDS) {
    const long: Line = { text, key: '', words: wordCount };
    return LONG_LINE_RULES.find(([, test]) => test(long))?.[0] ?? null;
  }
  const line: Line = { text, key: compact(text), words: wordCount };
  return SHORT_LINE_RULES.find(([, test]) => test(line))?.[0] ?? null;
}

/**
 * Why each furniture line is furniture, keyed by paragraph index. Lines not in the map are
 * article text as far as the rules can tell.
 */
export function classifyBoilerplate(paragraphs: readonly Paragraph[], _language?: Language): Map<number, BoilerplateKind> {
  const kinds = new Map<number, BoilerplateKind>();
  const lines = paragraphs.map((p) => {
    const text = p.text.trim();
    return { text, words: words(text).length };
  });
  lines.forEach((line, i) => {
    const kind = lineKind(line.text, line.words);
    if (kind) kinds.set(i, kind);
  });

  // A short line that occurs more than once (a section name, `وب گردی`) is a link, not text.
  const seen = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!isShortLabel(line.text, line.words)) return;
    const key = looseKey(line.text);
    const indexes = seen.get(key);
    if (indexes) indexes.push(i);
    else seen.set(key, [i]);
  });
  for (const indexes of seen.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes) if (!kinds.has(i)) kinds.set(i, 'repeated');
  }

  // After the article's last sentence, a short bare line followed by more furniture is a tag or
  // section link (`العراق` above `التعليقات (0)`).
  let lastProse = -1;
  lines.forEach((line, i) => {
    if (!kinds.has(i) && isProse(line.text, line.words)) lastProse = i;
  });
  let furnitureAfter = false;
  for (let i = lines.length - 1; i > lastProse && lastProse >= 0; i--) {
    const kind = kinds.get(i);
    if (kind !== undefined) {
      if (kind !== 'tags') furnitureAfter = true;
      continue;
    }
    if (furnitureAfter && isShortLabel(lines[i].text, lines[i].words)) kinds.set(i, 'tags');
  }
  return kinds;
}
