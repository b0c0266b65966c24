// The day an article was published, as a reader would give it. Not every date in the text is
// that day: the body dates events, and a date at the top of a saved page is often the day it
// was saved (a site's today bar, see today-bar.ts). So only dates in the places a publication
// date stands are candidates, best first:
//   labelled   `تاریخ انتشار: ...`, `نشر في ...`, `... (آخر تحديث)` (date-cues.ts);
//   updated    the same with an update label, when the page gives no publication label;
//   issue      a newspaper page's issue line (`... - سال سيزدهم - شماره ۳۹۲۷ - ...`);
//   dateline   a wire dateline opening the lead (`الرياض 14 جمادى الآخرة 1444 هـ ...`);
//   lead-today the article's own "today" in its first paragraphs: `اليوم الإثنين (17 أيار 2021)`;
//   byline     a date line under the headline, before the first paragraph;
//   title      the day closing a page title after the site's name (`... – DW – 2025/7/18`);
//   stamp      a machine timestamp by the headline (`2020-02-16T11:40:43+03:30`);
//   footer     a date line after the article's last paragraph (beside the news code);
//   store      the page store's ` date YYYY-MM-DD ` marker before the first word;
//   header     a date line above the headline.
// The store's marker is not the outlet's writing, but it is the page's own date as the store
// read it: on every stored page checked it agrees with the article (WAM's `أبوظبي في الأول من
// ديسمبر` under ` date 2025-12-01`; Mehr's «tomorrow Wednesday … Thursday 13 Azar» under ` date
// 2025-12-02`), and it changes from page to page as a crawl date would not. Anything the
// article prints itself comes first.
// A candidate is dropped when its line is the site's today bar (by the site's frame or clock,
// or labelled «today»), when the weekday printed beside it is not its weekday, or when the
// article names office-holders as current who were not in office on that day (a page that
// speaks of President Rouhani and FM Zarif was not written in 2024). When nothing is left the
// date is unknown (null): a wrong date in a citation is worse than none.
import type { DateValue } from './date-value';
import type { BoilerplateKind } from './boilerplate';
import { findDates, type FoundDate } from './dates';
import { endsTitle, isIssueLine, isMachineTimestamp, isStoreMarker, labelAfter, labelBefore, opensDateline } from './date-cues';
import type { Language } from '../text/language';
import { flexAlternation } from '../text/letter-variants';
import { describeEra, eraOfText, isoFitsEra, type Era } from './office-terms';
import { edgeText } from './edge-window';
import type { Paragraph } from '../text/paragraphs';
import { joinSameDay, type SameDay } from './same-day';
import { todayBarReason } from './today-bar';
import { wordCount } from '../text/words';
import { paragraphWordsUpTo } from './paragraph-words';

export type DatePlace = 'labelled' | 'updated' | 'issue' | 'dateline' | 'lead-today' | 'byline' | 'title' | 'stamp' | 'footer' | 'store' | 'header';

const RANK: Record<DatePlace, number> = {
  labelled: 11,
  updated: 10,
  issue: 9,
  dateline: 8,
  'lead-today': 7,
  byline: 6,
  title: 5,
  stamp: 4,
  footer: 3,
  store: 2,
  header: 1,
};

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

const TODAY = new RegExp(`(?:${flexAlternation(['اليوم', 'امروز', 'هذا اليوم'])}|today)`, 'iu');
/** A date line: at most this many words besides its dates and clock times. */
const SHORT_LINE_WORDS = 12;
/** A date line further from the headline: its date and a few words (`إليكم أبرز مستجدات`). */
const DATE_LINE_WORDS = 6;
const LEAD_PARAGRAPHS = 2;
const BYLINE_WINDOW = 3;
const TODAY_REACH = 25;
const CLOCK = /[0-9\u06F0-\u06F9\u0660-\u0669]{1,2}:[0-9\u06F0-\u06F9\u0660-\u0669]{2}/gu;

