// A re-anchoring trial with known answers: an article, annotations on word spans, then 3 %
// of its words changed (replaced, deleted, inserted, or respelled with a letter variant or a
// ZWNJ), keeping track of where every old word went, so each annotation's true new place is
// known and the re-anchored ones can be judged right or wrong.
import type { Annotation } from '../../annotations/model/types';
import { foldKey } from '../../corpus/text/normalise';
import { makeArticle, pick, type Rng, type Vocabulary, zipfWord } from './synthetic-corpus';
import { annotationAt } from '../fixtures/annotations';

export interface ReanchorCase {
  before: string;
  after: string;
  annotations: Annotation[];
  truth: Truth[];
  changedWords: number;
  words: number;
}

interface Truth {
  /** Where the annotated words are now (from the first to the last surviving one), or null if all went. */
  span: { start: number; end: number } | null;
  /** Share of the annotated words that are unchanged. */
  intact: number;
}

type Op = 'replace' | 'delete' | 'insert' | 'variant';

export function makeReanchorCase(rng: Rng, vocab: { fa: Vocabulary; ar: Vocabulary }, options: { chars: number; annotations: number; changeRate: number }): ReanchorCase {
  let before = '';
  let lang: 'fa' | 'ar' = 'fa';
  for (let i = 0; before.length < options.chars; i++) {
    const a = makeArticle(rng, i, vocab, { paragraphs: [20, 30], words: [60, 120] });
    if (i === 0) lang = a.language;
    before += (before ? '\n\n' : '') + a.text.trim();
  }
  before = before.slice(0, before.lastIndexOf(' ', options.chars));
  const v = vocab[lang];
  // Tokens alternate: word, separator, word, separator, ...
  const tokens = before.split(/(\s+)/);
  const wordCount = Math.ceil(tokens.length / 2);
  const oldStart: number[] = [];
  let at = 0;
  for (let t = 0; t < tokens.length; t++) {
    if (t % 2 === 0) oldStart.push(at);
    at += tokens[t]!.length;
  }

  const ops = new Map<number, Op>();
  const changes = Math.round(wordCount * options.changeRate);
  while (ops.size < changes) {
    const w = Math.floor(rng() * wordCount);
    if (!tokens[w * 2]) continue;
    const r = rng();
    ops.set(w, r < 0.5 ? 'replace' : r < 0.7 ? 'delete' : r < 0.85 ? 'insert' : 'variant');
  }
  const newWord = () => {
    const w = zipfWord(rng, v);
    return typeof w === 'string' ? w : w.join('');
  };

  let after = '';
  const newStart: number[] = new Array(wordCount).fill(-1);
  const newEnd: number[] = new Array(wordCount).fill(-1);
  const unchanged: boolean[] = new Array(wordCount).fill(true);
  for (let w = 0; w < wordCount; w++) {
    const word = tokens[w * 2]!;
    const sep = tokens[w * 2 + 1] ?? '';
    const op = ops.get(w);
    if (op === 'delete') {
      unchanged[w] = false;
      after += sep.includes('\n') ? sep : '';
      continue;
    }
    let out = word;
    if (op === 'replace') out = newWord();
    else if (op === 'variant') out = respell(rng, word);
    if (out !== word) unchanged[w] = false;
    newStart[w] = after.length;
    after += out;
    newEnd[w] = after.length;
    after += sep;
    if (op === 'insert') after += newWord() + (sep.includes('\n') ? '' : ' ');
  }

  const annotations: Annotation[] = [];
  const truth: Truth[] = [];
  while (annotations.length < options.annotations) {
    const ws = Math.floor(rng() * wordCount);
    const n = 1 + Math.floor(rng() * 6);
    const we = Math.min(wordCount - 1, ws + n - 1);
    let crossesParagraph = false;
    for (let w = ws; w < we; w++) if ((tokens[w * 2 + 1] ?? '').includes('\n')) crossesParagraph = true;
    if (crossesParagraph || !tokens[ws * 2] || !tokens[we * 2]) continue;
    const start = oldStart[ws]!;
    const end = oldStart[we]! + tokens[we * 2]!.length;
    const i = annotations.length;
    annotations.push(annotationAt(before, `b${i}`, start, end, { analyst: 'bench', created: '2024-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z', tags: [] }));
    let first = -1;
    let last = -1;
    let kept = 0;
    for (let w = ws; w <= we; w++) {
      if (newStart[w]! >= 0) {
        if (first < 0) first = w;
        last = w;
      }
      if (unchanged[w]) kept++;
    }
    truth.push({ span: first < 0 ? null : { start: newStart[first]!, end: newEnd[last]! }, intact: kept / (we - ws + 1) });
  }
  return { before, after, annotations, truth, changedWords: changes, words: wordCount };
}

/** A change a CMS or another editor makes without changing the word: letter variants, ZWNJ. */
function respell(rng: Rng, word: string): string {
  const options = [
    () => word.replace(/ی/g, 'ي').replace(/ک/g, 'ك'),
    () => word.replace(/ي/g, 'ی').replace(/ك/g, 'ک'),
    () => (word.length > 3 ? word.slice(0, 2) + '\u200c' + word.slice(2) : word + 'ها'),
    () => word.replace(/ه$/, 'ة'),
    () => word.replace(/^ا/, 'أ'),
  ];
  for (let i = 0; i < 5; i++) {
    const out = pick(rng, options)();
    if (out !== word) return out;
  }
  return word + 'ی';
}

export interface ReanchorScore {
  total: number;
  /** Placed on the true span (or rightly orphaned because its words are gone). */
  right: number;
  /** Placed somewhere that is not the true span. */
  wrong: number;
  /** Orphaned though most of its words survived. */
  lost: number;
  /** Placed overlapping the true span, but not closely (between half and 80 %). */
  imprecise: number;
  exact: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export function scoreReanchor(c: ReanchorCase, result: Annotation[]): ReanchorScore {
  const s: ReanchorScore = { total: result.length, right: 0, wrong: 0, lost: 0, imprecise: 0, exact: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  result.forEach((a, i) => {
    s[a.anchor.status]++;
    const t = c.truth[i]!;
    // An annotation whose words mostly changed is rightly orphaned; one that kept most must be placed.
    const mostlyGone = t.span === null || t.intact < 0.5;
    if (a.anchor.status === 'orphaned') {
      if (mostlyGone) s.right++;
      else s.lost++;
      return;
    }
    const overlap = t.span ? iou(a.target.position, t.span) : 0;
    const sameWords = t.span !== null && foldKey(c.after.slice(t.span.start, t.span.end), { lenient: true }) === foldKey(a.target.quote.exact, { lenient: true });
    if (overlap >= 0.8 || sameWords) s.right++;
    else if (overlap >= 0.5) {
      if (mostlyGone) s.right++;
      else s.imprecise++;
    } else s.wrong++;
  });
  return s;
}

function iou(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : inter / union;
}
