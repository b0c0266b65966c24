// Side by side: two or three texts in columns (an article, another article, the English
// draft), their alignment drawn between them and corrected in place, reading in step, the
// draft editor with gloss memory and checks, and the hand-off to CAT tools.
import type { Pairing, PairingKind } from '../../annotations/model/types';
import type { AlignmentView, ArticleDoc, ArticleSummary, GlossaryEntry, Progress, SegmentInfo, TranslationFormat } from '../../corpus/api/api';
import { glossIndex, type GlossIndex } from '../../annotations/translation/draft-checks';
import { onAppEvent } from '../bridge';
import { clear, h } from '../dom';
import type { View, ViewContext } from '../view-context';
import { AlignmentSet, REVIEW_BELOW, type Span } from './alignment-set';
import { ArticleColumn, type SharedMark } from './article-column';
import { spanOfEl, verticalExtent, type Column } from './column';
import { DraftColumn } from './draft-column';
import { handoffControls } from './handoff';
import { LinkGutter, type GutterLink } from './link-gutter';
import { ReviewPanel, type ReviewItem } from './review-panel';
import { ScrollSync } from './scroll-sync';
import { entityTagIds, sharedSpans } from './shared-spans';

const DRAFT = '#draft';
const NONE = '';
const COLOURS = 6;
const LANGUAGE_NAMES: Record<string, string> = { fa: 'Persian', ar: 'Arabic', en: 'English', und: 'Unknown' };

type Spec = { kind: 'article'; file: string } | { kind: 'draft' };

export interface SideBySideDebug {
  columns(): Array<{ kind: 'article' | 'draft'; file: string }>;
  alignments(): Array<{ a: string; b: string; kind: PairingKind; links: AlignmentSet['links'] }>;
  counterparts(from: number, to: number, span: Span): Span[];
  draft(): DraftColumn | null;
  flush(): Promise<void>;
  open(files: string[]): Promise<void>;
  ready(): boolean;
}

declare global {
  interface Window {
    hashiyaSideBySide?: SideBySideDebug;
  }
}

export function createSideBySideView(ctx: ViewContext): View {
  const view = new SideBySideView(ctx);
  window.hashiyaSideBySide = view.debug();
  return view;
}

class SideBySideView implements View {
  readonly el: HTMLElement;
  private readonly pickers: HTMLSelectElement[];
  private readonly pairingSelect = h('select', { class: 'pairings', 'aria-label': 'Saved pairings' }) as HTMLSelectElement;
  private readonly pairKind = h('select', { class: 'pair-kind', 'aria-label': 'Kind of pairing' }, h('option', { value: 'translation' }, 'translation'), h('option', { value: 'comparable' }, 'comparable')) as HTMLSelectElement;
  private readonly pairButton = h('button', { type: 'button', class: 'pair-these', title: 'Remember these two texts as a pair' }, 'Pair these');
  private readonly unpairButton = h('button', { type: 'button', class: 'unpair', title: 'Forget this pairing' }, 'Unpair');
  private readonly onlyInOne = h('input', { type: 'checkbox', class: 'only-in-one' }) as HTMLInputElement;
  private readonly inStep = h('input', { type: 'checkbox', class: 'in-step', checked: true }) as HTMLInputElement;
  private readonly reviewToggle = h('button', { type: 'button', class: 'review-toggle', 'aria-pressed': 'true', title: 'Show the links to review' }, 'Review');
  private readonly columnsEl = h('div', { class: 'sbs-columns' });
  private readonly progressEl = h('div', { class: 'sbs-progress' });
  private readonly narrowNote = h('p', { class: 'narrow-note' }, 'Widen the window to see the third column.');
  private readonly review: ReviewPanel;
  private readonly body: HTMLElement;

  private articles: ArticleSummary[] = [];
  private pairings: Pairing[] = [];
  private glossary: GlossaryEntry[] = [];
  private glossIdx: GlossIndex = glossIndex([]);
  private readonly docs = new Map<string, ArticleDoc>();
  private sets: AlignmentSet[] = [];
  private columns: Column[] = [];
  private gutters: LinkGutter[] = [];
  private draft: DraftColumn | null = null;
  private readonly sync: ScrollSync;
  /** Picked segment ranges per column, most recent first. */
  private picks: Array<{ column: Column; span: Span }> = [];
  private reviewCursor: number | null = null;
  private loaded = false;
  private visible = false;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private progressTimer = 0;
  private readonly onResize = () => this.redrawGutters();

