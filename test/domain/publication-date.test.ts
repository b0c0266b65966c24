// Where a page gives its publication date, on short real lines of the field set
// (test/fixtures/field/, named in each test) around a plain body.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectMetadata } from '../../corpus/metadata/metadata';

const FA_BODY = [
  'رئیس‌جمهور در گفت‌وگوی تلفنی با نخست‌وزیر عراق، مبارزه با تروریسم را وظیفه همه دولت‌ها دانست و گفت ایران از هیچ کمکی دریغ نمی‌کند.',
  'وی با تاکید بر ضرورت همکاری‌های منطقه‌ای گفت که ثبات عراق ثبات ایران است و برای تقویت آن تلاش خواهیم کرد.',
];
const AR_BODY = [
  'أكد رئيس الوزراء في اتصال هاتفي دعم بلاده للعراق في حربه ضد الإرهاب وبما يوطد أمنه واستقراره في المنطقة.',
  'وأضاف أن العلاقات بين البلدين تشهد تطورا ملحوظا في المجالات الاقتصادية والسياسية والأمنية المختلفة.',
];

function meta(lines: string[], language: 'fa' | 'ar' = 'fa') {
  return detectMetadata(lines.join('\n'), language);
}

describe('publication date: the places a page prints it', () => {
  test("a newspaper page's issue line gives the publication date (hamshahri-1)", () => {
    const m = meta(['سه شنبه ۲ اسفند ۱۳۸۴ - سال سيزدهم - شماره ۳۹۲۷ - Feb 21, 2006', 'امروز با حافظ', 'انتقاد سيمين بهبهاني از كاريكاتوريست هاي دانماركي', ...FA_BODY]);
    assert.equal(m.date?.iso, '2006-02-21');
    assert.equal(m.dateFound?.place, 'issue');
  });

  test('a wire dateline opening the lead gives the day, written in both calendars (spa-1)', () => {
    const lead = 'الرياض 14 جمادى الآخرة 1444 هـ الموافق 07 يناير 2023 م واس أبرز عناوين الصحف الصادرة اليوم: خادم الحرمين يصدر أمرا ملكيا بتعيين أعضاء المجلس.';
    const m = meta([lead, ...AR_BODY], 'ar');
    assert.equal(m.date?.iso, '2023-01-07');
    assert.equal(m.dateFound?.place, 'dateline');
  });

  test('a story date opening the lead is not a dateline (mehr-3, sobhegharib-1 body dates)', () => {
    const m = meta(['عنوان خبر درباره عراق', `در ۲۶ فروردین ۱۳۹۷ ${FA_BODY[0]}`, FA_BODY[1]]);
    assert.equal(m.date, null);
  });

  test('a date set without spaces under a publication label is read (sobhegharib-1)', () => {
    const m = meta(['مصادیق سرقت معنوی در مقالات پزشکی اعلام شد', 'تاریخ انتشار: 10ارديبهشت1397|12:10', 'کد خبر: 18593', ...FA_BODY]);
    assert.deepEqual(m.date, { iso: '2018-04-30', original: '10ارديبهشت1397' });
    assert.equal(m.dateFound?.place, 'labelled');
  });

  test('a publication field glued to the end of a paragraph still gives the date (shoaresal-1)', () => {
    const m = meta(['عنوان خبر درباره عراق', `${FA_BODY[0]} کد خبر: ۳۹۸۰۵۰ تاریخ انتشار : ۱۴۰۴/۰۲/۲۵`, FA_BODY[1]]);
    assert.equal(m.date?.iso, '2025-05-15');
    assert.equal(m.dateFound?.place, 'labelled');
  });

  test("an «updated» label after a Hijri date joined to a Gregorian one gives the page's own Gregorian day (aljazeera-1)", () => {
    // 1427/4/9 is Sunday 7 May 2006 by Umm al-Qura; the page counts it as Monday 8 May.
    const m = meta(['التعديل الوزاري البريطاني', 'الاثنين 1427/4/9 هـ - الموافق 8/5/2006 م (آخر تحديث) الساعة 17:51 (مكة المكرمة)، 14:51 (غرينتش)', ...AR_BODY], 'ar');
    assert.deepEqual(m.date, { iso: '2006-05-08', original: '8/5/2006 م' });
    assert.equal(m.dateFound?.place, 'updated');
  });

  test('a date line under the headline with both month families joined by a hyphen (marebpress-1)', () => {
    const m = meta(['إذاعة بي بي سي بالعربية تتوقف بعد 85 عاما من البث المتواصل', 'السبت 28 يناير-كانون الثاني 2023 الساعة 09 صباحاً / مأرب برس_ وكالات', 'عدد القراءات 2129', ...AR_BODY], 'ar');
    assert.equal(m.date?.iso, '2023-01-28');
    assert.equal(m.dateFound?.place, 'byline');
  });

  test('a date line further under the headline, past the source, captions and font buttons (annahar-1)', () => {
    const m = meta(['صباح الإثنين: الانهيار يتدحرج ولا حكومة يشارك فيها "حزب الله"... هل سيدخل لبنان مرحلة أمنية؟', 'المصدر: "النهار"', '(تعبيرية - أ ف ب).', '(تعبيرية - أ ف ب).', 'A+ A-', 'صباح الخير، إليكم أبرز مستجدات الإثنين 15 آذار 2021', ...AR_BODY], 'ar');
    assert.equal(m.date?.iso, '2021-03-15');
  });

  test("the day closing a page title after the site's name is its date (dw-1)", () => {
    const m = meta(['logo', 'إحدى "أقسى عقوبات" أوروبا: خفض سقف سعر النفط الروسي – DW – 2025/7/18', ...AR_BODY], 'ar');
    assert.equal(m.date?.iso, '2025-07-18');
  });

  test("a page's machine timestamp beside the headline is its date (mirnews-1)", () => {
    const title = 'گزارش شهرداری از علت آبگرفتگی آرشیو ملی/ چرا با وجود بارندگیهای شدیدتر، این اتفاق در سالهای قبل نیفتاد؟';
    const m = meta(['میرنیوز', title, ` ${title} 2020-02-16T11:40:43+03:30`, ...FA_BODY]);
    assert.equal(m.date?.iso, '2020-02-16');
    assert.equal(m.dateFound?.place, 'stamp');
  });

  test("the page store's ` date ` marker gives the page's date when the article prints none (mehr-1, wam-1)", () => {
    const m = meta([` date 2025-12-01 أبوظبي في الأول من ديسمبر/ وام/ ${AR_BODY[0]}`, AR_BODY[1]], 'ar');
    assert.deepEqual(m.date, { iso: '2025-12-01', original: '2025-12-01' });
    assert.equal(m.dateFound?.place, 'store');
    // The same ISO date anywhere else is no marker.
    assert.notEqual(meta(['عنوان الخبر عن العراق', `${AR_BODY[0]} date 2025-12-01`, AR_BODY[1]], 'ar').dateFound?.place, 'store');
  });

  test("a date the article prints itself wins over the store's marker", () => {
    const m = meta([` date 2025-12-09 ${FA_BODY[0]}`, 'تاریخ انتشار: ۱۱ آذر ۱۴۰۴', FA_BODY[1]]);
    assert.equal(m.date?.iso, '2025-12-02');
    assert.equal(m.dateFound?.place, 'labelled');
  });
});

