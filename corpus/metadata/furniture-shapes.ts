// Line shapes of page furniture that a single line shows by itself: a link, a logo or widget
// token in Latin letters on a Persian or Arabic page, a bullet menu item, a view counter, a
// follow or subscribe prompt, a paywall or form message, a read-more link, a wire service's end
// marker, a photo caption or credit, a masthead title. Each asks for a cue no article sentence
// has (a URL, a second-person prompt with a platform's name, a credit label), and a length cap.
import { SENTENCE_END } from './boilerplate-phrases';
import { ARABIC_SCRIPT, type Line, words } from './furniture-line';
import { DIGIT, flexAlternation } from '../text/letter-variants';

const flex = (phrases: readonly string[]): string => `(?:${flexAlternation(phrases)})`;

const URL = /(?:https?:\/\/|www\.)\S+/giu;
/** Beyond the URL, the site's name or a label may stand on the line (`اخبار روز: www.…`). */
const LINK_OTHER_WORDS = 4;

/** A page address alone, or with the site's name: `https://www.radiofarda.com/a/30564276.html`. */
export function isLinkLine(line: Line): boolean {
  if (!/(?:https?:\/\/|www\.)/iu.test(line.text)) return false;
  const rest = line.text.replace(URL, ' ').trim();
  return words(rest).length <= LINK_OTHER_WORDS && !SENTENCE_END.test(rest);
}

const TOKEN_MAX_WORDS = 5;

/**
 * On a page in Arabic script, a short line with no Arabic letter is a logo, a widget or an ad
 * token (`logo`, `TT`, `38serv`, `Alsumaria Tv`, `(reuters_tickers)`, a Cyrillic widget title):
 * the article's own text is in the page's script.
 */
export function isForeignToken(line: Line, pageInArabicScript: boolean): boolean {
  if (!pageInArabicScript || ARABIC_SCRIPT.test(line.text) || !/\p{L}/u.test(line.text)) return false;
  return line.words <= TOKEN_MAX_WORDS && !SENTENCE_END.test(line.text);
}

/** `×`, `+ -`, `»`: buttons and arrows without a word. */
export function isSymbolsOnly(line: Line): boolean {
  return line.text !== '' && /^[\p{P}\p{S}\s]+$/u.test(line.text);
}

const COUNTER_WORDS = flex([
  'بازدید', 'تعداد بازدید', 'تعداد بازدیدها', 'تعداد دیدگاه', 'تعداد دیدگاه‌ها', 'تعداد نظرات', 'دیدگاه‌ها', 'عدد القراءات',
  'عدد المشاهدات', 'المشاهدات', 'مشاهدات', 'قراءات', 'عدد التعليقات', 'مشاهدة', 'قراءة', 'views', 'reads',
]);
const COUNTER = new RegExp(`^(?:${COUNTER_WORDS}\\s*[:：]?\\s*${DIGIT}+|${DIGIT}+\\s*${COUNTER_WORDS})$`, 'iu');

/** `بازدید 11717`, `عدد القراءات 2129`, `تعداد دیدگاه: 0`. */
export function isCounter(line: Line): boolean {
  return COUNTER.test(line.text);
}

const BULLET = /^[•·▪◦●■*\-–]\s*(?=[\p{L}\p{N}])/u;
const BULLET_ITEM_MAX_WORDS = 6;

/** `• أخبار`, `- ظروف وأبعاد التعديل الحكومي`: a menu or contents item, not a sentence. */
export function isBulletItem(line: Line): boolean {
  return BULLET.test(line.text) && line.words <= BULLET_ITEM_MAX_WORDS && !SENTENCE_END.test(line.text);
}

/** The line without its leading bullet, for the rules that read what the bullet introduces. */
export function withoutBullet(text: string): string {
  return text.replace(/^[•·▪◦●■*]\s*/u, '');
}