  constructor(private readonly ctx: ViewContext) {
    this.pickers = [0, 1, 2].map((i) => {
      const s = h('select', { class: `pick-text pick-${i}`, 'aria-label': ['First text', 'Second text', 'Third text'][i]! }) as HTMLSelectElement;
      s.addEventListener('change', () => void this.run(() => this.open()));
      return s;
    });
    this.sync = new ScrollSync(
      () => this.columns,
      (from, to, span) => this.counterparts(from, to, span),
    );
    this.review = new ReviewPanel({
      focus: (p) => this.focusReview(p),
      confirm: (p) => void this.run(() => this.reviewAct(p, 'confirm')),
      unlink: (p) => void this.run(() => this.reviewAct(p, 'unlink')),
    });
    this.pairingSelect.addEventListener('change', () => {
      const p = this.pairings[Number(this.pairingSelect.value)];
      this.pairingSelect.value = '';
      if (p) void this.run(() => this.openFiles([p.a, p.b]));
    });
    this.pairButton.addEventListener('click', () => void this.run(() => this.pairThese()));
    this.unpairButton.addEventListener('click', () => void this.run(() => this.unpair()));
    this.onlyInOne.addEventListener('change', () => this.columnsEl.classList.toggle('only-in-one', this.onlyInOne.checked));
    this.inStep.addEventListener('change', () => (this.sync.enabled = this.inStep.checked));
    this.reviewToggle.addEventListener('click', () => {
      const on = this.reviewToggle.getAttribute('aria-pressed') !== 'true';
      this.reviewToggle.setAttribute('aria-pressed', String(on));
      this.review.el.hidden = !on;
      this.redrawGutters();
    });

    const action = (cls: string, label: string, title: string, run: () => Promise<void> | void) =>
      h('button', { type: 'button', class: `sbs-action ${cls}`, title, onclick: () => void this.run(async () => run()) }, label);
    const toolbar = h(
      'div',
      { class: 'sbs-toolbar' },
      h('span', { class: 'sbs-group sbs-texts' }, this.pickers[0]!, h('span', { class: 'sep' }, '|'), this.pickers[1]!, h('span', { class: 'sep third' }, '|'), this.pickers[2]!),
      h('span', { class: 'sbs-group sbs-pairing' }, this.pairingSelect, this.pairKind, this.pairButton, this.unpairButton),
      h(
        'span',
        { class: 'sbs-group sbs-align' },
        action('act-link', 'Link', 'Link the picked segments of two columns (L)', () => this.link()),
        action('act-unlink', 'Unlink', 'Remove the links of the picked segment (U)', () => this.unlink()),
        action('act-confirm', 'Confirm', 'Confirm the links of the picked segment (C)', () => this.confirm()),
        action('act-align-again', 'Align again', 'Align again, keeping and learning from the confirmed links', () => this.alignAgain()),
        this.reviewToggle,
      ),
      h(
        'span',
        { class: 'sbs-group sbs-segments' },
        action('act-merge', 'Merge', 'Merge the picked segment with the next one, or the picked range (M)', () => this.merge()),
        action('act-split', 'Split', 'Split the segment at the caret (S)', () => this.split()),
        action('act-skip', 'Not for translation', 'Mark or unmark the picked segments as not for translation (X)', () => this.toggleSkip()),
      ),
      h(
        'span',
        { class: 'sbs-group sbs-reading' },
        h('label', { class: 'sbs-toggle' }, this.inStep, ' In step'),
        h('label', { class: 'sbs-toggle', title: 'Dim what both texts have, to see what only one of them says' }, this.onlyInOne, ' Only in one'),
      ),
      handoffControls(
        {
          export: (f) => this.exportAs(f),
          importXliff: (name, xml) => this.run(() => this.importXliff(name, xml)),
          importTranslation: (name, b64) => this.run(() => this.importTranslation(name, b64)),
        },
        (e) => this.ctx.toast((e as Error).message),
      ),
    );
    this.body = h('div', { class: 'sbs-body' }, this.columnsEl, this.review.el);
    this.el = h('section', { class: 'view side-by-side-view', 'aria-label': 'Side by side' }, toolbar, this.progressEl, this.narrowNote, this.body);
    ensureStylesheet();
    onAppEvent((event) => {
      // Someone else's change to a shown text (a git pull, a colleague): show it, unless the
      // draft has unsaved typing, which the next save merges instead.
      if (event.type !== 'sidecar-changed' || !this.visible || !this.docs.has(event.file)) return;
      if (this.draft?.pending) return;
      void this.run(() => this.open(true));
    });
  }

  // ---- life cycle

  async show(): Promise<void> {
    this.visible = true;
    window.addEventListener('resize', this.onResize);
    await this.run(async () => {
      const [articles, pairings, glossary] = await Promise.all([this.ctx.api.listArticles(), this.ctx.api.listPairings(), this.ctx.api.getGlossary()]);
      this.articles = articles.filter((a) => a.openable);
      this.pairings = pairings;
      const glossChanged = JSON.stringify(glossary) !== JSON.stringify(this.glossary);
      this.glossary = glossary;
      this.glossIdx = glossIndex(glossary);
      this.fillPickers();
      this.fillPairings();
      if (!this.loaded) {
        this.chooseDefaults();
        await this.open();
      } else if (glossChanged || (await this.docsChanged())) await this.open();
      else this.redrawGutters();
      await this.refreshProgress();
    });
  }

  hide(): void {
    this.visible = false;
    window.removeEventListener('resize', this.onResize);
    void this.draft?.flush();
  }

  private async docsChanged(): Promise<boolean> {
    for (const [file, doc] of this.docs) {
      const fresh = await this.ctx.api.openArticle(file).catch(() => null);
      if (!fresh) return true;
      const sig = (d: ArticleDoc) => JSON.stringify([d.text.length, d.segments, d.annotations.map((a) => [a.id, a.modified]), d.readOnly]);
      if (sig(fresh) !== sig(doc)) return true;
    }
    return false;
  }

