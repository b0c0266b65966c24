// Articles and annotations for the quotation and export tests, built in memory: a Persian
// article with a Solar Hijri date, an Arabic one with a Gregorian date, and awkward content
// (formula-like notes, HTML in a gloss, an emoji before a quote, an orphaned annotation).
import { buildQuotations, type Quotation, type QuotationSourceDoc } from '../../annotations/quotations/quotations';
import type { Annotation, DateValue, Tag } from '../../annotations/model/types';
import { splitParagraphs } from '../../corpus/text/paragraphs';

export const TAXONOMY: Tag[] = [
  { id: 'statement', name: 'Statement', color: '#f28f8f', shortcut: '1' },
  { id: 'threat', name: 'Threat', color: '#e05d5d', shortcut: '2' },
  { id: 'person', name: 'Person', color: '#f4a259', shortcut: '3' },
];

export const FA_TEXT = [
  'لینکهای قابل دسترسی', // boilerplate
  'رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است',
  'ایسنا، ۲۲ شهریور ۱۴۰۰',
  'رئیس‌جمهور در گفت‌وگوی تلفنی گفت: ایران از هیچ کمکی دریغ نمی‌کند. این همکاری ادامه دارد.',
  'او افزود: «امنیت منطقه ۱۴۰۰ بار مهم‌تر از هر چیز است.»',
].join('\n\n');

export const AR_TEXT = [
  'روحاني يؤكد للكاظمي دعم إيران للعراق',
  '😀 أكد الرئيس الإيراني حسن روحاني، اليوم الإثنين، على دعم طهران للعراق في حربه ضد الإرهاب.',
].join('\n\n');

let counter = 0;
function annotation(text: string, exact: string, extra: Partial<Annotation> & { occurrence?: number } = {}): Annotation {
  let start = text.indexOf(exact);
  for (let i = 1; i < (extra.occurrence ?? 1); i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`fixture: ${exact} not in text`);
  const end = start + exact.length;
  counter++;
  const { occurrence: _o, ...rest } = extra;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    analyst: 'Maryam',
    created: `2024-01-0${(counter % 9) + 1}T10:00:00.000Z`,
    modified: `2024-01-0${(counter % 9) + 1}T10:00:00.000Z`,
    target: { position: { start, end }, quote: { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) } },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    gloss: '',
    note: '',
    ...rest,
  };
}

function doc(file: string, text: string, language: 'fa' | 'ar', metadata: { headline: string; outlet: string | null; date: DateValue | null }, annotations: Annotation[], boilerplate: number[] = []): QuotationSourceDoc {
  return {
    file,
    text,
    language,
    paragraphs: splitParagraphs(text, 'rtl').map((p, i) => ({ ...p, boilerplate: boilerplate.includes(i) })),
    annotations,
    metadata,
  };
}

export function fixtureDocs(): QuotationSourceDoc[] {
  counter = 0;
  const fa = doc(
    'fa-article.txt',
    FA_TEXT,
    'fa',
    { headline: 'رئیس‌جمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول است', outlet: 'ایسنا', date: { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' } },
    [
      annotation(FA_TEXT, 'ایران از هیچ کمکی دریغ نمی‌کند', { tags: ['statement'], gloss: 'Iran spares no help <script>alert(1)</script>', note: '=HYPERLINK("http://evil")' }),
      annotation(FA_TEXT, 'امنیت منطقه ۱۴۰۰ بار مهم‌تر', { tags: ['statement', 'threat'], gloss: 'Regional security matters "1400 times" more', note: '+1 check', analyst: 'Reza' }),
      annotation(FA_TEXT, 'رئیس‌جمهور', { tags: ['person'], gloss: 'The President', note: '@mention', occurrence: 2 }),
    ],
    [0],
  );
  const ar = doc(
    'ar-article.txt',
    AR_TEXT,
    'ar',
    { headline: 'روحاني يؤكد للكاظمي دعم إيران للعراق', outlet: 'زاكروس عربية', date: { iso: '2021-05-17', original: '17 أيار 2021' } },
    [
      annotation(AR_TEXT, 'دعم طهران للعراق', { tags: ['statement'], gloss: 'Tehran’s support for Iraq', note: '-minus first', analyst: 'Reza' }),
      annotation(AR_TEXT, 'حربه ضد الإرهاب', {
        tags: ['threat'],
        gloss: 'its war on terror',
        anchor: { status: 'orphaned', score: 0 },
      }),
    ],
  );
  return [fa, ar];
}

export function fixtureQuotations(): Quotation[] {
  return buildQuotations(fixtureDocs(), TAXONOMY);
}

/**
 * A comparison key for text read back out of a PDF. pdftotext maps shaped glyphs back to
 * presentation forms (undone by NFKC), inserts its own bidi embedding marks and line breaks,
 * and returns a lam-alef ligature (لا، لإ، لأ، لآ) with its two letters swapped: each pair is
 * put in one order on both sides. Only for tests, never for stored text.
 */
export function squash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/ل([اأإآ])/g, '$1ل');
}
