// The words and shapes of page furniture that boilerplate.ts's rules look for, in Persian,
// Arabic and English: skip links, labels, navigation, comment and share widgets, news codes,
// clocks and temperatures, rights notices, tag labels.
import { WEEKDAY_NAMES } from './date-names';
import { DIGIT, flexAlternation, looseKey } from '../text/letter-variants';
import { lineKey } from './line-keys';
import { phraseSkeletons } from './phrase-skeleton';

/** Compare lines without spaces or ZWNJ: `لینکهای`, `لینک های` and `لینک‌های` are one word. */
export function compact(text: string): string {
  return lineKey(text).replace(/[\s\p{P}\p{S}]+/gu, '');
}

function phraseSet(phrases: readonly string[]): Set<string> {
  return new Set(phrases.map(compact));
}

export const SKIP_LINKS = phraseSet([
  'لینکهای قابل دسترسی',
  'لینکهای قابلیت دسترسی',
  'پرش به محتوا',
  'رفتن به محتوای اصلی',
  'پرش به محتوای اصلی',
  'تخطي إلى المحتوى',
  'انتقل إلى المحتوى',
  'الانتقال إلى المحتوى الرئيسي',
  'تجاوز إلى المحتوى',
  'skip to content',
  'skip to main content',
  'accessibility links',
  'skip navigation',
]);

export const LABELS = phraseSet([
  'خبر فوری',
  'فوری',
  'اخبار فوری',
  'عاجل',
  'خبر عاجل',
  'أخبار عاجلة',
  'breaking news',
  'breaking',
  'آخرین اخبار',
  'آخر الأخبار',
  'پربازدیدترین',
  'پربیننده ترین',
  'الأكثر قراءة',
  'الأكثر مشاهدة',
  'اخبار مرتبط',
  'مطالب مرتبط',
  'أخبار ذات صلة',
  'اقرأ أيضا',
  'اقرأ أيضاً',
  'بیشتر بخوانید',
  'بخوانید',
  'related',
  'read more',
  'advertisement',
  'تبلیغات',
  'إعلان',
]);

export const NAVIGATION = phraseSet([
  'صفحه اصلی',
  'خانه',
  'منو',
  'جستجو',
  'ورود',
  'ثبت نام',
  'آرشیو',
  'تماس با ما',
  'درباره ما',
  'الرئيسية',
  'القائمة',
  'بحث',
  'تسجيل الدخول',
  'اتصل بنا',
  'من نحن',
  'الأرشيف',
  'home',
  'menu',
  'search',
  'log in',
  'login',
  'sign in',
  'contact us',
  'about us',
  'الرجوع إلى أعلى الصفحة',
  'العودة إلى أعلى الصفحة',
  'العودة للأعلى',
  'بازگشت به بالا',
  'بازگشت به بالای صفحه',
  'back to top',
]);

export const COMMENTS = phraseSet([
  'التعليقات',
  'تعليقات',
  'تعليق',
  'أضف تعليقا',
  'أضف تعليقاً',
  'أضف تعليقك',
  'اكتب تعليقك',
  'اترك تعليقا',
  'اترك تعليقاً',
  'إرسال تعليق',
  'ارسل تعليقا',
  'لا توجد تعليقات حتى الآن',
  'لا توجد تعليقات',
  'كن أول من يعلق',
  'الرد كضيف',
  'إرسال التعليق',
  'نظرات',
  'نظر',
  'دیدگاه',
  'دیدگاهها',
  'ارسال نظر',
  'ارسال دیدگاه',
  'نظر شما',
  'نظرات کاربران',
  'نظرات شما',
  'تبادل نظر',
  'captcha',
  'هنوز نظری ثبت نشده است',
  'هنوز نظری ارسال نشده است',
  'پاسخ',
  'comments',
  'comment',
  'leave a comment',
  'no comments yet',
  'reply',
]);

// Starts of a comment form's own sentences: `شما در حال پاسخ به نظر «» هستید.`
export const COMMENT_STARTS = ['شما در حال پاسخ به', 'در حال پاسخ به نظر', 'أنت ترد على', 'you are replying to'].map(compact);

// Starts of the subscription and notification prompts; the rest of such a line varies.
export const SUBSCRIBE_STARTS = [
  'هل ترغب في تلقي إشعارات',
  'ابق على اطلاع',
  'ابقى على اطلاع',
  'اشترك في النشرة',
  'اشترك الآن',
  'اشترك في قناتنا',
  'تابعونا على',
  'تابعنا على',
  'عضویت در خبرنامه',
  'آیا مایل به دریافت اعلان',
  'ما را در شبکه های اجتماعی',
  'ما را در تلگرام',
  'ما را در اینستاگرام',
  'ما را در توییتر',
  'به کانال تلگرام',
  'subscribe to',
  'sign up for',
  'get notifications',
  'follow us',
].map(compact);

export const SHARE_WORDS = phraseSet([
  'share',
  'شارك',
  'مشاركة',
  'شارك الخبر',
  'اشتراک',
  'اشتراک گذاری',
  'اشتراکگذاری',
  'به اشتراک بگذارید',
  'facebook',
  'twitter',
  'x',
  'telegram',
  'whatsapp',
  'linkedin',
  'email',
  'e-mail',
  'print',
  'pinterest',
  'reddit',
  'فیسبوک',
  'توییتر',
  'تلگرام',
  'واتساپ',
  'لینکدین',
  'ایمیل',
  'چاپ',
  'کپی لینک',
  'لینک کوتاه',
  'فيسبوك',
  'تويتر',
  'إكس',
  'تيليجرام',
  'تلغرام',
  'واتساب',
  'لينكدإن',
  'البريد الإلكتروني',
  'طباعة',
  'نسخ الرابط',
  'بستن',
  'إغلاق',
  'close',
]);

