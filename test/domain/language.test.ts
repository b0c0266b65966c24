// Language of an article and direction of each paragraph, as a reader would judge them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectLanguage, languageDirection, paragraphDirection } from '../../corpus/text/language';
import { splitParagraphs } from '../../corpus/text/paragraphs';

const sample = (name: string) => readFileSync(new URL(`../../corpus/sample/${name}`, import.meta.url), 'utf8');
const FA = sample('000_4b15f26e11b27dea.txt');
const AR = sample('002_b7e8f03d4cd73c5b.txt');
const FA2 = sample('004_df093c946d86f816.txt');

const ENGLISH =
  'President Hassan Rouhani said on Wednesday that Iran would stand beside the government and people of Iraq. ' +
  'He told the Iraqi prime minister that the fight against terrorism was the duty of every responsible government in the region.';

// What a CMS does to Persian text (Arabic yeh and kaf), and to Arabic text (Persian ones).
const toArabicLetters = (t: string) => t.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const toPersianLetters = (t: string) => t.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');

test('the shared articles are read as Persian, Arabic and Persian', () => {
  assert.equal(detectLanguage(FA), 'fa');
  assert.equal(detectLanguage(AR), 'ar');
  assert.equal(detectLanguage(FA2), 'fa');
});

test('an English text is English', () => {
  assert.equal(detectLanguage(ENGLISH), 'en');
  assert.equal(detectLanguage('XS SM MD LG'), 'en');
});

test('Persian whose yeh and kaf a CMS turned Arabic is still Persian', () => {
  assert.match(toArabicLetters(FA), /ي/);
  assert.equal(detectLanguage(toArabicLetters(FA)), 'fa');
  assert.equal(detectLanguage(toArabicLetters(FA2)), 'fa');
  assert.equal(detectLanguage('اين كار را مي كند و از او براي ما نيز'), 'fa');
});

test('Arabic written with Persian yeh and kaf is still Arabic', () => {
  assert.match(toPersianLetters(AR), /ی/);
  assert.equal(detectLanguage(toPersianLetters(AR)), 'ar');
  assert.equal(detectLanguage('قال إنه في هذه المرحلة لم یکن هناک'), 'ar');
});

test('every paragraph of the shared articles gets its article language, or none if it has no words', () => {
  for (const [text, lang] of [[FA, 'fa'], [AR, 'ar'], [FA2, 'fa']] as const) {
    for (const p of splitParagraphs(text)) {
      const got = detectLanguage(p.text);
      if (/^[\dA-Z\s]+$/.test(p.text)) continue; // `10202`, `XS`: not prose
      assert.equal(got, lang, p.text);
    }
  }
});

test('short strings: decided where a letter or word tells, undetermined where nothing does', () => {
  assert.equal(detectLanguage(''), 'und');
  assert.equal(detectLanguage('   '), 'und');
  assert.equal(detectLanguage('10202'), 'und');
  assert.equal(detectLanguage('۱۴۰۳/۰۹/۰۵ -- 07:39'), 'und');
  assert.equal(detectLanguage('گفت'), 'fa'); // گ
  assert.equal(detectLanguage('وب گردی'), 'fa');
  assert.equal(detectLanguage('کد خبر: 626824'), 'fa'); // Persian kaf/yeh break the tie
  assert.equal(detectLanguage('این'), 'fa');
  assert.equal(detectLanguage('هذه'), 'ar');
  assert.equal(detectLanguage('العراق'), 'ar'); // the article prefix
  assert.equal(detectLanguage('الحكومة'), 'ar'); // ة
  assert.equal(detectLanguage('لا توجد تعليقات حتى الآن'), 'ar');
  assert.equal(detectLanguage('سلام'), 'und'); // the same word in both languages
  assert.equal(detectLanguage('Hello'), 'en');
});

test('an English line inside a Persian article runs left to right', () => {
  const article = `${FA.split('\n')[0]}\nIran: fighting terrorism is the duty of all governments\n${FA.split('\n')[2]}`;
  assert.deepEqual(splitParagraphs(article).map((p) => p.dir), ['rtl', 'ltr', 'rtl']);
});

test('a Latin first word does not flip a Persian or Arabic line', () => {
  assert.equal(paragraphDirection('CNN گزارش داد'), 'rtl');
  assert.equal(paragraphDirection('Erbil 6°C السبت 23 تشرين الثاني 07:39'), 'rtl');
  assert.equal(paragraphDirection('BBC: روحانی در تماس تلفنی با اردوغان گفت'), 'rtl');
});

test('an Arabic first word does not flip an English line', () => {
  assert.equal(paragraphDirection('داعش is the Arabic acronym of the group'), 'ltr');
});

test('lines with no letters take the fallback direction', () => {
  assert.equal(paragraphDirection('10202', 'rtl'), 'rtl');
  assert.equal(paragraphDirection('۱۴۰۳/۰۹/۰۵', 'rtl'), 'rtl');
  assert.equal(paragraphDirection('07:39 — 23/11', 'ltr'), 'ltr');
  assert.equal(paragraphDirection(''), 'ltr');
});

test('an equal count of letters goes by the first one; harakat and digits do not count', () => {
  assert.equal(paragraphDirection('abc ابت'), 'ltr');
  assert.equal(paragraphDirection('ابت abc'), 'rtl');
  assert.equal(paragraphDirection('مُحَمَّد Ali'), 'rtl'); // 4 letters against 3
  assert.equal(paragraphDirection('IR ۱۲۳۴۵۶۷۸۹ ت'), 'ltr');
});

test('Hebrew reads right to left; Cyrillic and Greek left to right', () => {
  assert.equal(paragraphDirection('שלום עולם'), 'rtl');
  assert.equal(paragraphDirection('Москва заявила'), 'ltr');
  assert.equal(paragraphDirection('Αθήνα'), 'ltr');
});

test('Persian and Arabic articles are laid out right to left, others left to right', () => {
  assert.equal(languageDirection('fa'), 'rtl');
  assert.equal(languageDirection('ar'), 'rtl');
  assert.equal(languageDirection('en'), 'ltr');
  assert.equal(languageDirection('und'), 'ltr');
});
