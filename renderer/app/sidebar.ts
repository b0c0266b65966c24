// The open article's annotations in text order, beside the text; an entry opens its annotation.
import type { Annotation, Tag } from '../../annotations/model/types';
import { clear, h, textAttrs } from '../dom';
import { tagClass } from '../tag-styles';
import { sortedAnnotations } from './open-article';

export interface SidebarHooks {
  taxonomy(): Tag[];
  /** The open article's language, for the quotes' direction. */
  language(): string | undefined;
  /** The annotation open in the editor, if any. */
  editingId(): string | null;
  /** An entry was clicked or chosen with Enter. */
  reveal(id: string): void;
  /** The number of annotations changed. */
  counted(n: number): void;
}

/** Entries added at once; the rest follow in slices of this size between frames. */
const SLICE = 150;

export class Sidebar {
  readonly count = h('span', { class: 'count' });
  readonly list = h('ol', { class: 'annotation-list', 'aria-label': 'Annotations in text order' });
  private ticket = 0;

  constructor(private readonly hooks: SidebarHooks) {}

  /**
   * The whole list, for a newly opened article. The first entries come at once and the
   * rest in slices between frames, so thousands of annotations do not hold up the text.
   */
  showAll(annotations: ReadonlyMap<string, Annotation>): void {
    clear(this.list);
    const list = sortedAnnotations(annotations);
    const ticket = ++this.ticket;
    const append = (from: number) => {
      if (ticket !== this.ticket) return;
      const part = document.createDocumentFragment();
      for (const a of list.slice(from, from + SLICE)) part.append(this.item(a));
      this.list.append(part);
      if (from + SLICE < list.length) setTimeout(() => append(from + SLICE), 0);
    };
    append(0);
    this.counted(annotations.size);
  }

  /** Puts one annotation's entry in its place in text order (after a change to it). */
  put(a: Annotation, annotations: ReadonlyMap<string, Annotation>): void {
    const old = this.entry(a.id);
    const item = this.item(a);
    if (old) old.replaceWith(item);
    else {
      const list = sortedAnnotations(annotations);
      const next = list[list.findIndex((x) => x.id === a.id) + 1];
      this.list.insertBefore(item, next ? this.entry(next.id) : null);
    }
    this.counted(annotations.size);
  }

  remove(id: string, annotations: ReadonlyMap<string, Annotation>): void {
    this.entry(id)?.remove();
    this.counted(annotations.size);
  }

  /** Marks the entry of the annotation being edited (none: null). */
  markCurrent(id: string | null): void {
    for (const li of this.list.children) li.classList.toggle('current', id !== null && (li as HTMLElement).dataset.id === id);
  }

  private entry(id: string): Element | null {
    return this.list.querySelector(`li[data-id="${CSS.escape(id)}"]`);
  }

  private counted(n: number): void {
    this.count.textContent = `(${n})`;
    this.hooks.counted(n);
  }

  /** One annotation's entry. */
  private item(a: Annotation): HTMLLIElement {
    const taxonomy = this.hooks.taxonomy();
    const item = h(
      'li',
      { class: `annotation${a.anchor.status === 'orphaned' ? ' orphaned' : ''}${this.hooks.editingId() === a.id ? ' current' : ''}`, 'data-id': a.id, tabIndex: 0 },
      h('blockquote', { class: 'quote', ...textAttrs(this.hooks.language()) }, a.target.quote.exact),
      a.gloss ? h('p', { class: 'gloss', dir: 'auto', lang: 'en' }, a.gloss) : null,
      ...noteOf(a.note),
      h(
        'p',
        { class: 'tags' },
        ...a.tags.map((t) => h('span', { class: `chip small ${tagClass(taxonomy, t)}` }, h('span', { class: `swatch ${tagClass(taxonomy, t)}` }), taxonomy.find((x) => x.id === t)?.name ?? t)),
        a.anchor.status !== 'exact' ? h('span', { class: `anchor ${a.anchor.status}` }, a.anchor.status === 'fuzzy' ? `fuzzy ${Math.round(a.anchor.score * 100)}%` : a.anchor.status) : null,
      ),
    );
    const open = () => this.hooks.reveal(a.id);
    item.addEventListener('click', open);
    item.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return item;
  }
}

/** A note longer than this many characters or lines shows folded, with a button to unfold it. */
const FOLD_CHARS = 160;
const FOLD_LINES = 3;

/** The note under its annotation: as written, in its own direction, folded when long. */
function noteOf(note: string): HTMLElement[] {
  if (!note.trim()) return [];
  const text = h('p', { class: 'note', dir: 'auto' }, note);
  if (note.length <= FOLD_CHARS && note.split('\n').length <= FOLD_LINES) return [text];
  text.classList.add('clamped');
  const more = h('button', { type: 'button', class: 'link note-more', 'aria-expanded': 'false' }, 'Show the whole note');
  more.addEventListener('click', (e) => {
    // Unfolding reads the note; it does not open the annotation as a click on the entry does.
    e.stopPropagation();
    const folded = text.classList.toggle('clamped');
    more.setAttribute('aria-expanded', String(!folded));
    more.textContent = folded ? 'Show the whole note' : 'Fold the note';
  });
  more.addEventListener('keydown', (e) => e.stopPropagation());
  return [text, more];
}

