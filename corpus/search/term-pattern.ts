// A query term as a regular expression over a folded key, spelled in an Alphabet
// (key-alphabet.ts). Folded keys hold one space for any run of whitespace and nothing for a
// ZWNJ, so every rule below is about the one space character.
//
// The rules, as a reader expects them:
// - A term of words is a sequence: its words in order, side by side. It starts where a written
//   word starts and ends where one ends, so a short word of the query (و, از) is only ever
//   a word of the text, never letters inside another word.
// - Lenient spacing bridges only the gaps a word may really have:
//   · where the query has a space, the text may have one or none (گفت و گو = گفتوگو);
//   · inside a query word, the text may have a space only between two Arabic-script letters
//     that leave at least two letters of the query word on each side, and never so that a
//     single letter other than the connector و stands alone between two spaces
//     (گفتوگو = گفت و گو, رئیسجمهور = رئیس جمهور, کمکهای = کمک های; but سوال never hits
//     «س وال», and the start-of-word rule keeps it out of «النفس والتحلي» as well);
//   · a ZWNJ is nothing in the key, so it is never a gap at all.
// - Word forms (not in whole-word mode): a word of three letters or more, or any word of a
//   sequence, may carry proclitics before it and suffixes after it (word-forms.ts), within
//   the same written word; where the text writes a sequence's words apart, each may carry its
//   own. A hit covers the whole written word(s), proclitic and suffix included: that is what
//   a reader sees as the word that was found.
// - A quoted phrase is the exact folded sequence, found anywhere (inside words too), with
//   no leniency and no word forms: quoting says "these characters, as typed".
import type { Alphabet } from './key-alphabet';
import { choice, choicePiece, literal, literalPiece, NEVER } from './pattern-pieces';
import type { Piece, Program } from './pattern-program';
import { ARTICLE_PROCLITICS, isArabicLetter, LETTER_PROCLITICS, letterCount, marbutaEndings, shapeOf, spacedPlurals, suffixesAfter, takesAffixes, type WordShape } from './word-forms';

/** What the pattern builder needs of a term (search-query.ts compiles them). */
export interface PatternTerm {
  phrase: boolean;
  /** Folded: a phrase's whole key (single spaces kept) as one entry, or a sequence's words. */
  words: string[];
  lenient: boolean;
  wholeWord: boolean;
}

/**
 * A term ready to run: its pattern, and anchors (at least one of which every hit holds), so
 * that a matcher finds places with indexOf and tries the pattern only there: a pattern run
 * over a whole key costs several times a plain search for a few letters.
 */
export interface TermPattern {
  source: string;
  /** The same pattern as pieces the matcher runs without compiling a regex (pattern-program.ts). */
  program: Program;
  /** Folded strings; every hit holds one of them, after one of `before` from its start. */
  anchors: string[];
  /** What may stand between a hit's start and its anchor (proclitics, or the article's forms without their ل). */
  before: string[];
  /**
   * For a one-word term: the characters that may follow its first anchor (the word written
   * whole) inside the hit, a suffix's first letters; after them, only a non-word character
   * may. Null when anything may follow (a sequence).
   */
  follow: string | null;
  /** Hits start where a written word starts (all but phrases). */
  wordStart: boolean;
  /**
   * Per word of a sequence, anchors every hit holds for that word (the first word's are
   * `anchors`): a sequence may be sought by a rarer word than its first (query-matcher.ts).
   */
  wordAnchors: string[][];
}

const SPACE = 0x20;
const WAW = 'و';

/** Whether lenient matching may find a space before `stem[i]` (the rules at the top). */
function canBridge(stem: string, i: number): boolean {
  return i >= 2 && stem.length - i >= 2 && isArabicLetter(stem[i - 1]) && isArabicLetter(stem[i]);
}

/**
 * Where the letters that follow a first space before stem[i] may next be parted by a space:
 * stem[i] stands alone after that space, so the gap after it is refused unless it is و (the
 * lone-letter rule), and gaps that cannot be bridged never part. The longer anchor is rarer:
 * «ال ان» of الان rather than «ال ا», which every «…ال ا…» of Arabic holds.
 */
