// The queue of doubtful links, least sure first: step through with J/K, confirm with Enter
// (or C), unlink with U.
import type { AlignmentLink } from '../../annotations/model/types';
import { clear, h } from '../dom';
import { clip } from '../text-clip';

export interface ReviewItem {
  /** Index of the link in its alignment. */
  index: number;
  link: AlignmentLink;
  aText: string;
  bText: string;
  aLang: string;
  bLang: string;
}

export interface ReviewCallbacks {
  focus(position: number): void;
  confirm(position: number): void;
  unlink(position: number): void;
}

export class ReviewPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly count: HTMLElement;

  constructor(private readonly callbacks: ReviewCallbacks) {
    this.count = h('span', { class: 'count' });
    this.list = h('ol', { class: 'review-list', 'aria-label': 'Links to review, least sure first' });
    this.el = h(
      'aside',
      { class: 'review-panel', 'aria-label': 'Review queue' },
      h('h2', {}, 'To review ', this.count),
      h('p', { class: 'review-help' }, h('kbd', {}, 'J'), '/', h('kbd', {}, 'K'), ' step · ', h('kbd', {}, 'Enter'), ' confirm · ', h('kbd', {}, 'U'), ' unlink'),
      this.list,
    );
  }

  set(items: readonly ReviewItem[], current: number | null): void {
    clear(this.list);
    this.count.textContent = `(${items.length})`;
    // Nothing to review: the panel gives its width back to the columns.
    this.el.classList.toggle('empty', items.length === 0);
    if (items.length === 0) {
      this.list.append(h('li', { class: 'review-empty' }, 'No doubtful links.'));
      return;
    }
    items.forEach((item, position) => {
      const li = h(
        'li',
        { class: `review-item${position === current ? ' current' : ''}`, 'data-index': String(item.index), tabIndex: -1 },
        h('span', { class: 'score', title: 'How sure the aligner is' }, `${Math.round(item.link.score * 100)}%`),
        h('bdi', { class: 'snippet', lang: item.aLang, dir: item.aLang === 'en' ? 'ltr' : 'rtl' }, clip(item.aText, 90)),
        h('bdi', { class: 'snippet', lang: item.bLang, dir: item.bLang === 'en' ? 'ltr' : 'rtl' }, clip(item.bText, 90)),
        h(
          'span',
          { class: 'review-actions' },
          h('button', { type: 'button', class: 'review-confirm', title: 'Confirm (Enter)', onclick: (e: Event) => (e.stopPropagation(), this.callbacks.confirm(position)) }, '✓'),
          h('button', { type: 'button', class: 'review-unlink', title: 'Unlink (U)', onclick: (e: Event) => (e.stopPropagation(), this.callbacks.unlink(position)) }, '✕'),
        ),
      );
      li.addEventListener('click', () => this.callbacks.focus(position));
      this.list.append(li);
    });
    const el = current !== null ? this.list.children[current] : null;
    (el as HTMLElement | null)?.scrollIntoView({ block: 'nearest' });
  }
}

