// The outlet that published an article, as its reader would name it, from the ways Persian and
// Arabic news name themselves:
//  - the Persian lead attribution `به گزارش ایسکانیوز،` in the first or second paragraph of the
//    body. Deeper in the article the same words cite someone else (`به گزارش خبرگزاری مهر،`
//    before one quoted statement): a reader does not take the cited agency for the publisher,
//    and neither do we;
//  - a dateline line under the headline, `زاكروس عربية – أربيل` (outlet and city);
//  - a dateline opening the first paragraph, `بغداد (رويترز) -`, `تهران- ایرنا-`;
//  - a rights notice naming a known outlet (`© 2021 Rudaw`, `کلیه حقوق ... تسنیم`), last.
// `وكالة ...` or an agency named in a sentence (`نقلت وكالة فارس`) is a citation, not the
// publisher, so it is not used. When none of these is present the outlet is unknown (null).
// English translations beside the articles are read the same way (`According to ISCA News,`).
import { flexAlternation, looseKey } from '../text/letter-variants';
import type { Paragraph } from '../text/paragraphs';

export type OutletEvidence = 'attribution' | 'dateline' | 'agency-dateline' | 'rights-notice';

export interface OutletFinding {
  /** The name as the text writes it. */
  name: string;
  how: OutletEvidence;
  paragraph: number;
  /** Offsets of the name in the article text. */
  start: number;
  end: number;
}

// Outlets and agencies often seen in Persian and Arabic news about Iran and Iraq. Bare مهر and
// فارس are also a month and a province: they count only inside an attribution or a dateline.
export const KNOWN_OUTLETS: readonly string[] = [
  // Persian
  'ایرنا', 'خبرگزاری جمهوری اسلامی', 'ایسنا', 'خبرگزاری دانشجویان ایران', 'خبرگزاری مهر', 'مهر', 'خبرگزاری فارس', 'فارس',
  'تسنیم', 'خبرگزاری تسنیم', 'ایلنا', 'ایسکانیوز', 'باشگاه خبرنگاران جوان', 'میزان', 'خبرآنلاین', 'تابناک',
  'همشهری آنلاین', 'همشهری', 'انتخاب', 'عصر ایران', 'فرارو', 'پانا', 'شبستان', 'دفاع پرس', 'صدا و سیما',
  'خبرگزاری صدا و سیما', 'جماران', 'اعتماد آنلاین', 'اقتصاد آنلاین', 'رادیو فردا', 'بی بی سی فارسی',
  'یورونیوز فارسی', 'دویچه وله فارسی', 'صدای آمریکا', 'ایران اینترنشنال', 'کیهان', 'اطلاعات', 'شرق',
  // Arabic
  'رويترز', 'فرانس برس', 'أ ف ب', 'أسوشيتد برس', 'الأناضول', 'إرنا', 'وكالة مهر', 'وكالة فارس', 'تسنيم',
  'سانا', 'واع', 'وكالة الأنباء العراقية', 'السومرية نيوز', 'شفق نيوز', 'رووداو', 'زاكروس عربية',
  'كوردستان 24', 'بغداد اليوم', 'الجزيرة نت', 'الجزيرة', 'العربية نت', 'العربية', 'سكاي نيوز عربية',
  'المسلة', 'الميادين', 'المنار', 'العالم', 'روسيا اليوم', 'فرانس 24', 'بي بي سي عربي', 'الحرة',
  'الشرق الأوسط', 'الأخبار', 'النهار', 'العربي الجديد', 'الصباح', 'المدى', 'ناس نيوز', 'إيلاف',
];

// Words that make an unknown name an outlet's (`زاكروس عربية`, `شفق نيوز`, `خبرگزاری ...`).
const OUTLET_MARKERS = [
  'عربية', 'نيوز', 'news', 'وكالة', 'شبكة', 'قناة', 'موقع', 'صحيفة', 'جريدة', 'تلفزيون', 'راديو', 'إذاعة', 'برس', 'press',
  'tv', '24', 'arabic', 'agency', 'اليوم', 'أونلاين', 'نت', 'خبرگزاری', 'پایگاه', 'روزنامه', 'آنلاین', 'نیوز', 'رادیو', 'تلویزیون', 'سایت',
];

