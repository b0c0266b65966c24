import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { detectLanguage } from '../../corpus/text/language';
import { detectMetadata } from '../../corpus/metadata/metadata';
import { eraOfText, officeMentions } from '../../corpus/metadata/office-terms';
import { splitParagraphs } from '../../corpus/text/paragraphs';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);

function sample(file: string) {
  const text = readFileSync(new URL(file, SAMPLE), 'utf8');
  return { text, meta: detectMetadata(text, detectLanguage(text)) };
}

function meta(lines: string[], language: 'fa' | 'ar' = 'fa') {
  const text = lines.join('\n\n');
  return detectMetadata(text, language);
}

const FA_BODY = [
  'رئیس‌جمهور در گفت‌وگوی تلفنی با نخست‌وزیر عراق، مبارزه با تروریسم را وظیفه همه دولت‌ها دانست و گفت ایران از هیچ کمکی دریغ نمی‌کند.',
  'وی با تاکید بر ضرورت همکاری‌های منطقه‌ای گفت که ثبات عراق ثبات ایران است و برای تقویت آن تلاش خواهیم کرد.',
  'نخست وزیر عراق نیز در این تماس تلفنی از حمایت‌های ایران قدردانی کرد و خواستار گسترش روابط شد.',
];
const AR_BODY = [
  'أكد رئيس الوزراء في اتصال هاتفي دعم بلاده للعراق في حربه ضد الإرهاب وبما يوطد أمنه واستقراره في المنطقة.',
  'وأضاف أن العلاقات بين البلدين تشهد تطورا ملحوظا في المجالات الاقتصادية والسياسية والأمنية المختلفة.',
  'وبحث الجانبان ضرورة تفعيل العمل المشترك لدعم الاستقرار في المنطقة ومواجهة التحديات الأمنية.',
];

describe('the sample articles, as a reader gives them', () => {
  test('000: headline on the first line, ISCA News from «به گزارش ایسکانیوز،», no date in the text', () => {
    const { meta: m } = sample('000_4b15f26e11b27dea.txt');
    assert.equal(m.headline, 'رئیسجمهور: مبارزه با تروریسم وظیفه همه دولتهای مسئول در منطقه و جهان است');
    assert.equal(m.outlet, 'ایسکانیوز');
    assert.equal(m.outletFound?.how, 'attribution');
    assert.equal(m.date, null);
  });

  test('002: headline under the weather bar, Zagros Arabia from its dateline, the date the lead gives', () => {
    const { text, meta: m } = sample('002_b7e8f03d4cd73c5b.txt');
    assert.equal(m.headline, 'روحاني يؤكد للكاظمي "دعم إيران للعراق في حربه ضد الإرهاب"');
    assert.equal(m.outlet, 'زاكروس عربية');
    assert.equal(m.outletFound?.how, 'dateline');
    // The weather bar's «السبت 23 تشرين الثاني» is the day the page was saved (and has no year);
    // the article itself says «اليوم الإثنين (17 أيار 2021)».
    assert.deepEqual(m.date, { iso: '2021-05-17', original: '17 أيار 2021' });
    assert.equal(m.dateFound?.place, 'lead-today');
    assert.equal(text.slice(m.dateFound?.start, m.dateFound?.end), '17 أيار 2021');
  });

  test('004: headline under the skip link, breaking label and clock; outlet and date unknown', () => {
    const { meta: m } = sample('004_df093c946d86f816.txt');
    assert.equal(m.headline, 'حسن روحانی خواستار همکاری ایران و ترکیه در مقابله با داعش شد');
    // «به گزارش خبرگزاری مهر،» opens the fifth paragraph and attributes Erdogan's words only:
    // the page cites Mehr, it is not Mehr's. The text names no publisher.
    assert.equal(m.outlet, null);
    // «دوشنبه ۵ آذر ۱۴۰۳» (2024-11-25) at the top is the day the page was saved: the article
    // speaks of President Rouhani, President Erdogan and FM Zarif, so it dates from 2014–2021.
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /۵ آذر ۱۴۰۳/);
    assert.match(m.dateNote ?? '', /روحانی/);
  });

  test('the English translations give the same outlets and dates', () => {
    const en000 = sample('000_4b15f26e11b27dea.en.txt').meta;
    assert.equal(en000.outlet, 'ISCA News');
    assert.equal(en000.date, null);
    const en002 = sample('002_b7e8f03d4cd73c5b.en.txt').meta;
    assert.equal(en002.outlet, 'Zagros Arabic');
    assert.deepEqual(en002.date, { iso: '2021-05-17', original: '17 May 2021' });
    const en004 = sample('004_df093c946d86f816.en.txt').meta;
    assert.equal(en004.headline, 'Hassan Rouhani calls for cooperation between Iran and Turkey in confronting Daesh');
    assert.equal(en004.outlet, null); // «According to the Mehr news agency» comes in paragraph five
    assert.equal(en004.date, null);
  });

  test('the same answers come with or without the paragraphs passed in', () => {
    const { text, meta: m } = sample('002_b7e8f03d4cd73c5b.txt');
    assert.deepEqual(detectMetadata(text, 'ar', splitParagraphs(text, 'rtl')), m);
  });
});

