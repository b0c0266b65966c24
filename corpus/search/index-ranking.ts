// The in-memory query side's last step: counting each candidate's hits, scoring and ranking
// them, with a cheaper first look when very many articles are candidates.
import type { Slot } from './index-slot';
import type { CompiledQuery } from './search-query';
import { MAX_SPANS, type KeySpan, type QueryMatcher } from './query-matcher';
import { byScoreDescending } from './score-order';

export interface RankedArticle {
  file: string;
  score: number;
  /** Hits of all terms in the article. */
  hits: number;
}

export interface IndexSearchResult {
  articles: RankedArticle[];
  totalHits: number;
  /** Hits were counted only up to a cap in some articles (many candidates, exact totals not asked for). */
  approximate: boolean;
}

export interface IndexSearchOptions {
  maxArticles?: number;
  /** Count every hit however many articles match (the CLI's totals). */
  exactTotals?: boolean;
}

/** Positions per term kept to measure how close the terms are. */
const PROXIMITY_POSITIONS = 256;
/**
 * Above this many candidate articles, hits are counted up to COUNT_CAP per article and term:
 * counting every one of 300,000 hits of a word in every article costs more than a keystroke
 * may, and the ranking hardly changes (its count term grows with the logarithm).
 */
const FULL_COUNT_LIMIT = 2500;
const COUNT_CAP = 8;
/** With very many candidates, this many of the best (by a first look) are ranked in full. */
const RANK_IN_FULL = 400;

/** How much each term's hits weigh (a phrase a little more: the user took the trouble to quote it). */
export type TermWeights = readonly number[];

/** The pieces the ranking needs to look into an article: the query's patterns in the page's bytes. */
export interface RankQuery {
  matcher: QueryMatcher;
  weights: TermWeights;
}

const positionLists: number[][] = [];

/**
 * Hits of every term in the article (up to `cap` each), scored; null when a term is missing.
 * The hits are the matcher's spans, the very ones the engine shows, so that counts agree.
 */
function scoreArticle(s: Slot, q: RankQuery, cap: number, kept?: KeepSpans): RankedArticle | null {
  const spans = q.matcher.spans(s.key, s.arabic, cap);
  if (spans === null) return null;
  kept?.(s, spans);
  return scoreSpans(s.file, s.key.length, spans, q, cap);
}

/** Told each article with hits and its spans, as the ranking finds them (the hits need not be sought again). */
export type KeepSpans = (slot: Slot, spans: KeySpan[]) => void;

/**
 * Every slot that `each` hands over scored in full and ranked, with exact totals: slots can come
 * one at a time and be dropped once scored (the index read in place).
 */
export function rankEach(each: (visit: (s: Slot) => void) => void, q: RankQuery, kept?: KeepSpans, maxArticles?: number): IndexSearchResult {
  const ranked: RankedArticle[] = [];
  let totalHits = 0;
  each((s) => {
    const r = scoreArticle(s, q, MAX_SPANS, kept);
    if (r) {
      ranked.push(r);
      totalHits += r.hits;
    }
  });
  return { articles: limitTo(rankArticles(ranked), maxArticles), totalHits, approximate: false };
}

/**
 * An article's score from its spans and its key's length. Shared with the scan of a corpus
 * with no index (scan-articles.ts), so that both rank the same articles the same way.
 */
export function scoreSpans(file: string, keyLength: number, spans: readonly KeySpan[], q: RankQuery, cap = MAX_SPANS): RankedArticle {
  const terms = q.matcher.terms;
  const keep = Math.min(cap, PROXIMITY_POSITIONS);
  while (positionLists.length < terms) positionLists.push([]);
  const counts = new Array<number>(terms).fill(0);
  for (let t = 0; t < terms; t++) positionLists[t]!.length = 0;
  for (const h of spans) {
    counts[h.term]!++;
    const pos = positionLists[h.term]!;
    if (pos.length < keep) pos.push(h.start);
  }
  let score = 0;
  for (let t = 0; t < terms; t++) {
    const n = counts[t]!;
    // A term whose every hit lies inside another term's counts for nothing of its own.
    if (n === 0) continue;
    // Hits near the top (headline, lead) count a little more: that is where news says what it is about.
    score += q.weights[t]! * (Math.log2(1 + n) + 0.5 / (1 + positionLists[t]![0]! / 500));
  }
  const present = positionLists.slice(0, terms).filter((p) => p.length > 0);
  if (present.length > 1) score += 3 / (1 + minimalWindow(present) / 80);
  // Long articles collect hits by length alone.
  score /= 1 + Math.log10(1 + keyLength / 20000);
  return { file, score, hits: spans.length };
}

