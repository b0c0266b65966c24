// Where highlights overlap, a click lists the annotations under it and the user picks one.
import type { Annotation, Tag } from '../../annotations/model/types';
import { h, textAttrs } from '../dom';
import { tagClass } from '../tag-styles';
import { clip } from '../text-clip';

export interface PickerOptions {
  /** The annotations under the pointer, outermost first. */
  ids: string[];
  lookup(id: string): Annotation | undefined;
  language: string | undefined;
  taxonomy: Tag[];
  /** The highlight clicked: the menu opens below it. */
  anchor: DOMRect;
  choose(id: string): void;
}

/** Fills the popover `host` with the menu and shows it. */
export function showPicker(host: HTMLElement, options: PickerOptions): void {
  const { ids, anchor, taxonomy } = options;
  const menu = h('div', { class: 'picker', role: 'menu' }, h('div', { class: 'popover-title' }, `${ids.length} annotations here`));
  for (const id of ids) {
    const a = options.lookup(id);
    if (!a) continue;
    menu.append(
      h(
        'button',
        { type: 'button', role: 'menuitem', class: 'pick', 'data-id': a.id, onclick: () => options.choose(a.id) },
        // Quote and gloss each on a line of its own, in its own direction: side by side on one
        // line, a right-to-left quote and an English gloss would interleave.
        h('span', { class: 'pick-line' }, ...a.tags.map((t) => h('span', { class: `swatch ${tagClass(taxonomy, t)}` })), h('bdi', { class: 'pick-quote', ...textAttrs(options.language) }, clip(a.target.quote.exact, 60))),
        a.gloss ? h('bdi', { class: 'pick-gloss', dir: 'ltr', lang: 'en' }, a.gloss) : null,
      ),
    );
  }
  host.replaceChildren(menu);
  host.hidden = false;
  host.style.left = `${Math.max(8, Math.min(window.innerWidth - 368, anchor.left))}px`;
  host.style.top = `${anchor.bottom + 8}px`;
}
