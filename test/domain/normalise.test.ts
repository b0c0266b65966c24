// The search key: every fold a search relies on, and the map that leads a hit back to the
// exact original characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fold, foldKey, keyIndexAt, originalSpan, type Folded } from '../../corpus/text/normalise';
import { makeRng } from '../fixtures/seeded-random';

const sample = (name: string) => readFileSync(new URL(`../../corpus/sample/${name}`, import.meta.url), 'utf8');
const FA = sample('000_4b15f26e11b27dea.txt');
const AR = sample('002_b7e8f03d4cd73c5b.txt');
const FA2 = sample('004_df093c946d86f816.txt');

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** The kind of damage found in the field: swapped letters, diacritics, tatweel, ZWNJ, bidi marks, digit sets, odd spaces. */
function damage(text: string, seed: number): string {
  const rnd = makeRng(seed);
  let out = '';
  for (const ch of text) {
    let c = ch;
    if (c === 'ی' && rnd() < 0.5) c = 'ي';
    else if (c === 'ک' && rnd() < 0.5) c = 'ك';
    else if (c === 'ه' && rnd() < 0.1) c = 'ة';
    else if (c >= '0' && c <= '9' && rnd() < 0.5) c = String.fromCharCode(0x06f0 + c.charCodeAt(0) - 0x30);
    else if (c === ' ' && rnd() < 0.1) c = '\u00a0';
    else if (c === ' ' && rnd() < 0.05) c = ' \u200f ';
    out += c;
    if (/[\u0628-\u064a]/.test(ch)) {
      const r = rnd();
      if (r < 0.05) out += '\u064e'; // fatha
      else if (r < 0.07) out += '\u0640'; // tatweel
      else if (r < 0.08) out += '\u0651\u064b'; // shadda + tanwin
      else if (r < 0.09) out += '\u200d';
    }
  }
  return out;
}

test('tatweel is deleted', () => {
  assert.equal(foldKey('بـــاران'), 'باران');
  assert.equal(foldKey('اســـلام'), 'اسلام');
});

test('every haraka and Quranic mark is deleted (U+064B–065F, U+0670, U+0610–061A, U+06D6–06ED)', () => {
  const marks = [...range(0x064b, 0x065f), '\u0670', ...range(0x0610, 0x061a), ...range(0x06d6, 0x06ed)];
  assert.equal(marks.length, 21 + 1 + 11 + 24);
  for (const m of marks) assert.equal(foldKey(`ب${m}ت`), 'بت', `U+${m.charCodeAt(0).toString(16)}`);
  assert.equal(foldKey('مُحَمَّدٌ'), 'محمد');
  assert.equal(foldKey('اصلاً'), 'اصلا');
});

test('hamza above and below marks are deleted, so هٔ and ۀ match ه', () => {
  assert.equal(foldKey('خانهٔ'), 'خانه');
  assert.equal(foldKey('خانۀ'), 'خانه');
  assert.equal(foldKey('ا\u0655'), 'ا');
});

test('ZWNJ, ZWJ, bidi marks and the soft hyphen are deleted', () => {
  for (const c of ['\u200c', '\u200d', '\u200e', '\u200f', '\u061c', ...range(0x202a, 0x202e), ...range(0x2066, 0x2069), '\u00ad', '\u200b', '\ufeff']) {
    assert.equal(foldKey(`می${c}کند`), 'میکند', `U+${c.charCodeAt(0).toString(16)}`);
  }
  assert.equal(foldKey('رئیس‌جمهور'), foldKey('رئیسجمهور'));
});

test('yeh variants ي ى ئ ې ۍ ے fold to ی', () => {
  for (const c of 'يىئېۍے') assert.equal(foldKey(c), 'ی', c);
  assert.equal(foldKey('علي'), foldKey('علی'));
  assert.equal(foldKey('على'), foldKey('علی'));
  assert.equal(foldKey('مسئول'), 'مسیول');
});

test('kaf variants ك ڪ fold to ک', () => {
  for (const c of 'كڪ') assert.equal(foldKey(c), 'ک', c);
  assert.equal(foldKey('كربلاء'), foldKey('کربلاء'));
});

