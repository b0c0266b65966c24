// Opens an article in the reading view (only the latest request is shown) and keeps its header.
import type { Tag } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import { api } from '../bridge';
import { clear, h } from '../dom';
import { openMetadataEditor } from '../metadata/metadata-editor';
import { ReadingView, type ReadingViewCallbacks } from '../reading/reading-view';
import type { ViewContext } from '../view-context';
import { ArticleHead } from './article-head';
import { highlightSpan, type OpenArticle } from './open-article';
import { OpenPdfControl } from './open-pdf';

export interface ReadingHooks extends ReadingViewCallbacks {
  taxonomy(): Tag[];
  toast(message: string): void;
  /** What the details editor gets from the shell. */
  viewContext(): ViewContext;
  /** Another article (or the same one read again, `inPlace`) is about to replace the text. */
  replacing(inPlace: boolean): void;
  /** The article is on screen, highlights drawn. */
  shown(article: OpenArticle): void;
  /** Something the article list shows changed (details, encoding). */
  listChanged(): Promise<void>;
  /** "Read again…" in a scan's header. */
  readAgainWithOcr(file: string): void;
}

export class ReadingController {
  readonly container = h('div', { class: 'reading', 'aria-label': 'Article text' });
  readonly head: ArticleHead;
  private readonly openPdf: OpenPdfControl;
  private open: OpenArticle | null = null;
  private opening = 0;
  /** The article last asked for (shown, or on its way). */
  private requested: string | null = null;

  constructor(private readonly hooks: ReadingHooks) {
    this.openPdf = new OpenPdfControl(this.container, (message) => hooks.toast(message));
    this.head = new ArticleHead({
      editDetails: (doc) => void this.editDetails(doc),
      chooseEncoding: (doc, encoding) => void this.chooseEncoding(doc, encoding),
      readAgainWithOcr: (doc) => hooks.readAgainWithOcr(doc.file),
    });
  }

  get article(): OpenArticle | null {
    return this.open;
  }

  /**
   * An article picked in the list. Picking the one already open (or on its way) changes
   * nothing: reloading it would drop the undo history and the scroll position, and could
   * overtake an annotation being saved.
   */
  pick(file: string): void {
    if (this.requested === file) return;
    void this.openArticle(file);
  }

  /** `inPlace`: the same article read again (after a change), keeping the scroll position and the undo history. */
  async openArticle(file: string, options: { inPlace?: boolean } = {}): Promise<void> {
    // Only the latest request is shown: an earlier, slower answer must not replace it.
    const ticket = ++this.opening;
    this.requested = file;
    let doc: ArticleDoc;
    try {
      doc = await api.openArticle(file);
    } catch (error) {
      if (ticket === this.opening) {
        this.requested = this.open?.doc.file ?? null;
        this.hooks.toast((error as Error).message);
      }
      return;
    }
    if (ticket !== this.opening) return;
    const inPlace = !!options.inPlace;
    const scroll = this.container.scrollTop;
    this.hooks.replacing(inPlace);
    this.open?.reading.destroy();
    clear(this.container);
    const annotations = new Map(doc.annotations.map((a) => [a.id, a]));
    this.head.show(doc, [this.openPdf.button]);
    const lang = doc.language;
    const reading = new ReadingView(
      this.container,
      doc.paragraphs.map((p) => ({ ...p, lang: p.dir === 'rtl' ? (lang === 'en' ? 'und' : lang) : 'en' })),
      {
        onSelect: (range) => {
          this.openPdf.select(range);
          this.hooks.onSelect(range);
        },
        onPick: (ids, rect) => this.hooks.onPick(ids, rect),
        onKey: (e) => this.hooks.onKey(e),
      },
    );
    this.open = { doc, annotations, reading };
    const taxonomy = this.hooks.taxonomy();
    reading.setHighlights([...annotations.values()].filter((a) => a.anchor.status !== 'orphaned').map((a) => highlightSpan(taxonomy, a)));
    this.hooks.shown(this.open);
    this.container.scrollTop = inPlace ? scroll : 0;
    this.openPdf.show(doc);
  }

  /** Shows a span of the open article (a search hit, a quotation), opening the article first if need be. */
  async reveal(file: string, span?: { start: number; end: number }): Promise<void> {
    if (this.open?.doc.file !== file) await this.openArticle(file);
    if (span && this.open) {
      this.open.reading.mark(span);
      this.open.reading.scrollTo(span.start);
    }
  }

  /** The same article read again, if one is open. */
  async reload(): Promise<void> {
    if (this.open) await this.openArticle(this.open.doc.file, { inPlace: true });
  }

  /** A different corpus: nothing of the old article may stay on screen. */
  reset(): void {
    this.open?.reading.destroy();
    this.open = null;
    this.requested = null;
    clear(this.container);
    this.head.clear();
  }

  private async editDetails(doc: ArticleDoc): Promise<void> {
    const next = await openMetadataEditor(this.hooks.viewContext(), doc);
    if (!next) return;
    await this.openArticle(next.file, { inPlace: true });
    await this.hooks.listChanged();
  }

  private async chooseEncoding(doc: ArticleDoc, encoding: string): Promise<void> {
    try {
      await api.setMetadata(doc.file, { encoding });
      await this.openArticle(doc.file);
      await this.hooks.listChanged();
    } catch (error) {
      this.hooks.toast((error as Error).message);
    }
  }
}
