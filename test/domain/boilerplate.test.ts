import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { classifyBoilerplate } from '../../corpus/metadata/boilerplate';
import { detectLanguage } from '../../corpus/text/language';
import { detectFurnitureTails } from '../../corpus/metadata/furniture-tails';
import { detectBoilerplate } from '../../corpus/metadata/metadata';
import { splitParagraphs } from '../../corpus/text/paragraphs';

const SAMPLE = new URL('../../corpus/sample/', import.meta.url);

function article(file: string) {
  const text = readFileSync(new URL(file, SAMPLE), 'utf8');
  const paragraphs = splitParagraphs(text);
  return { text, paragraphs, kinds: classifyBoilerplate(paragraphs, detectLanguage(text)) };
}

function marked(lines: string[]): Array<[string, string]> {
  const paragraphs = splitParagraphs(lines.join('\n'));
  const kinds = classifyBoilerplate(paragraphs, 'und');
  return paragraphs.flatMap((p, i) => (kinds.has(i) ? [[p.text, kinds.get(i) as string] as [string, string]] : []));
}

/** The furniture lines of an article, as [line text, kind]. */
function furnitureOf(file: string): Array<[string, string]> {
  const { paragraphs, kinds } = article(file);
  return paragraphs.flatMap((p, i) => (kinds.has(i) ? [[p.text, kinds.get(i) as string] as [string, string]] : []));
}

