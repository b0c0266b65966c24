import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { classifyBoilerplate } from '../../corpus/metadata/boilerplate';
import { detectLanguage } from '../../corpus/text/language';
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
    const lines = ['عنوان خبر درباره عراق', 'متن خبر که یک جمله کامل است و به نقطه پایان می رسد.', 'سیاسی', 'عراق', 'کد خبر: 5', 'سیاسی', 'برچسب‌ها: عراق، ایران'];
    assert.deepEqual(marked(lines), [
      ['سیاسی', 'repeated'],
      ['عراق', 'tags'],
      ['کد خبر: 5', 'news-code'],
      ['سیاسی', 'repeated'],
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
    assert.deepEqual(marked(['متن خبر که یک جمله کامل است و به نقطه پایان می رسد.', 'انتهای پیام']), []);
  });
});
