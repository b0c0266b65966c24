// What the user typed in the search box, as terms to match against folded keys and filters
// on article metadata. Matching happens on folded keys; every hit is mapped back to the
// original characters through the fold's offset map. Runs in Node and in the browser.
import { LANGUAGES as LANGUAGE_LIST, type Language } from '../text/language';
import { fold, foldKey, originalSpan } from '../text/normalise';

export interface SearchFilters {
  language?: Language[];
  /** Part of the outlet name, matched folded. */
  outlet?: string;
  /** Inclusive ISO dates (YYYY-MM-DD); an article without a known date is left out. */
  from?: string;
  to?: string;
  /** Tag id: only articles with an annotation carrying it. */
  tag?: string;
}

export interface SearchOptions {
  /** Match across a missing or extra space or ZWNJ inside a word; default: on for Arabic-script queries. */
  lenient?: boolean;
  /** Added to the filters written in the query. */
  filters?: SearchFilters;
}

export interface QueryTerm {
  /** As typed. */
  text: string;
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  filters: SearchFilters;
}

/** A term ready to match: its strict key and, when lenient, a matcher that allows gaps. */
export interface CompiledTerm {
  text: string;
  phrase: boolean;
  /** Strict folded key (one space where the text had any run of whitespace). */
  key: string;
  /** The key without spaces: what the trigram index sees. */
  bare: string;
  lenient: boolean;
}

export interface CompiledQuery {
  terms: CompiledTerm[];
  filters: SearchFilters;
  lenient: boolean;
}

const FILTER_NAMES: Record<string, keyof SearchFilters> = {
  lang: 'language',
  language: 'language',
  outlet: 'outlet',
  from: 'from',
  to: 'to',
  tag: 'tag',
};
const LANGUAGES = new Set<Language>(LANGUAGE_LIST);
const OPEN_QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“' };
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Splits the box's text into terms and filters. "…", «…» and “…” make a phrase;
 * `lang:fa`, `outlet:…`, `from:2024-01-01`, `to:…`, `tag:…` are filters (ASCII names only,
 * so that a Persian word with a colon stays a word).
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const filters: SearchFilters = {};
  let i = 0;
  const n = input.length;
  const readQuoted = (open: string): string => {
    const close = OPEN_QUOTES[open]!;
    const endAt = input.indexOf(close, i + 1);
    const stop = endAt < 0 ? n : endAt;
    const value = input.slice(i + 1, stop);
    i = endAt < 0 ? n : endAt + 1;
    return value;
  };
  while (i < n) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (OPEN_QUOTES[ch]) {
      const phrase = readQuoted(ch).trim();
      if (phrase) terms.push({ text: phrase, phrase: true });
      continue;
    }
    const filter = /^([a-zA-Z]+):/.exec(input.slice(i, i + 12));
    const name = filter ? FILTER_NAMES[filter[1]!.toLowerCase()] : undefined;
    if (filter && name) {
      i += filter[0].length;
      let value: string;
      if (i < n && OPEN_QUOTES[input[i]!]) value = readQuoted(input[i]!);
      else {
        const start = i;
        while (i < n && !/\s/.test(input[i]!)) i++;
        value = input.slice(start, i);
      }
      applyFilter(filters, name, value.trim());
      continue;
    }
    const start = i;
    while (i < n && !/\s/.test(input[i]!)) i++;
    const word = input.slice(start, i).replace(/^[\p{P}]+|[\p{P}]+$/gu, '');
    if (word) terms.push({ text: word, phrase: false });
  }
  return { terms, filters };
}

function applyFilter(filters: SearchFilters, name: keyof SearchFilters, value: string): void {
  if (!value) return;
  switch (name) {
    case 'language': {
      const langs = value.split(',').map((v) => v.trim().toLowerCase()) as Language[];
      filters.language = langs.filter((l) => LANGUAGES.has(l));
      break;
    }
    case 'from':
    case 'to':
      filters[name] = value;
      break;
    case 'outlet':
    case 'tag':
      filters[name] = value;
      break;
  }
}

/** Whether a filter value is usable; the CLI and the API reject the others with a message. */
export function checkFilters(filters: SearchFilters): string | null {
  for (const k of ['from', 'to'] as const) {
    const v = filters[k];
    if (v !== undefined && !ISO_DATE.test(v)) return `${k}: ${JSON.stringify(v)} is not a date of the form YYYY-MM-DD`;
  }
  if (filters.language && filters.language.some((l) => !LANGUAGES.has(l))) return 'language must be fa, ar, en or und';
  return null;
}

/** Lenient matching is the default for queries written in Arabic script (Persian and Arabic alike). */
export function defaultLenient(query: string): boolean {
  return ARABIC_SCRIPT.test(query);
}

export function compileQuery(query: string | ParsedQuery, options: SearchOptions = {}): CompiledQuery {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const typed = typeof query === 'string' ? query : parsed.terms.map((t) => t.text).join(' ');
  const lenient = options.lenient ?? defaultLenient(typed);
  const filters: SearchFilters = { ...parsed.filters, ...definedOnly(options.filters ?? {}) };
  const terms: CompiledTerm[] = [];
  const seen = new Set<string>();
  for (const t of parsed.terms) {
    const key = foldKey(t.text).trim();
    const bare = key.replace(/ /g, '');
    if (!bare) continue;
    const id = `${lenient ? bare : key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    terms.push({ text: t.text, phrase: t.phrase, key: lenient ? bare : key, bare, lenient });
  }
  return { terms, filters, lenient };
}

function definedOnly(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f) as Array<[keyof SearchFilters, SearchFilters[keyof SearchFilters]]>) {
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

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

/** Every hit of the query's terms in an article's original text, in text order. */
export function findHits(text: string, query: CompiledQuery, limit = Infinity): TextHit[] {
  if (query.terms.length === 0) return [];
  // Lenient terms match the key without spaces; both keys map back to the original text.
  const strict = query.terms.some((t) => !t.lenient) ? fold(text) : null;
  const lenient = query.terms.some((t) => t.lenient) ? fold(text, { lenient: true }) : null;
  const spans: Array<[number, number, number]> = [];
  query.terms.forEach((term, t) => {
    const f = term.lenient ? lenient! : strict!;
    const needle = term.lenient ? term.bare : term.key;
    for (let i = f.key.indexOf(needle); i !== -1 && spans.length < MAX_SPANS; i = f.key.indexOf(needle, i + needle.length)) {
      const [start, end] = originalSpan(f, i, i + needle.length);
      spans.push([start, end, t]);
    }
  });
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Hits of different words that touch (رئیس + جمهور) read as one hit.
  const merged: Array<{ start: number; end: number; term: number; last: number }> = [];
  for (const [start, end, t] of spans) {
    const prev = merged[merged.length - 1];
    if (prev && start < prev.end) continue; // one term's hit inside another's: show the longer once
    if (prev && t !== prev.last && /^[\s\u200c]{0,2}$/.test(text.slice(prev.end, start))) {
      prev.end = end;
      prev.last = t;
      continue;
    }
    merged.push({ start, end, term: t, last: t });
  }
  const hits: TextHit[] = [];
  for (const { start, end, term } of merged) {
    const { context, contextStart } = contextAround(text, start, end);
    hits.push({ start, end, text: text.slice(start, end), context, contextStart, term });
    if (hits.length >= limit) break;
  }
  return hits;
}

/** Enough for any article a person reads; stops a one-letter query on a huge file. */
const MAX_SPANS = 100_000;

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
