// Side by side: two or three texts in columns (an article, another article, the English
// draft), their alignment drawn between them and corrected in place, reading in step, the
// draft editor with gloss memory and checks, and the hand-off to CAT tools. This module puts
// the parts together and runs the user's actions one after another.
import type { Pairing } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSummary, GlossaryEntry } from '../../corpus/api/api';
import { glossIndex, type GlossIndex } from '../../annotations/translation/draft-checks';
import { onAppEvent } from '../bridge';
import { h } from '../dom';
import { MoreMenu } from '../more-menu';
import type { View, ViewContext } from '../view-context';
import type { Span } from './alignment-set';
import { ArticleColumn, type SharedMark } from './article-column';
import type { Column } from './column';
import { ColumnStrip } from './column-strip';
import { DraftColumn } from './draft-column';
import { handoffControls } from './handoff';
import { handoffActions } from './handoff-wiring';
import { paintLinks } from './link-colours';
import { LinkEditing } from './link-editing';
import { PairingControls } from './pairings';
import { partnerOf } from './partner';
import { Picks } from './picks';
import { ProgressMeters } from './progress-meters';
import { ReviewQueue } from './review-queue';
import { Segmentation, type Cut } from './segmentation';
import { ShownTexts } from './shown-texts';
import { sideBySideKey, type KeyCommand } from './side-by-side-keys';
import { TextPickers, type Spec } from './text-pickers';

export function createSideBySideView(ctx: ViewContext): View {
  return new SideBySideView(ctx);
}

class SideBySideView implements View {
  readonly el: HTMLElement;
  private readonly onlyInOne = h('input', { type: 'checkbox', class: 'only-in-one' }) as HTMLInputElement;
  private readonly inStep = h('input', { type: 'checkbox', class: 'in-step', checked: true }) as HTMLInputElement;
  private readonly texts: ShownTexts;
  private readonly strip: ColumnStrip;
  private readonly pickers: TextPickers;
  private readonly pairing: PairingControls;
  private readonly picks: Picks;
  private readonly review: ReviewQueue;
  private readonly links: LinkEditing;
  private readonly segments: Segmentation;
  private readonly progress: ProgressMeters;

  private glossary: GlossaryEntry[] = [];
  private glossIdx: GlossIndex = glossIndex([]);
  private loaded = false;
  /** The article being read when the view last chose its texts from it. */
  private followed: string | undefined;
  private visible = false;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly onResize = () => this.strip.redraw();