  /** Runs a user action after the ones before it; errors are shown to the user. */
  private run(work: () => Promise<void>): Promise<void> {
    this.pending++;
    this.el.classList.add('busy');
    const next = this.queue
      .then(work)
      .catch((error: unknown) => this.ctx.toast((error as Error).message))
      .finally(() => {
        if (--this.pending === 0) this.el.classList.remove('busy');
      });
    this.queue = next;
    return next;
  }

  // ---- choosing the texts

  private fillPickers(): void {
    const keep = this.pickers.map((p) => p.value);
    this.pickers.forEach((picker, i) => {
      clear(picker);
      if (i === 2) picker.append(h('option', { value: NONE }, '(no third column)'));
      if (i > 0) picker.append(h('option', { value: DRAFT }, 'English draft of the first text'));
      for (const a of this.articles) {
        // The headline is isolated so that a Persian one does not reorder the rest of the label.
        const label = `${LANGUAGE_NAMES[a.language ?? 'und'] ?? a.language} · \u2068${clip(a.headline || a.file, 60)}\u2069 · ${a.file}`;
        picker.append(h('option', { value: a.file }, label));
      }
      if (keep[i] && [...picker.options].some((o) => o.value === keep[i])) picker.value = keep[i]!;
    });
  }

  private fillPairings(): void {
    clear(this.pairingSelect);
    this.pairingSelect.append(h('option', { value: '' }, `Pairings (${this.pairings.length})…`));
    this.pairings.forEach((p, i) => this.pairingSelect.append(h('option', { value: String(i) }, `${p.a} ⇄ ${p.b} (${p.kind})`)));
  }

  private chooseDefaults(): void {
    const first = this.articles.find((a) => a.language === 'fa' || a.language === 'ar') ?? this.articles[0];
    if (!first) return;
    this.pickers[0]!.value = first.file;
    this.pickers[1]!.value = DRAFT;
    this.pickers[2]!.value = NONE;
  }

  private specs(): Spec[] {
    const out: Spec[] = [];
    const first = this.pickers[0]!.value;
    if (!first) return out;
    out.push({ kind: 'article', file: first });
    for (const p of this.pickers.slice(1)) {
      if (p.value === NONE) continue;
      out.push(p.value === DRAFT ? { kind: 'draft' } : { kind: 'article', file: p.value });
    }
    return out;
  }

  /** Opens these texts (an article file, or '#draft' for the first text's draft) in the columns. */
  async openFiles(files: string[]): Promise<void> {
    this.pickers.forEach((p, i) => (p.value = files[i] ?? NONE));
    await this.open();
  }

