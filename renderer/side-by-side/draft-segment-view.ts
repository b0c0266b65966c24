// One block of the draft as shown: its status picker, the glosses offered for its terms, and
// the checks of its draft, above the editable text.
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import type { SegmentStatus } from '../../annotations/model/types';
import { checkSegment, type DraftCheck, type GlossIndex } from '../../annotations/translation/draft-checks';
import { h } from '../dom';
import type { Span } from './alignment-set';
import { blockSpan } from './draft-document';
import type { GlossSuggestion } from './gloss-suggestions';

/** What a block asks of the draft it belongs to. */
export interface SegmentHost {
  /** The source text's language, for the offered terms. */
  readonly language: string;
  readonly glossary: GlossIndex;
  suggestionsFor(span: Span): GlossSuggestion[];
  sourceOf(span: Span): string;
  applySuggestion(span: Span, n: number): void;
  setStatus(pos: number, status: SegmentStatus): void;
}

const STATUS_LABEL: Record<SegmentStatus, string> = { untranslated: 'Untranslated', draft: 'Draft', reviewed: 'Reviewed' };

const CHECK_LABEL: Record<DraftCheck['kind'], (c: DraftCheck) => string> = {
  untranslated: () => 'still marked untranslated',
  empty: () => 'empty',
  'number-missing': (c) => `${c.subject} missing`,
  'gloss-inconsistent': (c) => `gloss of ${c.subject}`,
  'attribution-missing': () => 'attribution',
};

export class SegmentView implements NodeView {
  readonly dom: HTMLElement;
  readonly contentDOM: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly status: HTMLSelectElement;
  private readonly checks: HTMLElement;
  private lastText: string | null = null;

  constructor(
    private node: PMNode,
    view: EditorView,
    private readonly getPos: () => number | undefined,
    private readonly host: SegmentHost,
  ) {
    const span = blockSpan(node);
    this.status = h('select', { class: 'seg-status', 'aria-label': 'Segment status', title: 'Status (Ctrl+Enter: reviewed, next)' }) as HTMLSelectElement;
    for (const s of ['untranslated', 'draft', 'reviewed'] as SegmentStatus[]) this.status.append(h('option', { value: s }, STATUS_LABEL[s]));
    this.status.disabled = !view.editable;
    this.status.addEventListener('change', () => {
      const pos = this.getPos();
      if (pos !== undefined) host.setStatus(pos, this.status.value as SegmentStatus);
    });
    const glosses = h('span', { class: 'gloss-offers' });
    host.suggestionsFor(span).forEach((o, i) => {
      glosses.append(
        h(
          'button',
          { type: 'button', class: 'gloss-offer', 'data-n': String(i + 1), title: `Insert “${o.gloss}” at the caret (Alt+${i + 1}${i === 0 ? ' or Ctrl+G' : ''})`, onclick: () => host.applySuggestion(span, i) },
          h('kbd', {}, `Alt+${i + 1}`),
          ' ',
          h('bdi', { lang: host.language, dir: 'rtl' }, o.term),
          ' → ',
          h('span', { class: 'gloss-text', lang: 'en' }, o.gloss),
        ),
      );
    });
    this.checks = h('span', { class: 'seg-checks' });
    this.meta = h('div', { class: 'seg-meta', contenteditable: 'false' }, this.status, glosses, this.checks);
    this.contentDOM = h('div', { class: 'seg-text', dir: 'ltr', lang: 'en' });
    this.dom = h('div', { class: 'seg draft-seg', 'data-start': String(span.start), 'data-end': String(span.end) }, this.meta, this.contentDOM);
    this.render();
  }

  private render(): void {
    const status = this.node.attrs.status as SegmentStatus;
    this.status.value = status;
    const text = this.node.textContent;
    this.dom.classList.remove('status-untranslated', 'status-draft', 'status-reviewed');
    this.dom.classList.add(`status-${status}`);
    this.dom.classList.toggle('para-start', this.node.attrs.first === true);
    this.dom.classList.toggle('empty', text === '');
    const key = `${status}\u0000${text}`;
    if (key === this.lastText) return;
    this.lastText = key;
    const found = checkSegment({ source: this.host.sourceOf(blockSpan(this.node)), draft: text, status, glossary: this.host.glossary }).filter(
      (c) => !(c.kind === 'untranslated' && text.trim() === ''),
    );
    this.checks.replaceChildren(...found.map((c) => h('span', { class: `draft-check check-${c.kind}`, title: c.message }, '⚠ ', CHECK_LABEL[c.kind](c))));
    this.dom.dataset.checks = found.map((c) => c.kind).join(' ');
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type || node.attrs.start !== this.node.attrs.start || node.attrs.end !== this.node.attrs.end) return false;
    this.node = node;
    this.render();
    return true;
  }

  ignoreMutation(m: MutationRecord | { type: 'selection'; target: Node }): boolean {
    if (m.type === 'selection') return false;
    return (m.type === 'attributes' && m.target === this.dom) || this.meta.contains(m.target);
  }

  stopEvent(event: Event): boolean {
    return this.meta.contains(event.target as Node);
  }
}
