// The hits of a query in one article's text, with the context a list of results shows.
// Matching runs on the text's folded key; the fold's offset map gives every hit back in the
// original characters (UTF-16 offsets into the text as decoded).
import { originalSpansOfKey, type KeySpelling } from '../text/key-offsets';
import { fold, originalSpan, type Folded } from '../text/normalise';
import { keyAlphabet } from './key-alphabet';
import { QueryMatcher, type KeySpan } from './query-matcher';
import type { CompiledQuery } from './search-query';
import { isArabicKey } from './word-forms';

export interface TextHit {
  start: number;
  end: number;
  /** The original characters at start..end. */
  text: string;
  /** The original text around the hit, on one line. */
  context: string;
  /** Offset of context[0] in the article text. */
  contextStart: number;
  /** Index of the query term this hit matched. */
  term: number;
}

export const CONTEXT_CHARS = 60;

export interface FindOptions {
  /** Hits returned at most. */
  limit?: number;
  /** The article reads as Arabic (one-letter proclitics apply); worked out from its key when not given, as the index does. */
  arabic?: boolean;
}

const matchers = new WeakMap<CompiledQuery, QueryMatcher | null>();

/** The query's patterns over folded keys as strings, compiled once per query. */
export function matcherOf(query: CompiledQuery): QueryMatcher | null {
  if (!matchers.has(query)) matchers.set(query, QueryMatcher.compile(query.terms, keyAlphabet()));
  return matchers.get(query)!;
}

/**
 * Every hit of the query in an article's original text, in text order: the matcher's key spans
 * (the same ones the index counts) mapped back to the original characters, so a hit covers
 * exactly the written characters, diacritics and ZWNJ inside it included.
 */
export function findHits(text: string, query: CompiledQuery, options: FindOptions = {}): TextHit[] {
  const limit = options.limit ?? Infinity;
  const matcher = query.terms.length === 0 ? null : matcherOf(query);
  if (matcher === null || limit <= 0) return [];
  const f = fold(text);
  const spans = matcher.spans(f.key, options.arabic ?? isArabicKey(f.key));
  return spans === null ? [] : hitsOfSpans(text, f, spans, limit);
}

/** The index's spelling of a key: one byte per folded character through its code page. */
export interface KeyPage {
  /** The query's matcher compiled for the page's alphabet (as the index ranks with it). */
  matcher: QueryMatcher;
  spelling: KeySpelling;
}

/**
 * `findHits` for a text whose folded (strict) key is at hand, as the index keeps it: the matcher
 * runs on that key, and the spans are mapped back by one pass over the text up to the last hit
 * (key-offsets.ts) instead of folding the whole text. The same hits as `findHits` when `key` is
 * `foldKey(text)` (spelled through `page` when given; `known`: the matcher's spans in `key`,
 * when the ranking kept them); when the text turns out not to fold to
 * `key` (changed since it was indexed), `findHits` on the text itself.
 */
export function findHitsInKey(text: string, key: string, query: CompiledQuery, options: FindOptions = {}, page?: KeyPage, known?: readonly KeySpan[]): TextHit[] {
  const limit = options.limit ?? Infinity;
  // A byte that stands for every character the full page had no byte left for may match where the text does not.
  if (page && key.includes(String.fromCharCode(page.spelling.other))) return findHits(text, query, options);
  const matcher = query.terms.length === 0 ? null : (page?.matcher ?? matcherOf(query));
  if (matcher === null || limit <= 0) return [];
  const spans = known ?? matcher.spans(key, options.arabic ?? isArabicKey(key));
  if (spans === null) return [];
  const shown = spans.length > limit ? spans.slice(0, limit) : spans;
  const places = originalSpansOfKey(text, key, shown, page?.spelling);
  if (places === null) return findHits(text, query, options);
  return shown.map((s, i) => hitAt(text, places[i]![0], places[i]![1], s.term));
}

/** Key spans of the text's fold as hits in the original text, at most `limit` of them. */
export function hitsOfSpans(text: string, f: Folded, spans: readonly KeySpan[], limit = Infinity): TextHit[] {
  const hits: TextHit[] = [];
  for (const s of spans) {
    if (hits.length >= limit) break;
    const [start, end] = originalSpan(f, s.start, s.end);
    hits.push(hitAt(text, start, end, s.term));
  }
  return hits;
}

function hitAt(text: string, start: number, end: number, term: number): TextHit {
  const { context, contextStart } = contextAround(text, start, end);
  return { start, end, text: detached(text.slice(start, end)), context: detached(context), contextStart, term };
}

/**
 * A copy of a piece of an article's text that does not keep the whole text alive, as V8's
 * slice of a longer string does: a search that keeps thousands of hits otherwise keeps their
 * articles too, and the garbage collector copies and marks them (the scan with no index,
 * 'نخست وزیر' over the 20,000 bench articles: 445–536 ms of collection before, 310–410 after).
 */
function detached(piece: string): string {
  return piece.length < 13 ? piece : Buffer.from(piece, 'utf16le').toString('utf16le');
}

/**
 * About CONTEXT_CHARS original characters each side, kept to the hit's line, cut at a word
 * boundary where one is near, line breaks inside (a lenient hit across lines) as spaces.
 */
export function contextAround(text: string, start: number, end: number, chars = CONTEXT_CHARS): { context: string; contextStart: number } {
  let from = Math.max(0, start - chars);
  let to = Math.min(text.length, end + chars);
  const lineBefore = lastLineBreak(text, from, start);
  if (lineBefore >= 0) from = lineBefore + 1;
  const lineAfter = firstLineBreak(text, end, to);
  if (lineAfter >= 0) to = lineAfter;
  if (from > 0 && lineBefore < 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0 && space < 20) from += space + 1;
  }
  if (to < text.length && lineAfter < 0) {
    const tail = text.slice(end, to);
    const m = /\s\S*$/.exec(tail);
    if (m && tail.length - m.index < 20) to = end + m.index;
  }
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  return { context: text.slice(from, to).replace(/[\r\n\u2028\u2029\t]/g, ' '), contextStart: from };
}

function lastLineBreak(text: string, from: number, before: number): number {
  for (let i = before - 1; i >= from; i--) if (isLineBreak(text.charCodeAt(i))) return i;
  return -1;
}

function firstLineBreak(text: string, from: number, before: number): number {
  for (let i = from; i < before; i++) if (isLineBreak(text.charCodeAt(i))) return i;
  return -1;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
