// The outlets Hashiya knows by name (outlets.json: data, not code, so that a newsroom's
// list can grow without a programmer). Each entry carries its native names and spellings, its
// English name for citations in English reports, and its web domains. Names that are also
// ordinary words (فارس is a province, مهر a month, الوطن a noun) are kept apart as `short`:
// the detectors trust them only where the text's shape says an outlet stands there.
import { boundedMemo } from './bounded-memo';
import { z } from 'zod';
import gazetteerData from './outlets.json';
import { flexAlternation, looseKey, WORD_END, WORD_START } from '../text/letter-variants';
import { isSpace } from '../text/words';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  english: z.string().min(1),
  native: z.array(z.string().min(1)).min(1),
  short: z.array(z.string().min(1)),
  latin: z.array(z.string().min(1)),
  country: z.string().min(2),
  kind: z.enum(['agency', 'newspaper', 'tv', 'radio', 'website', 'wire', 'service']),
  languages: z.array(z.string()),
  domains: z.array(z.string()),
});

export type KnownOutlet = z.infer<typeof entrySchema>;

function load(): KnownOutlet[] {
  const parsed = z.array(entrySchema).safeParse(gazetteerData);
  if (!parsed.success) throw new Error(`corpus/metadata/outlets.json is not a valid outlet list: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
  return parsed.data;
}

export const KNOWN_OUTLETS: readonly KnownOutlet[] = load();

export interface NamedOutlet {
  outlet: KnownOutlet;
  /** The name as the text writes it. */
  written: string;
  /** Offset of `written` in the searched text. */
  index: number;
  /** True when the name is one of the entry's bare short forms, which are also common words. */
  ambiguous: boolean;
}

/** A key that ignores letter variants, spaces, ZWNJ and a leading article's hamza. */
function nameKey(name: string): string {
  return looseKey(name).replace(/[\s\u200C]+/g, '').toLowerCase();
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The outlet, and how many words its longest spelling with this key has: text may join a name's words, never split one. */
const byKey = new Map<string, { outlet: KnownOutlet; ambiguous: boolean; words: number }>();
function addName(name: string, outlet: KnownOutlet, ambiguous: boolean): void {
  const key = nameKey(name);
  const words = name.match(WORD)?.length ?? 1;
  const seen = byKey.get(key);
  if (!seen) byKey.set(key, { outlet, ambiguous, words });
  else if (seen.outlet === outlet) seen.words = Math.max(seen.words, words);
}
for (const outlet of KNOWN_OUTLETS) for (const name of [...outlet.native, ...outlet.latin]) addName(name, outlet, false);
for (const outlet of KNOWN_OUTLETS) for (const name of outlet.short) addName(name, outlet, true);

// Names are found word by word: the text's words, folded, are joined in runs of up to the
// longest name's length and looked up in `byKey`, longest run first, so that `خبرگزاری فارس`
// wins over `فارس`. (One regex alternation of every spelling cost about 2 ms an article.) The
// few names with punctuation in them (`أ.ف.ب`, `RFE/RL`) keep a small alternation of their own.
const allNames = KNOWN_OUTLETS.flatMap((o) => [...o.native, ...o.short, ...o.latin]);
const PLAIN_NAME = /^[\p{L}\p{M}\p{N}\s\u200C\u200D]+$/u;
const LONGEST_NAME = Math.max(...allNames.filter((n) => PLAIN_NAME.test(n)).map((n) => n.match(WORD)?.length ?? 1));
const escapeLatin = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
const punctuated = allNames.filter((n) => !PLAIN_NAME.test(n));
const punctuatedName = new RegExp(
  `${WORD_START}(?:${flexAlternation(punctuated.filter((n) => !/[a-z]/i.test(n)))}|${punctuated.filter((n) => /[a-z]/i.test(n)).sort((a, b) => b.length - a.length).map(escapeLatin).join('|') || '(?!)'})${WORD_END}`,
  'giu',
);

/** The most words any name has, as the text's words are counted in namesIn. */
const MOST_NAME_WORDS = Math.max(...allNames.map((n) => n.match(WORD)?.length ?? 0));
const COUNTED_WORD = new RegExp(WORD.source, 'gu');

/**
 * False when `text` has more than `extra` words beyond the longest name's: no single name can
 * then be all of it. Counts no further than that, so a long paragraph costs a few words.
 */
export function fewWordsForOneName(text: string, extra = 0): boolean {
  COUNTED_WORD.lastIndex = 0;
  for (let n = 0; COUNTED_WORD.exec(text); n++) if (n >= MOST_NAME_WORDS + extra) return false;
  return true;
}

function lookup(name: string): { outlet: KnownOutlet; ambiguous: boolean } | null {
  const key = nameKey(name.replace(/^[«"“'(]+|[»"”')]+$/gu, ''));
  if (key === '') return null;
  return byKey.get(key) ?? byKey.get(key.replace(/^(?:ال|ل|لل)/u, '')) ?? null;
}

/**
 * The outlet a name (as the text or the person writes it) belongs to, or null. A name with its
 * abbreviation in brackets, `خبرگزاری دانشجویان ایران (ایسنا)`, is known by either part.
 */
export function outletByName(name: string): { outlet: KnownOutlet; ambiguous: boolean } | null {
  const whole = lookup(name);
  if (whole) return whole;
  const m = /^([^()]+)\(([^()]+)\)\s*$/u.exec(name.trim());
  return m ? lookup(m[1]) ?? lookup(m[2]) : null;
}

const MAX_KEPT = 2048;
const keptNames = new Map<string, readonly NamedOutlet[]>();

/**
 * Every known outlet named in `text`, left to right. The same line is asked about by the
 * masthead, headline, site-name and dateline rules, so the answer is kept for the article
 * being read (bounded, keyed by the text itself).
 */
export function knownOutletsIn(text: string): readonly NamedOutlet[] {
  let names = keptNames.get(text);
  if (names === undefined) {
    if (keptNames.size >= MAX_KEPT) keptNames.clear();
    names = Object.freeze(namesIn(text));
    keptNames.set(text, names);
  }
  return names;
}

/** Every start of a name's key (and the empty one): a run of words whose joined key is none of these cannot grow into a name. */
const KEY_STARTS = new Set<string>(['']);
for (const key of byKey.keys()) for (let j = 1; j <= key.length; j++) KEY_STARTS.add(key.slice(0, j));

/** Words' keys, kept across articles: news prose repeats its words, and folding each is most of the work. */
const wordKey = boundedMemo(nameKey, 100_000);

// Each BMP character's answer to WORD's class, found the first time it is met: the text's words
// are read by hand, not by a Unicode-property regex (most of the lookup's time).
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const wordChar = new Uint8Array(0x10000);
const YES = 1;
const NO = 2;

/** Length of the word character at `i` (2 for a surrogate pair), or 0 when it is none. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  let known = wordChar[c]!;
  if (known === 0) {
    known = WORD_CHAR.test(text[i]!) ? YES : NO;
    wordChar[c] = known;
  }
  return known === YES ? 1 : 0;
}

/** WORD's matches: each run of letters, marks and digits. */
function wordsOf(text: string): Array<{ start: number; end: number; key: string }> {
  const out: Array<{ start: number; end: number; key: string }> = [];
  for (let i = 0; i < text.length; ) {
    let n = wordCharAt(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    const start = i;
    while (n > 0) {
      i += n;
      n = i < text.length ? wordCharAt(text, i) : 0;
    }
    out.push({ start, end: i, key: wordKey(text.slice(start, i)) });
  }
  return out;
}

/** Only spaces, ZWNJ, ZWJ and hyphens between two words (`/^[\s\u200C\u200D-]*$/u`): they join into one name. */
function isGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 0x200c && c !== 0x200d && c !== 0x2d) return false;
  }
  return true;
}

/**
 * knownOutletsIn(text) of the names starting at most `reach` characters in, for the rules that
 * look for a name just after a verb (`نقلاً عن`, `في حديث مع`): the rest of the text is not
 * read for names. Not kept: each such text is a slice of its own.
 */
export function knownOutletsNear(text: string, reach: number): readonly NamedOutlet[] {
  const kept = keptNames.get(text);
  if (kept !== undefined) return kept.filter((n) => n.index <= reach);
  // A punctuated name (`أ.ف.ب`) near the start is kept or dropped by the word names after it: read them all.
  punctuatedName.lastIndex = 0;
  const punctuatedNear = punctuated.length > 0 && (punctuatedName.exec(text)?.index ?? Infinity) <= reach;
  return namesIn(text, punctuatedNear ? Infinity : reach).filter((n) => n.index <= reach);
}

/** The names in `text`; with a `reach`, only the word names starting by it and none of the punctuated ones. */
function namesIn(text: string, reach = Infinity): NamedOutlet[] {
  const words = wordsOf(text);
  // Whether a word joins the one before it into a name, tested only where a run of words
  // could still grow into a name.
  const joinsPrevious = (k: number) => isGap(text, words[k - 1].end, words[k].start);
  const out: NamedOutlet[] = [];
  const keys: string[] = [];
  for (let i = 0; i < words.length && words[i].start <= reach; i++) {
    // keys[n - 1]: the first n words joined, for every n they do join up to while they may
    // still be the start of a name (no longer run can be a name once one is not).
    keys.length = 0;
    for (let k = i, key = ''; k < Math.min(i + LONGEST_NAME, words.length) && (k === i || joinsPrevious(k)); k++) {
      keys.push((key += words[k].key));
      if (!KEY_STARTS.has(key)) break;
    }
    for (let n = keys.length; n >= 1; n--) {
      const last = words[i + n - 1];
      const hit = byKey.get(keys[n - 1]);
      if (!hit || hit.words < n) continue;
      out.push({ outlet: hit.outlet, written: text.slice(words[i].start, last.end), index: words[i].start, ambiguous: hit.ambiguous });
      i += n - 1;
      break;
    }
  }
  if (punctuated.length > 0 && reach === Infinity) {
    punctuatedName.lastIndex = 0;
    for (let m = punctuatedName.exec(text); m; m = punctuatedName.exec(text)) {
      const hit = outletByName(m[0]);
      const end = m.index + m[0].length;
      if (hit && !out.some((o) => o.index < end && m!.index < o.index + o.written.length)) out.push({ outlet: hit.outlet, written: m[0], index: m.index, ambiguous: hit.ambiguous });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const byDomain = new Map<string, KnownOutlet>();
for (const outlet of KNOWN_OUTLETS) for (const d of outlet.domains) byDomain.set(d.toLowerCase(), outlet);

/** The outlet whose site `host` is (`www.isna.ir`, `fa.alalam.ir` → their entries), or null. */
export function outletByDomain(host: string): KnownOutlet | null {
  let h = host.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  for (;;) {
    const found = byDomain.get(h);
    if (found) return found;
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * The outlet's name for an English citation, the native name kept beside it (already isolated
 * by the caller where bidi needs it): `Fars News Agency (خبرگزاری فارس)`,
 * `Emirates News Agency (WAM; وكالة أنباء الإمارات)`.
 */
export function englishWithNative(english: string, native: string): string {
  const bracket = /^(.*)\(([^()]*)\)\s*$/u.exec(english);
  return bracket ? `${bracket[1].trim()} (${bracket[2]}; ${native})` : `${english} (${native})`;
}
