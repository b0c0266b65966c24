// An article shown in a column: paragraphs in their own direction and language, each split
// into its translation segments (sentences, or the user's cuts). Segments are inline spans
// carrying their offsets, so that links, hover and the caret map straight to the text.
import type { ArticleDoc, SegmentInfo } from '../../corpus/api/api';
import { LANGUAGE_NAMES } from '../language-names';
import { h } from '../dom';
import type { Span } from './alignment-set';
import { paragraphLang, spanOfEl, type Column } from './column';

export interface SharedMark extends Span {
  key: string;
  label: string;
}

export interface ArticleColumnCallbacks {
  onHover(column: ArticleColumn, segment: SegmentInfo | null): void;
  onPick(column: ArticleColumn, segment: SegmentInfo, extend: boolean): void;
  onSharedHover(key: string | null): void;
}


export class ArticleColumn implements Column {
  readonly kind = 'article' as const;
  readonly el: HTMLElement;
  readonly scroller: HTMLElement;
  private readonly text: HTMLElement;

  constructor(
    readonly doc: ArticleDoc,
    private readonly callbacks: ArticleColumnCallbacks,
    marks: readonly SharedMark[] = [],
  ) {
    this.text = h('div', { class: 'col-text', dir: doc.dir, lang: doc.language === 'en' ? 'en' : doc.language });
    this.scroller = h('div', { class: 'col-scroll' }, this.text);
    this.el = h(
      'section',
      { class: `sbs-col article-col lang-${doc.language}`, 'data-file': doc.file, 'aria-label': doc.metadata.headline },
      h(
        'header',
        { class: 'col-head' },
        h('h2', { class: 'col-title', dir: doc.dir, lang: doc.language }, doc.metadata.headline || doc.file),
        h('p', { class: 'col-meta' }, h('span', { class: 'col-lang' }, LANGUAGE_NAMES[doc.language] ?? doc.language), ' ', h('span', { class: 'col-file' }, doc.file)),
      ),
      this.scroller,
    );
    this.render(marks);
    this.scroller.addEventListener('mouseover', (e) => {
      const target = e.target as Element;
      const mark = target.closest('mark.shared');
      this.callbacks.onSharedHover(mark ? (mark as HTMLElement).dataset.key ?? null : null);
      const el = target.closest('.seg');
      this.callbacks.onHover(this, el ? this.segmentOf(el) : null);
    });
    this.scroller.addEventListener('mouseleave', () => {
      this.callbacks.onHover(this, null);
      this.callbacks.onSharedHover(null);
    });
    this.scroller.addEventListener('click', (e) => {
      const el = (e.target as Element).closest('.seg');
      const seg = el ? this.segmentOf(el) : null;
      if (seg) this.callbacks.onPick(this, seg, e.shiftKey);
    });
  }

  get file(): string {
    return this.doc.file;
  }

  private segmentOf(el: Element): SegmentInfo | null {
    const s = spanOfEl(el);
    return this.doc.segments.find((x) => x.start === s.start && x.end === s.end) ?? null;
  }

  private render(marks: readonly SharedMark[]): void {
    const { doc } = this;
    const sorted = [...doc.segments].sort((x, y) => x.start - y.start);
    let k = 0;
    doc.paragraphs.forEach((p, index) => {
      const para = h('p', { class: `para${p.boilerplate ? ' boilerplate' : ''}`, dir: p.dir, lang: paragraphLang(doc, p.dir), 'data-index': String(index) });
      while (k < sorted.length && sorted[k]!.end <= p.start) k++;
      let at = p.start;
      for (let j = k; j < sorted.length && sorted[j]!.start < p.end; j++) {
        const s = sorted[j]!;
        const from = Math.max(s.start, p.start);
        const to = Math.min(s.end, p.end);
        if (from > at) para.append(doc.text.slice(at, from));
        const seg = h('span', {
          class: `seg${s.skip ? ' skip' : ''}`,
          'data-start': String(s.start),
          'data-end': String(s.end),
          'data-from': String(from),
          title: s.skip ? 'Not for translation' : null,
        });
        appendMarked(seg, doc.text, from, to, marks);
        para.append(seg);
        at = to;
      }
      if (at < p.end) para.append(doc.text.slice(at, p.end));
      this.text.append(para);
    });
  }

  segmentEls(): HTMLElement[] {
    return [...this.text.querySelectorAll<HTMLElement>('.seg')];
  }

  /** The article offset of the caret (or the start of the selection) when it lies in this column's text. */
  caretOffset(): number | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const range = sel.getRangeAt(0);
    if (!this.text.contains(range.startContainer)) return null;
    const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
    const seg = start?.closest<HTMLElement>('.seg');
    if (!seg) return null;
    const before = document.createRange();
    before.setStart(seg, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return Number(seg.dataset.from) + before.toString().length;
  }

  destroy(): void {
    this.el.remove();
  }
}

/** The text [from, to) with the shared spans inside it wrapped in marks. */
function appendMarked(parent: HTMLElement, text: string, from: number, to: number, marks: readonly SharedMark[]): void {
  let at = from;
  for (const m of marks) {
    if (m.end <= at || m.start >= to) continue;
    const s = Math.max(m.start, at);
    const e = Math.min(m.end, to);
    if (s > at) parent.append(text.slice(at, s));
    parent.append(h('mark', { class: 'shared', 'data-key': m.key, title: m.label }, text.slice(s, e)));
    at = e;
  }
  if (at < to) parent.append(text.slice(at, to));
}