  private async open(keepScroll = false): Promise<void> {
    await this.draft?.flush();
    const specs = this.specs();
    const files = [...new Set(specs.filter((s): s is Spec & { kind: 'article' } => s.kind === 'article').map((s) => s.file))];
    const docs = await Promise.all(files.map((f) => this.ctx.api.openArticle(f)));
    this.docs.clear();
    docs.forEach((d) => this.docs.set(d.file, d));
    const sets: AlignmentSet[] = [];
    const realigned: string[] = [];
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const v = await this.ctx.api.getAlignment(files[i]!, files[j]!);
        sets.push(new AlignmentSet(v.a, v.b, v.kind, v.links));
        if (v.realigned) realigned.push(realignedMessage(v.realigned));
      }
    }
    this.sets = sets;
    this.loaded = true;
    this.picks = [];
    this.reviewCursor = null;
    const pairing = files.length >= 2 ? this.pairingOf(files[0]!, files[1]!) : null;
    if (pairing) this.pairKind.value = pairing.kind;
    else if (sets[0]) this.pairKind.value = sets[0].kind;
    this.build(specs, keepScroll);
    await this.refreshProgress();
    if (realigned.length > 0) this.ctx.toast(realigned.join(' '));
  }

  private pairingOf(a: string, b: string): Pairing | null {
    return this.pairings.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a)) ?? null;
  }

  // ---- building the columns

  private build(specs: Spec[] = this.specs(), keepScroll = false): void {
    const scrolls = this.columns.map((c) => c.scroller.scrollTop);
    this.sync.clear();
    for (const g of this.gutters) g.destroy();
    for (const c of this.columns) c.destroy();
    this.gutters = [];
    this.columns = [];
    this.draft = null;
    clear(this.columnsEl);
    if (specs.length === 0) {
      this.columnsEl.append(h('p', { class: 'placeholder' }, 'No article to show. Open a folder with articles first.'));
      return;
    }
    const marks = this.sharedMarks();
    const sourceFile = (specs[0] as { file: string }).file;
    for (const spec of specs) {
      let column: Column;
      if (spec.kind === 'draft') {
        const draft = new DraftColumn(this.docs.get(sourceFile)!, {
          glossary: this.glossIdx,
          // The version says which text the segment offsets belong to; a changed article refuses them.
          save: (r) => this.ctx.api.saveRendering(sourceFile, { ...r, version: this.docs.get(sourceFile)!.version }),
          onSaveState: (state, message) => {
            if (state === 'error') this.ctx.toast(`The draft was not saved: ${message ?? ''}`);
          },
          onCaretSegment: (span) => this.onCaret(draft, span),
          onHover: (span) => this.hover(draft, span),
          onProgress: () => this.scheduleProgress(),
        });
        this.draft = draft;
        column = draft;
      } else {
        const doc = this.docs.get(spec.file)!;
        column = new ArticleColumn(
          doc,
          {
            onHover: (col, seg) => this.hover(col, seg),
            onPick: (col, seg, extend) => this.pick(col, seg, extend),
            onSharedHover: (key) => this.sharedHover(key),
          },
          marks.get(spec.file) ?? [],
        );
        const head = column.el.querySelector('.col-head');
        head?.append(h('button', { type: 'button', class: 'open-reader', title: 'Open this article in the reading view', onclick: () => void this.ctx.openInReader(doc.file) }, 'Read'));
      }
      if (this.columns.length > 0) {
        const left = this.columns[this.columns.length - 1]!;
        const gutter = new LinkGutter(left, column, () => this.gutterLinks(left, column));
        this.gutters.push(gutter);
        this.columnsEl.append(gutter.el);
      }
      this.columns.push(column);
      this.columnsEl.append(column.el);
    }
    this.columnsEl.classList.toggle('three', this.columns.length === 3);
    this.narrowNote.classList.toggle('applies', this.columns.length === 3);
    this.columns.forEach((c, i) => {
      c.el.dataset.column = String(i);
      this.sync.attach(c);
      c.scroller.addEventListener('scroll', () => this.redrawGutters(), { passive: true });
      if (keepScroll && scrolls[i] !== undefined) c.scroller.scrollTop = scrolls[i]!;
    });
    this.pairButton.disabled = this.docs.size < 2;
    this.unpairButton.disabled = this.docs.size < 2;
    this.paint();
    this.refreshReview();
    requestAnimationFrame(() => this.redrawGutters());
  }

  /** Spans the article columns share (same gloss, same tagged entity), per file. */
  private sharedMarks(): Map<string, SharedMark[]> {
    const out = new Map<string, SharedMark[]>();
    const entities = entityTagIds(this.ctx.taxonomy());
    const files = [...this.docs.keys()];
    const add = (file: string, span: Span, key: string, label: string) => {
      const list = out.get(file) ?? [];
      if (!list.some((m) => m.start < span.end && m.end > span.start)) list.push({ ...span, key, label });
      out.set(file, list);
    };
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const a = this.docs.get(files[i]!)!;
        const b = this.docs.get(files[j]!)!;
        for (const g of sharedSpans(a, b, entities, this.glossIdx)) {
          for (const s of g.a) add(a.file, s, g.key, g.label);
          for (const s of g.b) add(b.file, s, g.key, g.label);
        }
      }
    }
    for (const list of out.values()) list.sort((x, y) => x.start - y.start);
    return out;
  }

  // ---- links

  private setFor(x: string, y: string): AlignmentSet | null {
    return this.sets.find((s) => (s.a === x && s.b === y) || (s.a === y && s.b === x)) ?? null;
  }

  private counterparts(from: Column, to: Column, span: Span): Span[] {
    if (from.file === to.file) return [span];
    const set = this.setFor(from.file, to.file);
    if (!set) return [];
    return set.counterparts(set.sideOf(from.file)!, span);
  }

  private gutterLinks(left: Column, right: Column): GutterLink[] {
    if (left.file === right.file) {
      return [...left.doc.segments]
        .sort((x, y) => x.start - y.start)
        .filter((s) => !s.skip)
        .map((s, i) => ({ a: s, b: s, cls: `lc-${i % COLOURS} confirmed` }));
    }
    const set = this.setFor(left.file, right.file);
    if (!set) return [];
    return set.from(left.file).map((l, i) => ({
      a: { start: l.a[0], end: l.a[1] },
      b: { start: l.b[0], end: l.b[1] },
      cls: `lc-${i % COLOURS} ${linkState(l)}`,
    }));
  }

  /** Colours segments by link, marks doubtful and confirmed ones, and what both texts share. */
  private paint(): void {
    const primary = this.sets[0] ?? null;
    for (const column of this.columns) {
      const els = column.segmentEls();
      const segments = [...column.doc.segments].sort((x, y) => x.start - y.start);
      const index = new Map(segments.map((s, i) => [`${s.start}:${s.end}`, i]));
      const side = primary?.sideOf(column.file) ?? null;
      const linked = this.sets.filter((s) => s.sideOf(column.file));
      for (const el of els) {
        const span = spanOfEl(el);
        el.classList.remove(...[...el.classList].filter((c) => /^lc-\d$/.test(c)), 'linked', 'doubtful', 'confirmed-link', 'in-both');
        if (primary && side) {
          const at = primary.linksAt(side, span);
          const first = at[0];
          if (first !== undefined) {
            const l = primary.links[first]!;
            el.classList.add(`lc-${first % COLOURS}`, 'linked');
            if (l.confirmed) el.classList.add('confirmed-link');
            else if (l.score < REVIEW_BELOW) el.classList.add('doubtful');
          }
        } else if (!primary) {
          const i = index.get(`${span.start}:${span.end}`);
          if (i !== undefined && !el.classList.contains('skip')) el.classList.add(`lc-${i % COLOURS}`);
        }
        const inBoth =
          el.querySelector('mark.shared') !== null ||
          linked.some((s) => s.linksAt(s.sideOf(column.file)!, span).some((k) => s.links[k]!.confirmed || s.links[k]!.score >= 0.5));
        if (inBoth) el.classList.add('in-both');
      }
    }
    this.markPicks();
  }

  private redrawGutters(): void {
    for (const g of this.gutters) g.schedule();
  }

  // ---- hover, picks and the caret

  private elsOverlapping(column: Column, spans: readonly Span[]): HTMLElement[] {
    return column.segmentEls().filter((el) => {
      const s = spanOfEl(el);
      return spans.some((t) => s.start < t.end && s.end > t.start);
    });
  }

  private hover(column: Column, span: Span | null): void {
    for (const c of this.columns) for (const el of c.el.querySelectorAll('.hover, .counterpart')) el.classList.remove('hover', 'counterpart');
    if (!span) return;
    for (const el of this.elsOverlapping(column, [span])) el.classList.add('hover');
    for (const other of this.columns) {
      if (other === column) continue;
      for (const el of this.elsOverlapping(other, this.counterparts(column, other, span))) el.classList.add('counterpart');
    }
  }

  private onCaret(draft: DraftColumn, span: Span | null): void {
    for (const c of this.columns) for (const el of c.el.querySelectorAll('.caret-counterpart')) el.classList.remove('caret-counterpart');
    if (!span) return;
    this.picks = [{ column: draft, span }, ...this.picks.filter((p) => p.column !== draft)];
    for (const other of this.columns) {
      if (other === draft) continue;
      for (const el of this.elsOverlapping(other, this.counterparts(draft, other, span))) el.classList.add('caret-counterpart');
    }
    this.markPicks();
  }

  private sharedHover(key: string | null): void {
    for (const el of this.columnsEl.querySelectorAll('mark.shared.hot')) el.classList.remove('hot');
    if (!key) return;
    for (const el of this.columnsEl.querySelectorAll(`mark.shared[data-key="${CSS.escape(key)}"]`)) el.classList.add('hot');
  }

  private pick(column: Column, seg: SegmentInfo, extend: boolean): void {
    const existing = this.picks.find((p) => p.column === column);
    let span: Span = { start: seg.start, end: seg.end };
    if (extend && existing) span = { start: Math.min(existing.span.start, seg.start), end: Math.max(existing.span.end, seg.end) };
    this.picks = [{ column, span }, ...this.picks.filter((p) => p.column !== column)];
    this.reviewCursor = null;
    this.markPicks();
    this.refreshReview();
  }

  private markPicks(): void {
    for (const c of this.columns) for (const el of c.el.querySelectorAll('.picked')) el.classList.remove('picked');
    for (const p of this.picks) for (const el of this.elsOverlapping(p.column, [p.span])) el.classList.add('picked');
  }

  private clearPicks(): void {
    this.picks = [];
    this.markPicks();
  }

  // ---- alignment edits

  private async saveSet(set: AlignmentSet): Promise<void> {
    const v = await this.ctx.api.saveAlignment(set.a, set.b, [...set.links]);
    set.replace(v.links);
    this.paint();
    this.redrawGutters();
    this.refreshReview();
  }

  private async link(): Promise<void> {
    const first = this.picks[0];
    const second = first ? this.picks.find((p) => p.column.file !== first.column.file) : undefined;
    if (!first || !second) {
      this.ctx.toast('Pick a segment in each of two texts first (click one, then the other).');
      return;
    }
    const set = this.setFor(first.column.file, second.column.file);
    if (!set) return;
    if (set.a === first.column.file) set.link(first.span, second.span);
    else set.link(second.span, first.span);
    await this.saveSet(set);
  }

  private async unlink(): Promise<void> {
    await this.changeLinks((set, side, span) => set.unlink(side, span), 'This segment has no link.');
  }

  private async confirm(): Promise<void> {
    await this.changeLinks((set, side, span) => set.confirm(side, span), 'Nothing to confirm here.');
  }

  private async changeLinks(change: (set: AlignmentSet, side: 'a' | 'b', span: Span) => number, nothing: string): Promise<void> {
    const p = this.picks[0];
    if (!p) {
      this.ctx.toast('Pick a segment first.');
      return;
    }
    let changed = 0;
    for (const set of this.sets) {
      const side = set.sideOf(p.column.file);
      if (!side) continue;
      const n = change(set, side, p.span);
      if (n > 0) {
        changed += n;
        await this.saveSet(set);
      }
    }
    if (changed === 0) this.ctx.toast(nothing);
  }

  private async alignAgain(): Promise<void> {
    if (this.sets.length === 0) {
      this.ctx.toast('Open two articles to align them.');
      return;
    }
    const realigned: string[] = [];
    for (const set of this.sets) {
      const v = await this.ctx.api.alignAgain(set.a, set.b);
      set.replace(v.a === set.a ? v.links : new AlignmentSet(v.a, v.b, v.kind, v.links).from(set.a));
      if (v.realigned) realigned.push(realignedMessage(v.realigned));
    }
    if (realigned.length > 0) this.ctx.toast(realigned.join(' '));
    this.reviewCursor = null;
    this.paint();
    this.redrawGutters();
    this.refreshReview();
  }

  // ---- review queue

  private reviewItems(): ReviewItem[] {
    const set = this.sets[0];
    if (!set) return [];
    const a = this.docs.get(set.a);
    const b = this.docs.get(set.b);
    if (!a || !b) return [];
    return set.reviewQueue().map((index) => {
      const link = set.links[index]!;
      return { index, link, aText: a.text.slice(link.a[0], link.a[1]), bText: b.text.slice(link.b[0], link.b[1]), aLang: a.language, bLang: b.language };
    });
  }

  private refreshReview(): void {
    const items = this.reviewItems();
    if (this.reviewCursor !== null && this.reviewCursor >= items.length) this.reviewCursor = items.length ? items.length - 1 : null;
    this.review.set(items, this.reviewCursor);
    this.reviewToggle.textContent = `Review (${items.length})`;
    for (const el of this.columnsEl.querySelectorAll('.review-current')) el.classList.remove('review-current');
    const item = this.reviewCursor !== null ? items[this.reviewCursor] : undefined;
    const set = this.sets[0];
    if (!item || !set) return;
    for (const c of this.columns) {
      const side = set.sideOf(c.file);
      if (!side) continue;
      const r = item.link[side];
      for (const el of this.elsOverlapping(c, [{ start: r[0], end: r[1] }])) el.classList.add('review-current');
    }
  }

  private focusReview(position: number): void {
    const items = this.reviewItems();
    const item = items[position];
    const set = this.sets[0];
    if (!item || !set) return;
    this.reviewCursor = position;
    this.picks = [];
    for (const c of this.columns) {
      if (c.kind !== 'article') continue;
      const side = set.sideOf(c.file);
      if (side) this.picks.push({ column: c, span: { start: item.link[side][0], end: item.link[side][1] } });
    }
    this.markPicks();
    this.refreshReview();
    const lead = this.columns.find((c) => c.file === set.a && c.kind === 'article');
    if (lead) {
      const ext = verticalExtent(lead.scroller, this.elsOverlapping(lead, [{ start: item.link.a[0], end: item.link.a[1] }]));
      if (ext) {
        this.sync.scrollTo(lead, ext.top - lead.scroller.clientHeight / 3);
        for (const other of this.columns) if (other !== lead) this.sync.follow(lead, other);
      }
    }
    this.redrawGutters();
  }

  private async reviewAct(position: number, act: 'confirm' | 'unlink'): Promise<void> {
    const set = this.sets[0];
    const item = this.reviewItems()[position];
    if (!set || !item) return;
    if (act === 'confirm') set.confirmLink(item.index);
    else set.unlinkAt(item.index);
    await this.saveSet(set);
    const left = this.reviewItems().length;
    if (left === 0) this.reviewCursor = null;
    else this.focusReview(Math.min(position, left - 1));
  }

  private stepReview(step: 1 | -1): void {
    const n = this.reviewItems().length;
    if (n === 0) return;
    const next = this.reviewCursor === null ? (step > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, this.reviewCursor + step));
    this.focusReview(next);
  }

  // ---- segments: merge, split, not for translation

  private async merge(): Promise<void> {
    const p = this.picks[0];
    if (!p) {
      this.ctx.toast('Pick the segment to merge with the next one (or shift-click a range).');
      return;
    }
    const doc = p.column.doc;
    const segs = sortedSegments(doc);
    const inside = segs.filter((s) => s.start >= p.span.start && s.end <= p.span.end);
    let group = inside;
    if (inside.length === 1) {
      const i = segs.indexOf(inside[0]!);
      const next = segs[i + 1];
      if (!next || next.paragraph !== inside[0]!.paragraph) {
        this.ctx.toast('This is the last segment of its paragraph: nothing to merge it with.');
        return;
      }
      group = [inside[0]!, next];
    }
    if (group.length < 2) return;
    if (new Set(group.map((s) => s.paragraph)).size > 1) {
      this.ctx.toast('Segments of different paragraphs cannot be merged.');
      return;
    }
    const merged = { start: group[0]!.start, end: group[group.length - 1]!.end, skip: group.every((s) => s.skip) };
    const cuts = segs.filter((s) => !group.includes(s)).map(cut);
    cuts.push(merged);
    await this.applySegments(doc.file, cuts, merged);
  }

  private async split(): Promise<void> {
    let found: { column: ArticleColumn; offset: number } | null = null;
    for (const c of this.columns) {
      if (!(c instanceof ArticleColumn)) continue;
      const offset = c.caretOffset();
      if (offset !== null) found = { column: c, offset };
    }
    if (!found) {
      this.ctx.toast('Click in a segment of an article where it should be split, then Split (S).');
      return;
    }
    const { column, offset } = found;
    const doc = column.doc;
    const segs = sortedSegments(doc);
    const seg = segs.find((s) => s.start < offset && offset < s.end);
    if (!seg) {
      this.ctx.toast('The caret is at the edge of a segment: nothing to split.');
      return;
    }
    let leftEnd = offset;
    while (leftEnd > seg.start && /\s/.test(doc.text[leftEnd - 1]!)) leftEnd--;
    let rightStart = offset;
    while (rightStart < seg.end && /\s/.test(doc.text[rightStart]!)) rightStart++;
    if (leftEnd <= seg.start || rightStart >= seg.end) {
      this.ctx.toast('The caret is at the edge of a segment: nothing to split.');
      return;
    }
    const cuts = segs.filter((s) => s !== seg).map(cut);
    cuts.push({ start: seg.start, end: leftEnd, skip: seg.skip }, { start: rightStart, end: seg.end, skip: seg.skip });
    await this.applySegments(doc.file, cuts, { start: seg.start, end: leftEnd });
  }

  private async toggleSkip(): Promise<void> {
    const p = this.picks[0];
    if (!p) {
      this.ctx.toast('Pick the segments to mark first.');
      return;
    }
    const segs = sortedSegments(p.column.doc);
    const inside = segs.filter((s) => s.start < p.span.end && s.end > p.span.start);
    if (inside.length === 0) return;
    const skip = !inside.every((s) => s.skip);
    const cuts = segs.map((s) => (inside.includes(s) ? { start: s.start, end: s.end, skip } : cut(s)));
    await this.applySegments(p.column.doc.file, cuts, p.span);
  }

  private async applySegments(file: string, cuts: Array<{ start: number; end: number; skip: boolean }>, focus: Span): Promise<void> {
    await this.draft?.flush();
    cuts.sort((x, y) => x.start - y.start);
    const doc = await this.ctx.api.setSegments(file, cuts);
    this.docs.set(file, doc);
    const column = this.columns.findIndex((c) => c.file === file && c.kind === 'article');
    this.build(this.specs(), true);
    const c = this.columns[column];
    if (c) {
      const seg = doc.segments.find((s) => s.start <= focus.start && s.end > focus.start);
      if (seg) this.picks = [{ column: c, span: { start: seg.start, end: seg.end } }];
      this.markPicks();
    }
    this.scheduleProgress();
  }

  // ---- pairings

  private async pairThese(): Promise<void> {
    const files = [...this.docs.keys()];
    if (files.length < 2) {
      this.ctx.toast('Pick two articles to pair.');
      return;
    }
    const kind = this.pairKind.value as PairingKind;
    this.pairings = await this.ctx.api.setPairing({ a: files[0]!, b: files[1]!, kind });
    this.fillPairings();
    const set = this.setFor(files[0]!, files[1]!);
    if (set && set.kind !== kind) {
      // The aligner weighs evidence differently for translations and for comparable reports.
      const v = await this.ctx.api.alignAgain(files[0]!, files[1]!);
      this.sets = this.sets.map((s) => (s === set ? new AlignmentSet(v.a, v.b, v.kind, v.links) : s));
      this.paint();
      this.redrawGutters();
      this.refreshReview();
    }
    this.ctx.toast(`Paired as ${kind}: ${files[0]} ⇄ ${files[1]}`);
  }

  private async unpair(): Promise<void> {
    const files = [...this.docs.keys()];
    if (files.length < 2) return;
    this.pairings = await this.ctx.api.removePairing(files[0]!, files[1]!);
    this.fillPairings();
  }

  // ---- progress

  private scheduleProgress(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = window.setTimeout(() => void this.refreshProgress().catch(() => undefined), 600);
  }

  private async refreshProgress(): Promise<void> {
    const file = this.pickers[0]!.value;
    if (!file) return;
    const p = await this.ctx.api.getProgress();
    const article = p.articles[file] ?? { segments: 0, draft: 0, reviewed: 0 };
    this.progressEl.replaceChildren(progressBar('This article', article, 'meter-article'), progressBar('Corpus', p.corpus, 'meter-corpus'));
    if (this.draft) this.draft.progressEl.replaceChildren(progressBar('Done', article, 'draft-progress'));
  }

  // ---- hand-off

  private async exportAs(format: TranslationFormat): Promise<void> {
    const file = this.pickers[0]!.value;
    if (!file) return;
    await this.draft?.flush();
    const other = [...this.docs.keys()].find((f) => f !== file);
    // Over a transport an absent argument would arrive as null, which the API refuses.
    this.ctx.download(await (other ? this.ctx.api.exportTranslation(file, format, other) : this.ctx.api.exportTranslation(file, format)));
  }

  private async importXliff(name: string, xml: string): Promise<void> {
    const file = this.pickers[0]!.value;
    if (!file) return;
    await this.draft?.flush();
    const doc = await this.ctx.api.importXliff(file, xml);
    this.docs.set(file, doc);
    this.build(this.specs(), true);
    await this.refreshProgress();
    const drafted = doc.renderings.filter((r) => r.text.trim() !== '').length;
    this.ctx.toast(`Imported ${name}: ${drafted} segments have a draft.`);
  }

  private async importTranslation(name: string, base64: string): Promise<void> {
    const file = this.pickers[0]!.value;
    if (!file) return;
    await this.draft?.flush();
    const created = await this.ctx.api.importTranslation(file, name, base64);
    const [articles, pairings] = await Promise.all([this.ctx.api.listArticles(), this.ctx.api.listPairings()]);
    this.articles = articles.filter((a) => a.openable);
    this.pairings = pairings;
    this.fillPickers();
    this.fillPairings();
    this.pickers[1]!.value = created.file;
    await this.open();
    this.ctx.toast(`Added ${created.file} as the translation of ${file}, and aligned them.`);
  }

  // ---- keys

  /** The Edit menu's undo/redo act on the draft here, never on the reader's annotations. */
  undo(): void {
    this.draft?.undo();
  }

  redo(): void {
    this.draft?.redo();
  }

  onKey(e: KeyboardEvent): boolean {
    const target = e.target as Element | null;
    if (this.draft && target && this.draft.view.dom.contains(target)) {
      // The draft editor has its own undo: the app's annotation undo must not run too.
      return (e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key);
    }
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return false;
    // Enter or Space on a focused button presses that button, nothing else.
    if (target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return false;
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    const act = (fn: () => Promise<void> | void) => {
      e.preventDefault();
      void this.run(async () => fn());
      return true;
    };
    switch (e.key) {
      case 'j':
      case 'n':
        e.preventDefault();
        this.stepReview(1);
        return true;
      case 'k':
      case 'p':
        e.preventDefault();
        this.stepReview(-1);
        return true;
      case 'Enter':
      case 'c':
        if (this.reviewCursor !== null) return act(() => this.reviewAct(this.reviewCursor!, 'confirm'));
        return act(() => this.confirm());
      case 'u':
      case 'Delete':
        if (this.reviewCursor !== null) return act(() => this.reviewAct(this.reviewCursor!, 'unlink'));
        return act(() => this.unlink());
      case 'l':
        return act(() => this.link());
      case 'm':
        return act(() => this.merge());
      case 's':
        return act(() => this.split());
      case 'x':
        return act(() => this.toggleSkip());
      case 'Escape':
        this.reviewCursor = null;
        this.clearPicks();
        this.refreshReview();
        return true;
    }
    return false;
  }

  // ---- for tests and the developer console

  debug(): SideBySideDebug {
    return {
      columns: () => this.columns.map((c) => ({ kind: c.kind, file: c.file })),
      alignments: () => this.sets.map((s) => ({ a: s.a, b: s.b, kind: s.kind, links: s.links })),
      counterparts: (from, to, span) => {
        const a = this.columns[from];
        const b = this.columns[to];
        return a && b ? this.counterparts(a, b, span) : [];
      },
      draft: () => this.draft,
      flush: () => this.draft?.flush() ?? Promise.resolve(),
      open: (files) => this.run(() => this.openFiles(files)),
      ready: () => this.loaded && this.pending === 0,
    };
  }
}

