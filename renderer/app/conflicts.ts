// Annotations two people changed differently: both versions side by side, and a person decides.
import type { Annotation } from '../../annotations/model/types';
import type { ArticleDoc } from '../../corpus/api/api';
import { api } from '../bridge';
import { clear, h, textAttrs } from '../dom';

export interface ConflictsHooks {
  toast(message: string): void;
  /** A conflict was decided: the article is read again. */
  resolved(file: string): Promise<void>;
}

export class ConflictsPanel {
  readonly el = h('section', { class: 'conflicts', hidden: true, 'aria-label': 'Conflicts to decide' });

  constructor(private readonly hooks: ConflictsHooks) {}

  show(doc: ArticleDoc | null): void {
    const box = this.el;
    clear(box);
    box.hidden = !doc || doc.conflicts.length === 0;
    if (!doc || doc.conflicts.length === 0) return;
    box.append(h('h2', {}, `Conflicts to decide (${doc.conflicts.length})`));
    for (const c of doc.conflicts) {
      const quote = (c.ours ?? c.theirs)?.target.quote.exact ?? c.id;
      const keep = (choice: Annotation | null) => async () => {
        try {
          await api.resolveConflict(doc.file, c.id, choice);
          await this.hooks.resolved(doc.file);
        } catch (error) {
          this.hooks.toast((error as Error).message);
        }
      };
      box.append(
        h(
          'article',
          { class: 'conflict', 'data-id': c.id },
          h('blockquote', { class: 'quote', ...textAttrs(doc.language) }, quote),
          h('div', { class: 'versions' }, h('div', {}, h('h3', {}, 'This copy'), describe(c.ours)), h('div', {}, h('h3', {}, 'The other'), describe(c.theirs))),
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'button', class: 'keep-ours', onclick: keep(c.ours) }, 'Keep this copy'),
            h('button', { type: 'button', class: 'keep-theirs', onclick: keep(c.theirs) }, 'Keep the other'),
          ),
        ),
      );
    }
  }
}

/** One side's version of the annotation, or that it was deleted. */
function describe(a: Annotation | null): HTMLElement {
  return a
    ? h('div', { class: 'version' }, h('p', { class: 'gloss', dir: 'auto' }, a.gloss || '(no gloss)'), a.note ? h('p', { class: 'note', dir: 'auto' }, a.note) : null, h('p', { class: 'meta' }, `${a.tags.join(', ')} — ${a.analyst}`))
    : h('div', { class: 'version' }, h('p', {}, 'deleted'));
}
