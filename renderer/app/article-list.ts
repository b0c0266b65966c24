// The list of the corpus's articles on the left: which can be opened, which is open, how many annotations each has.
import type { ArticleSummary } from '../../corpus/api/api';
import { UnreadDocumentsLine } from './unread-documents';
import { api } from '../bridge';
import { clear, h, textAttrs, untitledAttrs } from '../dom';
import { LANGUAGE_NAMES } from '../language-names';
import { hasBidiControl } from '../../corpus/text/control-characters';
import { withVisibleControls } from '../visible-controls';

export interface ArticleListHooks {
  /** The file of the article shown, if any. */
  currentFile(): string | undefined;
  /** An openable article was clicked or chosen with Enter. */
  pick(file: string): void;
}

export class ArticleList {
  private readonly ol = h('ol', { class: 'article-list', 'aria-label': 'Articles' });
  private readonly unread = new UnreadDocumentsLine();
  /** The articles, then the line naming the documents not read. */
  readonly el = h('div', { class: 'article-list-panel' }, this.ol, this.unread.el);
  private list: ArticleSummary[] = [];

  constructor(private readonly hooks: ArticleListHooks) {}

  get articles(): ArticleSummary[] {
    return this.list;
  }

  /** The article to open first in a corpus: a non-English one if there is one. */
  firstToOpen(): ArticleSummary | undefined {
    return this.list.find((a) => a.openable && a.language !== 'en') ?? this.list.find((a) => a.openable);
  }

  has(file: string): boolean {
    return this.list.some((a) => a.file === file);
  }

  async refresh(): Promise<void> {
    // The line about files not read never keeps the articles from being listed.
    const [list, unread] = await Promise.all([api.listArticles(), api.listUnreadDocuments().catch(() => [])]);
    this.list = list;
    this.render();
    this.unread.show(unread, list.length);
  }

  markCurrent(file: string): void {
    for (const li of this.el.querySelectorAll('li.article')) li.classList.toggle('current', (li as HTMLElement).dataset.file === file);
  }

  /** The annotation count of one article, after a change in it. */
  setCount(file: string, n: number): void {
    const counts = this.list.find((x) => x.file === file);
    if (!counts || counts.annotations === n) return;
    counts.annotations = n;
    const el = this.el.querySelector(`li[data-file="${CSS.escape(counts.file)}"] .ann-count`);
    if (el) el.textContent = String(n);
  }

  private render(): void {
    clear(this.ol);
    const current = this.hooks.currentFile();
    for (const a of this.list) {
      const item = h(
        'li',
        { class: `article${a.openable ? '' : ' unopenable'}${current === a.file ? ' current' : ''}`, 'data-file': a.file },
        // Names and headlines come from the corpus: a bidi override in them is shown, not applied.
        h('span', { class: 'headline', ...untitledAttrs(a.untitled), ...textAttrs(a.language) }, ...withVisibleControls(a.headline || a.file)),
        h(
          'span',
          { class: 'meta' },
          a.language ? h('span', { class: `lang lang-${a.language}`, title: LANGUAGE_NAMES[a.language] }, a.language) : null,
          h('span', { class: 'ann-count', title: 'Annotations' }, String(a.annotations)),
          h('span', { class: 'file', ...(hasBidiControl(a.file) ? { title: 'This file name holds hidden direction characters, shown as markers' } : {}) }, ...withVisibleControls(a.file)),
        ),
        a.note ? h('span', { class: 'note' }, a.note) : null,
      );
      if (a.openable) {
        item.tabIndex = 0;
        item.addEventListener('click', () => this.hooks.pick(a.file));
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.hooks.pick(a.file);
        });
      }
      this.ol.append(item);
    }
  }
}