function unbrokenAfter(stem: string, i: number, end: number): number {
  let j = stem[i] === WAW ? i + 1 : i + 2;
  while (j < end && !canBridge(stem, j)) j++;
  return Math.min(j, end);
}

/** A part of a pattern: its regex source and the same as program pieces. */
interface Part {
  source: string;
  pieces: Piece[];
}

const EMPTY: Part = { source: '', pieces: [] };

function join(...parts: Part[]): Part {
  return { source: parts.map((x) => x.source).join(''), pieces: parts.flatMap((x) => x.pieces) };
}

interface WordPattern {
  /** Proclitics (optional, or the article's forms when it was typed), or ''. */
  head: Part;
  /** The same word's start where it is joined to the word before it (no proclitics there, but a typed article). */
  headJoined: Part;
  /** The stem's letters, with the spaces lenient matching may find between them. */
  core: Part;
  /** Suffixes (optional), or the endings of a marbuta stem (one required), or ''. */
  tail: Part;
  tailJoined: Part;
  /** Anchors of a hit that starts with this word, what may stand before them, and after the first. */
  anchors: string[];
  before: string[];
  follow: string;
}

/** The stem's letters up to `end` with their optional spaces, and its anchors; null when a letter cannot occur. */
function core(stem: string, end: number, bridges: boolean, a: Alphabet): { part: Part; anchors: string[] } | null {
  const space = a.char(SPACE)!;
  let source = '';
  let units = '';
  const gaps = new Uint8Array(end);
  // A hit writes the stem whole, or with a first space before some stem[i]: then it holds
  // stem[0..i) + ' ' + stem[i..j), up to where a second space may come (unbrokenAfter). Those
  // are the anchors (each a few letters and rare), rather than the two letters every hit
  // shares, which occur in a great many words.
  const anchors = [stem.slice(0, end)];
  for (let i = 0; i < end; i++) {
    if (i > 0 && bridges && canBridge(stem, i)) {
      anchors.push(`${stem.slice(0, i)} ${stem.slice(i, unbrokenAfter(stem, i, end))}`);
      // A space right after a lone letter (a space also before it) is refused, unless it is و.
      const lone = canBridge(stem, i - 1) && stem[i - 1] !== WAW;
      source += lone ? `(?:(?<!${space}.)${space})?` : `${space}?`;
      gaps[i] = lone ? 2 : 1;
    }
    const s = a.char(stem.charCodeAt(i));
    if (s === null) return null;
    source += s;
    units += a.spell(stem[i]!)!;
  }
  const spaceUnit = bridges ? a.spell(' ')!.charCodeAt(0) : -1;
  return { part: { source, pieces: [{ kind: 'core', units, gaps, space: spaceUnit }] }, anchors };
}

function wordPattern(word: string, term: PatternTerm, sequenceLetters: number, arabicArticle: boolean, a: Alphabet): WordPattern | null {
  const inSequence = term.words.length > 1;
  const affixed = !term.wholeWord && takesAffixes(word, inSequence);
  const shape: WordShape = affixed ? shapeOf(word) : { article: false, stem: word, marbuta: false };
  const length = inSequence ? sequenceLetters : letterCount(shape.stem);
  const end = shape.marbuta ? shape.stem.length - 1 : shape.stem.length;
  const c = core(shape.stem, end, term.lenient && a.char(SPACE) !== null, a);
  if (c === null) return null;
  if (!affixed) return { head: EMPTY, headJoined: EMPTY, core: c.part, tail: EMPTY, tailJoined: EMPTY, anchors: c.anchors, before: [''], follow: '' };
  const proclitics = shape.article ? ARTICLE_PROCLITICS : arabicArticle ? [...ARTICLE_PROCLITICS, ...LETTER_PROCLITICS] : ARTICLE_PROCLITICS;
  const head = choicePart(proclitics, a, !shape.article);
  const headJoined = shape.article ? literalPart('ال', a) : EMPTY;
  const spaced = term.lenient && a.char(SPACE) !== null ? spacedPlurals().map((p) => ' ' + p) : [];
  const suffixList = [...suffixesAfter(length), ...spaced];
  const suffixes = choicePart(suffixList, a, true);
  let tail = suffixes;
  let tailJoined = EMPTY;
  let endings = suffixList;
  if (shape.marbuta) {
    const heh = literalPart('ه', a);
    const ends = choicePart(marbutaEndings(length), a, false);
    tail = { source: `(?:${heh.source}${suffixes.source}|${ends.source})`, pieces: [{ kind: 'alt', branches: [[...heh.pieces, ...suffixes.pieces], ends.pieces] }] };
    tailJoined = heh;
    endings = ['ه', ...marbutaEndings(length)];
  }
  // Every form of the article ends in ل (ال، لل، وال…): with it typed, the ل before the stem
  // is part of every hit, which makes the anchors far rarer.
  const anchors = shape.article ? c.anchors.map((x) => 'ل' + x) : c.anchors;
  const before = shape.article ? proclitics.map((p) => p.slice(0, -1)) : ['', ...proclitics];
  const follow = [...new Set(endings.map((e) => e[0]!))].join('');
  return { head, headJoined, core: c.part, tail, tailJoined, anchors, before, follow };
}