// The page asking to be followed. `تابعوا`, `اشترك في`, `انضم إلى` are also "they followed",
// "he took part in", "he joined", so they count only on a line that reports nothing (no full
// stop, no `قال`/`إن`).
const FOLLOW_VERB = new RegExp(
  `${flex(['تابعونا', 'تابعنا', 'اشترك الآن', 'انضموا إلى', 'دنبال کنید', 'عضو شوید', 'بپیوندید'])}|\\bfollow us\\b|\\bsubscribe\\b`,
  'iu',
);
const FOLLOW_AMBIGUOUS = new RegExp(flex(['تابعوا', 'اشترك في', 'انضم إلى']), 'u');
const REPORTED = new RegExp(`(?:^|\\s)${flex(['قال', 'وقال', 'إن', 'أن', 'ذكر', 'أفاد'])}(?:\\s|$)`, 'u');
const PLATFORM = new RegExp(
  `${flex([
    'تلگرام', 'اینستاگرام', 'توییتر', 'فیسبوک', 'یوتیوب', 'واتساپ', 'آپارات', 'روبیکا', 'ایتا', 'گوگل نیوز', 'شبکه‌های اجتماعی',
    'شبکه های اجتماعی', 'کانال', 'تلغرام', 'تيليجرام', 'انستغرام', 'إنستغرام', 'تويتر', 'فيسبوك', 'يوتيوب', 'واتساب', 'الواتساب',
    'قناة', 'قناتنا', 'تواصل الاجتماعي',
  ])}|google\\s*news|instagram|telegram|whatsapp|youtube|facebook|twitter`,
  'iu',
);
// `… می‌توانید رویدادها را … دنبال کنید`: the page telling its reader what they can follow.
const YOU_CAN_FOLLOW = new RegExp(`${flex(['می توانید', 'میتوانید', 'يمكنكم', 'يمكنك'])}.*${flex(['دنبال کنید', 'متابعة'])}`, 'u');
const FOLLOW_MAX_WORDS = 18;

/** `دویچه وله فارسی را در اینستاگرام دنبال کنید`, `تابعوا آخر أخبار اليوم السابع عبر Google News`. */
export function isFollowPrompt(line: Line): boolean {
  if (line.words > FOLLOW_MAX_WORDS) return false;
  const asks = FOLLOW_VERB.test(line.text) || (FOLLOW_AMBIGUOUS.test(line.text) && !SENTENCE_END.test(line.text) && !REPORTED.test(line.text));
  return (asks && PLATFORM.test(line.text)) || YOU_CAN_FOLLOW.test(line.text);
}

// A paywall or a form talking to the reader in the second person.
const PROMPTS = [
  new RegExp(flex(['يتوجب عليك', 'يجب عليك الاشتراك', 'يجب عليك تسجيل', 'لتتمكن من الاطلاع', 'لتتمكن من الإطلاع', 'هذا المقال مؤرشف', 'للمشتركين فقط']), 'u'),
  new RegExp(`${flex(['ایمیل', 'پست الکترونیک', 'کد امنیتی'])}.*${flex(['وارد نمایید', 'وارد کنید', 'درج نمایید', 'درج کنید'])}`, 'u'),
  new RegExp(flex(['أدخل بريدك', 'أدخل البريد', 'أدخل رمز']), 'u'),
  /\bsubscribe to (?:read|continue)\b|\bthis article is for subscribers\b/iu,
];
const PROMPT_MAX_WORDS = 25;

export function isReaderPrompt(line: Line): boolean {
  return line.words <= PROMPT_MAX_WORDS && PROMPTS.some((re) => re.test(line.text));
}

const READ_MORE = new RegExp(
  `^(?:${flex(['بیشتر بخوانید', 'بخوانید', 'اقرأ أيضا', 'إقرأ أيضا', 'اقرأ المزيد', 'اقرأ كذلك', 'طالع أيضا', 'مطلب مرتبط', 'خبر مرتبط'])}|read more|read also|see also)\\s*[:.…،-]+\\s*\\S`,
  'iu',
);
const READ_MORE_MAX_WORDS = 25;

/** `بیشتر بخوانید: اخباری که…`, `اقرأ أيضًا.. صحافة أمريكا…`: a link to another story. */
export function isReadMore(line: Line): boolean {
  return line.words <= READ_MORE_MAX_WORDS && READ_MORE.test(line.text);
}

