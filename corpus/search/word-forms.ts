// The word forms a search word matches besides itself: Arabic proclitics before it (و ف ب ل ك
// and the article ال, alone and combined) and common Persian and Arabic suffixes after it.
// Everything here is in folded letters (ی ک ه ا, as normalise.ts makes them), because
// patterns are matched against folded keys; a test checks that each entry folds to itself.
//
// There is no dictionary: an affix is recognised by its letters alone, so each list is kept
// to forms that are frequent in news prose, and the shortest affixes are only taken where a
// one-letter slip would otherwise make a different everyday word (نام + ه is نامه).
import { keyAlphabet } from './key-alphabet';

/** The article with what may stand before it; unambiguous enough to allow in any article. */
export const ARTICLE_PROCLITICS = ['ال', 'وال', 'فال', 'بال', 'کال', 'لل', 'ولل', 'فلل', 'وبال', 'فبال', 'وکال', 'فکال'] as const;

/**
 * Single-letter proclitics and their pairs, without the article. Only in Arabic articles:
 * Persian has no such clitics, and there a word that begins with one of these letters is a
 * different word (وزیر is not و + زیر, کشور is not ک + شور, بازار is not ب + آزار).
 */
export const LETTER_PROCLITICS = ['و', 'ف', 'ب', 'ک', 'ل', 'وب', 'وک', 'ول', 'فب', 'فک', 'فل'] as const;

/**
 * Endings that extend a word (plurals, the nisba and ezafe ی, comparatives); a pronoun may
 * follow them (ایرانیها، دوستانش، تنسیقیاتها).
 */
const EXTENSIONS = ['ها', 'های', 'هایی', 'ان', 'یان', 'ات', 'یات', 'ون', 'یون', 'ین', 'یین', 'ی', 'یی', 'ای', 'یه', 'تر', 'ترین', 'تری'];

/** Possessive and object pronouns, Persian and Arabic, of two letters or more. */
const PRONOUNS = ['ها', 'هم', 'هما', 'هن', 'کم', 'کما', 'کن', 'نا', 'مان', 'تان', 'شان', 'اش', 'یش', 'یم', 'یت'];

/** One-letter pronouns (ه ک ی م ت ش): only after LONG_STEM letters or more. */
const SHORT_PRONOUNS = ['ه', 'ک', 'ی', 'م', 'ت', 'ش'];

/**
 * The Persian plural that is often written apart (کمک های، گروه های): in lenient mode it may
 * follow a word after a space and still be part of the hit.
 */
const SPACED_PLURALS = ['ها', 'های', 'هایی', 'هایش', 'هایشان', 'هایمان', 'هایتان'];

/**
 * Endings that stand in place of a final ه, which in folded Arabic is often ة (حکومه →
 * حکومته، حکومتها، حکومات، حکومتان), and the Persian plural of a silent ه (نماینده → نمایندگان).
 */
const MARBUTA_ENDINGS = ['تان', 'تین', 'گان', 'ات'];

/** Letters a word needs before a one-letter ending may follow it. */
const LONG_STEM = 4;
/** Letters a word needs before it takes any affix at all (a lone و or از never does). */
const MIN_AFFIXED = 3;

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF]/;

/** Whether one character is an Arabic-script letter (Persian letters included). */
export function isArabicLetter(ch: string | undefined): boolean {
  return ch !== undefined && ARABIC_LETTER.test(ch);
}

/** Letters of a word that are Arabic-script letters (digits and punctuation do not count). */
export function letterCount(word: string): number {
  let n = 0;
  for (const ch of word) if (ARABIC_LETTER.test(ch)) n++;
  return n;
}

/** Whether a (folded) word is Arabic-script letters throughout: the only words affixes apply to. */
export function isArabicScriptWord(word: string): boolean {
  return word.length > 0 && [...word].every((ch) => ARABIC_LETTER.test(ch));
}

/** Whether a word of the query takes affixes: Arabic script, and long enough or pinned down by neighbours. */
export function takesAffixes(word: string, inSequence: boolean): boolean {
  return isArabicScriptWord(word) && (inSequence || letterCount(word) >= MIN_AFFIXED);
}

const ALEF = 0x0627;
const LAM = 0x0644;