  constructor(private readonly ctx: ViewContext) {
    const toast = (message: string) => ctx.toast(message);
    const run = (work: () => Promise<void>) => void this.run(work);
    this.texts = new ShownTexts(ctx.api);
    this.strip = new ColumnStrip(this.texts);
    const columns = () => this.strip.columns;
    this.pickers = new TextPickers(() => run(() => this.open()));
    this.picks = new Picks(columns, (from, to, span) => this.texts.counterparts(from, to, span));
    this.pairing = new PairingControls({ api: ctx.api, toast, texts: this.texts, run, openFiles: (files) => this.openFiles(files), changed: () => this.showLinks() });
    this.links = new LinkEditing({
      api: ctx.api,
      toast,
      texts: this.texts,
      picks: this.picks,
      changed: () => this.showLinks(),
      realigned: () => {
        this.review.reset();
        this.showLinks();
      },
    });
    this.review = new ReviewQueue({
      texts: this.texts,
      columns,
      root: this.strip.el,
      picks: this.picks,
      sync: this.strip.sync,
      redrawGutters: () => this.strip.redraw(),
      save: (set) => this.links.save(set),
      run,
    });
    this.segments = new Segmentation({ picks: this.picks, columns, toast, apply: (file, cuts, focus) => this.applySegments(file, cuts, focus) });
    this.progress = new ProgressMeters({ api: ctx.api, file: () => this.pickers.first, draftMeter: () => this.strip.draft?.progressEl ?? null });
    this.onlyInOne.addEventListener('change', () => this.strip.el.classList.toggle('only-in-one', this.onlyInOne.checked));
    this.inStep.addEventListener('change', () => (this.strip.sync.enabled = this.inStep.checked));

    const action = (cls: string, label: string, title: string, act: () => Promise<void> | void) =>
      h('button', { type: 'button', class: `sbs-action ${cls}`, title, onclick: () => void this.run(async () => act()) }, label);
    const toolbar = h(
      'div',
      { class: 'sbs-toolbar' },
      this.pickers.el,
      this.pairing.el,
      h(
        'span',
        { class: 'sbs-group sbs-align' },
        action('act-link', 'Link', 'Link the picked segments of two columns (L)', () => this.links.link()),
        action('act-unlink', 'Unlink', 'Remove the links of the picked segment (U)', () => this.links.unlink()),
        action('act-confirm', 'Confirm', 'Confirm the links of the picked segment (C)', () => this.links.confirm()),
        action('act-align-again', 'Align again', 'Align again, keeping and learning from the confirmed links', () => this.links.alignAgain()),
        this.review.toggle,
      ),
      h(
        'span',
        { class: 'sbs-group sbs-segments' },
        action('act-merge', 'Merge', 'Merge the picked segment with the next one, or the picked range (M)', () => this.segments.merge()),
        action('act-split', 'Split', 'Split the segment at the caret (S)', () => this.segments.split()),
        action('act-skip', 'Not for translation', 'Mark or unmark the picked segments as not for translation (X)', () => this.segments.toggleSkip()),
      ),
      h(
        'span',
        { class: 'sbs-group sbs-reading' },
        h('label', { class: 'sbs-toggle' }, this.inStep, ' In step'),
        h('label', { class: 'sbs-toggle', title: 'Dim what both texts have, to see what only one of them says' }, this.onlyInOne, ' Only in one'),
      ),
      handoffControls(
        handoffActions({
          ctx,
          source: () => this.pickers.first,
          files: () => this.texts.files,
          flush: async () => this.strip.draft?.flush(),
          run: (work) => this.run(work),
          replaced: async (file, doc) => {
            this.texts.docs.set(file, doc);
            this.rebuild(true);
            await this.progress.refresh();
          },
          added: async (file) => {
            await this.reloadLists();
            this.pickers.chooseSecond(file);
            await this.open();
          },
        }),
        (e) => ctx.toast((e as Error).message),
      ),
    );
    const more = foldingToolbar(toolbar);
    const body = h('div', { class: 'sbs-body' }, this.strip.el, this.review.el);
    // Busy until the first texts are shown, and while an action runs.
    this.el = h('section', { class: 'view side-by-side-view', 'aria-label': 'Side by side', 'aria-busy': 'true' }, toolbar, more.menu, this.progress.el, this.strip.narrowNote, body);
    ensureStylesheet();
    onAppEvent((event) => {
      // Someone else's change to a shown text (a git pull, a colleague): show it, unless the
      // draft has unsaved typing, which the next save merges instead.
      if (event.type !== 'sidecar-changed' || !this.visible || !this.texts.docs.has(event.file)) return;
      if (this.strip.draft?.pending) return;
      void this.run(() => this.open(true));
    });
  }

  // ---- life cycle

  async show(): Promise<void> {
    this.visible = true;
    window.addEventListener('resize', this.onResize);
    await this.run(async () => {
      const [glossary, [articles, pairings]] = await Promise.all([this.ctx.api.getGlossary(), this.reloadLists()]);
      const glossChanged = JSON.stringify(glossary) !== JSON.stringify(this.glossary);
      this.glossary = glossary;
      this.glossIdx = glossIndex(glossary);
      const reading = this.ctx.currentFile();
      if (reading !== this.followed && this.startFrom(reading, articles, pairings)) await this.open();
      else if (!this.loaded) {
        this.pickers.chooseDefaults();
        await this.open();
      } else if (glossChanged || (await this.texts.changedOnDisk())) await this.open();
      else this.strip.redraw();
      await this.progress.refresh();
    });
  }

  hide(): void {
    this.visible = false;
    window.removeEventListener('resize', this.onResize);
    void this.strip.draft?.flush();
  }