function choicePart(options: readonly string[], a: Alphabet, optional: boolean): Part {
  const source = choice(options, a, optional);
  return { source, pieces: source === '' ? [] : [choicePiece(options, a, optional)] };
}

function literalPart(text: string, a: Alphabet): Part {
  return { source: literal(text, a) ?? NEVER, pieces: [literalPiece(text, a)] };
}

/**
 * The pattern of a term, for articles in Arabic (`arabicArticle`: the one-letter proclitics
 * apply) or not; null when the term cannot occur in a key of this alphabet.
 */
export function termPattern(term: PatternTerm, a: Alphabet, arabicArticle: boolean): TermPattern | null {
  if (term.phrase) {
    const text = term.words[0] ?? '';
    const source = literal(text, a);
    return source === null || text === '' ? null : { source, program: [literalPiece(text, a)], anchors: [text], before: [''], follow: null, wordStart: false, wordAnchors: [[text]] };
  }
  const space = a.char(SPACE);
  if (term.words.length > 1 && space === null && !term.lenient) return null;
  const sequenceLetters = term.words.reduce((n, w) => n + letterCount(w), 0);
  const words: WordPattern[] = [];
  for (const w of term.words) {
    const p = wordPattern(w, term, sequenceLetters, arabicArticle, a);
    if (p === null) return null;
    words.push(p);
  }
  const first = words[0]!;
  // No start guard: the matcher tries the pattern only at the start of a written word.
  const parts = [first.head, first.core];
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const next = words[i]!;
    const spaced = space === null ? null : join(prev.tail, { source: space, pieces: [{ kind: 'space', unit: a.spell(' ')!.charCodeAt(0) }] }, next.head);
    const joined = join(prev.tailJoined, next.headJoined);
    // Strict: the query's space is a space in the text; lenient: a space, or none.
    const seam: Part = !term.lenient ? spaced! : spaced === null ? joined : { source: `(?:${spaced.source}|${joined.source})`, pieces: [{ kind: 'alt', branches: [spaced.pieces, joined.pieces] }] };
    parts.push(seam, next.core);
  }
  parts.push(words[words.length - 1]!.tail, { source: `(?![^${a.nonWord}])`, pieces: [{ kind: 'end' }] });
  const whole = join(...parts);
  return { source: whole.source, program: whole.pieces, anchors: first.anchors, before: first.before, follow: words.length === 1 ? first.follow : null, wordStart: true, wordAnchors: words.map((w) => w.anchors) };
}

/**
 * What every hit of the term holds contiguously once spaces are left out: the trigram index's
 * view of it (the stems, without a typed article or a final ه that an ending may replace).
 */
export function termStems(term: PatternTerm): string[] {
  if (term.phrase) return [(term.words[0] ?? '').replace(/ /g, '')];
  const inSequence = term.words.length > 1;
  return term.words.map((w) => {
    if (term.wholeWord || !takesAffixes(w, inSequence)) return w;
    const shape = shapeOf(w);
    return shape.marbuta ? shape.stem.slice(0, -1) : shape.stem;
  });
}
