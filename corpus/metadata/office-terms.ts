// When was this written? A reader knows that an article calling Hassan Rouhani "president" and
// Zarif "foreign minister" was written between 2013 and 2021, whatever date a saved page shows
// at its top. This module finds such mentions (a person named with the office they held, in
// apposition: `حسن روحانی، رئیس جمهوری`, `الرئيس الإيراني حسن روحاني`) and gives the
// period in which all of them held office. Only well-known office-holders of the region's news
// are listed; an office named with `سابق`, `وقت`, `السابق`, `آنذاك`... is history, not the
// present, and is ignored.
import { execAll, flexAlternation } from '../text/letter-variants';
import { matchesAtWordStarts, namesOpening } from './word-start-scan';

interface Term {
  roles: readonly string[];
  from: string;
  to: string | null;
}

interface OfficeHolder {
  person: string;
  names: readonly string[];
  terms: readonly Term[];
}

const IR_PRESIDENT = ['رئیس جمهور', 'رئیس جمهوری', 'الرئيس الإيراني', 'رئيس الجمهورية الإيرانية', 'رئيس الجمهورية', 'الرئيس'];
const IR_FM = ['وزیر امور خارجه', 'وزیر خارجه', 'وزير الخارجية الإيراني', 'وزير الخارجية'];
const IQ_PM = ['نخست وزیر', 'رئيس مجلس الوزراء', 'رئيس الوزراء العراقي', 'رئيس الوزراء', 'رئيس الحكومة العراقية', 'رئيس الحكومة'];
const TR_PRESIDENT = ['رئیس جمهور', 'رئیس جمهوری', 'الرئيس التركي', 'الرئيس'];
const TR_PM = ['نخست وزیر', 'رئيس الوزراء التركي', 'رئيس الوزراء'];
const US_PRESIDENT = ['رئیس جمهور', 'رئیس جمهوری', 'الرئيس الأمريكي', 'الرئيس الأميركي', 'الرئيس'];
const SY_PRESIDENT = ['رئیس جمهور', 'رئیس جمهوری', 'الرئيس السوري', 'الرئيس'];

export const OFFICE_HOLDERS: readonly OfficeHolder[] = [
  { person: 'Mohammad Khatami', names: ['محمد خاتمی', 'خاتمی'], terms: [{ roles: IR_PRESIDENT, from: '1997-08-03', to: '2005-08-03' }] },
  { person: 'Mahmoud Ahmadinejad', names: ['محمود احمدی نژاد', 'احمدی نژاد', 'أحمدي نجاد'], terms: [{ roles: IR_PRESIDENT, from: '2005-08-03', to: '2013-08-03' }] },
  { person: 'Hassan Rouhani', names: ['حسن روحانی', 'روحانی'], terms: [{ roles: IR_PRESIDENT, from: '2013-08-03', to: '2021-08-03' }] },
  { person: 'Ebrahim Raisi', names: ['ابراهیم رئیسی', 'إبراهيم رئيسي'], terms: [{ roles: IR_PRESIDENT, from: '2021-08-03', to: '2024-05-19' }] },
  { person: 'Masoud Pezeshkian', names: ['مسعود پزشکیان', 'پزشکیان', 'بزشكيان'], terms: [{ roles: IR_PRESIDENT, from: '2024-07-28', to: null }] },
  { person: 'Ali Akbar Salehi', names: ['علی اکبر صالحی', 'صالحی'], terms: [{ roles: IR_FM, from: '2010-12-13', to: '2013-08-15' }] },
  { person: 'Mohammad Javad Zarif', names: ['محمد جواد ظریف', 'ظریف'], terms: [{ roles: IR_FM, from: '2013-08-15', to: '2021-08-25' }] },
  { person: 'Hossein Amir-Abdollahian', names: ['حسین امیرعبداللهیان', 'امیرعبداللهیان', 'امیر عبداللهیان', 'عبد اللهيان', 'عبداللهيان'], terms: [{ roles: IR_FM, from: '2021-08-25', to: '2024-05-19' }] },
  { person: 'Abbas Araghchi', names: ['عباس عراقچی', 'عراقچی', 'عراقجي'], terms: [{ roles: IR_FM, from: '2024-08-21', to: null }] },
  { person: 'Nouri al-Maliki', names: ['نوری المالکی', 'المالکی', 'مالکی'], terms: [{ roles: IQ_PM, from: '2006-05-20', to: '2014-09-08' }] },
  { person: 'Haider al-Abadi', names: ['حیدر العبادی', 'العبادی'], terms: [{ roles: IQ_PM, from: '2014-09-08', to: '2018-10-25' }] },
  { person: 'Adil Abdul-Mahdi', names: ['عادل عبد المهدی', 'عبد المهدی'], terms: [{ roles: IQ_PM, from: '2018-10-25', to: '2020-05-07' }] },
  { person: 'Mustafa al-Kadhimi', names: ['مصطفی الکاظمی', 'الکاظمی', 'کاظمی'], terms: [{ roles: IQ_PM, from: '2020-05-07', to: '2022-10-27' }] },
  { person: 'Mohammed Shia al-Sudani', names: ['محمد شیاع السودانی', 'السودانی', 'سودانی'], terms: [{ roles: IQ_PM, from: '2022-10-27', to: null }] },
  {
    person: 'Recep Tayyip Erdogan',
    names: ['رجب طیب اردوغان', 'اردوغان', 'أردوغان'],
    terms: [
      { roles: TR_PM, from: '2003-03-14', to: '2014-08-28' },
      { roles: TR_PRESIDENT, from: '2014-08-28', to: null },
    ],
  },
  { person: 'Barack Obama', names: ['باراک اوباما', 'اوباما'], terms: [{ roles: US_PRESIDENT, from: '2009-01-20', to: '2017-01-20' }] },
  {
    person: 'Donald Trump',
    names: ['دونالد ترامپ', 'ترامپ', 'دونالد ترامب', 'ترامب'],
    terms: [
      { roles: US_PRESIDENT, from: '2017-01-20', to: '2021-01-20' },
      { roles: US_PRESIDENT, from: '2025-01-20', to: null },
    ],
  },
  { person: 'Joe Biden', names: ['جو بایدن', 'بایدن'], terms: [{ roles: US_PRESIDENT, from: '2021-01-20', to: '2025-01-20' }] },
  { person: 'Bashar al-Assad', names: ['بشار اسد', 'بشار الأسد', 'الأسد'], terms: [{ roles: SY_PRESIDENT, from: '2000-07-17', to: '2024-12-08' }] },
];

