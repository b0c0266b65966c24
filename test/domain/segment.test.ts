// Sentences for translators: rules that work for Persian, Arabic and English, and the
// shared articles split where a reader splits them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segmentSentences, segmentText, sentenceAround, type SegmentedParagraph } from '../../corpus/text/segment';

const sample = (name: string) => readFileSync(new URL(`../../corpus/sample/${name}`, import.meta.url), 'utf8');
const FA = sample('000_4b15f26e11b27dea.txt');
const AR = sample('002_b7e8f03d4cd73c5b.txt');
const FA2 = sample('004_df093c946d86f816.txt');

const sentences = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

/** Every sentence non-empty, trimmed, in order, inside its paragraph, and all non-space text covered. */
function assertWellFormed(text: string, paragraphs: SegmentedParagraph[]): void {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  assert.deepEqual(paragraphs.map((p) => text.slice(p.start, p.end)), lines.map((l) => l.trim()));
  for (const p of paragraphs) {
    let covered = p.start;
    for (const s of p.sentences) {
      const t = text.slice(s.start, s.end);
      assert.ok(t.length > 0, 'empty sentence');
      assert.equal(t, t.trim(), `not trimmed: ${JSON.stringify(t)}`);
      assert.ok(s.start >= covered, 'sentences out of order or overlapping');
      assert.equal(text.slice(covered, s.start).trim(), '', `text left out before: ${JSON.stringify(t)}`);
      covered = s.end;
    }
    assert.ok(p.sentences.length > 0);
    assert.equal(covered, p.end, 'the last sentence ends the paragraph');
  }
}

test('a sentence ends after . ؟ ? ! and ؛', () => {
  assert.deepEqual(sentences('او آمد. ما رفتیم.'), ['او آمد.', 'ما رفتیم.']);
  assert.deepEqual(sentences('چرا آمدی؟ نمی‌دانم.'), ['چرا آمدی؟', 'نمی‌دانم.']);
  assert.deepEqual(sentences('Why? Because it rained.'), ['Why?', 'Because it rained.']);
  assert.deepEqual(sentences('عالی بود! ادامه بده.'), ['عالی بود!', 'ادامه بده.']);
  assert.deepEqual(sentences('وصل الرئيس؛ وبدأ الاجتماع.'), ['وصل الرئيس؛', 'وبدأ الاجتماع.']);
  assert.deepEqual(sentences('واقعاً؟! باور نمی‌کنم.'), ['واقعاً؟!', 'باور نمی‌کنم.']);
});

test('closing quotes and brackets stay with the sentence they close', () => {
  assert.deepEqual(sentences('گفت: «ما آمدیم.» سپس رفت.'), ['گفت: «ما آمدیم.»', 'سپس رفت.']);
  assert.deepEqual(sentences('He said "we came." Then he left.'), ['He said "we came."', 'Then he left.']);
  assert.deepEqual(sentences('قال "نحن هنا." ثم غادر.'), ['قال "نحن هنا."', 'ثم غادر.']);
  assert.deepEqual(sentences('پرسید: «چرا؟» کسی پاسخ نداد.'), ['پرسید: «چرا؟»', 'کسی پاسخ نداد.']);
  assert.deepEqual(sentences('(این خبر تکذیب شد.) روز بعد'), ['(این خبر تکذیب شد.)', 'روز بعد']);
  // A period after a closed quotation ends the sentence too.
  assert.deepEqual(sentences('گفت «سلام». او رفت.'), ['گفت «سلام».', 'او رفت.']);
});

test('a sentence goes on across a quotation opened after a colon', () => {
  assert.deepEqual(sentences('وزیر گفت: «همکاری ادامه دارد» و رفت.'), ['وزیر گفت: «همکاری ادامه دارد» و رفت.']);
});

