// "Open PDF at p. N" in a PDF article's header: the system's viewer opens the original at the
// page of the selection, or else of the paragraph at the top of the view, so that a person can
// check a table, a picture or the layout the text leaves out. The shell opens it (API
// openOriginal); the label follows the reading, so the page is known before the click.
import { pageLocator, type PageLocator } from '../../annotations/quotations/pdf-pages';
import type { ArticleDoc } from '../../corpus/api/api';
import { api } from '../bridge';
import { h } from '../dom';

export class OpenPdfControl {
  readonly button = h('button', { type: 'button', class: 'open-pdf', title: "Open the original PDF in the system's viewer", hidden: true }, 'Open PDF');
  private doc: ArticleDoc | null = null;
  private locate: PageLocator | null = null;
  private selected: number | null = null;
  private atTop: number | null = null;
  private pending = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly toast: (message: string) => void,
  ) {
    this.button.addEventListener('click', () => void this.open());
    // Once a frame at most: a long PDF has thousands of paragraphs.
    container.addEventListener('scroll', () => {
      if (this.pending || !this.locate) return;
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.readTop();
      });
    });
  }

  /** A new article is shown: the button is there for a PDF only. */
  show(doc: ArticleDoc): void {
    const pdf = doc.source?.format === 'pdf';
    this.doc = pdf ? doc : null;
    this.locate = pdf ? pageLocator(doc.text, doc.source?.pages) : null;
    this.selected = null;
    this.atTop = null;
    this.button.hidden = !pdf;
    if (pdf) this.readTop();
  }

  /** The selection settled (offsets into the text), or went away. */
  select(range: { start: number } | null): void {
    this.selected = range && this.locate ? this.locate.pageAt(range.start) : null;
    this.label();
  }

  /** The page of the first paragraph whose bottom is below the top of the view. */
  private readTop(): void {
    const doc = this.doc;
    if (!doc || !this.locate) return;
    const paras = this.container.querySelectorAll('p.para');
    const top = this.container.getBoundingClientRect().top;
    let lo = 0;
    let hi = paras.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paras[mid]!.getBoundingClientRect().bottom <= top + 4) lo = mid + 1;
      else hi = mid;
    }
    const para = doc.paragraphs[Math.min(lo, doc.paragraphs.length - 1)];
    this.atTop = para ? this.locate.pageAt(para.start) : null;
    this.label();
  }

  private page(): number | null {
    return this.selected ?? this.atTop;
  }

  private label(): void {
    const page = this.page();
    this.button.textContent = page === null ? 'Open PDF' : `Open PDF at p. ${page}`;
  }

  private async open(): Promise<void> {
    if (!this.doc) return;
    try {
      await api.openOriginal(this.doc.file, this.page());
    } catch (error) {
      this.toast((error as Error).message);
    }
  }
}
