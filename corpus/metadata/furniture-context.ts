// Furniture known by its neighbours, once every line has been judged alone: the items under a
// "most read" or "related" heading, the names under a masthead's titles, a numbered breadcrumb,
// the copies of a photo caption, a short line wedged between furniture, a short line repeated,
// the tag links after the article's last sentence. They mark short lines only (under eight
// words, no sentence end), so the article's sentences stay whatever their neighbours, with two
// exceptions that carry their own evidence: a ticker's run-together headlines (no comma, no
// full stop) and a caption that the page prints twice beside its photo credit.
import { NAVIGATION, SENTENCE_END, compact } from './boilerplate-phrases';
import { type BoilerplateKind, isProse, isShortLabel, type Line, words } from './furniture-line';
import { isCredit, isMastheadTitle, isNameLine } from './furniture-shapes';
import { isListHeading, isTickerHeading } from './furniture-words';
import { knownOutletsIn, outletByName } from './outlet-gazetteer';
import { flexAlternation, looseKey } from '../text/letter-variants';
import { lineKey } from './line-keys';

type Kinds = Map<number, BoilerplateKind>;

function mark(kinds: Kinds, i: number, kind: BoilerplateKind): void {
  if (!kinds.has(i)) kinds.set(i, kind);
}

const NUMBERED = /^(\d{1,2})[.)]\s+(\S.*)$/u;
const BREADCRUMB_MIN_ITEMS = 3;

/** `1. Home` / `2. أخبار` / `3. أمني` / `4. <the headline>`: a breadcrumb set as a numbered list. */
export function markNumberedBreadcrumbs(lines: readonly Line[], kinds: Kinds): void {
  for (let i = 0; i < lines.length; i++) {
    const first = NUMBERED.exec(lines[i].text);
    if (!first || first[1] !== '1' || !NAVIGATION.has(compact(first[2]))) continue;
    let j = i + 1;
    while (j < lines.length && NUMBERED.exec(lines[j].text)?.[1] === String(j - i + 1)) j++;
    if (j - i < BREADCRUMB_MIN_ITEMS) continue;
    for (let k = i; k < j; k++) mark(kinds, k, 'navigation');
    i = j - 1;
  }
}

function isOutletName(line: Line): boolean {
  return line.words <= 5 && outletByName(line.text.replace(/\u0640/gu, '')) !== null;
}

/**
 * A newspaper's masthead: each title (`رئيس التحرير`) with the name on the line under it, and
 * the site's name when it is the page's first line (its logo).
 */
export function markMastheads(lines: readonly Line[], kinds: Kinds): void {
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (isMastheadTitle(line) && next && isNameLine(next) && !isMastheadTitle(next)) {
      mark(kinds, i, 'masthead');
      mark(kinds, i + 1, 'masthead');
    }
  });
  if (lines.length > 1 && isOutletName(lines[0])) mark(kinds, 0, 'masthead');
}

const TICKER_MIN_WORDS = 20;

/**
 * The links under a list heading (`اخبار مرتبط`, `الأكثر قراءة`, `Related Posts:`): every short
 * line after it up to the next prose or the next date line (where an article starts). A news
 * ticker is one long line of run-together headlines right under its heading, with no comma
 * and no sentence end.
 */
export function markLists(lines: readonly Line[], kinds: Kinds): void {
  const start = firstProse(lines, kinds);
  for (let i = 0; i < lines.length; i++) {
    if (!kinds.has(i) || !isListHeading(lines[i].text)) continue;
    const next = lines[i + 1];
    if (next && isTickerHeading(lines[i].text) && !kinds.has(i + 1) && next.words >= TICKER_MIN_WORDS && !/[،,]/u.test(next.text) && !SENTENCE_END.test(next.text)) {
      mark(kinds, i + 1, 'list');
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && kinds.get(end) !== 'date-line' && (kinds.has(end) || !isProse(lines[end]))) end++;
    // Above the article a single short line under a heading may be the headline itself.
    const unmarked = lines.slice(i + 1, end).filter((_, k) => !kinds.has(i + 1 + k)).length;
    if (unmarked === 1 && start >= 0 && end <= start) continue;
    for (let j = i + 1; j < end; j++) mark(kinds, j, 'list');
  }
}

/** How far above its copy a headline may stand (the copy sits with the photo, near the top). */
const GLUED_COPY_REACH = 10;
// A first word that carries the sentence on: a conjunction or preposition, or one joined to the
// article (`للمشاركة`, `بالعاصمة`).
const CONTINUES = /^(?:و|تا|که|در|به|از|با|برای|را|ولی|اما|في|من|على|إلى|الى|عن|ثم|لكن|بعد|قبل|حتى|لل\S*|بال\S*)$/u;

/**
 * A photo's caption: the line above a credit (`تصوير :`) when the page shows it twice, the
 * photographer's name on the line under an empty credit, every copy of a caption, and a line
 * that repeats an earlier one with a few words glued on (the headline with the image's alt
 * text after it).
 */