// Places datelines name; the other side of the dash is then the outlet.
const DATELINE_CITIES = [
  'أربيل', 'اربيل', 'بغداد', 'البصرة', 'الموصل', 'كربلاء', 'النجف', 'السليمانية', 'دهوك', 'كركوك', 'الأنبار',
  'طهران', 'دمشق', 'بيروت', 'القاهرة', 'عمان', 'الرياض', 'الدوحة', 'أبوظبي', 'دبي', 'أنقرة', 'إسطنبول', 'اسطنبول',
  'واشنطن', 'موسكو', 'لندن', 'باريس', 'برلين', 'جنيف', 'فيينا', 'نيويورك', 'القدس', 'غزة', 'صنعاء', 'الكويت', 'المنامة', 'مسقط',
  'تهران', 'مشهد', 'اصفهان', 'تبریز', 'شیراز', 'قم', 'اهواز', 'کرج', 'بغداد', 'اربیل', 'آنکارا', 'استانبول', 'دمشق', 'بیروت',
  'وین', 'ژنو', 'نیویورک', 'مسکو',
  'Erbil', 'Baghdad', 'Basra', 'Mosul', 'Sulaimani', 'Sulaymaniyah', 'Tehran', 'Damascus', 'Beirut', 'Ankara', 'Istanbul',
  'Cairo', 'Riyadh', 'Doha', 'Washington', 'Moscow', 'London', 'Paris', 'Geneva', 'Vienna',
];

const knownOutletRe = new RegExp(`(?<![\\p{L}\\p{M}])(?:${flexAlternation(KNOWN_OUTLETS)})(?![\\p{L}\\p{M}])`, 'iu');
const cityKeys = new Set(DATELINE_CITIES.map(looseKey));
const markerRe = new RegExp(`(?<![\\p{L}\\p{M}])(?:${flexAlternation(OUTLET_MARKERS)})(?![\\p{L}\\p{M}])`, 'iu');

