// A seeded synthetic news corpus, Persian and Arabic mixed, with the damage real files carry:
// letter variants (ي/ی, ك/ک, hamza forms), compounds written joined, spaced or with ZWNJ,
// three digit sets, harakat and tatweel. Real words from the bundled sample articles are the
// most frequent; generated words from the same letters make up the long tail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Rng } from '../fixtures/seeded-random';

export { makeRng, type Rng } from '../fixtures/seeded-random';

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** A word as the vocabulary knows it; compounds have parts that writers join in three ways. */
export type VocabWord = string | [string, string];

export interface Vocabulary {
  words: VocabWord[];
  /** Cumulative Zipf weights, same length as words. */
  cumulative: Float64Array;
}

const FA_LETTERS = 'ااااابببپتتتثجچحخددددررررزژسسسششصضطظعغففقککگلللممممننننوووووههههییییییی';
const AR_LETTERS = 'ااااااااببتتتثجحخدددذرررزسسشصضطظعغففققكللللللمممممنننننهههووووييييييةةأإ';

const FA_COMPOUNDS: Array<[string, string]> = [
  ['رئیس', 'جمهور'],
  ['رئیس', 'جمهوری'],
  ['نخست', 'وزیر'],
  ['گفت', 'وگو'],
  ['می', 'کند'],
  ['می', 'شود'],
  ['نمی', 'کند'],
  ['می', 'گوید'],
  ['گروه', 'های'],
  ['دولت', 'های'],
  ['کشور', 'های'],
  ['تروریست', 'ها'],
  ['بین', 'المللی'],
  ['منطقه', 'ای'],
  ['خبر', 'گزاری'],
  ['وزارت', 'خارجه'],
];

const AR_EXTRA = ['الرئيس', 'الحكومة', 'الوزراء', 'مجلس', 'الأمن', 'الدولية', 'العلاقات', 'الاقتصادية', 'السياسية', 'الإيرانية', 'العراقية', 'المنطقة', 'الإرهاب', 'التعاون', 'المشترك', 'الجانبين', 'أكد', 'أعلن', 'قال', 'وأضاف', 'إلى', 'على', 'التي', 'الذي', 'هذه', 'بين', 'بعد', 'خلال'];

function sampleWords(root: string): { fa: string[]; ar: string[] } {
  const fa = new Map<string, number>();
  const ar = new Map<string, number>();
  const dir = join(root, 'corpus', 'sample');
  for (const f of readdirSync(dir).filter((n) => /^\d+_[0-9a-f]+\.txt$/.test(n)).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const arabic = /[ةي]/.test(text) && !/[پچژگ]/.test(text);
    for (const w of text.match(/[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+/g) ?? []) {
      const m = arabic ? ar : fa;
      m.set(w, (m.get(w) ?? 0) + 1);
    }
  }
  const byCount = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return { fa: byCount(fa), ar: byCount(ar) };
}

function madeUpWord(rng: Rng, letters: string): string {
  // Word lengths of news prose: mostly 3–6 letters, a tail to 10.
  const len = Math.min(10, 2 + Math.floor(-Math.log(1 - rng() * 0.999) * 2.6));
  let w = '';
  for (let i = 0; i < len; i++) w += letters[Math.floor(rng() * letters.length)];
  return w;
}

export function buildVocabulary(rng: Rng, repoRoot: string, language: 'fa' | 'ar', size: number): Vocabulary {
  const sample = sampleWords(repoRoot);
  const seen = new Set<string>();
  const words: VocabWord[] = [];
  const add = (w: VocabWord) => {
    const id = typeof w === 'string' ? w : w.join('+');
    if (seen.has(id)) return;
    seen.add(id);
    words.push(w);
  };
  if (language === 'fa') {
    for (const w of sample.fa.slice(0, 40)) add(w);
    for (const c of FA_COMPOUNDS) add(c);
    for (const w of sample.fa.slice(40)) add(w);
  } else {
    for (const w of sample.ar.slice(0, 40)) add(w);
    for (const w of AR_EXTRA) add(w);
    for (const w of sample.ar.slice(40)) add(w);
  }
  const letters = language === 'fa' ? FA_LETTERS : AR_LETTERS;
  while (words.length < size) {
    const w = madeUpWord(rng, letters);
    if (language === 'ar' && rng() < 0.35) add('ال' + w);
    else add(w);
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let i = 0; i < words.length; i++) {
    total += 1 / Math.pow(i + 2.7, 1.07);
    cumulative[i] = total;
  }
  for (let i = 0; i < words.length; i++) cumulative[i]! /= total;
  return { words, cumulative };
}

export function zipfWord(rng: Rng, v: Vocabulary): VocabWord {
  const r = rng();
  let lo = 0;
  let hi = v.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo]!;
}

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function digits(n: number, set: 'fa' | 'ar' | 'ascii'): string {
  const s = String(n);
  if (set === 'ascii') return s;
  const table = set === 'fa' ? FA_DIGITS : AR_DIGITS;
  return s.replace(/\d/g, (d) => table[Number(d)]!);
}