test('no break inside numbers and dates', () => {
  for (const s of [
    'اقتصاد ۱۲٫۵ درصد رشد کرد.',
    'اقتصاد ۱۲.۵ درصد رشد کرد.',
    'The economy grew 12.5 percent.',
    'در تاریخ 1400/06/22 برگزار شد.',
    'در تاریخ ۱۴۰۰/۰۶/۲۲ برگزار شد.',
    'أكد روحاني، اليوم الإثنين (17 أيار 2021)، على الدعم.',
    'جرى ذلك في 17.05.2021 في بغداد.',
    'ارزش آن ۳٬۵۰۰ دلار و نرخ ۳.۱۴ بود.',
  ]) {
    assert.deepEqual(sentences(s), [s], s);
  }
  assert.deepEqual(sentences('رشد ۱۲٫۵ بود. سپس کاهش یافت.'), ['رشد ۱۲٫۵ بود.', 'سپس کاهش یافت.']);
});

test('no break after abbreviations: د. ه.ش ه.ق ج.ا.ا ق.ظ ب.ظ', () => {
  assert.deepEqual(sentences('قال د. محمد إن الوضع صعب. ثم غادر.'), ['قال د. محمد إن الوضع صعب.', 'ثم غادر.']);
  assert.deepEqual(sentences('این بنا در سال ۱۳۰۰ ه.ش ساخته شد. سپس'), ['این بنا در سال ۱۳۰۰ ه.ش ساخته شد.', 'سپس']);
  assert.deepEqual(sentences('در سال ۱۳۵۷ ه.ش. انقلاب شد.'), ['در سال ۱۳۵۷ ه.ش. انقلاب شد.']);
  assert.deepEqual(sentences('او در سال ۶۱ ه.ق. درگذشت.'), ['او در سال ۶۱ ه.ق. درگذشت.']);
  assert.deepEqual(sentences('نیروهای مسلح ج.ا.ا در مرز مستقرند. آنها آماده‌اند.'), ['نیروهای مسلح ج.ا.ا در مرز مستقرند.', 'آنها آماده‌اند.']);
  assert.deepEqual(sentences('جلسه ساعت ۱۰ ق.ظ آغاز شد. و ساعت ۲ ب.ظ. پایان یافت.'), ['جلسه ساعت ۱۰ ق.ظ آغاز شد.', 'و ساعت ۲ ب.ظ. پایان یافت.']);
  assert.deepEqual(sentences('گفت‌وگو با د. شریعتی. سپس'), ['گفت‌وگو با د. شریعتی.', 'سپس']);
});

test('no break after Latin abbreviations: e.g. Mr. U.S. and initials', () => {
  assert.deepEqual(sentences('Use a known case, e.g. the weather bar. Then stop.'), ['Use a known case, e.g. the weather bar.', 'Then stop.']);
  assert.deepEqual(sentences('Mr. Smith went to Washington. He said no.'), ['Mr. Smith went to Washington.', 'He said no.']);
  assert.deepEqual(sentences('The U.S. economy grew. Prices rose.'), ['The U.S. economy grew.', 'Prices rose.']);
  assert.deepEqual(sentences('A report by J. K. Rowling appeared. It sold.'), ['A report by J. K. Rowling appeared.', 'It sold.']);
  assert.deepEqual(sentences('See No. 5 and Dr. Zarif. Done.'), ['See No. 5 and Dr. Zarif.', 'Done.']);
  assert.deepEqual(sentences('Apple Inc. said it grew. Shares rose.'), ['Apple Inc. said it grew.', 'Shares rose.']);
});

test('an ellipsis mid-sentence does not break; one before a new sentence does', () => {
  assert.deepEqual(sentences('ما ... به توافق رسیدیم.'), ['ما ... به توافق رسیدیم.']);
  assert.deepEqual(sentences('ایران، عراق و... حضور داشتند.'), ['ایران، عراق و... حضور داشتند.']);
  assert.deepEqual(sentences('قال إن الوضع صعب… وأضاف أن الحكومة تعمل.'), ['قال إن الوضع صعب… وأضاف أن الحكومة تعمل.']);
  assert.deepEqual(sentences('He paused... and then left.'), ['He paused... and then left.']);
  assert.deepEqual(sentences('He waited... Then he left.'), ['He waited...', 'Then he left.']);
  assert.deepEqual(sentences('او گفت: «ما آمدیم...» سپس رفت.'), ['او گفت: «ما آمدیم...»', 'سپس رفت.']);
  assert.deepEqual(sentences('تمام شد.... بعد چه؟'), ['تمام شد....', 'بعد چه؟']);
});

