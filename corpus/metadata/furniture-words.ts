// The closed vocabulary of news-site menus, section names and list headings (`اخبار مرتبط`,
// `پربیننده‌ترین اخبار سیاسی`, `الأكثر قراءة`, `عرب وعالم`): a short line made only of these
// words is a link or a heading, never a headline, because a headline names someone or
// something. Words are compared as compact() keys, so spelling, ZWNJ and letter variants do not
// matter; a leading conjunction `و` is allowed (`وعالم`).
import { compact } from './boilerplate-phrases';
import { words } from './furniture-line';

const SECTION_WORDS_FA = [
  'اخبار', 'خبر', 'خبرها', 'خبرهای', 'مطالب', 'مطلب', 'آخرین', 'تازه', 'تازه‌ترین', 'تازه‌ترین‌ها', 'مهم', 'مهم‌ترین',
  'پربیننده', 'پربیننده‌ترین', 'پربیننده‌ترین‌ها', 'پربازدید', 'پربازدیدترین', 'پربازدیدترین‌ها', 'پربازدیدها', 'پربحث', 'پربحث‌ترین',
  'داغ', 'برگزیده', 'برگزیده‌ها', 'منتخب', 'پیشنهادی', 'پیشنهاد', 'مرتبط', 'روز', 'سایر', 'رسانه', 'رسانه‌ها', 'ها', 'های',
  'تیتر', 'تیترها', 'یک', 'سرخط', 'عناوین', 'گزارش', 'گزارش‌ها', 'تحلیل', 'و', 'گفتگو', 'گفت‌وگو', 'بحث', 'تبادل', 'نظر',
  'یادداشت', 'یادداشت‌ها', 'ویدیو', 'ویدئو', 'ویدیوها', 'ویدئوها', 'فیلم', 'عکس', 'تصاویر', 'گالری', 'پادکست', 'اینفوگرافیک',
  'کاریکاتور', 'طنز', 'سیاسی', 'اقتصادی', 'اجتماعی', 'فرهنگی', 'ورزشی', 'بین‌الملل', 'بین', 'الملل', 'بین‌المللی', 'علمی',
  'فناوری', 'سلامت', 'حوادث', 'اقتصاد', 'سیاست', 'جامعه', 'فرهنگ', 'ورزش', 'هنر', 'پخش', 'زنده', 'واژه', 'واژه‌های', 'کاربردی',
];
const SECTION_WORDS_AR = [
  'أخبار', 'الأخبار', 'خبر', 'آخر', 'أهم', 'أحدث', 'الأكثر', 'قراءة', 'مشاهدة', 'تداولا', 'ذات', 'صلة', 'مرتبطة', 'مقالات',
  'المقالات', 'مقال', 'تقارير', 'تقرير', 'فيديو', 'فيديوهات', 'صور', 'الصور', 'إنفوجرافيك', 'كاريكاتير', 'ترجمة', 'مؤرشف',
  'سياسة', 'السياسة', 'اقتصاد', 'الاقتصاد', 'رياضة', 'الرياضة', 'ثقافة', 'الثقافة', 'فن', 'منوعات', 'محليات', 'عربي', 'دولي',
  'عرب', 'عالم', 'العالم', 'أمني', 'أمن', 'صحة', 'تكنولوجيا', 'رأي', 'الرأي', 'ملفات', 'تحقيقات', 'حوارات', 'بث', 'مباشر',
  'المزيد', 'تسجيل', 'الدخول', 'باقة', 'الاشتراكات', 'الاقتصادي', 'السياسي', 'الرياضي', 'الثقافي', 'المحلي', 'الدولي',
];
const SECTION_WORDS_EN = ['related', 'posts', 'news', 'latest', 'most', 'read', 'popular', 'video', 'videos', 'top', 'stories'];

const SECTION_KEYS = new Set([...SECTION_WORDS_FA, ...SECTION_WORDS_AR, ...SECTION_WORDS_EN].map(compact));

// Of those, the words that make a line the heading of a list of links (most read, related,
// latest, recommended) rather than a section name.
const LIST_KEYS = new Set(
  [
    'اخبار', 'خبرها', 'خبرهای', 'مطالب', 'آخرین', 'تازه‌ترین', 'مهم‌ترین', 'پربیننده‌ترین', 'پربازدیدترین', 'پربازدیدها', 'پربحث‌ترین',
    'برگزیده', 'منتخب', 'پیشنهادی', 'مرتبط', 'تیتر', 'سرخط', 'عناوین', 'واژه‌های', 'أخبار', 'الأخبار', 'آخر', 'أهم', 'أحدث', 'الأكثر',
    'صلة', 'مرتبطة', 'related', 'latest', 'most', 'popular', 'top',
  ].map(compact),
);

const MAX_SECTION_WORDS = 6;

// Headings of a news ticker, whose headlines may come run together on one long line.
const TICKER_KEYS = new Set(['آخرین', 'آخر', 'أهم', 'أحدث', 'تازه‌ترین'].map(compact));

function sectionKey(word: string): string | null {
  const key = compact(word);
  if (key === '') return null;
  if (SECTION_KEYS.has(key)) return key;
  // `وعالم`, `ودولي`: the conjunction is written joined.
  if (key.length > 2 && key.startsWith('و') && SECTION_KEYS.has(key.slice(1))) return key.slice(1);
  return null;
}

/** The line's words as section-vocabulary keys, or null when a word is not one of them. */
function sectionKeys(text: string): string[] | null {
  const t = text.trim().replace(/[:：]$/u, '');
  if (/[.!?؟،,«»"“”()]/u.test(t)) return null;
  const ws = words(t);
  if (ws.length === 0 || ws.length > MAX_SECTION_WORDS) return null;
  const keys: string[] = [];
  for (const w of ws) {
    const k = sectionKey(w);
    if (k === null) return null;
    keys.push(k);
  }
  return keys;
}

/** `سیاسی`, `عرب وعالم`, `گزارش و تحلیل`, `الأكثر قراءة`: every word a menu word. */
export function isSectionLine(text: string): boolean {
  const keys = sectionKeys(text);
  return keys !== null && keys.some((k) => k !== compact('و'));
}

/**
 * A heading whose lines after it are links: `اخبار مرتبط`, `پربیننده‌ترین اخبار سیاسی`,
 * `Related Posts:`. A bare `أخبار` is a section's name, not a list's.
 */
export function isListHeading(text: string): boolean {
  const keys = sectionKeys(text);
  if (keys === null || keys.length < 2) return false;
  // `پربینندهترین` written without ZWNJ is one key; any `…ترین` superlative heads a list.
  return keys.some((k) => LIST_KEYS.has(k) || (k.length > 4 && k.endsWith(compact('ترین'))));
}

/** `آخر الاخبار`, `آخرین اخبار`: a ticker's heading. */
export function isTickerHeading(text: string): boolean {
  const keys = sectionKeys(text);
  return keys !== null && isListHeading(text) && keys.some((k) => TICKER_KEYS.has(k));
}
