// The places where Persian and Arabic news name an outlet, each read by its own small rule:
//   label        `ایسنا: ...`, `واس -` opening the lead, or a line of its own under the headline;
//   dateline     `بغداد (رويترز) -`, `(واس)--`, `تهران- ایرنا-`, `الرياض - واس:`, `زاكروس عربية – أربيل`;
//   attribution  `به گزارش [گروه سیاسی/خبرنگار] X،` and `According to X,` in the lead;
//   source       `منبع: X`, `المصدر: X`, `منبع خبر «X» است`, also glued to a paragraph's end;
//   follow       `تابع X على`, `X را در تلگرام دنبال کنید`;
//   rights       `© 2013 X`, `جميع الحقوق محفوظة لـ X`, `کلیه حقوق ... X`;
//   domain       `www.farsnews.ir`, `isna.ir/news/...` anywhere in the text;
//   masthead     a line near the top that is an outlet's name, or a page title ending `- X`;
//   byline       the same under the headline: a byline or a source credit;
//   interview    `في حديث مع هسبريس`, `در گفت‌وگو با ایسنا`: someone in the story talks to the outlet;
//   cited        `نقلاً عن X`, `به نقل از X`, `بحسب X`, `ذكرت وكالة X`: a source the story quotes.
// Each rule returns what it read; outlets.ts weighs them. A name the gazetteer lacks is still
// taken where the shape is unmistakable (a label or dateline with an outlet word, a source or
// rights line), never from prose.
import { fewWordsForOneName, knownOutletsIn, knownOutletsNear, outletByDomain, type KnownOutlet, type NamedOutlet } from './outlet-gazetteer';
import { looseKey } from '../text/letter-variants';
import type { Paragraph } from '../text/paragraphs';
import { wordCount } from '../text/words';
import { wordsUpTo } from './word-limit';
import { paragraphWordsUpTo } from './paragraph-words';

export type OutletEvidence = 'label' | 'dateline' | 'attribution' | 'source' | 'follow' | 'rights' | 'domain' | 'masthead' | 'byline' | 'interview' | 'cited';

export interface OutletFinding {
  /** The outlet's usual native name (the gazetteer's), or the name as written when unknown. */
  name: string;
  /** The name as the text writes it. */
  written: string;
  /** The gazetteer entry, or null for an outlet found by its shape alone. */
  known: KnownOutlet | null;
  how: OutletEvidence;
  paragraph: number;
  /** Offsets of the written name in the article text. */
  start: number;
  end: number;
}

// Words that make an unknown name an outlet's (`زاكروس عربية`, `شفق نيوز`, `خبرگزاری ...`).
const OUTLET_MARKERS = [
  'عربية', 'عربي', 'نيوز', 'وكالة', 'شبكة', 'قناة', 'موقع', 'صحيفة', 'جريدة', 'تلفزيون', 'راديو', 'إذاعة', 'برس', 'بوست', 'تايمز',
  'اليوم', 'أونلاين', 'نت', 'الإخبارية', 'الاخبارية', 'خبرگزاری', 'پایگاه', 'روزنامه', 'آنلاین', 'نیوز', 'رادیو', 'تلویزیون',
  'سایت', 'شبکه', 'هفته‌نامه', 'ماهنامه', 'پرس', 'news', 'press', 'tv', 'arabic', 'agency', 'times', 'post', 'online', '24', '360',
];
const markerKeys = new Set(OUTLET_MARKERS.map((w) => looseKey(w).toLowerCase()));