describe('headline', () => {
  test('weather bar, skip link, breaking label and date line above it are skipped', () => {
    const m = meta(['Tehran 12°C', 'لینک‌های قابل دسترسی', 'خبر فوری', '۲۲ شهریور ۱۴۰۰ - ۱۰:۳۰', 'روحانی: ایران در کنار عراق است', ...FA_BODY]);
    assert.equal(m.headline, 'روحانی: ایران در کنار عراق است');
    assert.equal(m.headlineParagraph, 4);
  });

  test('a shortened copy of the headline above it gives way to the full headline', () => {
    const m = meta(['روحانی: ایران در کنار عراق...', 'روحانی: ایران در کنار عراق است و خواهد ماند', ...FA_BODY]);
    assert.equal(m.headline, 'روحانی: ایران در کنار عراق است و خواهد ماند');
  });

  test('a headline printed twice is still the headline', () => {
    const m = meta(['روحانی: ایران در کنار عراق است', 'روحانی: ایران در کنار عراق است', ...FA_BODY]);
    assert.equal(m.headline, 'روحانی: ایران در کنار عراق است');
  });

  test('menus, a one-word section name and a label ending in a colon are not headlines', () => {
    const m = meta(['صفحه اصلی', 'سیاسی', 'خانه » سیاسی » دولت', 'اخبار امروز:', 'روحانی: ایران در کنار عراق است', ...FA_BODY]);
    assert.equal(m.headline, 'روحانی: ایران در کنار عراق است');
  });

  test('with nothing but body text the first paragraph stands in', () => {
    assert.equal(meta(FA_BODY).headline, FA_BODY[0]);
  });
});

describe('outlet', () => {
  test('the lead attribution names the publisher', () => {
    assert.equal(meta(['عنوان خبر درباره عراق', `به گزارش ایرنا، ${FA_BODY[0]}`, FA_BODY[1]]).outlet, 'ایرنا');
    assert.equal(meta(['عنوان خبر درباره عراق', FA_BODY[0], `به گزارش خبرنگار سیاسی ایسنا، ${FA_BODY[1]}`]).outlet, 'ایسنا');
    assert.equal(meta(['عنوان خبر درباره عراق', `به گزارش ایسنا به نقل از رویترز، ${FA_BODY[0]}`]).outlet, 'ایسنا');
    assert.equal(meta(['عنوان خبر درباره عراق', `به گزارش خبرگزاری مهر، ${FA_BODY[0]}`]).outlet, 'خبرگزاری مهر');
  });

  test('an unknown outlet in the lead attribution is taken as written', () => {
    assert.equal(meta(['عنوان خبر درباره عراق', `به گزارش ایسکانیوز، ${FA_BODY[0]}`]).outlet, 'ایسکانیوز');
  });

  test('«our reporter» names no outlet', () => {
    assert.equal(meta(['عنوان خبر درباره عراق', `به گزارش خبرنگار ما، ${FA_BODY[0]}`]).outlet, null);
  });

  test('an attribution deeper in the article cites a source, it does not name the publisher', () => {
    const m = meta(['عنوان خبر درباره عراق', ...FA_BODY, `به گزارش خبرگزاری مهر، ${FA_BODY[1]}`]);
    assert.equal(m.outlet, null);
  });

  test('a dateline line under the headline, outlet on either side of the city', () => {
    assert.equal(meta(['عنوان الخبر عن العراق', 'زاكروس عربية – أربيل', ...AR_BODY], 'ar').outlet, 'زاكروس عربية');
    assert.equal(meta(['عنوان الخبر عن العراق', 'بغداد - شفق نيوز', ...AR_BODY], 'ar').outlet, 'شفق نيوز');
    // A city and a name that is no outlet's (a reporter) is not an outlet.
    assert.equal(meta(['عنوان الخبر عن العراق', 'بغداد – محمد علي', ...AR_BODY], 'ar').outlet, null);
  });

  test('an agency dateline opening the first paragraph', () => {
    assert.equal(meta(['عنوان الخبر عن العراق', `بغداد (رويترز) - ${AR_BODY[0]}`, AR_BODY[1]], 'ar').outlet, 'رويترز');
    assert.equal(meta(['عنوان خبر درباره عراق', `تهران- ایرنا- ${FA_BODY[0]}`, FA_BODY[1]]).outlet, 'ایرنا');
  });

  test('an agency cited in a sentence is not the publisher', () => {
    assert.equal(meta(['عنوان الخبر عن العراق', `نقلت وكالة فارس أن ${AR_BODY[0]}`, AR_BODY[1]], 'ar').outlet, null);
  });

  test('a rights notice naming a known outlet is the last resort', () => {
    assert.equal(meta(['عنوان الخبر عن العراق', ...AR_BODY, '© 2021 رووداو. جميع الحقوق محفوظة'], 'ar').outlet, 'رووداو');
    assert.equal(meta(['عنوان خبر درباره عراق', ...FA_BODY, 'کلیه حقوق این سایت متعلق به خبرگزاری تسنیم است.']).outlet, 'خبرگزاری تسنیم');
  });
});