describe('boilerplate in the sample articles', () => {
  test('000 (ISCA News): the trailing number, news code and the repeated «وب گردی» link', () => {
    assert.deepEqual(furnitureOf('000_4b15f26e11b27dea.txt'), [
      ['10202', 'number'],
      ['کد خبر: 626824', 'news-code'],
      ['وب گردی', 'repeated'],
      ['وب گردی', 'repeated'],
    ]);
  });

  test('002 (Zagros Arabia): the weather bar, the tag link, the comment widget and the notification prompt', () => {
    assert.deepEqual(furnitureOf('002_b7e8f03d4cd73c5b.txt'), [
      ['Erbil 6°C السبت 23 تشرين\u00A0الثاني 07:39', 'weather'], // the page has a no-break space there
      ['العراق', 'tags'],
      ['التعليقات (0)', 'comments'],
      ['لا توجد تعليقات حتى الآن', 'comments'],
      ['الرد كضيف', 'comments'],
      ['هل ترغب في تلقي إشعارات؟', 'subscribe'],
      ['ابق على اطلاع بآخر أخبارنا وأحداثنا.', 'subscribe'],
    ]);
  });

  test('004: the skip link, the breaking-news label, the clock bar and the text size picker', () => {
    assert.deepEqual(furnitureOf('004_df093c946d86f816.txt'), [
      ['لینکهای قابل دسترسی', 'skip-link'],
      ['خبر فوری', 'label'],
      ['دوشنبه ۵ آذر ۱۴۰۳ ایران ۰۷:۰۷', 'date-line'],
      ['XS', 'size-picker'],
      ['SM', 'size-picker'],
      ['MD', 'size-picker'],
      ['LG', 'size-picker'],
    ]);
  });

  test('no line from the headline to the last sentence of an article is marked', () => {
    // [first, last] paragraph index of each article proper: headline, subheadline, dateline, body.
    const articleLines: Record<string, [number, number]> = {
      '000_4b15f26e11b27dea.txt': [0, 9],
      '002_b7e8f03d4cd73c5b.txt': [1, 14],
      '004_df093c946d86f816.txt': [3, 18],
    };
    for (const [file, [first, last]] of Object.entries(articleLines)) {
      const { paragraphs, kinds } = article(file);
      assert.ok(/[.»"؛]$/.test(paragraphs[last].text.trim()), `${file}: paragraph ${last} ends the article`);
      for (let i = first; i <= last; i++) {
        assert.equal(kinds.has(i), false, `${file}: «${paragraphs[i].text.slice(0, 60)}» must not be marked`);
      }
    }
  });

  test('detectBoilerplate gives the same lines as paragraph indexes', () => {
    const { paragraphs, kinds } = article('004_df093c946d86f816.txt');
    assert.deepEqual([...detectBoilerplate(paragraphs, 'fa')].sort((a, b) => a - b), [...kinds.keys()].sort((a, b) => a - b));
  });
});

describe('each rule on lines of its own kind', () => {
  test('weather bars in either script', () => {
    assert.deepEqual(marked(['Baghdad 31°C الأحد 4 آب 12:10', 'تهران ۱۲°C', 'Erbil 6℃']).map(([, k]) => k), ['weather', 'weather', 'weather']);
  });

  test('skip links and labels however the ZWNJ is written', () => {
    assert.deepEqual(
      marked(['لینک‌های قابل دسترسی', 'لینک های قابل دسترسی', 'Skip to content', 'عاجل', 'خبر فوری', 'اقرأ أيضاً']).map(([, k]) => k),
      ['skip-link', 'skip-link', 'skip-link', 'label', 'label', 'label'],
    );
  });

  test('date and clock lines', () => {
    assert.deepEqual(
      marked(['۲۲ شهریور ۱۴۰۰ - ۱۰:۳۰', 'تاریخ انتشار: ۱۴۰۰/۰۶/۲۲', 'الإثنين 17 أيار 2021', '07:39']).map(([, k]) => k),
      ['date-line', 'date-line', 'date-line', 'date-line'],
    );
  });

  test('news codes and bare numbers', () => {
    assert.deepEqual(
      marked(['کد خبر: ۶۲۶۸۲۴', 'کد مطلب 12345', 'رقم الخبر: 991', 'News ID: 4411', '10202', '۱۲۳']).map(([, k]) => k),
      ['news-code', 'news-code', 'news-code', 'news-code', 'number', 'number'],
    );
  });

  test('comment and share widgets, subscription prompts', () => {
    assert.deepEqual(
      marked(['التعليقات (12)', 'نظرات (۳)', 'ارسال نظر', 'أضف تعليقاً', 'شارك', 'فيسبوك تويتر واتساب', 'Facebook | Twitter | Telegram', 'اشتراک گذاری', 'تابعونا على تويتر']).map(([, k]) => k),
      ['comments', 'comments', 'comments', 'comments', 'share', 'share', 'share', 'share', 'subscribe'],
    );
  });

  test('size pickers, one size to a line or all on one', () => {
    assert.deepEqual(marked(['XS SM MD LG', 'A+ A-']).map(([, k]) => k), ['size-picker', 'size-picker']);
  });

  test('rights notices and disclaimers', () => {
    assert.deepEqual(
      marked([
        'جميع الحقوق محفوظة لشبكة رووداو الإعلامية © 2021',
        'کلیه حقوق این سایت متعلق به خبرگزاری تسنیم است.',
        'استفاده از مطالب این پایگاه با ذکر منبع آزاد است.',
        'المقالات المنشورة تعبر عن رأي كاتبها',
        'Copyright 2021, all rights reserved',
      ]).map(([, k]) => k),
      ['legal', 'legal', 'legal', 'legal', 'legal'],
    );
  });

  test('menus and breadcrumbs', () => {
    assert.deepEqual(marked(['صفحه اصلی', 'الرئيسية', 'خانه » سیاسی » دولت']).map(([, k]) => k), ['navigation', 'navigation', 'navigation']);
  });

  test('a short line repeated is a link; a tag line after the article is a tag', () => {
    const lines = ['عنوان خبر درباره عراق', 'متن خبر که یک جمله کامل است و به نقطه پایان می رسد.', 'عراق', 'وب گردی', 'کد خبر: 5', 'وب گردی', 'برچسب‌ها: عراق، ایران'];
    assert.deepEqual(marked(lines), [
      ['عراق', 'tags'],
      ['وب گردی', 'repeated'],
      ['کد خبر: 5', 'news-code'],
      ['وب گردی', 'repeated'],
      ['برچسب‌ها: عراق، ایران', 'tags'],
    ]);
  });
});

describe('article sentences that look like furniture are left alone', () => {
  test('sentences that mention comments, codes, weather, rights or dates', () => {
    const sentences = [
      'وزیر گفت کد خبر را نمی‌داند و این موضوع را بررسی می‌کند.',
      'قال المتحدث إن التعليقات (0) على الموقع لا تعكس الواقع.',
      'دمای هوا در اهواز امروز به 50°C رسید و مدارس تعطیل شد و مردم در خانه ماندند و برق قطع شد.',
      'وأكد أن جميع الحقوق التي نص عليها الدستور يجب أن تحترم.',
      'استفاده از مطالب درسی قدیمی در مدارس ادامه دارد.',
      'الإثنين 17 أيار 2021 كان يوما حاسما في تاريخ العراق الحديث.',
      'ما را در این مسیر یاری کنید.',
      'به کانال سوئز رسید.',
      'تصريحات الوزير لا تعبر بالضرورة عن موقف الحكومة.',
      'کلیه حقوق کارکنان خبرگزاری تا پایان ماه پرداخت خواهد شد و وزیر در این باره توضیح داد.',
      'وقال الوزير إن جميع الحقوق محفوظة للمواطنين وفق الدستور العراقي الجديد الذي أقره البرلمان.',
      'روحانی | رئیس جمهور',
      'العراق',
    ];
    assert.deepEqual(marked(sentences), []);
  });

  test('a single short line at the end with no furniture after it stays (a signature, a last word)', () => {
    assert.deepEqual(marked(['متن خبر که یک جمله کامل است و به نقطه پایان می رسد.', 'ایرج گرگین']), []);
  });
});

// The lines below are from the field set (test/fixtures/field), each with the rule that marks it.
const PROSE_FA = 'وزیر امور خارجه کشورمان در رأس هیئتی تهران را به مقصد ریاض پایتخت عربستان سعودی ترک کرد.';
const PROSE_AR = 'أفاد مصدر أمني، اليوم الاثنين، باندلاع حريق بمطعم سوري في منطقة العامرية غربي العاصمة بغداد.';

describe('page furniture on saved pages from the field', () => {
  test('a metadata bar of dates, clocks, codes and fields is one furniture line, a date line when it has a date', () => {
    assert.deepEqual(
      marked([
        '۱۹ آبان ۱۳۹۳ | ۱۳:۵۲ کد : ۱۹۴۰۶۴۹ سرخط اخبار',
        'كشـ24 | و.م.ع نشر في: 17 سبتمبر 2021',
        'الجمعة 20 نونبر 2020 - 09:00',
        'سه شنبه، 25 اردیبهشت 1403 ساعت 11:452024-05-14سياسي',
        'منتشر شده در سه شنبه, 29 شهریور 1401 14:46',
        'تاریخ انتشار :',
        'امروز: -',
        'سرویس : اقتصاد',
        'گزارشگر : ۳۵۱۶',
        'شناسهٔ خبر: 76166559 - سرویس سیاسی',
      ]).map(([, k]) => k),
      ['date-line', 'date-line', 'date-line', 'date-line', 'date-line', 'date-line', 'date-line', 'field', 'field', 'field'],
    );
  });

  test('view counters, bare buttons and page links are furniture', () => {
    assert.deepEqual(
      marked(['بازدید 11717', 'عدد القراءات 2129', 'تعداد دیدگاه: 0', '×', '+ -', 'https://www.radiofarda.com/a/30564276.html', 'اخبار روز: www.iran-chabar.de']).map(([, k]) => k),
      ['counter', 'counter', 'counter', 'symbols', 'symbols', 'link', 'link'],
    );
  });

  test('on a Persian or Arabic page a short line in another script is a logo or widget token; on an English page it is text', () => {
    assert.deepEqual(
      marked([PROSE_AR, 'TT', 'logo', '38serv', 'Alsumaria Tv', 'Заголовок открываемого материала']).map(([, k]) => k),
      ['token', 'token', 'token', 'token', 'token'],
    );
    assert.deepEqual(marked(['The minister said the talks would go on next week in Geneva.', 'Alsumaria Tv']), []);
  });

  test('a section name or a menu of them is furniture: a `•`/`-` bullet item, a `•` or `|` menu bar, a numbered breadcrumb from Home', () => {
    assert.deepEqual(
      marked(['عرب وعالم', 'گزارش و تحلیل', 'تیتر یک', '• أخبار', '- ظروف وأبعاد التعديل الحكومي', 'أخبار • مقالات • فيديو • كاريكاتير', '• کد خبر: 91080603319']).map(([, k]) => k),
      ['section', 'section', 'section', 'section', 'menu', 'navigation', 'news-code'],
    );
    const crumbs = ['1. Home', '2. أخبار', '3. أمني', '4. تحذيرات من “قنبلة داعشية” تهدد جنوب العراق', 'تحذيرات من “قنبلة داعشية” تهدد جنوب العراق', PROSE_AR];
    assert.deepEqual(marked(crumbs).map(([t]) => t), crumbs.slice(0, 4));
  });

  test('a related-news list and its items are furniture, the article sentences after it are not', () => {
    const page = ['مطالب مرتبط:', 'یارانه ها', 'مسکن مهر', 'قیمت جهانی طلا', 'سه شنبه، 25 اردیبهشت 1403 ساعت 11:45', 'هنوز عطش نسل کشی صهیونیست ها فروکش نکرده است', PROSE_FA];
    assert.deepEqual(marked(page).map(([t]) => t), page.slice(0, 5));
    const footer = [PROSE_FA, 'پربینندهترین اخبار سیاسی', 'آخرین خبرهای روز', 'فلای تو دی', 'رازی', 'او پارک'];
    assert.deepEqual(marked(footer).map(([t]) => t), footer.slice(1));
  });

  test('a ticker heading takes the long line of run-together headlines under it, not the headline after', () => {
    const ticker = 'السلطات المحلية بمحافظة مأرب تمهل أصحاب محطات الغاز غير القانونية 72 ساعة للإغلاق الطوعي اللجنة العليا للاختبارات بوزارة التربية تناقش إجراءات الاعداد والتهيئة لاختبارات الثانوية العامة';
    const page = ['آخر الاخبار', ticker, 'إذاعة بي بي سي بالعربية تتوقف بعد 85 عاما من البث المتواصل', PROSE_AR];
    assert.deepEqual(marked(page).map(([t]) => t), page.slice(0, 2));
  });

  test('above the article a lone short line under a list heading may be the headline and stays', () => {
    assert.deepEqual(marked(['آخرین اخبار', 'حمایت لاوروف از ایران', 'کدخبر: ۲۹۱۳۵۳', PROSE_FA]).map(([t]) => t), ['آخرین اخبار', 'کدخبر: ۲۹۱۳۵۳']);
  });

  test('a masthead is furniture: each title with the name under it, and the site name as the first line', () => {
    const page = ['بوابة الوفد الإلكترونية', 'رئيس حزب الوفد ورئيس مجلس الإدارة', 'د.عبد السند يمامة', 'رئيس التحرير', 'عاطف خليل', 'الاحتلال يقتحم وسط مدينة رام الله الفلسطينية', PROSE_AR];
    assert.deepEqual(marked(page), page.slice(0, 5).map((t) => [t, 'masthead']));
  });

  test('follow and subscribe prompts, paywall and form messages, read-more links and end markers are furniture', () => {
    assert.deepEqual(
      marked([
        PROSE_AR,
        'دویچه وله فارسی را در اینستاگرام دنبال کنید',
        'قناة اليوم السابع على الواتساب اشترك في قناة اليوم السابع على واتساب',
        'للمزيد: موقع خليجيون نيوز، للتواصل الاجتماعي تابعنا على خليجيون',
        'هذا المقال مؤرشف, يتوجب عليك الإشتراك بخطة الممتاز+ لتتمكن من الإطلاع على المقالات المؤرشفة.',
        'آدرس ایمیل خود را با فرمت مناسب وارد نمایید.',
        'اقرأ أيضًا.. صحافة أمريكا تُبرز دور مصر في إنهاء مُعاناة غزة',
        'بیشتر بخوانید: اخباری که در وبسایت منتشر نمیشوند!',
        'انتهای پیام/',
      ]).map(([, k]) => k),
      ['subscribe', 'subscribe', 'subscribe', 'prompt', 'prompt', 'read-more', 'read-more', 'end-marker'],
    );
    assert.deepEqual(marked([PROSE_FA, 'انتهای پیام']), [['انتهای پیام', 'end-marker']]);
  });

  test('photo captions and credits are furniture: a bracketed note, a caption ending in its credit, a credit and its name, every copy', () => {
    const caption = 'تشييع جثمان المقدم محمد مبروك الضابط بقطاع الأمن الوطني، في جنازة عسكرية من مسجد الشرطة بالدراسة، 18 نوفمبر 2013.';
    const page = [
      'وزير الداخلية يتفقد محيط «انفجار المنصورة» بعد ساعات من الحادث',
      caption,
      'تصوير :',
      'طارق وجيه',
      caption,
      '(تعبيرية - أ ف ب).',
      '(الصورة بها مشاهد قد تؤذي المشاعر) موظف إنقاذ يحمل طفلة قتلت جراء هجوم كيماوي في إدلب يوم الثلاثاء. تصوير: عمار عبدالله - رويترز',
      PROSE_AR,
    ];
    assert.deepEqual(marked(page), page.slice(1, 7).map((t) => [t, 'caption']));
  });

  test('a headline repeated with the image caption glued on is a caption; the headline is not', () => {
    const headline = 'عضو بالكونجرس: مسئولون تأكدوا أن قوات الأسد استخدمت أسلحة كيماوية';
    assert.deepEqual(marked([headline, 'الجمعة، 30 أغسطس 2013 05:34 ص', `${headline} مجلس النواب الأمريكى`, PROSE_AR]).map(([t]) => t), [
      'الجمعة، 30 أغسطس 2013 05:34 ص',
      `${headline} مجلس النواب الأمريكى`,
    ]);
  });

  test('print and close buttons, a bare tag label, comment forms and policies, skip and back-to-top links', () => {
    assert.deepEqual(
      marked([
        'نسخه قابل چاپ منبع: انصاف نیوز | لینک خبر',
        'بستن   چاپ',
        'برچسبها',
        'شما در حال پاسخ به نظر «» هستید.',
        'إرسال تعليق',
        'نظرات حاوی توهین و افترا منتشر نمی‌شود.',
        'لینکهای قابلیت دسترسی',
        'الرجوع الى أعلى الصفحة',
      ]).map(([, k]) => k),
      ['share', 'share', 'tags', 'comments', 'comments', 'legal', 'skip-link', 'navigation'],
    );
  });

  test('in the body a short line wedged between furniture is furniture; above the article only a site name is', () => {
    const body = [
      'خبرگاه؛ پخش زنده تلویزیون فارسی صدای آمریکا متوقف شد',
      PROSE_FA,
      'در “خبرگاه” میتوانید رویدادهای متنوع را به شکلی کوتاه و فشرده دنبال کنید.',
      'اینترنت بدون سانسور با سایفون دویچه وله',
      'دویچه وله فارسی را در اینستاگرام دنبال کنید',
      PROSE_FA,
    ];
    assert.deepEqual(marked(body).map(([t]) => t), body.slice(2, 5));
    const top = ['Web Analytics Made Easy - Statcounter', 'به نقل از «همشهری آنلاین»', '2024-05-04@23:34:12 GMT', 'از نگاه مردم', 'تاریخ انتشار: ۵ مهر ۱۳۹۹ | کد خبر: ۲۹۴۱۹۰۱۱', 'از نگاه مردم', PROSE_FA];
    assert.deepEqual(marked(top).map(([t]) => t), [top[0], top[1], top[2], top[4]], 'the headline, twice above the article, stays');
  });

  test('a site section name that comes back at the foot of the page is furniture even as the first line', () => {
    const page = ['رويترز عربي ودولي', 'واشنطن (رويترز) - قال مسؤول بالمخابرات الأمريكية يوم الثلاثاء إن هجوم الغاز السام يحمل بصمات الحكومة.', 'رويترز', '  رويترز عربي ودولي'];
    assert.deepEqual(marked(page).map(([t]) => t.trim()), ['رويترز عربي ودولي', 'رويترز عربي ودولي'], 'the source credit «رويترز» stays');
  });
});

describe('article sentences that look like the new furniture are left alone', () => {
  test('sentences with a follow verb, a date, an end word, an e-mail, a credit word or a repeated headline', () => {
    const headline = 'رئیس جمهور وارد نیویورک شد';
    const sentences = [
      headline,
      'وقال إن الآلاف تابعوا البث على يوتيوب أمس.',
      'اشترك في تأسيس قناة الجزيرة عام 1996 وعمل فيها عشر سنوات.',
      'الإثنين 17 أيار 2021 كان يوما حاسما',
      'انتهى الاجتماع',
      'او گفت ایمیل خود را چک نکرده است و از ماجرا خبر نداشت.',
      `${headline} تا سخنرانی کند`,
      'مسکن مهر 5',
      'قال رئيس التحرير إن الصحيفة ستواصل الصدور رغم الأزمة المالية التي تمر بها.',
      'سرویس مدارس رایگان شد',
      PROSE_FA,
    ];
    assert.deepEqual(marked(sentences), []);
  });
});

/** The furniture glued to the end of each line, as [line index, tail]. */
function tails(lines: string[]): Array<[number, string]> {
  const text = lines.join('\n');
  return detectFurnitureTails(splitParagraphs(text), 'und').map((t) => [t.paragraph, text.slice(t.start, t.end)]);
}

describe('furniture glued to the end of an article line', () => {
  test("a headline's site suffix, one or several pieces, is a tail; the headline is not", () => {
    assert.deepEqual(
      tails([
        'بنك "ستاندرد تشارترد" يبدأ تقديم خدماته المصرفية في السعودية - العربية',
        'إحدى "أقسى عقوبات" أوروبا: خفض سقف سعر النفط الروسي – DW – 2025/7/18',
        'الأدنى منذ 11 أسبوعًا بسبب هبوط مفاجئ.. سعر الذهب في مصر وعالميًا مساء 29 يونيو 2021 - Al Masry Al Youm - المصري اليوم',
        '9 فلوس زيادة بسعر ليتر البنزين و12 في الديزل خلال يوليو - الاقتصادي',
      ]),
      [
        [0, ' - العربية'],
        [1, ' – DW – 2025/7/18'],
        [2, ' - Al Masry Al Youm - المصري اليوم'],
        [3, ' - الاقتصادي'],
      ],
    );
  });

  test('a time stamp, a wire end marker, a source credit and a caption credit glued to a body line are tails', () => {
    assert.deepEqual(
      tails([
        'گزارش شهرداری از علت آبگرفتگی آرشیو ملی/ چرا با وجود بارندگیهای شدیدتر، این اتفاق در سالهای قبل نیفتاد؟ 2020-02-16T11:40:43+03:30',
        'وبين ان "نقل الدواعش الى العراق يعني زيادة الأعباء وارهاق الموازنة". انتهى 25ن',
        'رئیس مرکز اطلاعات پلیس راهور از افزایش ترددها در محورهای مواصلاتی خبر داد. منبع: ایسنا',
        'روزنامه کیهان به قلم حسین شمسیان در ستون سرمقاله خود به موضوع «دغدغه مردم» پرداخت و نوشت:روزنامه کیهان؛۸ اردیبهشت',
      ]),
      [
        [0, ' 2020-02-16T11:40:43+03:30'],
        [1, ' انتهى 25ن'],
        [2, 'منبع: ایسنا'],
        [3, 'روزنامه کیهان؛۸ اردیبهشت'],
      ],
    );
  });

  test("the outlet's blurb glued to the last full stop is a tail; a glued sentence that reports is the article's", () => {
    const blurb = 'خبرگاه دویچه وله فارسی مجموعهای خبری از موضوعات و تحولات روز ایران، منطقه، آلمان و جهان است.';
    assert.deepEqual(tails([`پخش تلویزیونی بخش فارسی صدای آمریکا متوقف شد.${blurb}`]), [[0, blurb]]);
    assert.deepEqual(tails(['وزیر سخنان خود را تکرار کرد.خبرگزاری فارس در ادامه نوشت که این سفر لغو شد.']), []);
  });

  test('a dateline, a city after a dash, or a headline with a dash keeps all its words', () => {
    assert.deepEqual(
      tails(['زاكروس عربية – أربيل', 'الاتحاد الأوروبي يفرض عقوبات جديدة على روسيا - بروكسل', 'وقال إن الاجتماع انتهى', 'متن خبر که یک جمله کامل است و به نقطه پایان می رسد.']),
      [],
    );
  });
});