// Places datelines name; the other side of the dash is then the outlet.
const DATELINE_CITIES = [
  'أربيل', 'اربيل', 'بغداد', 'البصرة', 'الموصل', 'كربلاء', 'النجف', 'السليمانية', 'دهوك', 'كركوك', 'الأنبار', 'الناصرية',
  'طهران', 'دمشق', 'بيروت', 'القاهرة', 'عمان', 'عمّان', 'الرياض', 'جدة', 'مكة المكرمة', 'المدينة المنورة', 'الدوحة', 'أبوظبي',
  'أبو ظبي', 'دبي', 'الشارقة', 'الكويت', 'المنامة', 'مسقط', 'صنعاء', 'عدن', 'الخرطوم', 'طرابلس', 'بنغازي', 'تونس', 'الجزائر',
  'الرباط', 'الدار البيضاء', 'نواكشوط', 'القدس', 'غزة', 'رام الله', 'الخليل', 'نابلس', 'حلب', 'حمص', 'اللاذقية', 'إدلب',
  'أنقرة', 'إسطنبول', 'اسطنبول', 'واشنطن', 'موسكو', 'لندن', 'باريس', 'برلين', 'جنيف', 'فيينا', 'نيويورك', 'بكين', 'كابول',
  'الإسكندرية', 'غزة', 'الفلوجة', 'بيروت', 'صيدا', 'صور',
  'تهران', 'مشهد', 'اصفهان', 'تبریز', 'شیراز', 'قم', 'اهواز', 'کرج', 'کرمان', 'رشت', 'یزد', 'ارومیه', 'زاهدان', 'همدان',
  'کرمانشاه', 'سنندج', 'بوشهر', 'بندرعباس', 'ساری', 'گرگان', 'اراک', 'قزوین', 'زنجان', 'اردبیل', 'بغداد', 'اربیل',
  'آنکارا', 'استانبول', 'دمشق', 'بیروت', 'وین', 'ژنو', 'نیویورک', 'مسکو', 'پکن', 'کابل', 'هرات', 'دوشنبه', 'لندن', 'پاریس',
  'Erbil', 'Baghdad', 'Basra', 'Mosul', 'Sulaimani', 'Sulaymaniyah', 'Tehran', 'Damascus', 'Beirut', 'Ankara', 'Istanbul',
  'Cairo', 'Riyadh', 'Doha', 'Washington', 'Moscow', 'London', 'Paris', 'Geneva', 'Vienna', 'Kabul', 'Dubai',
];
const cityKeys = new Set(DATELINE_CITIES.map(looseKey));

function isCity(text: string): boolean {
  const t = looseKey(text).trim();
  if (cityKeys.has(t)) return true;
  // `بغداد 14 ابريل`, `أبوظبي في الأول من ديسمبر`: a city with the day after it.
  const m = /^(\S+(?:\s\S+)??)[\s\-–—/،,]+(?:ف[یي]\s|[\d\u0660-\u0669\u06F0-\u06F9])/u.exec(t);
  if (m !== null && m[1] !== undefined && cityKeys.has(m[1])) return true;
  // `بغداد...`: a city and the page's punctuation.
  return cityKeys.has(t.replace(/[\p{P}\s]+$/u, ''));
}

