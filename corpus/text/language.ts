// Language of a text and direction of a paragraph, from its letters and words. Persian and
// Arabic share most of the alphabet, and a CMS may swap yeh/kaf either way, so the decision
// rests on letters only one language has (پ چ ژ گ / ة), function words read after undoing
// the swap, the Arabic article prefix `ال`, and the digit set; yeh/kaf only break a tie.

export const LANGUAGES = ['fa', 'ar', 'en', 'und'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Direction = 'rtl' | 'ltr';

/** Enough text to decide; articles can be megabytes long. */
const SAMPLE_CHARS = 20_000;

// Function words that are frequent in one language's news prose and rare in the other's,
// written with Persian yeh/kaf (tokens are folded the same way before lookup). Words shared
// by both (من، ما، هم، به، بین، حتی، علی) are left out on purpose.
const FA_WORDS = new Set([
  'است', 'این', 'که', 'را', 'برای', 'از', 'در', 'شد', 'شده', 'کرد', 'کرده', 'می', 'های', 'ها',
  'نیز', 'وی', 'یک', 'بود', 'کند', 'خود', 'اند', 'تا', 'باید', 'گفت', 'اما', 'چه', 'هر', 'دو',
]);
const AR_WORDS = new Set([
  'فی', 'التی', 'الذی', 'الذین', 'عن', 'مع', 'هذا', 'هذه', 'ذلک', 'تلک', 'أن', 'إن', 'أنه',
  'إلی', 'قد', 'لم', 'لن', 'کان', 'کانت', 'وقد', 'وفی', 'لا', 'أو', 'ثم', 'منذ', 'خلال',
]);

// Strong-direction classes of a character.
const OTHER = 0;
const RTL_LETTER = 1;
const LTR_LETTER = 2;
type Cls = typeof OTHER | typeof RTL_LETTER | typeof LTR_LETTER;

function isArabicScriptLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x066f) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06ee && c <= 0x06ef) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function isBasicLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

// Persian yeh/kaf stand for both spellings when looking words up.
function foldYehKaf(c: number): number {
  if (c === 0x064a || c === 0x0649) return 0x06cc;
  if (c === 0x0643) return 0x06a9;
  return c;
}

function isMark(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed);
}

interface Evidence {
  arabicLetters: number;
  latinLetters: number;
  fa: number;
  ar: number;
  persianYehKaf: number;
  arabicYehKaf: number;
}

// A word is looked up by a number made of its letters (each Arabic-block letter one digit in
// base 512), so that no string is built for the text's words: the function words are all of
// the Arabic block and at most LONGEST_WORD letters long.
const LONGEST_WORD = Math.max(...[...FA_WORDS, ...AR_WORDS].map((w) => w.length));
const DIGIT_BASE = 512;
/** Not a word that can be looked up: too long, or with a letter outside the Arabic block. */
const NO_WORD = -1;

function letterDigit(c: number): number {
  return c >= 0x0600 && c <= 0x06ff ? c - 0x05ff : NO_WORD;
}

function wordNumber(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) n = n * DIGIT_BASE + letterDigit(word.charCodeAt(i));
  return n;
}

/** What a function word adds: `fa` for a Persian one, `ar` for an Arabic one (as endWord weighs them). */
const WORD_WEIGHT = new Map<number, { fa: number; ar: number }>();
WORD_WEIGHT.set(wordNumber('و'), { fa: 0.5, ar: 0 }); // Arabic joins و to the next word; Persian writes it apart
for (const w of AR_WORDS) WORD_WEIGHT.set(wordNumber(w), { fa: 0, ar: 2 });
for (const w of FA_WORDS) WORD_WEIGHT.set(wordNumber(w), { fa: 2, ar: 0 });

// What each UTF-16 code is to gather(), worked out once: the text is read character by character.
const OTHER_CHAR = 0;
const ARABIC_LETTER = 1;
const MARK = 2;
const ZWNJ = 3;
const LATIN_LETTER = 4;
const PERSIAN_DIGIT = 5;
const ARABIC_DIGIT = 6;
const KIND = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isArabicScriptLetter(c)) KIND[c] = ARABIC_LETTER;
  else if (isMark(c)) KIND[c] = MARK;
  else if (c === 0x200c) KIND[c] = ZWNJ;
  else if (isBasicLatinLetter(c)) KIND[c] = LATIN_LETTER;
  else if (c >= 0x06f0 && c <= 0x06f9) KIND[c] = PERSIAN_DIGIT;
  else if (c >= 0x0660 && c <= 0x0669) KIND[c] = ARABIC_DIGIT;
  else KIND[c] = OTHER_CHAR;
}