// News keeps calling someone by their title for a few days around a handover.
const GRACE_BEFORE_DAYS = 30;
const GRACE_AFTER_DAYS = 45;
const DAY_MS = 86_400_000;
const FAR_FUTURE = Number.MAX_SAFE_INTEGER;

// An office held in the past or not yet: `رئیس جمهور سابق`, `رئیس جمهور وقت`, `الرئيس المنتخب`.
const NOT_PRESENT = new RegExp(
  `(?<![\\p{L}])(?:${flexAlternation(['سابق', 'پیشین', 'اسبق', 'وقت', 'منتخب', 'السابق', 'الأسبق', 'المنتخب', 'آنذاك', 'حينها', 'حينذاك', 'الراحل', 'فقید', 'مرحوم'])})(?![\\p{L}])`,
  'u',
);
// Words that join two people rather than qualify one: the role before them is someone else's.
const JOINING_WORDS = new Set(['و', 'با', 'به', 'از', 'که', 'را', 'در', 'برای', 'مع', 'إلى', 'الى', 'على', 'عن', 'في', 'من', 'مع', 'و', 'بين', 'میان', 'لـ']);
const MAX_GAP_WORDS = 5;

export interface OfficeMention {
  person: string;
  from: string;
  to: string | null;
  /** Offsets of the whole mention (role and name) in the text. */
  start: number;
  end: number;
  quote: string;
}

interface Interval {
  from: number;
  to: number;
}

export interface Era {
  /** Periods (days since 1970) in which every mentioned office-holder held the office named. */
  intervals: Interval[];
  mentions: OfficeMention[];
}