describe('publication date', () => {
  test('a labelled publication date wins', () => {
    const m = meta(['عنوان خبر درباره عراق', 'تاریخ انتشار: ۲۲ شهریور ۱۴۰۰ - ۱۰:۳۰', ...FA_BODY]);
    assert.deepEqual(m.date, { iso: '2021-09-13', original: '۲۲ شهریور ۱۴۰۰' });
    assert.equal(m.dateFound?.place, 'labelled');
  });

  test('a Hijri Qamari publication date converts', () => {
    const m = meta(['عنوان الخبر عن العراق', 'نشر في 5 رمضان 1442 هـ', ...AR_BODY], 'ar');
    assert.deepEqual(m.date, { iso: '2021-04-17', original: '5 رمضان 1442 هـ' });
  });

  test('a date line above the headline is taken when nothing in the text contradicts it', () => {
    const m = meta(['دوشنبه ۲۲ شهریور ۱۴۰۰', 'عنوان خبر درباره عراق', 'ابراهیم رئیسی، رئیس جمهور در سفر به عراق گفت که روابط دو کشور گسترش خواهد یافت و همکاری ادامه دارد.']);
    assert.deepEqual(m.date, { iso: '2021-09-13', original: 'دوشنبه ۲۲ شهریور ۱۴۰۰' });
    assert.equal(m.dateFound?.place, 'header');
  });

  test('the crawl date at the top is not given when the article names office-holders of another time', () => {
    const lines = ['دوشنبه ۵ آذر ۱۴۰۳ ۰۷:۰۷', 'عنوان خبر درباره عراق', 'حسن روحانی، رئیس جمهور در تماس تلفنی با نخست وزیر عراق گفت که ایران در کنار عراق است و خواهد ماند.'];
    const m = meta(lines);
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /2024-11-25/);
    // Called «former president», Rouhani dates nothing, and the date stands.
    const former = meta([lines[0], lines[1], 'حسن روحانی، رئیس جمهور سابق در گفت‌وگویی گفت که ایران در کنار عراق است و خواهد ماند و همکاری ادامه دارد.']);
    assert.equal(former.date?.iso, '2024-11-25');
  });

  test('the article\'s own «today» beats a date line at the top', () => {
    const m = meta(['الإثنين 25 تشرين الثاني 2024', 'عنوان الخبر عن العراق', `أكد الرئيس، اليوم الإثنين (17 أيار 2021)، ${AR_BODY[0]}`, AR_BODY[1]], 'ar');
    assert.deepEqual(m.date, { iso: '2021-05-17', original: '17 أيار 2021' });
  });

  test('a date line after the article, beside the news code, is its date', () => {
    const m = meta(['عنوان خبر درباره عراق', ...FA_BODY, 'کد خبر: 626824', '۱۴۰۰/۰۶/۲۲ - ۱۰:۳۰']);
    assert.deepEqual(m.date, { iso: '2021-09-13', original: '۱۴۰۰/۰۶/۲۲' });
    assert.equal(m.dateFound?.place, 'footer');
  });

  test('a weather bar date is never the publication date', () => {
    const m = meta(['Erbil 6°C السبت 23 تشرين الثاني 2024 07:39', 'عنوان الخبر عن العراق', ...AR_BODY], 'ar');
    assert.equal(m.date, null);
  });

  test('a date whose printed weekday is wrong is not trusted', () => {
    const m = meta(['جمعه ۵ آذر ۱۴۰۳', 'عنوان خبر درباره عراق', ...FA_BODY]);
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /weekday/);
  });

  test('an event date in the body is not the publication date', () => {
    const m = meta(['عنوان خبر درباره عراق', ...FA_BODY, 'این توافق در ۱۲ تیر ۱۳۹۹ امضا شده بود و اکنون اجرایی می‌شود و دو طرف به آن پایبندند.']);
    assert.equal(m.date, null);
  });
});

