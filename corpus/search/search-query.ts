// What the user typed in the search box, as terms to match against folded keys and filters
// on article metadata (the patterns themselves are term-pattern.ts's). Runs in Node and in
// the browser.
import { LANGUAGES as LANGUAGE_LIST, type Language } from '../text/language';
import { foldKey } from '../text/normalise';
import type { PatternTerm } from './term-pattern';

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
  /**
   * Spacing may differ from the query's: a space missing, added or written as ZWNJ, within the
   * limits term-pattern.ts gives. Default: on for Arabic-script queries.
   */
  lenient?: boolean;
  /** Words only as typed (letter variants folded): no proclitics, no suffixes. */
  wholeWord?: boolean;
  /** Added to the filters written in the query. */
  filters?: SearchFilters;
}

export interface QueryTerm {
  /** As typed; a sequence's words joined by single spaces. */
  text: string;
  phrase: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  filters: SearchFilters;
}

/** A term ready to match (term-pattern.ts turns it into a pattern). */
export interface CompiledTerm extends PatternTerm {
  text: string;
}

export interface CompiledQuery {
  terms: CompiledTerm[];
  filters: SearchFilters;
  lenient: boolean;
  wholeWord: boolean;
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
 * Splits the box's text into terms and filters. Words side by side make one term, a sequence
 * (they must occur in that order, adjacent); punctuation between words (a comma, say) ends
 * one, so `ترکیه، همکاری` asks for two terms anywhere in an article, in any order, just as
 * the text's own punctuation ends a sequence there. "…", «…» and “…” make a phrase;
 * `lang:fa`, `outlet:…`, `from:2024-01-01`, `to:…`, `tag:…` are filters (ASCII names only,
 * so that a Persian word with a colon stays a word).
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const filters: SearchFilters = {};
  let words: string[] = [];
  const endSequence = () => {
    if (words.length > 0) terms.push({ text: words.join(' '), phrase: false });
    words = [];
  };
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
      endSequence();
      const phrase = readQuoted(ch).trim();
      if (phrase) terms.push({ text: phrase, phrase: true });
      continue;
    }
    const filter = /^([a-zA-Z]+):/.exec(input.slice(i, i + 12));
    const name = filter ? FILTER_NAMES[filter[1]!.toLowerCase()] : undefined;
    if (filter && name) {
      endSequence();
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
    const raw = input.slice(start, i);
    const word = raw.replace(/^[\p{P}]+|[\p{P}]+$/gu, '');
    if (!word || /^[\p{P}]/u.test(raw)) endSequence();
    if (word) words.push(word);
    if (!word || /[\p{P}]$/u.test(raw)) endSequence();
  }
  endSequence();
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

/** Whether the filters narrow anything (an empty language list does not). */
export function hasFilters(f: SearchFilters | undefined): boolean {
  return Boolean(f && (f.language?.length || f.outlet || f.from || f.to || f.tag));
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

/**
 * The most words a search may have. Matching a sequence tries every spacing and word form of
 * each word at each place, so its work grows faster than its length: 499 words took 19 s and
 * then failed, while 20 take no longer than one on a corpus of 200 articles. A quoted phrase
 * is matched character by character and counts as one word.
 */
export const MAX_QUERY_WORDS = 20;

/** Why a query is refused for its size, as a sentence for the user; null when it is fine. */
export function checkQuerySize(query: CompiledQuery): string | null {
  const words = query.terms.reduce((n, t) => n + (t.phrase ? 1 : t.words.length), 0);
  return words > MAX_QUERY_WORDS ? `A search can have at most ${MAX_QUERY_WORDS} words; this one has ${words}.` : null;
}

/** Lenient matching is the default for queries written in Arabic script (Persian and Arabic alike). */
export function defaultLenient(query: string): boolean {
  return ARABIC_SCRIPT.test(query);
}

export function compileQuery(query: string | ParsedQuery, options: SearchOptions = {}): CompiledQuery {
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  const typed = typeof query === 'string' ? query : parsed.terms.map((t) => t.text).join(' ');
  const lenient = options.lenient ?? defaultLenient(typed);
  const wholeWord = options.wholeWord ?? false;
  const filters: SearchFilters = { ...parsed.filters, ...definedOnly(options.filters ?? {}) };
  const terms: CompiledTerm[] = [];
  const seen = new Set<string>();
  for (const t of parsed.terms) {
    const key = foldKey(t.text).trim();
    // A phrase keeps its single spaces; a sequence is its words (a word of only diacritics folds to nothing and goes).
    const words = t.phrase ? (key ? [key] : []) : key.split(' ').filter((w) => w !== '');
    if (words.length === 0) continue;
    // Quoting says "as typed": a phrase is never lenient and has no word forms to leave out.
    const term: CompiledTerm = { text: t.text, phrase: t.phrase, words, lenient: t.phrase ? false : lenient, wholeWord: t.phrase ? false : wholeWord };
    const id = JSON.stringify([term.phrase, term.words, term.lenient, term.wholeWord]);
    if (seen.has(id)) continue;
    seen.add(id);
    terms.push(term);
  }
  return { terms, filters, lenient, wholeWord };
}

function definedOnly(f: SearchFilters): SearchFilters {
  const out: SearchFilters = {};
  for (const [k, v] of Object.entries(f) as Array<[keyof SearchFilters, SearchFilters[keyof SearchFilters]]>) {
    if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}