test('heh variants ة ۀ ہ ە ھ fold to ه', () => {
  for (const c of 'ةۀہەھ') assert.equal(foldKey(c), 'ه', c);
  assert.equal(foldKey('الحكومة'), foldKey('الحکومه'));
});

test('alef variants أ إ آ ٱ fold to ا, and ؤ to و', () => {
  for (const c of 'أإآٱ') assert.equal(foldKey(c), 'ا', c);
  assert.equal(foldKey('ؤ'), 'و');
  assert.equal(foldKey('إيران'), foldKey('ایران'));
  assert.equal(foldKey('آمریکا'), 'امریکا');
  assert.equal(foldKey('مسؤول'), 'مسوول');
});

test('Persian, Arabic-Indic and Latin digits fold to Latin digits; ٫ and ٬ to . and ,', () => {
  assert.equal(foldKey('۰۱۲۳۴۵۶۷۸۹'), '0123456789');
  assert.equal(foldKey('٠١٢٣٤٥٦٧٨٩'), '0123456789');
  assert.equal(foldKey('0123456789'), '0123456789');
  assert.equal(foldKey('۱۲٫۵'), '12.5');
  assert.equal(foldKey('٣٬٠٠٠'), '3,000');
  assert.equal(foldKey('۱۴۰۰/۰۶/۲۲'), foldKey('1400/06/22'));
  assert.equal(foldKey('٪۵۰'), '%50');
});

test('every run of whitespace, NBSP and line breaks included, becomes one space', () => {
  assert.equal(foldKey('a \t\u00a0\u2009\u202f\u3000 b'), 'a b');
  assert.equal(foldKey('یک\r\n\r\nدو\rسه\nچهار'), 'یک دو سه چهار');
  assert.equal(foldKey('تشرين\u00a0الثاني'), foldKey('تشرين الثاني'));
  // A deleted mark between two spaces does not split the run.
  assert.equal(foldKey('a \u200f b'), 'a b');
});

test('Latin is lower-cased', () => {
  assert.equal(foldKey('CNN Erbil ÉCOLE İstanbul'), 'cnn erbil école istanbul');
});

test('presentation forms fold to their letters, and a ligature maps back to itself whole', () => {
  assert.equal(foldKey('ﺳﻼﻡ'), 'سلام');
  const f = fold('ﻻ');
  assert.equal(f.key, 'لا');
  assert.deepEqual(originalSpan(f, 0, 1), [0, 1]);
  assert.deepEqual(originalSpan(f, 1, 2), [0, 1]);
  const long = fold('ﷺ ok');
  assert.equal(long.key, 'صلی الله علیه وسلم ok');
  assert.deepEqual(originalSpan(long, long.key.length - 2, long.key.length), [2, 4]);
});

test('stored text is never NFKC-normalised: other compatibility characters are left alone', () => {
  const text = 'ﬁ ² ① Ⅻ ｶ';
  assert.equal(foldKey(text), text);
  const original = 'رئیس‌جمهور ﷺ';
  const copy = original.slice();
  fold(original);
  assert.equal(original, copy);
});

test('lenient keys join رئیسجمهور, رئیس جمهور and رئیس‌جمهور, in either letter set', () => {
  const forms = ['رئیسجمهور', 'رئیس جمهور', 'رئیس‌جمهور', 'رئيس جمهور', 'رئـيس  جمهور'];
  const keys = new Set(forms.map((f) => foldKey(f, { lenient: true })));
  assert.deepEqual([...keys], ['رییسجمهور']);
  assert.equal(foldKey('گفت و گو', { lenient: true }), foldKey('گفتوگو', { lenient: true }));
  // Strict keys keep the word boundary.
  assert.notEqual(foldKey('رئیس جمهور'), foldKey('رئیسجمهور'));
});