/**
 * Whether a folded key reads as Arabic, for the one-letter proclitics: words that begin with
 * the article outnumber twice over the letters only Persian has (پ چ ژ گ, which folding
 * keeps). Fed one key character at a time, by the index as it adds an article (in the pass it
 * makes anyway) and by isArabicKey, so both decide alike. corpus/text/language.ts decides the
 * language the list shows, from more evidence, at several times the cost.
 */
export class ArabicEvidence {
  private article = 0;
  private persian = 0;
  private wordStart = true;
  private readonly isWord = keyAlphabet().isWord;

  /** One key character `c`, with the one after it (or -1). */
  add(c: number, next: number): void {
    if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af) this.persian++;
    else if (c === ALEF && next === LAM && this.wordStart) this.article++;
    this.wordStart = !this.isWord(c);
  }

  get arabic(): boolean {
    return this.article >= 3 && this.article > 2 * this.persian;
  }
}

/** Whether a whole folded key reads as Arabic (ArabicEvidence over it). */
export function isArabicKey(key: string): boolean {
  const e = new ArabicEvidence();
  for (let i = 0; i < key.length; i++) e.add(key.charCodeAt(i), i + 1 < key.length ? key.charCodeAt(i + 1) : -1);
  return e.arabic;
}

/** How a query word is split for matching. */
export interface WordShape {
  /** Typed with the article (الرئیس): a hit carries the article too, in any of its forms (للرئیس). */
  article: boolean;
  /** The word without a typed article. */
  stem: string;
  /** The stem ends in ه that may be ة: the endings that replace it apply. */
  marbuta: boolean;
}

export function shapeOf(word: string): WordShape {
  const article = word.startsWith('ال') && letterCount(word) - 2 >= MIN_AFFIXED;
  const stem = article ? word.slice(2) : word;
  return { article, stem, marbuta: stem.endsWith('ه') && letterCount(stem) >= LONG_STEM };
}

function pronounsAfter(length: number): string[] {
  return length >= LONG_STEM ? [...PRONOUNS, ...SHORT_PRONOUNS] : PRONOUNS;
}

function longestFirst(set: Set<string>): string[] {
  return [...set].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * The suffixes that may follow a stem of `length` letters, longest first. `length` is the
 * letters that count for the length rules: a word's own, or a whole sequence's (in گفت و گو
 * the short گو is pinned down by its neighbours, so گفت و گوی is a hit).
 */
export function suffixesAfter(length: number): string[] {
  // The rules below only ask whether a length reaches LONG_STEM or less, so longer ones share a list.
  const key = Math.min(length, LONG_STEM);
  let list = suffixLists.get(key);
  if (list === undefined) suffixLists.set(key, (list = makeSuffixes(key)));
  return [...list];
}

/** Per length: a word's suffixes are asked for with every query (a few hundred, sorted). */
const suffixLists = new Map<number, readonly string[]>();

function makeSuffixes(length: number): string[] {
  const out = new Set<string>();
  for (const e of EXTENSIONS) {
    if (e.length === 1 && length < MIN_AFFIXED) continue;
    out.add(e);
    for (const p of pronounsAfter(length + e.length)) out.add(e + p);
  }
  for (const p of pronounsAfter(length)) out.add(p);
  return longestFirst(out);
}

/** What may stand in place of a marbuta stem's final ه: ت with a pronoun, ات (and a pronoun), تان…; longest first. */
export function marbutaEndings(length: number): string[] {
  const out = new Set<string>(MARBUTA_ENDINGS);
  for (const p of pronounsAfter(length)) out.add('ت' + p);
  for (const p of pronounsAfter(length + 1)) out.add('ات' + p);
  return longestFirst(out);
}

/** The Persian plurals that may follow after a space in lenient mode. */
export function spacedPlurals(): string[] {
  return [...SPACED_PLURALS];
}

/** Every entry of the lists above, for the test that checks they are written in folded letters. */
export function everyAffix(): string[] {
  return [...ARTICLE_PROCLITICS, ...LETTER_PROCLITICS, ...EXTENSIONS, ...PRONOUNS, ...SHORT_PRONOUNS, ...SPACED_PLURALS, ...MARBUTA_ENDINGS];
}
