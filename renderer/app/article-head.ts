// The header over the article text: headline, byline, the encoding picker and the read-only banner.
import type { ArticleDoc } from '../../corpus/api/api';
import { listEncodings } from '../../corpus/text/encodings';
import { clear, h, textAttrs, untitledAttrs } from '../dom';
import { LANGUAGE_NAMES } from '../language-names';
import { visibleControlsText, withVisibleControls } from '../visible-controls';

export interface ArticleHeadHooks {
  /** "Edit details…" was pressed. */
  editDetails(doc: ArticleDoc): void;
  /** The user chose another encoding for this article. */
  chooseEncoding(doc: ArticleDoc, encoding: string): void;
}

export class ArticleHead {
  readonly el = h('header', { class: 'article-head' });
  readonly banner = h('div', { class: 'banner', role: 'status', hidden: true });

  constructor(private readonly hooks: ArticleHeadHooks) {}

  show(doc: ArticleDoc): void {
    const m = doc.metadata;
    clear(this.el);
    this.el.append(
      h('h1', { class: 'headline', ...untitledAttrs(m.untitled), ...textAttrs(doc.language) }, ...withVisibleControls(m.headline)),
      h(
        'p',
        { class: 'byline' },
        m.outlet ? h('bdi', { class: 'outlet', lang: doc.language }, m.outlet) : null,
        m.date ? h('span', { class: 'date' }, h('bdi', { lang: doc.language }, m.date.original), m.date.iso ? ` (${m.date.iso})` : '') : h('span', { class: 'date unknown', title: m.dateNote ?? '' }, 'date unknown'),
        h('span', { class: 'lang' }, LANGUAGE_NAMES[doc.language] ?? doc.language),
        this.encodingPicker(doc),
        h('span', { class: 'file' }, ...withVisibleControls(doc.file)),
        h('button', { type: 'button', class: 'edit-metadata', title: 'Correct the headline, outlet, date and boilerplate lines', onclick: () => this.hooks.editDetails(doc) }, 'Edit details…'),
      ),
    );
    // Read-only, and what the app put right in the sidecar (a repeated id, an unknown encoding).
    const lines = [...(doc.readOnly ? [`Read-only: ${doc.readOnly}`] : []), ...(doc.notices ?? [])];
    this.banner.hidden = lines.length === 0;
    this.banner.replaceChildren(...lines.map((line) => h('p', { class: 'banner-line' }, line)));
    document.title = `${visibleControlsText(m.headline).slice(0, 80)} — Hashiya`;
  }

  clear(): void {
    clear(this.el);
  }

  /** The encoding found, which the user can override for this article (kept in its sidecar). */
  private encodingPicker(doc: ArticleDoc): HTMLElement {
    const chosen = doc.metadata.overrides.encoding;
    const select = h(
      'select',
      { class: 'encoding', 'aria-label': 'Text encoding', title: chosen ? 'Encoding chosen by you' : 'Encoding detected', disabled: !!doc.readOnly },
      ...listEncodings().map((e) => h('option', { value: e.id, selected: e.id === doc.encoding }, chosen === e.id ? `${e.label} (chosen)` : e.id === doc.encoding ? `${e.label} (detected)` : e.label)),
    );
    select.addEventListener('change', () => this.hooks.chooseEncoding(doc, select.value));
    return select;
  }
}
