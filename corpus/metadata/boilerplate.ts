// Page furniture that comes along when an article is saved from the web: navigation, weather
// bars, skip links, share and comment widgets, news codes, disclaimers, size pickers, menus,
// lists of links, mastheads, captions. Every rule looks at a whole line and asks for a shape no
// article sentence has; a line that is only probably furniture stays unmarked, because a
// marked line drops out of quotations, search and translation (the user can still mark it by
// hand). The phrases are boilerplate-phrases.ts's and furniture-words.ts's, the newer line
// shapes furniture-shapes.ts's and furniture-date-bar.ts's; the rules that need a line's
// neighbours are furniture-context.ts's. Here the line rules are run in order, then those.
import {
  markAmidFurniture,
  markCaptions,
  markLists,
  markMastheads,
  markNumberedBreadcrumbs,
  markRepeated,
  markSiteNames,
  markTrailingTags,
} from './furniture-context';
import { metadataBarKind } from './furniture-date-bar';
import { ARABIC_SCRIPT, type BoilerplateKind, type Line, lineOf } from './furniture-line';
import {
  isBulletItem,
  isCaption,
  isCounter,
  isEndMarker,
  isFollowPrompt,
  isForeignToken,
  isLinkLine,
  isPrintBar,
  isReadMore,
  isReaderPrompt,
  isSymbolsOnly,
  withoutBullet,
} from './furniture-shapes';
import { isSectionLine } from './furniture-words';
import type { Language } from '../text/language';
import { asciiDigits } from '../text/letter-variants';
import { skeleton } from './phrase-skeleton';
import type { Paragraph } from '../text/paragraphs';
import {
  CLOCK,
  COMMENT_STARTS,
  COMMENTS,
  compact,
  LABELS,
  LEGAL_RULES,
  NAVIGATION,
  NEWS_CODE,
  SHARE_WORDS,
  SIZE_TOKENS,
  SKIP_LINKS,
  SUBSCRIBE_STARTS,
  TAG_ALONE,
  TAG_LABEL,
  TEMPERATURE,
  WEEKDAY,
} from './boilerplate-phrases';

export type { BoilerplateKind } from './furniture-line';

const LEGAL_MAX_WORDS = 45;
/** Beyond this many words a line is prose for every rule but a few with a strong cue. */
const SHORT_MAX_WORDS = 15;
const COMMENT_START_MAX_WORDS = 14;

function isWeather(line: Line): boolean {
  if (!TEMPERATURE.test(asciiDigits(line.text))) return false;
  return CLOCK.test(line.text) || WEEKDAY.test(line.text) || line.words <= 6;
}

function isNumberOnly(line: Line): boolean {
  return /\p{N}/u.test(line.text) && !/\p{L}/u.test(line.text);
}

function isComments(line: Line): boolean {
  if (line.words <= COMMENT_START_MAX_WORDS && COMMENT_STARTS.some((s) => line.key.startsWith(s))) return true;
  // `التعليقات (0)`, `نظرات (۳)`, `12 comments`
  if (line.words > 6) return false;
  const withoutCount = asciiDigits(line.text).replace(/\d+/g, ' ');
  return COMMENTS.has(compact(withoutCount));
}

function isSubscribe(line: Line): boolean {
  return (line.words <= 14 && SUBSCRIBE_STARTS.some((s) => line.key.startsWith(s))) || isFollowPrompt(line);
}

function isShare(line: Line): boolean {
  if (SHARE_WORDS.has(line.key) || isPrintBar(line)) return true;
  const parts = line.text.split(/[\s|•·,،/]+/).filter(Boolean);
  return parts.length >= 2 && parts.length <= 12 && parts.every((p) => SHARE_WORDS.has(compact(p)));
}

function isSizePicker(line: Line): boolean {
  const parts = line.text.toLowerCase().split(/[\s|•·/]+/).filter(Boolean);
  return parts.length >= 1 && parts.length <= 8 && parts.every((p) => SIZE_TOKENS.has(p));
}

function isNavigation(line: Line): boolean {
  if (NAVIGATION.has(line.key)) return true;
  // Breadcrumbs and menu bars: `خانه » سیاسی » دولت`, `أخبار | رياضة | فن`, `سیاسی • اقتصادی •
  // ورزشی`; a headline may have one `|` or ` - ` but not two separators.
  const segments = line.text.split(/[»›>|•·]|\s[-–]\s/u).filter((s) => s.trim() !== '');
  return segments.length >= 3 && line.words <= 12 && segments.every((s) => lineOf(s).words <= 3);
}

function isLegal(line: Line): boolean {
  if (line.words > LEGAL_MAX_WORDS) return false;
  let bare: string | undefined;
  return LEGAL_RULES.some(({ phrase, needs, cue, shortEnough }) => {
    if (needs) {
      bare ??= skeleton(line.text);
      if (!needs.some((s) => bare!.includes(s))) return false;
    }
    const m = phrase.exec(line.text);
    if (!m) return false;
    if (!cue || (shortEnough !== undefined && line.words <= shortEnough)) return true;
    return cue.test(line.text.slice(0, m.index) + ' ' + line.text.slice(m.index + m[0].length));
  });
}