export function rankArticles(list: RankedArticle[]): RankedArticle[] {
  return list.sort((x, y) => y.score - x.score || (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

function limitTo<T>(list: T[], max: number | undefined): T[] {
  return max !== undefined && Number.isFinite(max) ? list.slice(0, max) : list;
}

/** Nothing found. */
export function noResult(): IndexSearchResult {
  return { articles: [], totalHits: 0, approximate: false };
}

/** The query's articles among these slots ranked with its matcher (a phrase weighs more than a word): the loaded and the in-place index alike. */
export function rankForQuery(slots: readonly Slot[], query: CompiledQuery, matcher: QueryMatcher, options: IndexSearchOptions): IndexSearchResult {
  return rankSlots(slots, rankQuery(query, matcher), options);
}

/** What the ranking needs of a query: its matcher, and a phrase weighing more than a word. */
export function rankQuery(query: CompiledQuery, matcher: QueryMatcher): RankQuery {
  return { matcher, weights: query.terms.map((t) => (t.phrase ? 1.5 : 1)) };
}

/** The slots that hold every term, scored and ranked. */
export function rankSlots(slots: readonly Slot[], q: RankQuery, options: IndexSearchOptions): IndexSearchResult {
  if (options.exactTotals || slots.length <= FULL_COUNT_LIMIT) return rankEach((visit) => slots.forEach((s) => visit(s)), q, undefined, options.maxArticles);

  // Very many candidates: one look per term decides whether an article matches and how
  // near the top its hits start; only the best of those are counted and ranked in full.
  const matched: Slot[] = [];
  const scores = new Float64Array(slots.length);
  for (const s of slots) {
    const at = q.matcher.firsts(s.key, s.arabic);
    if (at === null) continue;
    let score = 0;
    let lo = Infinity;
    let hi = -1;
    for (let t = 0; t < at.length; t++) {
      const i = at[t]!;
      score += q.weights[t]! * (1 + 0.5 / (1 + i / 500));
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    if (at.length > 1) score += 3 / (1 + (hi - lo) / 80);
    scores[matched.length] = score / (1 + Math.log10(1 + s.key.length / 20000));
    matched.push(s);
  }
  const order = byScoreDescending(scores, matched.length);
  const full: RankedArticle[] = [];
  let totalHits = 0;
  for (let i = 0; i < order.length && i < RANK_IN_FULL; i++) {
    const r = scoreArticle(matched[order[i]!]!, q, COUNT_CAP);
    if (r) {
      full.push(r);
      totalHits += r.hits;
    }
  }
  const articles = rankArticles(full);
  for (let i = RANK_IN_FULL; i < order.length; i++) {
    const k = order[i]!;
    // Not looked into further: at least one hit of each term.
    articles.push({ file: matched[k]!.file, score: scores[k]!, hits: q.matcher.terms });
    totalHits += q.matcher.terms;
  }
  return { articles: limitTo(articles, options.maxArticles), totalHits, approximate: true };
}

/** The shortest stretch that holds one position of every list (each list sorted, non-empty). */
function minimalWindow(lists: number[][]): number {
  const idx = lists.map(() => 0);
  let best = Infinity;
  for (;;) {
    let lo = Infinity;
    let hi = -Infinity;
    let loList = -1;
    for (let l = 0; l < lists.length; l++) {
      const v = lists[l]![idx[l]!]!;
      if (v < lo) {
        lo = v;
        loList = l;
      }
      if (v > hi) hi = v;
    }
    if (hi - lo < best) best = hi - lo;
    idx[loList]!++;
    if (idx[loList]! >= lists[loList]!.length) return best;
  }
}
