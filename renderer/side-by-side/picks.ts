// The segments the user picked, one range per column, most recent first: what Link, Unlink,
// Confirm, Merge and Not for translation act on. The draft's caret counts as its pick.
import type { SegmentInfo } from '../../corpus/api/api';
import type { Span } from './alignment-set';
import { elsOverlapping, type Column } from './column';

export interface Pick {
  column: Column;
  span: Span;
}

export class Picks {
  private picks: Pick[] = [];

  constructor(
    private readonly columns: () => readonly Column[],
    private readonly counterparts: (from: Column, to: Column, span: Span) => Span[],
  ) {}

  get list(): readonly Pick[] {
    return this.picks;
  }

  /** The most recent pick. */
  get last(): Pick | undefined {
    return this.picks[0];
  }

  /** A click on a segment (shift-click: extends that column's pick to it). */
  pick(column: Column, seg: SegmentInfo, extend: boolean): void {
    const existing = this.picks.find((p) => p.column === column);
    let span: Span = { start: seg.start, end: seg.end };
    if (extend && existing) span = { start: Math.min(existing.span.start, seg.start), end: Math.max(existing.span.end, seg.end) };
    this.picks = [{ column, span }, ...this.picks.filter((p) => p.column !== column)];
    this.mark();
  }

  /** The draft's caret moved into a segment (null: out of them); its counterparts are lit. */
  caret(draft: Column, span: Span | null): void {
    const columns = this.columns();
    for (const c of columns) for (const el of c.el.querySelectorAll('.caret-counterpart')) el.classList.remove('caret-counterpart');
    if (!span) return;
    this.picks = [{ column: draft, span }, ...this.picks.filter((p) => p.column !== draft)];
    for (const other of columns) {
      if (other === draft) continue;
      for (const el of elsOverlapping(other, this.counterparts(draft, other, span))) el.classList.add('caret-counterpart');
    }
    this.mark();
  }

  /** Replaces the picks (without marking them: call mark()). */
  set(picks: Pick[]): void {
    this.picks = picks;
  }

  clear(): void {
    this.picks = [];
    this.mark();
  }

  /** Marks the picked segments. */
  mark(): void {
    const columns = this.columns();
    for (const c of columns) for (const el of c.el.querySelectorAll('.picked')) el.classList.remove('picked');
    for (const p of this.picks) for (const el of elsOverlapping(p.column, [p.span])) el.classList.add('picked');
  }
}