// The wire's end of item: `انتهای پیام`, `انتهای پیام/`, `انتهى`, `/انتهى/`, `(انتهى) ق ق`.
// What may follow is the desk's code (`25ن`, `ق ق`), never a word (`انتهى الاجتماع`).
const END_MARKER = new RegExp(
  `^[/(\\s]*(?:${flex(['انتهای پیام', 'پایان پیام', 'پایان خبر', 'انتهى'])})[/)\\s]*(?:[\\p{L}\\p{N}]{1,4}(?:[\\s/]+[\\p{L}\\p{N}]{1,4})*)?[/\\s]*$`,
  'u',
);

export function isEndMarker(line: Line): boolean {
  return line.words <= 4 && END_MARKER.test(line.text);
}

const CREDIT_LABEL = flex(['تصوير', 'عدسة', 'الصورة', 'صورة', 'عکس', 'عکاس', 'منبع عکس', 'مصدر الصورة']);
/** `تصوير :` with or without the photographer's name. */
const CREDIT_LINE = new RegExp(`^(?:${CREDIT_LABEL}|photo|credit)\\s*[:：]\\s*[^.!?؟:]{0,40}$`, 'iu');
/** `(تعبيرية - أ ف ب).`: an illustration or archive photo's note, in brackets. */
const BRACKET_CAPTION = new RegExp(`^\\([^()]{0,60}${flex(['تعبيرية', 'أرشيفية', 'صورة', 'تصوير', 'عکس', 'آرشیو', 'عکس تزئینی'])}[^()]{0,60}\\)\\s*\\.?$`, 'u');
/** A caption that ends with its credit: `… في إدلب يوم الثلاثاء. تصوير: عمار عبدالله - رويترز`. */
const ENDS_WITH_CREDIT = new RegExp(`(?:${CREDIT_LABEL}|photo)\\s*[:：]\\s*[^.!?؟:]{1,50}$`, 'iu');
const CAPTION_MAX_WORDS = 45;

export function isCredit(line: Line): boolean {
  return line.words <= 6 && CREDIT_LINE.test(line.text);
}

export function isCaption(line: Line): boolean {
  if (line.words > CAPTION_MAX_WORDS) return false;
  return isCredit(line) || BRACKET_CAPTION.test(line.text) || ENDS_WITH_CREDIT.test(line.text);
}

const PRINT_BAR = new RegExp(`^${flex(['نسخه قابل چاپ', 'نسخه چاپی', 'نسخة للطباعة', 'نسخة قابلة للطباعة'])}|^print version`, 'iu');

/** `نسخه قابل چاپ منبع: انصاف نیوز | لینک خبر`: the print view's button bar. */
export function isPrintBar(line: Line): boolean {
  return line.words <= 12 && PRINT_BAR.test(line.text);
}

// A newspaper's masthead: `رئيس التحرير` above the editor's name, `رئيس حزب الوفد ورئيس مجلس
// الإدارة`, `المشرف العام`, `مدیر مسئول`. It starts and ends with a title word.
const MASTHEAD_TITLE = new RegExp(
  `^${flex(['رئيس', 'نائب رئيس', 'مدير', 'المشرف', 'مدیر', 'سردبیر', 'صاحب امتیاز', 'مدیرمسئول'])}(?:\\s+\\S+){0,5}?\\s*${flex(['التحرير', 'مجلس الإدارة', 'مجلس الادارة', 'العام', 'التحرير التنفيذي', 'مسئول', 'مسؤول', 'امتیاز', 'سردبیر'])}$`,
  'u',
);

export function isMastheadTitle(line: Line): boolean {
  return line.words <= 8 && MASTHEAD_TITLE.test(line.text);
}

/** A person's name under a masthead title: a few words, no sentence in them. */
export function isNameLine(line: Line): boolean {
  return line.words >= 1 && line.words <= 4 && !/[!?؟:،,«»"]/u.test(line.text) && !SENTENCE_END.test(line.text.replace(/\.(?=\S)/gu, ''));
}