/** Words of the line that are not its dates or clock times. */
function wordsBesideDates(text: string, dates: readonly FoundDate[]): number {
  let rest = text;
  for (const d of [...dates].sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + ' ' + rest.slice(d.end);
  return wordCount(rest.replace(CLOCK, ' ').replace(/[\p{P}\p{S}]+/gu, ' '));
}

interface Candidate {
  date: FoundDate;
  place: DatePlace;
  paragraph: number;
  /** Why the line is the site's today bar, or null. */
  todayBar: string | null;
}

/** Where in the article each paragraph stands, worked out once. */
interface Layout {
  lead: ReadonlySet<number>;
  /** The few lines under the headline. */
  byline: ReadonlySet<number>;
  /** Every line between the headline and the first paragraph. */
  beforeBody: ReadonlySet<number>;
  firstBody: number;
  lastBody: number;
}

function layoutOf(paragraphs: readonly Paragraph[], ctx: DateContext): Layout {
  const prose = (i: number) => !ctx.boilerplate.has(i) && paragraphWordsUpTo(paragraphs[i], SHORT_LINE_WORDS) > SHORT_LINE_WORDS;
  const indexes = paragraphs.map((_, i) => i);
  const afterHeadline = indexes.filter((i) => i > ctx.headline);
  const body = afterHeadline.filter(prose);
  const firstBody = body.length > 0 ? body[0] : -1;
  const byline = new Set(afterHeadline.filter((i) => !ctx.boilerplate.has(i) || ctx.boilerplate.get(i) === 'date-line').slice(0, BYLINE_WINDOW));
  const beforeBody = new Set(afterHeadline.filter((i) => firstBody < 0 || i < firstBody));
  // A long "headline" is often the lead itself (a text with no headline line), so the lead
  // may begin at it.
  const lead = new Set(indexes.filter((i) => i >= Math.max(0, ctx.headline) && prose(i)).slice(0, LEAD_PARAGRAPHS));
  return { lead, byline, beforeBody, firstBody, lastBody: body.length > 0 ? body[body.length - 1] : -1 };
}

function placeOf(text: string, p: Paragraph, i: number, one: SameDay, beside: number, layout: Layout, ctx: DateContext): DatePlace | null {
  const { day, start, end } = one;
  if (i === 0 && isStoreMarker(text, p.start + start, day.original)) return 'store';
  const short = beside <= SHORT_LINE_WORDS;
  const before = labelBefore(p.text, start);
  const label = before && (short || before.field) ? before.label : short ? labelAfter(p.text, end) : null;
  if (label) return label === 'updated' ? 'updated' : 'labelled';
  if (short && isIssueLine(p.text)) return 'issue';
  const top = layout.firstBody < 0 || i <= layout.firstBody;
  if (top && isMachineTimestamp(p.text, end)) return 'stamp';
  if (top && endsTitle(p.text, start, end)) return 'title';
  if (layout.lead.has(i)) {
    if (opensDateline(p.text, start)) return 'dateline';
    const near = p.text.slice(Math.max(0, start - TODAY_REACH), start);
    return day.weekday !== null || TODAY.test(near) ? 'lead-today' : null;
  }
  if (!short) return null;
  // Captions, credits and font buttons may stand between the headline and the date line, so
  // a date line further down still counts, when it is little more than its date.
  if (layout.byline.has(i) || (layout.beforeBody.has(i) && beside <= DATE_LINE_WORDS)) return 'byline';
  if (ctx.headline >= 0 ? i < ctx.headline : i < BYLINE_WINDOW) return 'header';
  if (layout.lastBody >= 0 && i > layout.lastBody) return 'footer';
  return null;
}

function collect(text: string, paragraphs: readonly Paragraph[], ctx: DateContext, notes: string[]): Candidate[] {
  const layout = layoutOf(paragraphs, ctx);
  const candidates: Candidate[] = [];
  paragraphs.forEach((p, i) => {
    const kind = ctx.boilerplate.get(i);
    // Of the furniture only date lines can carry the publication date; a weather bar shows the
    // day the page was opened.
    if (kind !== undefined && kind !== 'date-line') return;
    const found = findDates(p.text, { language: ctx.language });
    if (found.length === 0) return;
    const { days, contradictions } = joinSameDay(p.text, found);
    for (const c of contradictions) notes.push(`«${c}» names two different days.`);
    const beside = wordsBesideDates(p.text, found);
    for (const one of days) {
      const place = placeOf(text, p, i, one, beside, layout, ctx);
      if (!place) continue;
      const d = one.day;
      const bar = place === 'header' || place === 'byline' ? todayBarReason(paragraphs, i, one.start, one.end, ctx.boilerplate) : null;
      candidates.push({ date: { ...d, start: p.start + d.start, end: p.start + d.end }, place, paragraph: i, todayBar: bar });
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
  const notes: string[] = [];
  const candidates = collect(text, paragraphs, ctx, notes);
  // The offices named are read only to judge a candidate; with none there is nothing to judge.
  const era = candidates.length > 0 ? eraOfText(edgeText(text)) : null;
  // Every reason a candidate fails is told: the user may know better than one of them.
  const kept = candidates.filter((candidate) => {
    const { date, todayBar } = candidate;
    const reasons: string[] = [];
    if (todayBar) reasons.push(`«${date.original}» is the site's today bar (the day the page was saved), not the publication date: ${todayBar}.`);
    if (date.weekdayMatches === false) reasons.push(`«${date.original}» gives a weekday that ${date.iso} is not.`);
    if (era && !isoFitsEra(date.iso, era)) reasons.push(eraNote(candidate, era));
    notes.push(...reasons);
    return reasons.length === 0;
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
