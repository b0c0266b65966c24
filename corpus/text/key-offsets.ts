// Original offsets of key spans when the text's key is already at hand (the search index keeps
// every article's folded key). `fold` makes three arrays the length of the article to answer a
// few spans; this walks the text once with the fold's own tables, only as far as the last span
// reaches, and keeps nothing per character. It checks every key character it passes against the
// key it was given, so a text that no longer folds to that key (a file changed since it was
// indexed) is noticed, up to the last span, and answered with null: the caller folds instead.
import { EXPAND, foldTables, KEEP, MARK, SPACE, SURROGATE } from './normalise';

export interface KeyRange {
  start: number;
  end: number;
}

/** How the given key spells folded characters when it is not the folded key itself (the index's one-byte code page). */
export interface KeySpelling {
  /** Key unit of each folded code unit; 0 for one the spelling has no unit of its own for. */
  byteOf: ArrayLike<number>;
  /** The key unit that stands for every folded unit without one of its own. */
  other: number;
}

// The fold's two tables as one, read once per character: the key unit a code unit emits on its
// own (KEEP and SURROGATE), or what else it does as a negative number. About a tenth fewer
// instructions than reading both tables (callgrind, a whole-text walk).
const U_MARK = -1;
const U_DROP = -2;
const U_SPACE = -3;
const U_EXPAND = -4;
let UNITS: Int32Array | null = null;

function unitTable(): Int32Array {
  if (UNITS) return UNITS;
  const { cls, map } = foldTables();
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const kind = cls[c];
    t[c] = kind === KEEP ? map[c]! : kind === SURROGATE ? c : kind === MARK ? U_MARK : kind === SPACE ? U_SPACE : kind === EXPAND ? U_EXPAND : U_DROP;
  }
  return (UNITS = t);
}

/**
 * For each key span, what `originalSpan(fold(text), s.start, s.end)` gives, when `key` is
 * `foldKey(text)` (strict), spelled through `spelling` if given. The spans must be in key
 * order and must not overlap (as `QueryMatcher.spans` gives them). Null when the text does not
 * fold to `key` as far as the spans need it, or when the spans are out of order.
 */
export function originalSpansOfKey(text: string, key: string, spans: readonly KeyRange[], spelling?: KeySpelling): Array<[number, number]> | null {
  const cursor = SpanCursor.of(spans, key.length);
  if (cursor === null) return null;
  if (spans.length === 0) return cursor.out;
  const { expansions } = foldTables();
  const units = unitTable();
  const byteOf = spelling?.byteOf;
  const other = spelling?.other ?? 0;
  const n = text.length;
  // Where the next span starts or ends, in key characters; -1 once every span is answered.
  let due = cursor.due();
  let k = 0; // key characters emitted so far
  let lastEnd = 0; // original end of key character k - 1 (a mark or a space run after it moves it)
  let lastSpace = false; // key character k - 1 is a space
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let u = units[c]!;
    if (u < 0) {
      if (u === U_MARK) {
        if (k > 0 && lastEnd === i) lastEnd = i + 1;
        continue;
      }
      if (u === U_SPACE) {
        if (lastSpace) {
          lastEnd = i + 1;
          continue;
        }
        u = 0x20;
      } else if (u === U_EXPAND) {
        const s = expansions.get(c)!;
        for (let j = 0; j < s.length; j++) {
          const e = s.charCodeAt(j);
          if (key.charCodeAt(k) !== (byteOf === undefined ? e : byteOf[e] || other)) return null;
          if (k === due) {
            due = cursor.at(k, i, lastEnd);
            if (due < 0) return cursor.out;
          }
          k++;
          lastEnd = i + 1;
          lastSpace = e === 0x20;
        }
        continue;
      } else continue; // DROP
    }
    if (key.charCodeAt(k) !== (byteOf === undefined ? u : byteOf[u] || other)) return null;
    if (k === due) {
      due = cursor.at(k, i, lastEnd);
      if (due < 0) return cursor.out;
    }
    k++;
    lastEnd = i + 1;
    lastSpace = u === 0x20;
  }
  return k === key.length ? cursor.finish(k, lastEnd) : null;
}

/**
 * The spans being answered, one at a time: a span's start is known when its first key
 * character is emitted, its end only when the next one is (marks and spaces after its last
 * character still belong to it) or the text ends.
 */
class SpanCursor {
  readonly out: Array<[number, number]> = [];
  private j = -1;
  private a = 0;
  private b = 0;
  /** Original start of the current span once its first key character was seen, else -1. */
  private opened = -1;

  private constructor(
    private readonly spans: readonly KeyRange[],
    private readonly len: number,
  ) {}

  /** Null when the spans (clamped to the key as originalSpan clamps them) overlap or are out of order. */
  static of(spans: readonly KeyRange[], len: number): SpanCursor | null {
    let reached = 0;
    for (const s of spans) {
      const [a, b] = clamped(s, len);
      if (a < reached) return null;
      reached = b;
    }
    const cursor = new SpanCursor(spans, len);
    cursor.next();
    return cursor;
  }

  /** The key index at which the cursor next needs to know something; -1 when every span is answered. */
  due(): number {
    if (this.j >= this.spans.length) return -1;
    return this.opened < 0 ? this.a : this.b;
  }

  /** Key character k is emitted at original offset i; key character k - 1 ended at lastEnd. */
  at(k: number, i: number, lastEnd: number): number {
    for (;;) {
      if (this.opened < 0) {
        if (this.a !== this.b) {
          this.opened = i;
          return this.b;
        }
        this.out.push([i, i]);
      } else {
        this.out.push([this.opened, lastEnd]);
        this.opened = -1;
      }
      if (!this.next()) return -1;
      if (this.a > k) return this.a;
    }
  }

  /** The text ended after k key characters (the whole key), the last ending at lastEnd. */
  finish(k: number, lastEnd: number): Array<[number, number]> | null {
    if (this.j >= this.spans.length) return this.out;
    for (;;) {
      if (this.opened < 0) {
        if (this.a !== k) return null;
        this.out.push([lastEnd, lastEnd]); // lastEnd is 0 for an empty key, as originalSpan gives
      } else {
        if (this.b !== k) return null;
        this.out.push([this.opened, lastEnd]);
        this.opened = -1;
      }
      if (!this.next()) return this.out;
    }
  }

  private next(): boolean {
    if (++this.j >= this.spans.length) return false;
    [this.a, this.b] = clamped(this.spans[this.j]!, this.len);
    return true;
  }
}

/** The span as originalSpan reads it: inside the key, never reversed. */
function clamped(s: KeyRange, len: number): [number, number] {
  const a = Math.max(0, Math.min(len, Math.floor(s.start)));
  return [a, Math.max(a, Math.min(len, Math.floor(s.end)))];
}