function linkState(l: { confirmed: boolean; score: number }): string {
  return l.confirmed ? 'confirmed' : l.score < REVIEW_BELOW ? 'doubtful' : 'sure';
}

function sortedSegments(doc: ArticleDoc): SegmentInfo[] {
  return [...doc.segments].sort((x, y) => x.start - y.start);
}

function cut(s: SegmentInfo): { start: number; end: number; skip: boolean } {
  return { start: s.start, end: s.end, skip: s.skip };
}

function progressBar(label: string, p: Progress, cls: string): HTMLElement {
  const reviewed = h('span', { class: 'bar-reviewed' });
  const draft = h('span', { class: 'bar-draft' });
  const total = Math.max(1, p.segments);
  reviewed.style.width = `${(100 * p.reviewed) / total}%`;
  draft.style.width = `${(100 * p.draft) / total}%`;
  const done = p.draft + p.reviewed;
  return h(
    'div',
    { class: `sbs-meter ${cls}`, title: `${p.reviewed} reviewed, ${p.draft} in draft, ${p.segments - done} untranslated of ${p.segments} segments` },
    h('span', { class: 'progress-label' }, label),
    h('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(p.segments), 'aria-valuenow': String(done) }, reviewed, draft),
    h('span', { class: 'progress-figures' }, `${done}/${p.segments}`, p.reviewed ? ` (${p.reviewed} reviewed)` : ''),
  );
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The view's stylesheet, for a page that does not link it yet (it is served with the others). */
function ensureStylesheet(): void {
  if (document.querySelector('link[href$="side-by-side.css"]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: 'styles/side-by-side.css' }));
}

/** What the user hears when kept links were thrown away because a text changed on disk. */
function realignedMessage(r: NonNullable<AlignmentView['realigned']>): string {
  const confirmed = r.confirmed === 0 ? '' : ` ${r.confirmed === 1 ? 'The link you had confirmed needs' : `The ${r.confirmed} links you had confirmed need`} confirming again.`;
  return `${r.changed.join(' and ')} changed on disk since the links were made, so the texts were aligned again.${confirmed}`;
}