  /** Runs a user action after the ones before it; errors are shown to the user. */
  private run(work: () => Promise<void>): Promise<void> {
    this.pending++;
    this.el.classList.add('busy');
    this.el.setAttribute('aria-busy', 'true');
    const next = this.queue
      .then(work)
      .catch((error: unknown) => this.ctx.toast((error as Error).message))
      .finally(() => {
        if (--this.pending > 0) return;
        this.el.classList.remove('busy');
        this.el.setAttribute('aria-busy', String(!this.loaded));
      });
    this.queue = next;
    return next;
  }

  /** Lists the articles and pairings afresh in the pickers; returns them. */
  private async reloadLists(): Promise<[ArticleSummary[], Pairing[]]> {
    const [all, pairings] = await Promise.all([this.ctx.api.listArticles(), this.ctx.api.listPairings()]);
    const articles = all.filter((a) => a.openable);
    this.pickers.fill(articles);
    this.pairing.fill(pairings);
    return [articles, pairings];
  }

  /**
   * Picks the article being read and its partner (see partner.ts), when it changed since the
   * view last followed it; false when there is none to start from. The person's own picks
   * stay while they read the same article.
   */
  private startFrom(file: string | undefined, articles: ArticleSummary[], pairings: Pairing[]): boolean {
    if (!file || !articles.some((a) => a.file === file)) return false;
    this.followed = file;
    this.pickers.choose([file, partnerOf(file, articles, pairings)]);
    return true;
  }

  // ---- the texts shown

  /** Opens these texts (an article file, or '#draft' for the first text's draft) in the columns. */
  async openFiles(files: string[]): Promise<void> {
    this.pickers.choose(files);
    await this.open();
  }

  private async open(keepScroll = false): Promise<void> {
    await this.strip.draft?.flush();
    const specs = this.pickers.specs();
    const files = [...new Set(specs.filter((s): s is Spec & { kind: 'article' } => s.kind === 'article').map((s) => s.file))];
    const realigned = await this.texts.load(files);
    this.loaded = true;
    this.picks.set([]);
    this.review.reset();
    this.pairing.showKind(files, this.texts.sets[0]);
    this.rebuild(keepScroll, specs);
    await this.progress.refresh();
    if (realigned.length > 0) this.ctx.toast(realigned.join(' '));
  }

  /** Makes the columns afresh from the texts loaded. */
  private rebuild(keepScroll: boolean, specs: Spec[] = this.pickers.specs()): void {
    const marks = this.texts.sharedMarks(this.ctx.taxonomy(), this.glossIdx);
    const sourceFile = (specs[0] as { file: string } | undefined)?.file ?? '';
    if (!this.strip.build(specs, (spec) => this.columnFor(spec, sourceFile, marks), keepScroll)) return;
    this.pairing.enable(this.texts.docs.size);
    this.paint();
    this.review.refresh();
    requestAnimationFrame(() => this.strip.redraw());
  }

  private columnFor(spec: Spec, sourceFile: string, marks: Map<string, SharedMark[]>): Column {
    if (spec.kind === 'draft') {
      const draft: DraftColumn = new DraftColumn(this.texts.docs.get(sourceFile)!, {
        glossary: this.glossIdx,
        // The version says which text the segment offsets belong to; a changed article refuses them.
        save: (r) => this.ctx.api.saveRendering(sourceFile, { ...r, version: this.texts.docs.get(sourceFile)!.version }),
        onSaveState: (state, message) => {
          if (state === 'error') this.ctx.toast(`The draft was not saved: ${message ?? ''}`);
        },
        onCaretSegment: (span) => this.picks.caret(draft, span),
        onHover: (span) => this.strip.hover(draft, span),
        onProgress: () => this.progress.schedule(),
      });
      return draft;
    }
    const doc = this.texts.docs.get(spec.file)!;
    const column = new ArticleColumn(
      doc,
      {
        onHover: (col, seg) => this.strip.hover(col, seg),
        onPick: (col, seg, extend) => {
          this.picks.pick(col, seg, extend);
          this.review.reset();
          this.review.refresh();
        },
        onSharedHover: (key) => this.strip.sharedHover(key),
      },
      marks.get(spec.file) ?? [],
    );
    const head = column.el.querySelector('.col-head');
    head?.append(h('button', { type: 'button', class: 'open-reader', title: 'Open this article in the reading view', onclick: () => void this.ctx.openInReader(doc.file) }, 'Read'));
    return column;
  }

