// Reviewing the doubtful links of the first two texts, least sure first: the panel and its
// toggle, the cursor stepping through it (J/K), each link picked and scrolled to in every
// column as it comes, and confirming or unlinking it.
import { h } from '../dom';
import type { AlignmentSet } from './alignment-set';
import { elsOverlapping, verticalExtent, type Column } from './column';
import type { Picks } from './picks';
import { ReviewPanel, type ReviewItem } from './review-panel';
import type { ScrollSync } from './scroll-sync';
import type { ShownTexts } from './shown-texts';

export interface ReviewQueueDeps {
  texts: Pick<ShownTexts, 'sets' | 'docs'>;
  columns(): readonly Column[];
  /** Where the columns are, to clear the current link's marks. */
  root: HTMLElement;
  picks: Pick<Picks, 'set' | 'mark'>;
  sync: Pick<ScrollSync, 'scrollTo' | 'follow'>;
  redrawGutters(): void;
  /** Saves an edited alignment and shows it. */
  save(set: AlignmentSet): Promise<void>;
  /** Runs a user action in turn. */
  run(work: () => Promise<void>): void;
}

export type ReviewAct = 'confirm' | 'unlink';

export class ReviewQueue {
  readonly toggle = h('button', { type: 'button', class: 'review-toggle', 'aria-pressed': 'true', title: 'Show the links to review' }, 'Review');
  private readonly panel: ReviewPanel;
  private cursorAt: number | null = null;

  constructor(private readonly deps: ReviewQueueDeps) {
    this.panel = new ReviewPanel({
      focus: (p) => this.focus(p),
      confirm: (p) => deps.run(() => this.act(p, 'confirm')),
      unlink: (p) => deps.run(() => this.act(p, 'unlink')),
    });
    this.toggle.addEventListener('click', () => {
      const on = this.toggle.getAttribute('aria-pressed') !== 'true';
      this.toggle.setAttribute('aria-pressed', String(on));
      this.panel.el.hidden = !on;
      deps.redrawGutters();
    });
  }

  get el(): HTMLElement {
    return this.panel.el;
  }

  /** The position of the link under review, or null when none is. */
  get cursor(): number | null {
    return this.cursorAt;
  }

  /** Leaves the queue (the next refresh shows no current link). */
  reset(): void {
    this.cursorAt = null;
  }

  private items(): ReviewItem[] {
    const { sets, docs } = this.deps.texts;
    const set = sets[0];
    if (!set) return [];
    const a = docs.get(set.a);
    const b = docs.get(set.b);
    if (!a || !b) return [];
    return set.reviewQueue().map((index) => {
      const link = set.links[index]!;
      return { index, link, aText: a.text.slice(link.a[0], link.a[1]), bText: b.text.slice(link.b[0], link.b[1]), aLang: a.language, bLang: b.language };
    });
  }

  /** Shows the queue as it stands, and marks the current link in the columns. */
  refresh(): void {
    const items = this.items();
    if (this.cursorAt !== null && this.cursorAt >= items.length) this.cursorAt = items.length ? items.length - 1 : null;
    this.panel.set(items, this.cursorAt);
    this.toggle.textContent = `Review (${items.length})`;
    for (const el of this.deps.root.querySelectorAll('.review-current')) el.classList.remove('review-current');
    const item = this.cursorAt !== null ? items[this.cursorAt] : undefined;
    const set = this.deps.texts.sets[0];
    if (!item || !set) return;
    for (const c of this.deps.columns()) {
      const side = set.sideOf(c.file);
      if (!side) continue;
      const r = item.link[side];
      for (const el of elsOverlapping(c, [{ start: r[0], end: r[1] }])) el.classList.add('review-current');
    }
  }

  /** Makes the link at this position current: picked in each article and scrolled to. */
  focus(position: number): void {
    const item = this.items()[position];
    const set = this.deps.texts.sets[0];
    if (!item || !set) return;
    const columns = this.deps.columns();
    this.cursorAt = position;
    const picks = [];
    for (const c of columns) {
      if (c.kind !== 'article') continue;
      const side = set.sideOf(c.file);
      if (side) picks.push({ column: c, span: { start: item.link[side][0], end: item.link[side][1] } });
    }
    this.deps.picks.set(picks);
    this.deps.picks.mark();
    this.refresh();
    const lead = columns.find((c) => c.file === set.a && c.kind === 'article');
    if (lead) {
      const ext = verticalExtent(lead.scroller, elsOverlapping(lead, [{ start: item.link.a[0], end: item.link.a[1] }]));
      if (ext) {
        this.deps.sync.scrollTo(lead, ext.top - lead.scroller.clientHeight / 3);
        for (const other of columns) if (other !== lead) this.deps.sync.follow(lead, other);
      }
    }
    this.deps.redrawGutters();
  }

  /** Confirms or unlinks the link at this position, then moves on to the one now there. */
  async act(position: number, act: ReviewAct): Promise<void> {
    const set = this.deps.texts.sets[0];
    const item = this.items()[position];
    if (!set || !item) return;
    if (act === 'confirm') set.confirmLink(item.index);
    else set.unlinkAt(item.index);
    await this.deps.save(set);
    const left = this.items().length;
    if (left === 0) this.cursorAt = null;
    else this.focus(Math.min(position, left - 1));
  }

  step(step: 1 | -1): void {
    const n = this.items().length;
    if (n === 0) return;
    const next = this.cursorAt === null ? (step > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, this.cursorAt + step));
    this.focus(next);
  }
}