test('ZWNJ words stay whole', () => {
  const text = 'آنها می‌خواهند بروند. نمی‌توانند.';
  assert.deepEqual(sentences(text), ['آنها می‌خواهند بروند.', 'نمی‌توانند.']);
  assert.deepEqual(sentences('رئیس‌جمهور گفت‌وگو کرد'), ['رئیس‌جمهور گفت‌وگو کرد']);
});

test('English prose splits like English', () => {
  const text = 'Iran and Turkey must cooperate. The talks, held on Wednesday, went well! Did they agree? Yes: on most points.';
  assert.deepEqual(sentences(text), ['Iran and Turkey must cooperate.', 'The talks, held on Wednesday, went well!', 'Did they agree?', 'Yes: on most points.']);
});

test('web addresses and remarks in brackets do not end a sentence', () => {
  assert.deepEqual(sentences('به نقل از www.irna.ir گزارش داد.'), ['به نقل از www.irna.ir گزارش داد.']);
  assert.deepEqual(sentences('See example.com/page?id=5 for more.'), ['See example.com/page?id=5 for more.']);
  assert.deepEqual(sentences('او گفت (؟) که می‌آید.'), ['او گفت (؟) که می‌آید.']);
});

test('a forgotten space between two Arabic-script sentences still ends one', () => {
  assert.deepEqual(sentences('في كربلاء الأسبوع الماضي.وأفادت الرئاسة بذلك.'), ['في كربلاء الأسبوع الماضي.', 'وأفادت الرئاسة بذلك.']);
  assert.deepEqual(sentences('چرا؟او نیامد.'), ['چرا؟', 'او نیامد.']);
  assert.deepEqual(sentences('او گفت.«ما آمدیم.»'), ['او گفت.', '«ما آمدیم.»']);
});

test('a list number at the start of a line is not a sentence', () => {
  assert.deepEqual(sentences('1. مقدمه و اهداف'), ['1. مقدمه و اهداف']);
  assert.deepEqual(sentences('۲. نتیجه‌گیری'), ['۲. نتیجه‌گیری']);
});

test('a line break always ends a sentence, and offsets index the text (CRLF, CR)', () => {
  const text = '  خط اول بدون نقطه\r\nخط دوم. جمله سوم\rخط چهارم  ';
  const got = segmentSentences(text);
  assert.deepEqual(got.map((s) => text.slice(s.start, s.end)), ['خط اول بدون نقطه', 'خط دوم.', 'جمله سوم', 'خط چهارم']);
  assert.equal(got[0]!.start, 2);
});

test('a range of the text is segmented in place', () => {
  const text = 'عنوان\nاو آمد. ما رفتیم.\nپایان';
  const start = text.indexOf('او');
  const end = text.indexOf('\nپایان');
  const got = segmentSentences(text, start, end);
  assert.deepEqual(got.map((s) => text.slice(s.start, s.end)), ['او آمد.', 'ما رفتیم.']);
  assert.ok(got[0]!.start === start);
});

test('paragraphs are the non-empty lines, trimmed, each with its sentences', () => {
  const text = '\n  تیتر خبر  \n\n او آمد. ما رفتیم. \n \n';
  const paragraphs = segmentText(text);
  assert.equal(paragraphs.length, 2);
  assert.equal(text.slice(paragraphs[0]!.start, paragraphs[0]!.end), 'تیتر خبر');
  assert.deepEqual(paragraphs[1]!.sentences.map((s) => text.slice(s.start, s.end)), ['او آمد.', 'ما رفتیم.']);
  assertWellFormed(text, paragraphs);
  assert.deepEqual(segmentText(''), []);
  assert.deepEqual(segmentText(' \n\t'), []);
});