  /** Shows the links as they now are: colours, picks, gutters and the review queue. */
  private showLinks(): void {
    this.paint();
    this.strip.redraw();
    this.review.refresh();
  }

  /** Colours the segments by link, and marks the picked ones. */
  private paint(): void {
    paintLinks(this.strip.columns, this.texts.sets);
    this.picks.mark();
  }

  private async applySegments(file: string, cuts: Cut[], focus: Span): Promise<void> {
    await this.strip.draft?.flush();
    cuts.sort((x, y) => x.start - y.start);
    const doc: ArticleDoc = await this.ctx.api.setSegments(file, cuts);
    this.texts.docs.set(file, doc);
    const column = this.strip.columns.findIndex((c) => c.file === file && c.kind === 'article');
    this.rebuild(true);
    const c = this.strip.columns[column];
    if (c) {
      const seg = doc.segments.find((s) => s.start <= focus.start && s.end > focus.start);
      if (seg) this.picks.set([{ column: c, span: { start: seg.start, end: seg.end } }]);
      this.picks.mark();
    }
    this.progress.schedule();
  }

  // ---- keys

  /** The Edit menu's undo/redo act on the draft here, never on the reader's annotations. */
  undo(): void {
    this.strip.draft?.undo();
  }

  redo(): void {
    this.strip.draft?.redo();
  }

  onKey(e: KeyboardEvent): boolean {
    const draft = this.strip.draft;
    const target = e.target as Element | null;
    if (draft && target && draft.view.dom.contains(target)) {
      // The draft editor has its own undo: the app's annotation undo must not run too.
      return (e.ctrlKey || e.metaKey) && /^[zy]$/i.test(e.key);
    }
    const key = sideBySideKey(e);
    if (!key) return false;
    if (key === 'next' || key === 'previous') {
      e.preventDefault();
      this.review.step(key === 'next' ? 1 : -1);
      return true;
    }
    if (key === 'escape') {
      this.review.reset();
      this.picks.clear();
      this.review.refresh();
      return true;
    }
    // Under review, confirm and unlink act on the link in the queue, else on the picked segment.
    const reviewing = this.review.cursor !== null;
    const acts: Record<Exclude<KeyCommand, 'next' | 'previous' | 'escape'>, () => Promise<void>> = {
      confirm: () => (reviewing ? this.review.act(this.review.cursor!, 'confirm') : this.links.confirm()),
      unlink: () => (reviewing ? this.review.act(this.review.cursor!, 'unlink') : this.links.unlink()),
      link: () => this.links.link(),
      merge: () => this.segments.merge(),
      split: () => this.segments.split(),
      skip: () => this.segments.toggleSkip(),
    };
    e.preventDefault();
    void this.run(acts[key]);
    return true;
  }
}

/** The toolbar keeps to two rows: in a small window the buttons needed least fold into More. */
function foldingToolbar(toolbar: HTMLElement): MoreMenu {
  const buttons = ['.import-translation', '.import-xliff', '.unpair', '.pair-these', '.act-align-again', '.act-skip', '.act-split', '.act-merge'].map((s) => toolbar.querySelector<HTMLElement>(s)!);
  // Items of one row sit a few pixels apart (a select is taller than a button); a new row is lower.
  const rows = () => {
    const tops = [...toolbar.children].map((c) => (c as HTMLElement).offsetTop).sort((a, b) => a - b);
    return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 10).length;
  };
  const more = new MoreMenu(toolbar, buttons, () => rows() <= 2);
  toolbar.append(more.button);
  return more;
}

/** The view's stylesheet, for a page that does not link it yet (it is served with the others). */
function ensureStylesheet(): void {
  if (document.querySelector('link[href$="side-by-side.css"]')) return;
  document.head.append(h('link', { rel: 'stylesheet', href: 'styles/side-by-side.css' }));
}