function gather(text: string): Evidence {
  // Counted in locals and one loop (no closures): every character of the sample passes here.
  let arabicLetters = 0;
  let latinLetters = 0;
  let fa = 0;
  let ar = 0;
  let persianYehKaf = 0;
  let arabicYehKaf = 0;
  // The word being read, folded: its length, its first two characters and its number.
  let length = 0;
  let first = 0;
  let second = 0;
  let number = 0;
  for (let i = 0; i <= text.length; i++) {
    // One step past the end closes the last word.
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    const kind = KIND[c]!;
    if (kind === ARABIC_LETTER || kind === ZWNJ) {
      let folded = c;
      if (kind === ZWNJ) fa += 1; // ZWNJ is a Persian writing habit
      else {
        arabicLetters++;
        switch (c) {
          case 0x067e: case 0x0686: case 0x0698: case 0x06af: // پ چ ژ گ
            fa += 3;
            break;
          case 0x0629: // ة
            ar += 3;
            break;
          case 0x0625: // إ
            ar += 0.5;
            break;
          case 0x06cc: case 0x06a9:
            persianYehKaf++;
            break;
          case 0x064a: case 0x0649: case 0x0643:
            arabicYehKaf++;
            break;
        }
        folded = foldYehKaf(c);
      }
      if (length === 0) first = folded;
      else if (length === 1) second = folded;
      length++;
      if (number !== NO_WORD) {
        const digit = letterDigit(folded);
        number = length > LONGEST_WORD || digit === NO_WORD ? NO_WORD : number * DIGIT_BASE + digit;
      }
      continue;
    }
    if (kind === MARK) continue;
    if (length > 0) {
      if (number !== NO_WORD) {
        const weight = WORD_WEIGHT.get(number);
        if (weight !== undefined) {
          fa += weight.fa;
          ar += weight.ar;
        }
      }
      if (length >= 4 && first === 0x0627 && second === 0x0644) ar += 1.5;
      length = 0;
      number = 0;
    }
    if (kind === LATIN_LETTER) latinLetters++;
    else if (kind === PERSIAN_DIGIT) fa += 0.5;
    else if (kind === ARABIC_DIGIT) ar += 0.5;
  }
  return { arabicLetters, latinLetters, fa, ar, persianYehKaf, arabicYehKaf };
}

/**
 * `fa`, `ar` or `en` from the text's letters and words; `und` when there are no letters, or
 * for a short Arabic-script string with nothing that tells the two languages apart (`سلام`).
 */
export function detectLanguage(text: string): Language {
  const e = gather(text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text);
  if (e.arabicLetters === 0 && e.latinLetters === 0) return 'und';
  if (e.latinLetters > e.arabicLetters) return 'en';
  if (e.fa !== e.ar) return e.fa > e.ar ? 'fa' : 'ar';
  if (e.persianYehKaf !== e.arabicYehKaf) return e.persianYehKaf > e.arabicYehKaf ? 'fa' : 'ar';
  return 'und';
}

function strongClass(c: number): Cls {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LTR_LETTER : OTHER;
  if (c === 0x200f || c === 0x061c) return RTL_LETTER; // RLM, ALM
  if (c === 0x200e) return LTR_LETTER; // LRM
  if ((c >= 0x05d0 && c <= 0x05f2) || (c >= 0xfb1d && c <= 0xfb4f) || (c >= 0x0700 && c <= 0x074f) || (c >= 0x0780 && c <= 0x07b1) || (c >= 0x07c0 && c <= 0x07ea) || (c >= 0x0800 && c <= 0x089f)) {
    return RTL_LETTER; // Hebrew, Syriac, Thaana, N'Ko and Samaritan letters read right to left too
  }
  if (isArabicScriptLetter(c)) return RTL_LETTER;
  if (isBasicLatinLetter(c) || c === 0xaa || c === 0xb5 || c === 0xba) return LTR_LETTER;
  if (c >= 0x0250 && c < 0x0590) return /\p{L}/u.test(String.fromCharCode(c)) ? LTR_LETTER : OTHER;
  if (c >= 0x0900 && c < 0xd800) return /\p{L}/u.test(String.fromCharCode(c)) ? LTR_LETTER : OTHER;
  return OTHER;
}

// Each UTF-16 code's class plus one (0: not worked out yet), filled in as the characters are met:
// every character of every line is classed, and most lines use a few dozen characters.
const classPlusOne = new Uint8Array(0x10000);

function strongClassOf(c: number): Cls {
  let known = classPlusOne[c]!;
  if (known === 0) {
    known = strongClass(c) + 1;
    classPlusOne[c] = known;
  }
  return (known - 1) as Cls;
}

/**
 * Direction of one paragraph: the script with more strong letters wins, the first strong
 * letter breaks a tie, and a line with no letters (numbers, punctuation) takes `fallback`.
 * Unlike the first-strong rule of `dir=auto`, a Latin first word (a weather bar
 * `Erbil 6°C السبت …`, `CNN گزارش داد`) does not flip a Persian or Arabic line.
 */
export function paragraphDirection(text: string, fallback: Direction = 'ltr'): Direction {
  let rtl = 0;
  let ltr = 0;
  let first: Direction | null = null;
  for (let i = 0; i < text.length; i++) {
    const cls = strongClassOf(text.charCodeAt(i));
    if (cls === RTL_LETTER) {
      rtl++;
      first ??= 'rtl';
    } else if (cls === LTR_LETTER) {
      ltr++;
      first ??= 'ltr';
    }
  }
  if (rtl === ltr) return first ?? fallback;
  return rtl > ltr ? 'rtl' : 'ltr';
}

export function languageDirection(lang: Language): Direction {
  return lang === 'fa' || lang === 'ar' ? 'rtl' : 'ltr';
}