export function markCaptions(lines: readonly Line[], kinds: Kinds): void {
  const copiesOf = (i: number): number[] => lines.flatMap((l, j) => (l.text === lines[i].text ? [j] : []));
  lines.forEach((line, i) => {
    if (kinds.get(i) !== 'caption' || !isCredit(line)) return;
    if (/[:：]\s*$/u.test(line.text) && lines[i + 1] && isNameLine(lines[i + 1])) mark(kinds, i + 1, 'caption');
    const above = i - 1;
    if (above >= 0 && !kinds.has(above) && copiesOf(above).length > 1) for (const j of copiesOf(above)) mark(kinds, j, 'caption');
  });
  lines.forEach((_, i) => {
    if (kinds.get(i) === 'caption') for (const j of copiesOf(i)) mark(kinds, j, 'caption');
  });
  lines.forEach((line, j) => {
    if (kinds.has(j)) return;
    const earlier = lines
      .slice(Math.max(0, j - GLUED_COPY_REACH), j)
      // The cheap prefix test first: SENTENCE_END (anchored at the end) is tried at every character.
      .find((l) => l.words >= 5 && line.text.length > l.text.length && line.text.startsWith(l.text) && !SENTENCE_END.test(l.text));
    if (!earlier) return;
    const glued = line.text.slice(earlier.text.length).trim();
    const gluedWords = glued.split(/\s+/u).filter(Boolean);
    // Words that go on with the headline's sentence (`… تا سخنرانی کند`) are the lead, not a caption.
    if (gluedWords.length < 1 || gluedWords.length > 3 || !/^[\p{L}\s]+$/u.test(glued) || CONTINUES.test(gluedWords[0])) return;
    mark(kinds, j, 'caption');
  });
}

function firstProse(lines: readonly Line[], kinds: Kinds): number {
  return lines.findIndex((l, i) => !kinds.has(i) && isProse(l));
}

const AMID_MAX_WORDS = 8;

/**
 * In the body, a short line with furniture on both sides is one more piece of it: an ad or a
 * link between widgets (`اینترنت بدون سانسور با سایفون دویچه وله`). Above the article any
 * short line may be the headline, so there it stays (see markSiteNames).
 */
export function markAmidFurniture(lines: readonly Line[], kinds: Kinds): void {
  const start = firstProse(lines, kinds);
  const before = new Map(kinds);
  lines.forEach((line, i) => {
    if (start < 0 || i <= start || before.has(i) || !before.has(i - 1) || !before.has(i + 1)) return;
    if (isShortLabel(line, AMID_MAX_WORDS)) mark(kinds, i, 'among-furniture');
  });
}

const SOURCE_WORDS = new RegExp(flexAlternation(['به نقل از', 'منبع', 'المصدر', 'نقلا عن', 'نقلاً عن']), 'gu');

/** `دنیای اقتصاد`, `به نقل از «همشهری آنلاین»`: nothing on the line but a site's name and a source word. */
function isSiteNameLine(line: Line): boolean {
  const names = knownOutletsIn(line.text);
  if (names.length === 0) return false;
  let rest = line.text;
  for (const n of names) rest = rest.replace(n.written, ' ');
  return words(rest.replace(SOURCE_WORDS, ' ')).length === 0;
}

/**
 * Above the article, a line that is only a site's name (its source label) between two lines
 * of the metadata block is part of that block; a headline names more than a site.
 */
export function markSiteNames(lines: readonly Line[], kinds: Kinds): void {
  const start = firstProse(lines, kinds);
  lines.forEach((line, i) => {
    if ((start >= 0 && i > start) || kinds.has(i) || !kinds.has(i - 1) || !kinds.has(i + 1)) return;
    if (isSiteNameLine(line)) mark(kinds, i, 'masthead');
  });
}

/**
 * A short line that occurs more than once (a section name, `وب گردی`) is a link, not text;
 * but the first line that is not furniture is the headline, and a page may show its headline
 * twice above the article (a section name comes back after it).
 */
export function markRepeated(lines: readonly Line[], kinds: Kinds): void {
  const headline = lines.findIndex((_, i) => !kinds.has(i));
  const start = firstProse(lines, kinds);
  const seen = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!isShortLabel(line)) return;
    const key = lineKey(line.text);
    const indexes = seen.get(key);
    if (indexes) indexes.push(i);
    else seen.set(key, [i]);
  });
  for (const indexes of seen.values()) {
    if (indexes.length < 2 || (indexes.includes(headline) && indexes.every((i) => start < 0 || i < start))) continue;
    for (const i of indexes) mark(kinds, i, 'repeated');
  }
}

/**
 * After the article's last sentence, a short bare line followed by more furniture is a tag or
 * section link (`العراق` above `التعليقات (0)`); an outlet's name there is the story's source
 * credit (`رويترز`), which the reader keeps.
 */
export function markTrailingTags(lines: readonly Line[], kinds: Kinds): void {
  let lastProse = -1;
  lines.forEach((line, i) => {
    if (!kinds.has(i) && isProse(line)) lastProse = i;
  });
  let furnitureAfter = false;
  for (let i = lines.length - 1; i > lastProse && lastProse >= 0; i--) {
    const kind = kinds.get(i);
    if (kind !== undefined) {
      if (kind !== 'tags') furnitureAfter = true;
      continue;
    }
    if (furnitureAfter && isShortLabel(lines[i]) && !isOutletName(lines[i])) kinds.set(i, 'tags');
  }
}