function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function gapIsApposition(gap: string): boolean {
  if (/[.!?؟:؛«»"\n]/u.test(gap) || (gap.match(/[،,]/g)?.length ?? 0) > 1) return false;
  const words = gap.split(/[\s،,]+/).filter(Boolean);
  return words.length <= MAX_GAP_WORDS && words.every((w) => !JOINING_WORDS.has(w.replace(/[\u064B-\u065F]/g, '')));
}

const WB = '(?<![\\p{L}\\p{M}])';
const WE = '(?![\\p{L}\\p{M}])';
/** How far before a name its title may start (title, then up to MAX_GAP_WORDS words). */
const ROLE_REACH = 100;
const MAX_GAP_CHARS = 40;

interface TermMatcher {
  term: Term;
  /** Every title of the office, searched in the stretch before the name. */
  roleBefore: RegExp;
  /** The title right after the name and a comma: `حسن روحانی، رئیس جمهوری`. */
  roleAfter: RegExp;
}

// One scan for every name; the titles are then looked for only around the names found.
const ALL_NAMES = OFFICE_HOLDERS.flatMap((h) => h.names);
// Tried only where a name can start (word-start-scan.ts): a scan at every character was most of the date detector's time.
const ANY_NAME = new RegExp(`${WB}(?:${flexAlternation(ALL_NAMES)})${WE}`, 'uy');
const NAME_OPENINGS = namesOpening(ALL_NAMES);
const holders = OFFICE_HOLDERS.map((holder) => ({
  holder,
  name: new RegExp(`^(?:${flexAlternation(holder.names)})$`, 'u'),
  terms: holder.terms.map((term): TermMatcher => {
    const role = `(?:${flexAlternation(term.roles)})`;
    return {
      term,
      roleBefore: new RegExp(`${WB}${role}`, 'gu'),
      roleAfter: new RegExp(`^[\\s»"”)]*[،,]?\\s*${role}`, 'u'),
    };
  }),
}));

/** The title nearest before `nameStart` whose words up to the name are an apposition. */
function titleBefore(text: string, nameStart: number, roleBefore: RegExp): number | null {
  const from = Math.max(0, nameStart - ROLE_REACH);
  const window = text.slice(from, nameStart);
  let last: RegExpExecArray | null = null;
  for (const m of execAll(roleBefore, window)) last = m;
  if (!last) return null;
  const gap = window.slice(last.index + last[0].length);
  if (gap.length > MAX_GAP_CHARS || !gapIsApposition(gap) || NOT_PRESENT.test(gap)) return null;
  return from + last.index;
}

/** Up to the first comma or full stop: the words that qualify a title (`سابق`, `السابق`). */
function qualifierAfter(text: string, at: number): string {
  return text.slice(at, at + 20).split(/[.،,؛:\n]/)[0];
}

// Whose name a matched spelling is, kept by the spelling: the same few names recur in article
// after article, and each was tested against every holder's pattern. Bounded (emptied when full).
const namedBy = new Map<string, typeof holders>();
const NAMED_BY_MAX = 1024;

function holdersNamed(written: string): typeof holders {
  let found = namedBy.get(written);
  if (found === undefined) {
    if (namedBy.size >= NAMED_BY_MAX) namedBy.clear();
    found = holders.filter(({ name }) => name.test(written));
    namedBy.set(written, found);
  }
  return found;
}

export function officeMentions(text: string): OfficeMention[] {
  const out: OfficeMention[] = [];
  for (const nameMatch of matchesAtWordStarts(ANY_NAME, text, NAME_OPENINGS)) {
    const nameStart = nameMatch.index;
    const nameEnd = nameStart + nameMatch[0].length;
    for (const { holder, terms } of holdersNamed(nameMatch[0])) {
      for (const { term, roleBefore, roleAfter } of terms) {
        const add = (start: number, end: number) =>
          out.push({ person: holder.person, from: term.from, to: term.to, start, end, quote: text.slice(start, end) });
        const roleStart = titleBefore(text, nameStart, roleBefore);
        if (roleStart !== null && !NOT_PRESENT.test(qualifierAfter(text, nameEnd))) add(roleStart, nameEnd);
        const after = roleAfter.exec(text.slice(nameEnd, nameEnd + 60));
        if (after && !NOT_PRESENT.test(qualifierAfter(text, nameEnd + after[0].length))) add(nameStart, nameEnd + after[0].length);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from <= to) out.push({ from, to });
    }
  }
  return out;
}

/**
 * The period the text was written in, from the offices it names as current; null when it names
 * none, or when they contradict each other (a retrospective piece): then nothing is ruled out.
 */
export function eraOfText(text: string): Era | null {
  const mentions = officeMentions(text);
  if (mentions.length === 0) return null;
  const byPerson = new Map<string, Interval[]>();
  for (const m of mentions) {
    const interval = {
      from: dayOf(m.from) - GRACE_BEFORE_DAYS,
      to: m.to === null ? FAR_FUTURE : dayOf(m.to) + GRACE_AFTER_DAYS,
    };
    const list = byPerson.get(m.person) ?? [];
    if (!list.some((i) => i.from === interval.from && i.to === interval.to)) list.push(interval);
    byPerson.set(m.person, list);
  }
  let intervals: Interval[] = [{ from: -FAR_FUTURE, to: FAR_FUTURE }];
  for (const list of byPerson.values()) intervals = intersect(intervals, list);
  return intervals.length === 0 ? null : { intervals, mentions };
}

export function isoFitsEra(iso: string, era: Era): boolean {
  const day = dayOf(iso);
  return era.intervals.some((i) => day >= i.from && day <= i.to);
}

/** `2014-07-29 – 2021-09-17`, for explanations shown to the user. */
export function describeEra(era: Era): string {
  const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  return era.intervals.map((i) => `${i.from <= -FAR_FUTURE ? '…' : iso(i.from)} – ${i.to >= FAR_FUTURE ? '…' : iso(i.to)}`).join(', ');
}
