// The headline as a reader points to it on a saved page or a dataset record. Above it a page
// carries furniture (menus, date bars, news codes, the logo line), often a kicker (روتیتر: `با
// ابلاغ رئیس جمهور صورت می گیرد`, `راهنما به دانشگاه ها اعلام شد؛`) and sometimes the standfirst;
// the page title repeats the headline with the site's name after a dash (`… - العربية`). A text
// with no headline line (a record whose line breaks were lost, a page that starts with the
// lead) has none: the list then shows its first sentence, marked as not a headline.
import { findDates } from './dates';
import { isSectionLine } from './furniture-words';
import { datelineAt } from './outlet-evidence';
import { fewWordsForOneName, knownOutletsIn, outletByName } from './outlet-gazetteer';
import type { BoilerplateKind } from './boilerplate';
import { looseKey } from '../text/letter-variants';
import { lineKey, lineKeyStartsWith, sameLineKey } from './line-keys';
import type { Paragraph } from '../text/paragraphs';
import { wordCount } from '../text/words';
import { wordsUpTo } from './word-limit';

export interface HeadlineReading {
  /** Paragraph index of the headline, or null when the text has none. */
  paragraph: number | null;
  /** The headline without the site's name after it, or the first sentence when there is none. */
  text: string;
  /** The kicker line above the headline, if any. */
  kicker: string | null;
}

