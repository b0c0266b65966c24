// The columns side by side: placing them with a link gutter between each two, reading them
// in step, keeping their scroll across a rebuild, and lighting a hovered segment's
// counterparts in the others.
import { clear, h } from '../dom';
import type { Span } from './alignment-set';
import { elsOverlapping, type Column } from './column';
import { DraftColumn } from './draft-column';
import { gutterLinks } from './link-colours';
import { LinkGutter } from './link-gutter';
import { ScrollSync } from './scroll-sync';
import type { ShownTexts } from './shown-texts';

export class ColumnStrip {
  readonly el = h('div', { class: 'sbs-columns' });
  readonly narrowNote = h('p', { class: 'narrow-note' }, 'Widen the window to see the third column.');
  readonly sync: ScrollSync;
  private list: Column[] = [];
  private gutters: LinkGutter[] = [];
  private draftColumn: DraftColumn | null = null;

  constructor(private readonly texts: ShownTexts) {
    this.sync = new ScrollSync(
      () => this.list,
      (from, to, span) => texts.counterparts(from, to, span),
    );
  }

  get columns(): readonly Column[] {
    return this.list;
  }

  /** The draft column, if one is shown. */
  get draft(): DraftColumn | null {
    return this.draftColumn;
  }

  /**
   * Replaces the columns by one made for each spec (the old ones go first, so a draft saves
   * before its successor opens). Returns false when there was nothing to show.
   */
  build<S>(specs: readonly S[], make: (spec: S) => Column, keepScroll: boolean): boolean {
    const scrolls = this.list.map((c) => c.scroller.scrollTop);
    this.sync.clear();
    for (const g of this.gutters) g.destroy();
    for (const c of this.list) c.destroy();
    this.gutters = [];
    this.list = [];
    this.draftColumn = null;
    clear(this.el);
    if (specs.length === 0) {
      this.el.append(h('p', { class: 'placeholder' }, 'No article to show. Open a folder with articles first.'));
      return false;
    }
    for (const spec of specs) {
      const column = make(spec);
      if (column instanceof DraftColumn) this.draftColumn = column;
      if (this.list.length > 0) {
        const left = this.list[this.list.length - 1]!;
        const gutter = new LinkGutter(left, column, () => gutterLinks(this.texts, left, column));
        this.gutters.push(gutter);
        this.el.append(gutter.el);
      }
      this.list.push(column);
      this.el.append(column.el);
    }
    this.el.classList.toggle('three', this.list.length === 3);
    this.narrowNote.classList.toggle('applies', this.list.length === 3);
    this.list.forEach((c, i) => {
      c.el.dataset.column = String(i);
      this.sync.attach(c);
      c.scroller.addEventListener('scroll', () => this.redraw(), { passive: true });
      if (keepScroll && scrolls[i] !== undefined) c.scroller.scrollTop = scrolls[i]!;
    });
    return true;
  }

  /** Redraws the gutters' lines (on the next frame). */
  redraw(): void {
    for (const g of this.gutters) g.schedule();
  }

  /** Lights the hovered segment and what the other columns link to it. */
  hover(column: Column, span: Span | null): void {
    for (const c of this.list) for (const el of c.el.querySelectorAll('.hover, .counterpart')) el.classList.remove('hover', 'counterpart');
    if (!span) return;
    for (const el of elsOverlapping(column, [span])) el.classList.add('hover');
    for (const other of this.list) {
      if (other === column) continue;
      for (const el of elsOverlapping(other, this.texts.counterparts(column, other, span))) el.classList.add('counterpart');
    }
  }

  /** Lights every mark of what the texts share under this key (null: none). */
  sharedHover(key: string | null): void {
    for (const el of this.el.querySelectorAll('mark.shared.hot')) el.classList.remove('hot');
    if (!key) return;
    for (const el of this.el.querySelectorAll(`mark.shared[data-key="${CSS.escape(key)}"]`)) el.classList.add('hot');
  }
}