/** A known outlet that is the whole of `text` (quotes and an `ال`-less spelling allowed). */
function wholeKnown(text: string, allowAmbiguous: boolean): NamedOutlet | null {
  // `صاحب‌خبر -`, `«الوطن»`: a name with the page's quotes or a dangling dash.
  const t = text.trim().replace(/^[«"“']+|[»"”'\s\-–—_|:]+$/gu, '').trim();
  // A paragraph has too many words to be one name: its names are not read.
  if (!fewWordsForOneName(t)) return null;
  const hit = knownOutletsIn(t).find((n) => n.index === 0 && n.written.length === t.length);
  return hit && (allowAmbiguous || !hit.ambiguous) ? hit : null;
}

/** A name that is plainly an outlet's: known, or a short name with an outlet word in it. */
function outletName(text: string, allowAmbiguous: boolean): { written: string; known: NamedOutlet | null } | null {
  const t = text.trim().replace(/^[«"“']+|[»"”'.]+$/gu, '').trim();
  if (t === '' || wordsUpTo(t, 5) > 5 || isCity(t)) return null;
  const known = wholeKnown(t, allowAmbiguous);
  if (known) return { written: known.written, known };
  const hasMarker = t.split(/[\s\u200C]+/).some((w) => markerKeys.has(looseKey(w).toLowerCase()));
  return hasMarker ? { written: t, known: null } : null;
}

function make(p: Paragraph, paragraph: number, indexInLine: number, written: string, known: KnownOutlet | null, how: OutletEvidence): OutletFinding {
  const start = p.start + indexInLine;
  return { name: known?.native[0] ?? written, written, known, how, paragraph, start, end: start + written.length };
}

function fromName(p: Paragraph, paragraph: number, text: string, offsetInLine: number, how: OutletEvidence, allowAmbiguous: boolean): OutletFinding | null {
  const found = outletName(text, allowAmbiguous);
  if (!found) return null;
  const at = p.text.indexOf(found.written, offsetInLine);
  return make(p, paragraph, at >= 0 ? at : offsetInLine, found.written, found.known?.outlet ?? null, how);
}

/**
 * Length of Latin letters, digits and punctuation a saved page may carry before the lead's
 * first Arabic-script word (` date 2025-12-01 `, `LOC11:02`): the opening rules read after it.
 */
function leadingJunk(text: string): number {
  return /^[\p{Script=Latin}\d\s:.\-/]{0,30}(?=[\u0600-\u06FF(«"'])/u.exec(text)?.[0].length ?? 0;
}

// `ایسنا: ...`, `واس -`, `خبرگزاری مهر ــ`: a name and a colon or dash opening the line.
const LABEL = /^\s*([^:：\-–—ـ،,.()\n]{2,40}?)\s*(?:[:：]|\s[-–—ـ]+\s|[-–—ـ]{2,})/u;

// `نورنیوز-گروه اجتماعی:`: the outlet, a dash and its desk, then the colon.
const DESK_LABEL = /^\s*([^:：\-–—ـ،,.()\n]{2,30}?)\s*[-–—ـ]\s*(?:گروه|سرویس|قسم|القسم)[^:\n]{0,30}[:：]/u;

export function labelAt(p: Paragraph, paragraph: number): OutletFinding | null {
  const skip = leadingJunk(p.text);
  const text = p.text.slice(skip);
  const m = DESK_LABEL.exec(text) ?? LABEL.exec(text);
  if (!m || m[1] === undefined) return null;
  return fromName(p, paragraph, m[1], skip + text.indexOf(m[1]), 'label', true);
}

// A dateline opening the lead, in the shapes the agencies use.
const PAREN_DATELINE = /^\s*(?:([^()\n]{2,40}?)\s*)?\(([^()\n]{2,40})\)\s*(?:[-–—ـ:]|$)/u;
const DASHED_DATELINE = /^\s*([^-–—ـ/|:\n]{2,40}?)\s*[-–—ـ/|]+\s*([^-–—ـ/|:\n]{2,40}?)\s*(?:[-–—ـ/|:]|$)/u;

// `أبوظبي في الأول من ديسمبر/ وام/`: city and day, then the agency between slashes.
const SLASHED_DATELINE = /^\s*([^/\n]{2,50}?)\s*\/\s*([^/\n]{2,30}?)\s*\//u;
/** One of the separators DASHED_DATELINE needs between its two names. */
const DATELINE_DASH = /[-–—ـ/|]/u;

export function datelineAt(p: Paragraph, paragraph: number): OutletFinding | null {
  const skip = leadingJunk(p.text);
  const head = p.text.slice(skip, skip + 90);
  const at = (part: string, from = 0): number => skip + head.indexOf(part, from);
  // Each shape needs its bracket, slash or dash: a head without one is not run through its regex
  // (their lazy groups try every length up to 40 at the start of every line asked).
  const paren = head.includes('(') ? PAREN_DATELINE.exec(head) : null;
  // `بغداد (رويترز) -`, `(واس)--`: a name in brackets at the start is the dateline's agency.
  if (paren && paren[2] !== undefined && (paren[1] === undefined || isCity(paren[1]) || wordCount(paren[1]) <= 4)) {
    const found = fromName(p, paragraph, paren[2], at(paren[2]), 'dateline', true);
    if (found) return found;
  }
  const slashed = head.includes('/') ? SLASHED_DATELINE.exec(head) : null;
  if (slashed && slashed[1] !== undefined && slashed[2] !== undefined && isCity(slashed[1])) {
    const found = fromName(p, paragraph, slashed[2], at(slashed[2], slashed[1].length), 'dateline', true);
    if (found) return found;
  }
  const dashed = DATELINE_DASH.test(head) ? DASHED_DATELINE.exec(head) : null;
  if (dashed && dashed[1] !== undefined && dashed[2] !== undefined) {
    const [, a, b] = dashed;
    // `بغداد اليوم - بغداد`: the side that is an outlet's whole name is the outlet, even when it starts with a city.
    if (isCity(b) && wholeKnown(a, true)) return fromName(p, paragraph, a, at(a), 'dateline', true);
    if (isCity(a)) return fromName(p, paragraph, b, at(b, a.length), 'dateline', true);
    if (isCity(b)) return fromName(p, paragraph, a, at(a), 'dateline', true);
  }
  return null;
}

// `الرياض 14 رمضان 1436 هـ الموافق 01 يوليو 2015 م واس`: the agency closes a dated dateline.
const DATED_DATELINE = /^\s*\S{2,20}(?:\s\S{2,20})?\s+[\d\u0660-\u0669\u06F0-\u06F9][^\n]{4,70}\s(?:م|هـ)\s+/u;

export function datedDatelineAt(p: Paragraph, paragraph: number): OutletFinding | null {
  const skip = leadingJunk(p.text);
  const m = DATED_DATELINE.exec(p.text.slice(skip, skip + 120));
  if (!m) return null;
  const from = skip + m[0].length;
  const known = knownOutletsNear(p.text.slice(from, from + 40), 0).find((n) => n.index === 0);
  return known ? make(p, paragraph, from, known.written, known.outlet, 'dateline') : null;
}

// `به گزارش ایسکانیوز،`, `به گزارش خبرنگار سیاسی ایرنا،`, `به گزارش ایسنا به نقل از رویترز،`, at the
// start of a sentence of the lead (after a lead-summary sentence, or in a text whose line breaks were lost).
const ATTRIBUTION = /(?:^|[.!؟?:»]\s*|[-–—]\s*|\s{2,})به\s*گزارش\s+([^،,:؛\n]{1,100}?)\s*[،,:؛]/gu;
// The same in the English translations: `According to ISCA News,` (a name, so capitalised).
const ATTRIBUTION_EN = /^According to\s+(?:the\s+)?([A-Z][^,:\n]{0,60})[,:]/u;
const REPORTER_WORDS = /^(?:خبرنگار|گروه|سرویس|دبیر|واحد|ستاد|تحریریه|پایگاه خبری|مرکز|حوزه|بخش|روز|امروز)/u;
const CITING = /\s+(?:به\s*نقل\s+از|از|citing|quoting)\s+/u;

function attributionMatch(text: string): { phrase: string; at: number } | null {
  const skip = leadingJunk(text);
  ATTRIBUTION.lastIndex = 0;
  // `گزارش` is the phrase's: a paragraph without it is not scanned.
  const m = text.includes('گزارش') ? ATTRIBUTION.exec(text.slice(skip, skip + 600)) : null;
  if (m && m[1] !== undefined) return { phrase: m[1], at: skip + m.index + m[0].lastIndexOf(m[1]) };
  const en = ATTRIBUTION_EN.exec(text.trimStart());
  if (en && en[1] !== undefined) return { phrase: en[1], at: text.length - text.trimStart().length + en[0].indexOf(en[1]) };
  return null;
}

/** The lead's attribution: the publisher, and the sources it says it quotes. */
export function attributionAt(p: Paragraph, paragraph: number): OutletFinding[] {
  const m = attributionMatch(p.text);
  if (!m) return [];
  const [own, ...cited] = m.phrase.split(CITING);
  const out: OutletFinding[] = [];
  const knownOwn = knownOutletsIn(own)[0];
  if (knownOwn) out.push(make(p, paragraph, m.at + knownOwn.index, knownOwn.written, knownOwn.outlet, 'attribution'));
  else if (!REPORTER_WORDS.test(own.trim()) && wordCount(own) <= 4 && own.trim() !== '') {
    // `به گزارش ایسکانیوز،`: an outlet the gazetteer lacks, named where only an outlet stands.
    out.push(make(p, paragraph, m.at + own.indexOf(own.trim()), own.trim(), null, 'attribution'));
  }
  let from = m.at + own.length;
  for (const part of cited) {
    for (const n of knownOutletsIn(part)) out.push(make(p, paragraph, p.text.indexOf(n.written, from), n.written, n.outlet, 'cited'));
    from += part.length;
  }
  return out;
}

// `منبع: ایسنا`, `المصدر : وكالات`, `منبع خبر «فارس» است`, `Source: Reuters`.
const SOURCE_LINE = /(?:^|[\s.،])(?:منبع(?:\s*خبر)?|المصدر|مصدر\s*الخبر|(?:هذا\s+الخبر\s+)?منقول\s+(?:من|عن)|source)\s*[:：]?\s*([^\n:]{2,60}?)\s*\.?\s*$/iu;
const SOURCE_IS = /منبع\s*خبر\s*[«"“]?([^»"”\n]{2,40})[»"”]?\s*است/u;
// A word both source shapes need (same flags as SOURCE_LINE): a line without one is not scanned by them.
const SOURCE_WORDS = /منبع|مصدر|منقول|source/iu;

// `به نقل از «همشهری آنلاین»` on a line of its own: the page credits where it took the story from.
const CREDIT_LINE = /^\s*(?:به\s*نقل\s*از|نقلا?ً?\s*عن)\s*[:：]?\s*([^\n]{2,40})$/u;
const CREDIT_MAX_WORDS = 6;

export function sourceAt(p: Paragraph, paragraph: number): OutletFinding | null {
  const credit = paragraphWordsUpTo(p, CREDIT_MAX_WORDS) <= CREDIT_MAX_WORDS ? CREDIT_LINE.exec(p.text) : null;
  const m = credit ?? (SOURCE_WORDS.test(p.text) ? (SOURCE_LINE.exec(p.text) ?? SOURCE_IS.exec(p.text)) : null);
  if (!m || m[1] === undefined) return null;
  const name = m[1].trim();
  const known = wholeKnown(name, true) ?? knownOutletsIn(name).find((n) => n.index === 0) ?? null;
  if (known) return make(p, paragraph, p.text.lastIndexOf(known.written), known.written, known.outlet, 'source');
  if (wordCount(name) > 4 || /^(?:وكالات|خبرگزاری‌ها|agencies)$/iu.test(name)) return null;
  return make(p, paragraph, p.text.lastIndexOf(name), name, null, 'source');
}

// `تابع X على`, `تابعنا على X` (a site, not a platform), `للمزيد: موقع X`, `X را در تلگرام دنبال کنید`.
const FOLLOW_AR = /تابع(?:وا)?\s+([^\n]{2,40}?)\s+(?:على|عبر|في)\s/u;
const FOLLOW_US = /(?:تابعنا|تابعونا)\s+(?:على|عبر)\s+([^\n،,.]{2,30})/u;
const MORE_AT = /للمزيد\s*[:：]\s*([^\n،,.]{2,40})/u;
const FOLLOW_FA = /([^\n]{2,40}?)\s+را\s+در\s+[^\n]{2,40}?دنبال\s+کنید/u;

// The word each follow shape cannot do without: a line lacking it is not tried (FOLLOW_FA's lazy
// groups backtrack over every character of a line that has none).
const FOLLOW_WORDS: ReadonlyArray<[RegExp, string]> = [
  [MORE_AT, 'للمزيد'],
  [FOLLOW_AR, 'تابع'],
  [FOLLOW_US, 'تابع'],
  [FOLLOW_FA, 'دنبال'],
];

export function followAt(p: Paragraph, paragraph: number): OutletFinding | null {
  if (paragraphWordsUpTo(p, 25) > 25) return null;
  for (const [re, word] of FOLLOW_WORDS) {
    if (!p.text.includes(word)) continue;
    const m = re.exec(p.text);
    if (!m || m[1] === undefined) continue;
    // `تابعوا آخر أخبار اليوم السابع`: the name follows the words for news or channel. The follow
    // shape says an outlet stands there, so a name that is also a word (`اليوم السابع`) counts.
    const name = m[1].replace(/^(?:آخر\s+أخبار|أخبار|اخبار|کانال|صفحه)\s+/u, '');
    const known = knownOutletsIn(name).find((n) => n.index === 0);
    if (known) return make(p, paragraph, p.text.indexOf(known.written, m.index), known.written, known.outlet, 'follow');
    if (re === FOLLOW_AR) {
      const found = fromName(p, paragraph, name, m.index, 'follow', false);
      if (found) return found;
    }
  }
  return null;
}

const RIGHTS = /(?:©|\(c\)|copyright|جميع\s+الحقوق|كافة\s+الحقوق|حقوق\s+النشر|کلیه\s+حقوق|تمامی\s+حقوق|همه\s+حقوق|حقوق\s+مادی|حق\s+نشر)/iu;
const RIGHTS_WORDS = /(?:الحقوق|حقوق|rights|reserved|محفوظ)/iu;
const PHOTO = /(?:photo|getty|images|عکس|تصویر|صورة|الصورة|تصوير)/iu;
const RIGHTS_NAME = /(?:©|\(c\)|copyright)\s*(?:[\d\u0660-\u0669\u06F0-\u06F9]{4}(?:\s*[-–]\s*[\d\u0660-\u0669\u06F0-\u06F9]{4})?)?\s*([^\n.,،|©]{2,40})/iu;

export function rightsAt(p: Paragraph, paragraph: number): OutletFinding | null {
  if (paragraphWordsUpTo(p, 45) > 45 || !RIGHTS.test(p.text)) return null;
  const known = knownOutletsIn(p.text).find((n) => !n.ambiguous);
  // `© AP Photo / Vahid Salemi`: a photo credit names the agency that took the picture.
  const photoCredit = !RIGHTS_WORDS.test(p.text) || PHOTO.test(p.text);
  if (known && !(photoCredit && (known.outlet.kind === 'wire' || known.outlet.kind === 'agency'))) {
    return make(p, paragraph, known.index, known.written, known.outlet, 'rights');
  }
  if (known) return null;
  const m = RIGHTS_NAME.exec(p.text);
  if (!m || m[1] === undefined) return null;
  const name = m[1].replace(/\s*(?:جميع|كافة|کلیه|تمامی|all rights|\d).*$/iu, '').trim();
  if (name === '' || wordCount(name) > 4) return null;
  return make(p, paragraph, p.text.indexOf(name, m.index), name, null, 'rights');
}

const DOMAIN = /(?<![\p{L}\p{N}@.-])(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/\s)»"”،,:]|$)/giu;

/** A site's address: on a line of its own it is the page's own link; inside a sentence, a source. */
export function domainsIn(p: Paragraph, paragraph: number): OutletFinding[] {
  const out: OutletFinding[] = [];
  const how: OutletEvidence = paragraphWordsUpTo(p, 6) <= 6 ? 'domain' : 'cited';
  DOMAIN.lastIndex = 0;
  for (let m = DOMAIN.exec(p.text); m; m = DOMAIN.exec(p.text)) {
    const outlet = outletByDomain(m[1]!);
    if (outlet) out.push(make(p, paragraph, m.index, m[0], outlet, how));
  }
  return out;
}

// A page title `… - خبرگزاری مهر | اخبار ایران و جهان`, a byline `كشـ24 | و.م.ع نشر في: …`,
// `… / مأرب برس_ وكالات`, or a logo line that is only a name.
const MASTHEAD_PARTS = /\s*[|/_–—]\s*|\s-\s|\s-(?=\S)|(?<=\S)-\s/u;

export function mastheadAt(p: Paragraph, paragraph: number): OutletFinding | null {
  if (paragraphWordsUpTo(p, 40) > 40) return null;
  const whole = wholeKnown(p.text, true);
  if (whole) return make(p, paragraph, p.text.indexOf(whole.written), whole.written, whole.outlet, 'masthead');
  // split ignores the global flag: the pattern is used as it is, not compiled again for each line.
  const parts = p.text.split(MASTHEAD_PARTS);
  if (parts.length < 2) return null;
  for (const part of parts) {
    const known = wholeKnown(part, true);
    if (known) return make(p, paragraph, p.text.lastIndexOf(known.written), known.written, known.outlet, 'masthead');
  }
  return null;
}

// The outlet a person in the story talks to: `في حديث مع هسبريس`, `في تصريح للجوهرة`, `در گفت‌وگو با ایسنا`.
const TOLD = /(?:في\s+(?:تصريح|تصريحات|حديث|مقابلة|اتصال)\s+(?:خاص\s+)?(?:مع\s+)?|(?:قال|صرح|أكد|كشف|أوضح)\s+|در\s+گفت[\s\u200C]*و[\s\u200C]*گو\s+با\s+|به\s+خبرنگار\s+)/gu;

/** `للجوهرة` → `الجوهرة`, `لـ"رويترز"` → `"رويترز"`: the preposition ل before a name. */
function withoutLam(text: string): { text: string; cut: number } {
  if (/^لل/u.test(text)) return { text: `ا${text.slice(1)}`, cut: 0 };
  const m = /^لـ?\s*/u.exec(text);
  return m ? { text: text.slice(m[0].length), cut: m[0].length } : { text, cut: 0 };
}

export function toldIn(p: Paragraph, paragraph: number): OutletFinding[] {
  const out: OutletFinding[] = [];
  TOLD.lastIndex = 0;
  for (let m = TOLD.exec(p.text); m; m = TOLD.exec(p.text)) {
    const lam = withoutLam(p.text.slice(m.index + m[0].length, m.index + m[0].length + 50));
    const from = m.index + m[0].length + lam.cut;
    const known = knownOutletsNear(lam.text.replace(/^["«“]/u, ' '), 1).find((n) => n.index <= 1);
    if (known) out.push(make(p, paragraph, from + known.index, p.text.slice(from + known.index, from + known.index + known.written.length), known.outlet, 'interview'));
  }
  return out;
}

// A story quoting an outlet: `نقلاً عن رويترز`, `بحسب وكالة الأناضول`, `ذكرت وكالة فارس`, `به نقل از ایرنا`.
const CITED = /(?:نقلا?ً?\s+عن|نقلت|بحسب|حسب|وفقا?ً?\s+(?:لـ?|ل)|ذكرت|أفادت|افادت|قالت|أوردت|نشرت|به\s*نقل\s+از|به\s*گزارش|according to|citing)\s+/giu;
/** How far after the verb the name may start (`ذكرت وكالة الأنباء ...`). */
const CITED_REACH = 16;

export function citedIn(p: Paragraph, paragraph: number): OutletFinding[] {
  const out: OutletFinding[] = [];
  CITED.lastIndex = 0;
  for (let m = CITED.exec(p.text); m; m = CITED.exec(p.text)) {
    const from = m.index + m[0].length;
    const known = knownOutletsNear(p.text.slice(from, from + 60), CITED_REACH).find((n) => n.index <= CITED_REACH && !n.ambiguous);
    if (known) out.push(make(p, paragraph, from + known.index, known.written, known.outlet, 'cited'));
  }
  return out;
}
