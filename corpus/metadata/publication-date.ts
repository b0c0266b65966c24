// The day an article was published, as a reader would give it. Not every date in the text is
// that day: the body dates events, and a date at the top of a saved page is often the day it
// was saved (a site's clock bar: `دوشنبه ۵ آذر ۱۴۰۳ ایران ۰۷:۰۷`, a weather bar). So only dates
// in the places a publication date stands are candidates, best first:
//   labelled   `تاریخ انتشار: ...`, `نشر في ...`, `Published ...` on a short line;
//   lead-today the article's own "today" in its first paragraphs: `اليوم الإثنين (17 أيار 2021)`;
//   byline     a short date line just under the headline;
//   footer     a short date line after the article's last paragraph (beside the news code);
//   header     a date line above the headline (often the day the page was saved).
// A candidate is dropped when the weekday printed beside it is not its weekday, or when the
// article names office-holders as current who were not in office on that day (a page that
// speaks of President Rouhani and FM Zarif was not written in 2024). When nothing is left the
// date is unknown (null): a wrong date in a citation is worse than none.
import type { DateValue } from './date-value';
import type { BoilerplateKind } from './boilerplate';
import { findDates, type FoundDate } from './dates';
import type { Language } from '../text/language';
import { flexAlternation } from '../text/letter-variants';
import { describeEra, eraOfText, isoFitsEra, type Era } from './office-terms';
import type { Paragraph } from '../text/paragraphs';

export type DatePlace = 'labelled' | 'lead-today' | 'byline' | 'footer' | 'header';

const RANK: Record<DatePlace, number> = { labelled: 5, 'lead-today': 4, byline: 3, footer: 2, header: 1 };

export interface PublicationDate {
  date: DateValue | null;
  /** Where the chosen date stood, with its offsets in the article text. */
  found: (FoundDate & { place: DatePlace; paragraph: number }) | null;
  /** Why a date that looks like a publication date was not taken, for the user. */
  note: string | null;
}

export interface DateContext {
  language: Language;
  /** Paragraph index of the headline, or -1. */
  headline: number;
  boilerplate: ReadonlyMap<number, BoilerplateKind>;
}

const PUBLISHED_LABEL = new RegExp(
  `(?:${flexAlternation(['تاریخ انتشار', 'زمان انتشار', 'منتشر شده', 'تاریخ خبر', 'تاریخ', 'تاريخ النشر', 'نشر في', 'نشر بتاريخ', 'تاريخ الخبر', 'نشر'])}|published|posted)`,
  'iu',
);
const TODAY = new RegExp(`(?:${flexAlternation(['اليوم', 'امروز', 'هذا اليوم'])}|today)`, 'iu');
const SHORT_LINE_WORDS = 12;
const LEAD_PARAGRAPHS = 2;
const BYLINE_WINDOW = 3;
const LABEL_REACH = 30;
const TODAY_REACH = 25;

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

interface Candidate {
  date: FoundDate;
  place: DatePlace;
  paragraph: number;
}

function placeOf(
  p: Paragraph,
  i: number,
  d: FoundDate,
  ctx: DateContext,
  leadParagraphs: ReadonlySet<number>,
  bylineParagraphs: ReadonlySet<number>,
  lastBodyParagraph: number,
): DatePlace | null {
  const short = wordCount(p.text) <= SHORT_LINE_WORDS;
  const before = p.text.slice(Math.max(0, d.start - LABEL_REACH), d.start);
  if (short && PUBLISHED_LABEL.test(before)) return 'labelled';
  if (leadParagraphs.has(i)) {
    const near = p.text.slice(Math.max(0, d.start - TODAY_REACH), d.start);
    return d.weekday !== null || TODAY.test(near) ? 'lead-today' : null;
  }
  if (!short) return null;
  if (bylineParagraphs.has(i)) return 'byline';
  if (ctx.headline >= 0 ? i < ctx.headline : i < BYLINE_WINDOW) return 'header';
  if (lastBodyParagraph >= 0 && i > lastBodyParagraph) return 'footer';
  return null;
}

function collect(paragraphs: readonly Paragraph[], ctx: DateContext): Candidate[] {
  const afterHeadline = paragraphs.map((_, i) => i).filter((i) => i > ctx.headline);
  const bylineParagraphs = new Set(
    afterHeadline.filter((i) => !ctx.boilerplate.has(i) || ctx.boilerplate.get(i) === 'date-line').slice(0, BYLINE_WINDOW),
  );
  const body = afterHeadline.filter((i) => !ctx.boilerplate.has(i) && wordCount(paragraphs[i].text) > SHORT_LINE_WORDS);
  const leadParagraphs = new Set(body.slice(0, LEAD_PARAGRAPHS));
  const lastBodyParagraph = body.length > 0 ? body[body.length - 1] : -1;
  const candidates: Candidate[] = [];
  paragraphs.forEach((p, i) => {
    const kind = ctx.boilerplate.get(i);
    // Of the furniture only date lines can carry the publication date; a weather bar shows the
    // day the page was opened.
    if (kind !== undefined && kind !== 'date-line') return;
    for (const d of findDates(p.text, { language: ctx.language })) {
      const place = placeOf(p, i, d, ctx, leadParagraphs, bylineParagraphs, lastBodyParagraph);
      if (place) candidates.push({ date: { ...d, start: p.start + d.start, end: p.start + d.end }, place, paragraph: i });
    }
  });
  return candidates;
}

function eraNote(candidate: Candidate, era: Era): string {
  const { original, iso } = candidate.date;
  const firstPerPerson = era.mentions.filter((m, i, all) => all.findIndex((o) => o.person === m.person) === i);
  const who = firstPerPerson.map((m) => `«${m.quote}» (${m.from} – ${m.to ?? 'now'})`).join(', ');
  const what = candidate.place === 'header' ? 'is probably the day the page was saved, not published' : 'cannot be the publication date';
  return `«${original}» (${iso}) ${what}: the article speaks of ${who}, which places it in ${describeEra(era)}.`;
}

export function detectPublicationDate(text: string, paragraphs: readonly Paragraph[], ctx: DateContext): PublicationDate {
  const candidates = collect(paragraphs, ctx);
  const era = eraOfText(text);
  const notes: string[] = [];
  const kept = candidates.filter((candidate) => {
    const { date } = candidate;
    if (date.weekdayMatches === false) {
      notes.push(`«${date.original}» gives a weekday that ${date.iso} is not.`);
      return false;
    }
    if (era && !isoFitsEra(date.iso, era)) {
      notes.push(eraNote(candidate, era));
      return false;
    }
    return true;
  });
  kept.sort((a, b) => RANK[b.place] - RANK[a.place] || a.date.start - b.date.start);
  const best = kept[0];
  const note = notes.length > 0 ? notes.join(' ') : null;
  if (!best) return { date: null, found: null, note };
  return {
    date: { iso: best.date.iso, original: best.date.original },
    found: { ...best.date, place: best.place, paragraph: best.paragraph },
    note,
  };
}