function isTags(line: Line): boolean {
  return TAG_LABEL.test(line.text) || TAG_ALONE.has(line.key);
}

type Rule = [BoilerplateKind, (line: Line) => boolean];

/** The rules for a line on its own, in the order their kinds are given. */
function lineRules(pageInArabicScript: boolean): { short: Rule[]; long: Rule[] } {
  // Both bar rules ask about a short line: the bar is read once.
  const bars = new WeakMap<Line, ReturnType<typeof metadataBarKind>>();
  const barOf = (l: Line) => {
    let kind = bars.get(l);
    if (kind === undefined) {
      kind = metadataBarKind(l);
      bars.set(l, kind);
    }
    return kind;
  };
  const metadataBar = (kind: BoilerplateKind) => (l: Line) => barOf(l) === kind;
  const short: Rule[] = [
    ['weather', isWeather],
    ['skip-link', (l) => SKIP_LINKS.has(l.key)],
    ['label', (l) => LABELS.has(l.key)],
    ['news-code', (l) => NEWS_CODE.test(withoutBullet(l.text))],
    ['date-line', metadataBar('date-line')],
    ['field', metadataBar('field')],
    ['number', isNumberOnly],
    ['symbols', isSymbolsOnly],
    ['counter', isCounter],
    ['comments', isComments],
    ['subscribe', isSubscribe],
    ['share', isShare],
    ['size-picker', isSizePicker],
    ['navigation', isNavigation],
    ['tags', isTags],
    ['legal', isLegal],
    ['read-more', isReadMore],
    ['end-marker', isEndMarker],
    ['prompt', isReaderPrompt],
    ['caption', isCaption],
    ['link', isLinkLine],
    ['token', (l) => isForeignToken(l, pageInArabicScript)],
    ['section', (l) => isSectionLine(l.text)],
    ['menu', isBulletItem],
  ];
  const long: Rule[] = [
    ['date-line', metadataBar('date-line')],
    ['subscribe', isFollowPrompt],
    ['tags', (l) => l.words <= 20 && TAG_LABEL.test(l.text)],
    ['legal', isLegal],
    ['read-more', isReadMore],
    ['prompt', isReaderPrompt],
    ['caption', isCaption],
    ['link', isLinkLine],
  ];
  return { short, long };
}

/** Enough letters to tell the page's script; an article can be megabytes long. */
const SCRIPT_SAMPLE_LETTERS = 20_000;

const ARABIC_LETTER = 1;
const OTHER_LETTER = 2;
const NOT_A_LETTER = 3;
// Each BMP character's class, found by the two regexes the first time it is met: testing every
// character of every article with a Unicode-property regex was a tenth of the list worker's time.
const bmpClass = new Uint8Array(0x10000);

function letterClass(ch: string): number {
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  if (code >= 0 && bmpClass[code] !== 0) return bmpClass[code]!;
  const cls = ARABIC_SCRIPT.test(ch) ? ARABIC_LETTER : /\p{L}/u.test(ch) ? OTHER_LETTER : NOT_A_LETTER;
  if (code >= 0) bmpClass[code] = cls;
  return cls;
}

/** Whether most of the page's letters are Arabic script (Persian or Arabic). */
function inArabicScript(lines: readonly Line[]): boolean {
  let arabic = 0;
  let other = 0;
  // Characters not read yet: once the leader's lead exceeds them, the count cannot turn.
  let unread = 0;
  for (const line of lines) unread += line.text.length;
  for (const line of lines) {
    if (arabic > other + unread) return true;
    if (other >= arabic + unread) return false;
    unread -= line.text.length;
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // The table's answer when it has one; a surrogate pair is one character (`for…of`'s).
      const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const cls = !pair && bmpClass[code] !== 0 ? bmpClass[code]! : letterClass(pair ? text.slice(i, i + 2) : text[i]!);
      if (pair) i++;
      if (cls === ARABIC_LETTER) arabic++;
      else if (cls === OTHER_LETTER) other++;
    }
    if (arabic + other >= SCRIPT_SAMPLE_LETTERS) break;
  }
  return arabic > other;
}

/**
 * Why each furniture line is furniture, keyed by paragraph index. Lines not in the map are
 * article text as far as the rules can tell.
 */
export function classifyBoilerplate(paragraphs: readonly Paragraph[], _language?: Language): Map<number, BoilerplateKind> {
  const lines = paragraphs.map((p) => lineOf(p.text));
  const rules = lineRules(inArabicScript(lines));
  const kinds = new Map<number, BoilerplateKind>();
  lines.forEach((line, i) => {
    // Paragraphs are never blank: an empty one stands for the middle of a book-length text (edge-window.ts).
    if (line.text === '') return;
    const found = (line.words > SHORT_MAX_WORDS ? rules.long : rules.short).find(([, test]) => test(line));
    if (found) kinds.set(i, found[0]);
  });
  markNumberedBreadcrumbs(lines, kinds);
  markMastheads(lines, kinds);
  markCaptions(lines, kinds);
  markSiteNames(lines, kinds);
  markRepeated(lines, kinds);
  markLists(lines, kinds);
  markAmidFurniture(lines, kinds);
  markTrailingTags(lines, kinds);
  return kinds;
}