describe('office-holders that date an article', () => {
  test('a name with its office in apposition, before or after', () => {
    assert.deepEqual(
      officeMentions('أكد الرئيس الإيراني حسن روحاني أن... و«حیدر العبادی» نخست وزیر عراق گفت').map((m) => m.person),
      ['Hassan Rouhani', 'Haider al-Abadi'],
    );
  });

  test('an office that belongs to someone else in the sentence does not count', () => {
    assert.deepEqual(officeMentions('رئیس جمهور آمریکا در دیدار با روحانی گفت'), []);
    assert.deepEqual(officeMentions('الرئيس الأمريكي جو بايدن مع روحاني'), [
      officeMentions('الرئيس الأمريكي جو بايدن')[0],
    ]);
  });

  test('offices that cannot have been held at once rule nothing out', () => {
    assert.equal(eraOfText('حسن روحانی، رئیس جمهور و مسعود پزشکیان، رئیس جمهور'), null);
    // Around a handover both are called president for a few weeks.
    assert.notEqual(eraOfText('حسن روحانی، رئیس جمهور و ابراهیم رئیسی، رئیس جمهور'), null);
  });
});

describe('headline on saved pages (lines from test/fixtures/field)', () => {
  const AR_LEAD = 'أقرت لجنة متابعة أسعار الوقود، رفع أسعار البنزين خلال شهر يوليو المقبل بواقع 9 فلوس للتر الواحد، فيما ارتفع سعر الديزل بواقع 12 فلسا.';
  test('a kicker above the headline is kept as the kicker, the line under it is the headline', () => {
    const m = meta(['با ابلاغ رئیس جمهور صورت می گیرد', 'ادامه فعالیت سازمان فضایی ایران زیر نظر معاونت اجرایی رئیس جمهور', ...FA_BODY]);
    assert.equal(m.headline, 'ادامه فعالیت سازمان فضایی ایران زیر نظر معاونت اجرایی رئیس جمهور');
    assert.equal(m.kicker, 'با ابلاغ رئیس جمهور صورت می گیرد');
  });
  test("a page title's site name, section or date after a dash is not part of the headline", () => {
    assert.equal(meta(['بنك "ستاندرد تشارترد" يبدأ تقديم خدماته المصرفية في السعودية - العربية', AR_LEAD], 'ar').headline, 'بنك "ستاندرد تشارترد" يبدأ تقديم خدماته المصرفية في السعودية');
    assert.equal(meta(['9 فلوس زيادة بسعر ليتر البنزين و12 في الديزل خلال يوليو - الاقتصادي', AR_LEAD], 'ar').headline, '9 فلوس زيادة بسعر ليتر البنزين و12 في الديزل خلال يوليو');
  });
  test('a text that starts with its lead has no headline, and says so', () => {
    const m = meta([`الرياض 14 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م واس ${AR_LEAD}`], 'ar');
    assert.equal(m.headlineParagraph, null);
    assert.ok(m.headline.startsWith('الرياض 14 جمادى الآخرة'));
    assert.equal(m.outlet, 'وكالة الأنباء السعودية');
  });
  test('a slogan cut with «...» is not a headline', () => {
    assert.equal(meta(['از پنجره همراز به نصف جهان نگاه کنید...', ...FA_BODY]).headlineParagraph, null);
  });
});