/** The longest headline in the field set is 20 words; a line of 26 is a lead. */
const HEADLINE_MAX_WORDS = 25;
const SEARCH_LINES = 15;
const FIRST_SENTENCE_WORDS = 30;
/** Under a headline-like line, a line this long is the lead, not the headline under a kicker. */
const LEAD_MIN_WORDS = 20;
/** Headline-like lines above the lead beyond which the top of the page is a box or a menu. */
const CROWDED_TOP = 5;
const TRUNCATED = /(?:\.\.\.|…)\s*$/u;
// A full stop or `!` followed by more words: two sentences are a lead, never a headline. A
// question mark (`اتحادیه ضد ایرانی؟ تلاش‌های …`) and the headline's `..` pause do not count.
const TWO_SENTENCES = /(?<!\.)[.!](?!\.)(?:["»”)]*)\s+\S{2,}[^]*\s\S/u;
// `سرویس : اقتصاد`, `گزارشگر : ۳۵۱۶`, `المصدر: "النهار"`: a label and its value.
const LABEL_VALUE = /^[^:：]{1,20}[:：]\s*\S/u;
const LABEL_VALUE_MAX_WORDS = 4;
const TITLE_PARTS = /\s+[-–—|]\s+/u;

/** A line read on its own, for the outlet rules that take a paragraph. */
function asLine(text: string): Paragraph {
  return { start: 0, end: text.length, text, dir: 'rtl' };
}

/** True when a line is only a date (with its weekday and clock): a date bar. */
function isDateBar(text: string): boolean {
  const dates = findDates(text);
  if (dates.length === 0) return false;
  let rest = text;
  for (const d of dates) rest = rest.replace(d.original, ' ');
  return wordCount(rest.replace(/[\p{P}\p{S}\d\u0660-\u0669\u06F0-\u06F9]+/gu, ' ')) <= 4;
}

function isOutletName(text: string): boolean {
  const t = text.trim();
  // A name and one more character at most: a longer line's names are not read.
  const hit = fewWordsForOneName(t, 1) ? knownOutletsIn(t)[0] : undefined;
  return (hit !== undefined && hit.index === 0 && hit.written.length >= t.length - 1) || outletByName(t) !== null;
}

function couldBeHeadline(text: string): boolean {
  const t = text.trim();
  const n = wordsUpTo(t, HEADLINE_MAX_WORDS);
  if (n < 2 || n > HEADLINE_MAX_WORDS) return false;
  if (/[:：]$/u.test(t)) return false; // a label introducing what follows
  if (/^به\s*گزارش/u.test(t)) return false; // the body's attribution sentence
  if (/^[(«"]?[\p{Script=Latin}\d\s:.-]*\b(?:date|LOC)\b/iu.test(t)) return false; // a page store's date marker
  if (TWO_SENTENCES.test(t)) return false;
  if (n <= LABEL_VALUE_MAX_WORDS && LABEL_VALUE.test(t)) return false;
  if (isDateBar(t) || isOutletName(t)) return false;
  // `خبرگزاری جمهوری اسلامی (ایرنا) - تهران`, `بغداد (رويترز)`: a dateline line, not a headline.
  if (datelineAt(asLine(t), 0) !== null) return false;
  // `زاكروس عربية – أربيل`, `السومرية نيوز/ ديالى`: a dateline line of two short names.
  const parts = t.split(/\s*[-–—/]\s*/u).filter((s) => s !== '');
  if (parts.length === 2 && n <= 5) return false;
  return true;
}

/** A line the kicker shape fits: it ends in `؛` or `:`, or a second headline-like line follows it. */
// `بما يوطد أمنه واستقراره` under the headline goes on with it: a line that opens with a
// connective is the headline's second line, not the headline under a kicker.
const CONTINUES = /^(?:و|ف|بما|في|من|على|عن|مع|حتى|كما|ثم|که|با|در|از|تا|به|اما|ولی)\s/u;

function isKicker(text: string): boolean {
  return /[؛:]\s*$/u.test(text.trim());
}

/** A line that cannot be the headline under a kicker: a sentence (the subtitle or lead), or a dated line (a byline). */
function isSubtitleOrByline(text: string): boolean {
  const t = text.trim();
  return wordsUpTo(t, LEAD_MIN_WORDS) >= LEAD_MIN_WORDS || /(?<!\.)\.["»”)]*$/u.test(t) || TWO_SENTENCES.test(t) || findDates(t).length > 0 || /\d{1,2}:\d{2}/u.test(t);
}

/**
 * The headline without a page title's tail: `… - العربية`, `… – DW – 2025/7/18`,
 * `… - Al Masry Al Youm - المصري اليوم`, `… - الاقتصادي`. Only parts that are an outlet's name, a
 * date, a section's name or Latin words are cut, so that a headline with a dash of its own keeps it.
 */
export function withoutTitleTail(text: string): string {
  const separators = [...text.matchAll(new RegExp(TITLE_PARTS.source, 'gu'))];
  let end = text.length;
  for (let k = separators.length - 1; k >= 0; k--) {
    const sep = separators[k];
    const last = text.slice(sep.index + sep[0].length, end).trim();
    const furniture = isOutletName(last) || isDateBar(last) || isSectionLine(last) || /^[\p{Script=Latin}\d\s.&'’/-]+$/u.test(last);
    if (!furniture) break;
    end = sep.index;
  }
  return text.slice(0, end).trim();
}

function firstSentence(text: string): string {
  const words = text.trim().split(/\s+/);
  const sentence = /^[^]*?[.!؟?](?=\s|$)/u.exec(text.trim())?.[0] ?? text.trim();
  if (wordCount(sentence) <= FIRST_SENTENCE_WORDS) return sentence;
  return `${words.slice(0, FIRST_SENTENCE_WORDS).join(' ')}…`;
}

/**
 * `الخبر مثـقفون يكشفون…` over `: أجمع المثـقفون…`: a record whose lead lost its label (`الخبر:`)
 * to the start of the headline line. The outlet's name is the label, not the headline's first word.
 */
export function labelGluedToHeadline(headline: string, lead: string): string | null {
  if (!/^\s*[:：]/u.test(lead)) return null;
  const hit = knownOutletsIn(headline)[0];
  return hit && hit.index === 0 && /^\s/u.test(headline.slice(hit.written.length)) ? hit.written : null;
}

function isLeadSentence(text: string): boolean {
  const t = text.trim();
  const n = wordsUpTo(t, HEADLINE_MAX_WORDS);
  return n > HEADLINE_MAX_WORDS || (n >= 12 && /(?<!\.)[.]["»”)]*$/u.test(t)) || TWO_SENTENCES.test(t) || datelineAt(asLine(t), 0) !== null || /^(?:[\p{Script=Latin}\d\s:.-]*)به\s*گزارش/u.test(t);
}

function repeatedBelow(paragraphs: readonly Paragraph[], i: number): boolean {
  const text = paragraphs[i].text;
  return paragraphs.some((p, j) => j > i && sameLineKey(p.text, text));
}

/** The first line a reader takes for the headline, skipping furniture, kickers, labels and datelines. */
export function findHeadline(paragraphs: readonly Paragraph[], furniture: ReadonlyMap<number, BoilerplateKind>): HeadlineReading {
  // A saved page may open with a long menu: the limit counts the lines that are not furniture.
  let limit = paragraphs.length;
  for (let i = 0, seen = 0; i < paragraphs.length; i++) {
    if (!furniture.has(i) && ++seen > SEARCH_LINES) {
      limit = i;
      break;
    }
  }
  const candidate = (i: number): boolean => i < limit && !furniture.has(i) && couldBeHeadline(paragraphs[i].text);
  // Many short lines above the lead (a quote-of-the-day box, verses, a menu the rules missed):
  // the headline is the last pair of them, the kicker and headline standing on the lead.
  const leadAt = paragraphs.findIndex((p, i) => i < limit && !furniture.has(i) && isLeadSentence(p.text) && !repeatedBelow(paragraphs, i));
  const above = paragraphs.map((_, i) => i).filter((i) => i < (leadAt < 0 ? limit : leadAt) && candidate(i));
  const from = above.length >= CROWDED_TOP ? above[above.length - 2] : 0;
  for (let i = from; i < limit; i++) {
    // The lead has begun: what follows it is the article, not its headline. A standfirst
    // copied above the headline (the page's description) is not the lead.
    if (!furniture.has(i) && isLeadSentence(paragraphs[i].text) && !repeatedBelow(paragraphs, i)) break;
    if (!candidate(i)) continue;
    const text = paragraphs[i].text.trim();
    // A shortened copy of the headline (`... و...`, `… شدیدتر،`) above the full one: take the full one.
    const stem = looseKey(text.replace(TRUNCATED, '').replace(/[،,]\s*$/u, ''));
    const full = paragraphs.findIndex((p, j) => j > i && j < limit && p.text.trim().length > text.length && lineKeyStartsWith(p.text, stem));
    if (full >= 0 && (TRUNCATED.test(text) || /[،,]\s*$/u.test(text))) {
      return { paragraph: full, text: withoutTitleTail(paragraphs[full].text.trim()), kicker: null };
    }
    // A line cut short (`… نگاه کنید...`) whose whole is not on the page is a teaser or a slogan.
    if (TRUNCATED.test(text)) continue;
    const next = paragraphs.findIndex((_, j) => j > i && !furniture.has(j));
    const following = next >= 0 ? paragraphs[next].text.trim() : '';
    // A kicker above the headline: it says so with `؛` or `:`, or the line under it is
    // headline-like too (not a lead, not a copy of it).
    const kickerAbove = next >= 0 && candidate(next) && !isSubtitleOrByline(following) && !lineKeyStartsWith(following, lineKey(text)) && !CONTINUES.test(following) && 2 * wordCount(following) >= wordCount(text) && (isKicker(text) || !isKicker(following));
    const label = labelGluedToHeadline(text, following);
    if (label) return { paragraph: i, text: withoutTitleTail(text.slice(label.length).trim()), kicker: null };
    if (kickerAbove) return { paragraph: next, text: withoutTitleTail(following), kicker: text };
    // `پیام فارس` / `معاون استاندار فارس:` / the headline: a line, a kicker, then the headline.
    if (next >= 0 && isKicker(following) && !isLeadSentence(following)) {
      const after = paragraphs.findIndex((_, j) => j > next && !furniture.has(j));
      if (after >= 0 && candidate(after) && !isSubtitleOrByline(paragraphs[after].text)) {
        return { paragraph: after, text: withoutTitleTail(paragraphs[after].text.trim()), kicker: following };
      }
    }
    if (isKicker(text)) continue;
    return { paragraph: i, text: withoutTitleTail(text), kicker: null };
  }
  const first = paragraphs.find((_, i) => !furniture.has(i)) ?? paragraphs[0];
  return { paragraph: null, text: first ? firstSentence(first.text) : '', kicker: null };
}