export const SIZE_TOKENS = new Set(['xs', 's', 'sm', 'm', 'md', 'l', 'lg', 'xl', 'xxl', 'a', 'a+', 'a-', '+a', '-a', 'aa']);

export const NEWS_CODE = new RegExp(
  `^(?:${flexAlternation(['کد خبر', 'کد مطلب', 'شناسه خبر', 'شماره خبر', 'کد', 'رقم الخبر', 'رمز الخبر', 'رقم', 'news id', 'news code', 'id'])})\\s*[:：\\-]?\\s*${DIGIT}+$`,
  'iu',
);

export const TEMPERATURE = /(?<![\d.,])-?\d+(?:[.,]\d+)?\s*°\s*[CF]?|℃|℉/u;
export const CLOCK = new RegExp(`(?<!${DIGIT})${DIGIT}{1,2}:${DIGIT}{2}(?!${DIGIT})`, 'u');
export const WEEKDAY = new RegExp(`(?:${flexAlternation(WEEKDAY_NAMES.flat())})`, 'u');

// Rights notices and disclaimers. Each phrase counts only with a second cue or on a short
// line, because news sentences use the same words (`حقوق` is also "salaries", and a minister's
// words may "not necessarily reflect" the government's view).
const SITE_WORDS = ['سایت', 'خبرگزاری', 'پایگاه', 'روزنامه', 'رسانه', 'تحریریه', 'الموقع', 'لموقع', 'الصحيفة', 'لصحيفة', 'القناة', 'لقناة', 'الوكالة', 'لوكالة', 'الشبكة', 'لشبكة', 'التحرير'];
const anyOf = (phrases: readonly string[]) => new RegExp(flexAlternation(phrases), 'iu');
/** The phrase rule and the skeletons a line needs for it to match (phrase-skeleton.ts), so that most lines are not scanned. */
const phraseOf = (phrases: readonly string[]) => ({ phrase: anyOf(phrases), needs: phraseSkeletons(phrases) });
export const LEGAL_RULES: Array<{ phrase: RegExp; needs?: readonly string[] | null; cue: RegExp | null; shortEnough?: number }> = [
  { phrase: /©|\(c\)\s*\d{4}|all rights reserved/iu, cue: null },
  { phrase: /copyright/iu, cue: /©|\d{4}|reserved/iu },
  { ...phraseOf(['جميع الحقوق محفوظة', 'كافة الحقوق محفوظة', 'حقوق النشر محفوظة']), cue: anyOf(SITE_WORDS), shortEnough: 10 },
  { ...phraseOf(['تعبر عن رأي كاتبها', 'تعبر عن آراء كتابها', 'تعبر عن رأي أصحابها']), cue: null },
  { ...phraseOf(['لا تعبر بالضرورة عن']), cue: anyOf(SITE_WORDS) },
  { ...phraseOf(['کلیه حقوق', 'تمامی حقوق', 'همه حقوق', 'حقوق مادی و معنوی']), cue: anyOf(['محفوظ', 'متعلق به']) },
  { ...phraseOf(['استفاده از مطالب', 'نقل مطالب', 'بازنشر مطالب', 'کپی برداری از مطالب']), cue: anyOf(['منبع', 'ممنوع', 'آزاد', 'مجاز', 'بلامانع']) },
  { ...phraseOf(['منعکس کننده دیدگاه', 'لزوما بیانگر', 'الزاما بیانگر']), cue: anyOf(SITE_WORDS) },
  // Comment policies: `نظرات حاوی توهین منتشر نمی‌شود`, `التعليقات المنشورة لا تعبر عن رأي الموقع`.
  { ...phraseOf(['حاوی توهین', 'حاوی الفاظ']), cue: anyOf(['نظر', 'نظرات', 'دیدگاه']) },
  { ...phraseOf(['منتشر نخواهد شد', 'منتشر نمی شود', 'منتشر نمیشود']), cue: anyOf(['حاوی', 'توهین', 'پس از تایید', 'پس از بررسی']) },
  { ...phraseOf(['التعليقات المنشورة', 'التعليقات الواردة', 'تعليقات القراء']), cue: anyOf(['لا تعبر', 'تعبر عن', 'مسؤولية', 'تتحمل']) },
];

const TAG_WORDS = ['برچسب ها', 'برچسبها', 'برچسب', 'تگ ها', 'کلیدواژه ها', 'کلید واژه', 'موضوعات', 'وسوم', 'الوسوم', 'الكلمات المفتاحية', 'كلمات مفتاحية', 'كلمات دلالية', 'الكلمات الدلالية', 'tags', 'topics'];
export const TAG_LABEL = new RegExp(`^(?:${flexAlternation(TAG_WORDS)})\\s*[:：]`, 'iu');
/** The tag label alone on its line, the tags under it (`برچسب‌ها`). */
export const TAG_ALONE = phraseSet(TAG_WORDS);

export const SENTENCE_END = /[.!?؟…]["»”)]*\s*$/u;
export const SENTENCE_PUNCT = /[.!?؟:؛،,«»"]/u;