function isCity(text: string): boolean {
  return cityKeys.has(looseKey(text));
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** The known outlet named in `text`, with its offsets in `text`. */
function knownOutletIn(text: string): { name: string; index: number } | null {
  const m = knownOutletRe.exec(text);
  return m ? { name: m[0], index: m.index } : null;
}

function looksLikeOutlet(text: string): boolean {
  const t = text.trim();
  if (t === '' || wordCount(t) > 4 || isCity(t)) return false;
  return knownOutletIn(t)?.name.length === t.length || markerRe.test(t);
}

function finding(p: Paragraph, name: string, indexInLine: number, how: OutletEvidence, paragraph: number): OutletFinding {
  const start = p.start + indexInLine;
  return { name, how, paragraph, start, end: start + name.length };
}

// `به گزارش ایسکانیوز،`, `به گزارش خبرنگار سیاسی ایرنا،`, `به گزارش ایسنا به نقل از رویترز،`
const ATTRIBUTION = /^(?:[^\s،,:]{1,20}\s*[-–—]\s*)?به\s*گزارش\s+([^،,:\n]{1,80})[،,:]/u;
// The same in the English translations: `According to ISCA News,` (a name, so capitalised).
const ATTRIBUTION_EN = /^According to\s+(?:the\s+)?([A-Z][^,:\n]{0,60})[,:]/u;
const REPORTER_WORDS = /^(?:خبرنگار|گروه|سرویس|دبیر|واحد|ستاد|تحریریه)/u;

function fromAttribution(p: Paragraph, index: number): OutletFinding | null {
  const m = ATTRIBUTION.exec(p.text.trimStart()) ?? ATTRIBUTION_EN.exec(p.text.trimStart());
  if (!m || m[1] === undefined) return null;
  const lead = p.text.length - p.text.trimStart().length;
  const phraseStart = lead + m[0].indexOf(m[1]);
  const phrase = m[1].split(/\s+(?:به\s*نقل\s+از|citing|quoting)\s+/u)[0].trim();
  const known = knownOutletIn(phrase);
  if (known) return finding(p, known.name, phraseStart + known.index, 'attribution', index);
  // `به گزارش خبرنگار ما` names no outlet.
  if (REPORTER_WORDS.test(phrase) || wordCount(phrase) > 5) return null;
  return finding(p, phrase, phraseStart, 'attribution', index);
}

// A line of its own: `زاكروس عربية – أربيل`, `أربيل – كوردستان 24`.
function fromDatelineLine(p: Paragraph, index: number): OutletFinding | null {
  const text = p.text.trim();
  if (wordCount(text) > 7) return null;
  const parts = text.split(/[-–—|/]/).map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const outlet = isCity(b) && looksLikeOutlet(a) ? a : isCity(a) && looksLikeOutlet(b) ? b : null;
  if (!outlet) return null;
  return finding(p, outlet.trim(), p.text.indexOf(outlet.trim()), 'dateline', index);
}

// The opening of the first paragraph: `بغداد (رويترز) -`, `تهران- ایرنا-`, `بغداد/ شفق نيوز/`.
function fromAgencyDateline(p: Paragraph, index: number): OutletFinding | null {
  const head = p.text.slice(0, 60);
  const paren = /^\s*([^\s()]{2,20}(?:\s[^\s()]{2,20})?)\s*\(([^()]{2,30})\)\s*[-–—:]/u.exec(head);
  if (paren && isCity(paren[1]) && looksLikeOutlet(paren[2])) {
    return finding(p, paren[2].trim(), head.indexOf(paren[2].trim()), 'agency-dateline', index);
  }
  const dashed = /^\s*([^-–—/\n]{2,25})[-–—/]\s*([^-–—/\n]{2,25})[-–—/]/u.exec(head);
  if (dashed) {
    const [, a, b] = dashed;
    const outlet = isCity(a) && looksLikeOutlet(b) ? b : isCity(b) && looksLikeOutlet(a) ? a : null;
    if (outlet) return finding(p, outlet.trim(), head.indexOf(outlet.trim()), 'agency-dateline', index);
  }
  return null;
}

// Outlet names that are also ordinary words; outside an attribution or dateline they say nothing.
const COMMON_WORD_NAMES = new Set(
  ['مهر', 'فارس', 'انتخاب', 'اطلاعات', 'شرق', 'همشهری', 'العالم', 'الأخبار', 'العربية', 'الصباح', 'المدى', 'النهار', 'الجزيرة', 'واع', 'سانا'].map(looseKey),
);

function fromRightsNotice(p: Paragraph, index: number): OutletFinding | null {
  const known = knownOutletIn(p.text);
  if (!known || COMMON_WORD_NAMES.has(looseKey(known.name))) return null;
  return finding(p, known.name, known.index, 'rights-notice', index);
}

export interface OutletContext {
  /** Paragraph index of the headline, or -1. */
  headline: number;
  /** Paragraph indexes of page furniture. */
  boilerplate: ReadonlySet<number>;
  /** Furniture lines that are rights notices (searched last). */
  rightsNotices: readonly number[];
}

/** How many body paragraphs may open with the publisher's own attribution. */
const LEAD_PARAGRAPHS = 2;
/** Lines between the headline and the body where a dateline line may stand. */
const DATELINE_WINDOW = 4;

export function detectOutlet(paragraphs: readonly Paragraph[], ctx: OutletContext): OutletFinding | null {
  const after = paragraphs
    .map((p, i) => ({ p, i }))
    .filter(({ i }) => i > ctx.headline && !ctx.boilerplate.has(i));

  for (const { p, i } of after.slice(0, DATELINE_WINDOW)) {
    const found = fromDatelineLine(p, i);
    if (found) return found;
  }
  const body = after.filter(({ p }) => wordCount(p.text) >= 8);
  for (const { p, i } of body.slice(0, LEAD_PARAGRAPHS)) {
    const found = fromAttribution(p, i);
    if (found) return found;
  }
  if (body[0]) {
    const found = fromAgencyDateline(body[0].p, body[0].i);
    if (found) return found;
  }
  for (const i of ctx.rightsNotices) {
    const found = fromRightsNotice(paragraphs[i], i);
    if (found) return found;
  }
  return null;
}