describe("publication date: a site's today bar is the day the page was saved", () => {
  test("a site's today bar above its masthead is not the publication date (alraees-1)", () => {
    const m = meta(['الجمعة 29 نوفمبر 2024 الموافق 27 جمادى الأولى 1446', 'رئيس التحرير', 'شيماء جلال', 'عاجل', 'السفارة الأمريكية لدى الكويت: ملتزمون بأمن البلاد ودول الخليج', ...AR_BODY], 'ar');
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /today bar/);
  });

  test("a site's clock bar naming its city is not the publication date (radiofarda-1)", () => {
    const m = meta(['خبر فوری', 'چهارشنبه ۹ فروردین ۱۴۰۲ تهران ۱۶:۵۹', 'توضيحاتي در باره تغيير برنامه هاي راديوآزادي: آغاز «راديو فردا»', ...FA_BODY]);
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /تهران/);
  });

  test("a today bar above an advert gives way to the briefing's own day (annahar-1)", () => {
    const m = meta(['الجمعة - 26 نيسان 2024', 'إعلان', 'صباح الإثنين: الانهيار يتدحرج ولا حكومة يشارك فيها "حزب الله"... هل سيدخل لبنان مرحلة أمنية؟', 'صباح الخير، إليكم أبرز مستجدات الإثنين 15 آذار 2021', ...AR_BODY], 'ar');
    assert.equal(m.date?.iso, '2021-03-15');
    assert.match(m.dateNote ?? '', /26 نيسان 2024/);
  });

  test("a bar that says it is today's is not the publication date (a stored stcm.ir page)", () => {
    const m = meta(['امروز: سه شنبه 25 مرداد 1401 - 17:03', 'عنوان خبر درباره عراق', ...FA_BODY]);
    assert.equal(m.date, null);
  });

  test("an article's date line at the top of the page, by its news code, is still its date (foodna-1)", () => {
    const m = meta(['سه شنبه / ۲۴ تیر ۱۳۹۹ / ۰۸:۵۴', 'سرویس : اقتصاد', 'کد خبر : ۹۵۲۰۶', 'تور صید ارز صادرکنندگان', ...FA_BODY]);
    assert.equal(m.date?.iso, '2020-07-14');
  });
});

describe('publication date: a line that names two days gives none', () => {
  test('two calendars joined as one day that are days apart are not trusted', () => {
    const m = meta(['عنوان الخبر عن العراق', 'الجمعة 29 نوفمبر 2024 الموافق 27 رجب 1446', ...AR_BODY], 'ar');
    assert.equal(m.date, null);
    assert.match(m.dateNote ?? '', /two different days/);
  });
});