test('the sentence around a quoted span is found for the export', () => {
  const text = 'عنوان\nاو آمد. ما به تهران رفتیم. پایان.';
  const at = text.indexOf('تهران');
  const s = sentenceAround(text, at, at + 5);
  assert.equal(text.slice(s.start, s.end), 'ما به تهران رفتیم.');
  const across = sentenceAround(text, text.indexOf('آمد'), text.indexOf('تهران'));
  assert.equal(text.slice(across.start, across.end), 'او آمد. ما به تهران رفتیم.');
});

test('the shared Persian article 000: 14 paragraphs, one sentence each', () => {
  const paragraphs = segmentText(FA);
  assertWellFormed(FA, paragraphs);
  assert.equal(paragraphs.length, 14);
  assert.deepEqual(paragraphs.map((p) => p.sentences.length), Array(14).fill(1));
  // The headline has no full stop; the long second paragraph ends at its only one.
  const second = paragraphs[1]!.sentences[0]!;
  assert.ok(FA.slice(second.start, second.end).endsWith('دریغ نمیکند.'));
});

test('the shared Arabic article 002: 21 paragraphs, one sentence each, the date kept whole', () => {
  const paragraphs = segmentText(AR);
  assertWellFormed(AR, paragraphs);
  assert.equal(paragraphs.length, 21);
  assert.equal(paragraphs.reduce((n, p) => n + p.sentences.length, 0), 21);
  const lead = paragraphs.find((p) => AR.slice(p.start, p.end).includes('(17 أيار 2021)'))!;
  assert.equal(lead.sentences.length, 1);
  const last = paragraphs.at(-1)!;
  assert.equal(AR.slice(last.start, last.end), 'ابق على اطلاع بآخر أخبارنا وأحداثنا.');
});

test('the shared Persian article 004: 23 paragraphs, 25 sentences, quotes closed with .»', () => {
  const paragraphs = segmentText(FA2);
  assertWellFormed(FA2, paragraphs);
  assert.equal(paragraphs.length, 23);
  assert.equal(paragraphs.reduce((n, p) => n + p.sentences.length, 0), 25);
  const multi = paragraphs.filter((p) => p.sentences.length > 1);
  assert.equal(multi.length, 1);
  assert.deepEqual(multi[0]!.sentences.map((s) => FA2.slice(s.start, s.end)), [
    'در ابتدای این هفته، محمدجواد ظریف، وزیر امور خارجه ایران پیشنهاد داده بود که یک مجمع گفت و گوی منطقهای برای رفع تنشهای منطقهای ایجاد شود.',
    'ایران و ترکیه از گروه های رقیب در سوریه حمایت می کنند.',
    'نیروهای کردی که در شمال سوریه با داعش می جنگند، ترکیه را به حمایت از این گروه متهم کرده اند.',
  ]);
  const quoted = paragraphs.filter((p) => FA2.slice(p.start, p.end).endsWith('.»'));
  assert.equal(quoted.length, 7);
  for (const p of quoted) assert.ok(FA2.slice(p.sentences.at(-1)!.start, p.sentences.at(-1)!.end).endsWith('.»'));
});

test('any mix of terminators, quotes, spaces and line ends gives well-formed sentences (seeded)', () => {
  const alphabet = ['.', '.', '؟', '!', '?', '؛', '…', '»', '«', '"', ')', '(', ' ', ' ', ' ', '\n', '\r', '\r\n', 'ا', 'ب', 'د', 'a', 'B', '۱', '1', '\u200c', '\u00a0', 'ه', 'ش'];
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 8) % alphabet.length;
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const len = 1 + (n % 60);
    for (let i = 0; i < len; i++) text += alphabet[next()];
    assertWellFormed(text, segmentText(text));
  }
});