test('a hit in the key leads back to the exact original characters', () => {
  const text = 'به گزارش ایسکانیوز، رئيس‌جمهورِ ایران گفت';
  const f = fold(text, { lenient: true });
  const q = foldKey('رئیسجمهور', { lenient: true });
  const at = f.key.indexOf(q);
  assert.ok(at >= 0);
  const [s, e] = originalSpan(f, at, at + q.length);
  assert.equal(text.slice(s, e), 'رئيس‌جمهورِ'); // the kasra stays with its letter
  // A query typed with Arabic letters finds the Persian spelling in a shared article.
  const fa = fold(FA);
  const query = foldKey('دولتهاي مسئول');
  const hit = fa.key.indexOf(query);
  const [hs, he] = originalSpan(fa, hit, hit + query.length);
  assert.equal(FA.slice(hs, he), 'دولتهای مسئول');
});

test('diacritics stay inside the span of their letter; ZWNJ and bidi marks do not', () => {
  const f = fold('مُحَمَّدٌ\u200c\u200fx');
  assert.equal(f.key, 'محمدx');
  assert.deepEqual([...f.start], [0, 2, 4, 7, 11]);
  assert.deepEqual([...f.end], [2, 4, 7, 9, 12]);
});

test('an empty key span maps to an empty original span at the right place', () => {
  const f = fold('  ab');
  assert.equal(f.key, ' ab');
  assert.deepEqual(originalSpan(f, 1, 1), [2, 2]);
  assert.deepEqual(originalSpan(f, 3, 3), [4, 4]);
  assert.deepEqual(originalSpan(f, 5, 9), [4, 4]);
  assert.deepEqual(originalSpan(fold(''), 0, 0), [0, 0]);
  assert.deepEqual(originalSpan(fold('\u200c'), 0, 0), [0, 0]);
});

test('an original offset is found in the key', () => {
  const text = 'اَلسَّلام عليكم';
  const f = fold(text);
  for (let k = 0; k < f.key.length; k++) assert.equal(keyIndexAt(f, f.start[k]!), k);
  assert.equal(keyIndexAt(f, text.length), f.key.length);
  assert.equal(keyIndexAt(f, 1), 1); // inside the first letter's diacritics: the next key character
});

test('fold and foldKey give the same key', () => {
  for (const text of [FA, AR, FA2, damage(FA, 1), damage(AR, 2), 'ﷺ😀\ud800x']) {
    for (const lenient of [false, true]) assert.equal(fold(text, { lenient }).key, foldKey(text, { lenient }));
  }
});

test('field damage does not change the key of a shared article', () => {
  for (const [i, text] of [FA, AR, FA2].entries()) {
    const damaged = damage(text, 100 + i);
    assert.notEqual(damaged, text);
    assert.equal(foldKey(damaged), foldKey(text));
    assert.equal(foldKey(damaged, { lenient: true }), foldKey(text, { lenient: true }));
  }
});

function assertRoundTrips(text: string, f: Folded, lenient: boolean, rnd: () => number, spans: number): void {
  const n = f.key.length;
  for (let t = 0; t < spans; t++) {
    const a = Math.floor(rnd() * n);
    const b = Math.min(n, a + 1 + Math.floor(rnd() * Math.min(200, n - a)));
    const [s, e] = originalSpan(f, a, b);
    assert.ok(0 <= s && s < e && e <= text.length);
    assert.equal(foldKey(text.slice(s, e), { lenient }), f.key.slice(a, b), `span [${a}, ${b}) -> [${s}, ${e})`);
  }
}

test('random key spans map back to original text that folds to exactly that span (seeded)', () => {
  const rnd = makeRng(20240611);
  let tried = 0;
  const texts = [FA, AR, FA2, damage(FA, 7), damage(AR, 8), damage(FA2, 9), FA.replace(/\n/g, '\r\n'), AR.replace(/\n/g, '\r')];
  for (const text of texts) {
    for (const lenient of [false, true]) {
      const f = fold(text, { lenient });
      assert.equal(f.start.length, f.key.length);
      assert.equal(f.end.length, f.key.length);
      for (let k = 1; k < f.key.length; k++) assert.ok(f.start[k]! >= f.end[k - 1]!, 'spans are in order and do not overlap');
      assertRoundTrips(text, f, lenient, rnd, 500);
      tried += 500;
    }
  }
  console.log(`round-tripped key spans: ${tried}`);
});