interface Damage {
  /** The CMS wrote Arabic yeh/kaf in a Persian article, or Persian ones in an Arabic one. */
  swapLetters: boolean;
  digitSet: 'fa' | 'ar' | 'ascii';
}

function renderWord(rng: Rng, w: VocabWord, lang: 'fa' | 'ar', damage: Damage): string {
  let s: string;
  if (typeof w === 'string') s = w;
  else {
    const r = rng();
    s = r < 0.45 ? w[0] + w[1] : r < 0.8 ? `${w[0]} ${w[1]}` : `${w[0]}\u200c${w[1]}`;
  }
  if (damage.swapLetters) s = lang === 'fa' ? s.replace(/ی/g, 'ي').replace(/ک/g, 'ك') : s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  const r = rng();
  if (r < 0.03) s = s.replace(/[أإ]/g, 'ا');
  else if (lang === 'ar' && r < 0.05 && s.length > 2) s = s[0] + '\u064e' + s.slice(1);
  else if (r < 0.055 && s.length > 3) s = s.slice(0, 2) + '\u0640' + s.slice(2);
  return s;
}

export interface SyntheticArticle {
  name: string;
  text: string;
  language: 'fa' | 'ar';
}

const FA_OUTLETS = ['ایسنا', 'ایرنا', 'فارس', 'تسنیم', 'مهر', 'همشهری آنلاین', 'خبرگزاری دانشجویان'];
const AR_OUTLETS = ['الجزيرة', 'العربية', 'رويترز', 'الشرق الأوسط', 'السومرية نيوز', 'روسيا اليوم'];
const FA_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const AR_MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];

export function makeArticle(rng: Rng, index: number, vocab: { fa: Vocabulary; ar: Vocabulary }, options: { paragraphs?: [number, number]; words?: [number, number] } = {}): SyntheticArticle {
  const lang: 'fa' | 'ar' = rng() < 0.6 ? 'fa' : 'ar';
  const v = vocab[lang];
  const damage: Damage = {
    swapLetters: rng() < (lang === 'fa' ? 0.15 : 0.1),
    digitSet: rng() < 0.7 ? lang : 'ascii',
  };
  const word = () => renderWord(rng, zipfWord(rng, v), lang, damage);
  const sentence = (n: number) => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      if (i > 2 && i < n - 1 && rng() < 0.06) w += '،';
      if (rng() < 0.015) w = digits(between(rng, 2, 9999), damage.digitSet);
      parts.push(w);
    }
    return parts.join(' ') + (rng() < 0.1 ? '؛' : '.');
  };
  const lines: string[] = [];
  lines.push(sentence(between(rng, 6, 14)).replace(/[.؛]$/, ''));
  lines.push('');
  const outlet = pick(rng, lang === 'fa' ? FA_OUTLETS : AR_OUTLETS);
  if (rng() < 0.7) {
    const day = digits(between(rng, 1, 28), damage.digitSet);
    const year = lang === 'fa' ? digits(between(rng, 1395, 1403), damage.digitSet) : digits(between(rng, 2015, 2024), damage.digitSet);
    lines.push(`${day} ${pick(rng, lang === 'fa' ? FA_MONTHS : AR_MONTHS)} ${year}`);
    lines.push('');
  }
  const [pLo, pHi] = options.paragraphs ?? [4, 11];
  const [wLo, wHi] = options.words ?? [35, 110];
  const paragraphs = between(rng, pLo, pHi);
  for (let p = 0; p < paragraphs; p++) {
    const target = between(rng, wLo, wHi);
    const sentences: string[] = [];
    let n = 0;
    while (n < target) {
      const len = Math.min(target - n, between(rng, 8, 24));
      sentences.push(sentence(len));
      n += len;
    }
    let para = sentences.join(' ');
    if (p === 0) para = (lang === 'fa' ? `به گزارش ${outlet}، ` : `وذكرت ${outlet}، `) + para;
    lines.push(para);
    lines.push('');
  }
  const name = `${String(index).padStart(6, '0')}_${lang}.txt`;
  return { name, text: lines.join('\n'), language: lang };
}
