// The window's frame: the top bar (corpus, tabs, search box, undo, text size, analyst) and
// the reading layout's three columns, built once and filled by the controllers.
import { h } from '../dom';
import { MoreMenu } from '../more-menu';
import type { ViewName, Views } from './views';

export interface ShellHooks {
  /** A command of the top bar, named as the app menu names it ('open-folder', 'tags', 'font-bigger', …). */
  command(name: string): void;
  undo(redo: boolean): void;
  showView(name: ViewName): void;
}

/** What the controllers contribute to the frame. */
export interface ShellParts {
  articleList: HTMLElement;
  head: HTMLElement;
  banner: HTMLElement;
  reading: HTMLElement;
  conflicts: HTMLElement;
  sideCount: HTMLElement;
  sideList: HTMLElement;
  analyst: HTMLElement;
  popover: HTMLElement;
  toast: HTMLElement;
}

export class ShellLayout {
  readonly readLayout = h('main', { class: 'layout view read-view' });
  readonly searchBox = h('input', { type: 'search', class: 'search-box', placeholder: 'Search the corpus (Ctrl+F)', 'aria-label': 'Search the corpus', dir: 'auto' });
  private readonly corpusName = h('span', { class: 'corpus-name' });
  private readonly undoButton = h('button', { type: 'button', class: 'undo', title: 'Undo (Ctrl+Z)', disabled: true }, '↶');
  private readonly redoButton = h('button', { type: 'button', class: 'redo', title: 'Redo (Ctrl+Shift+Z)', disabled: true }, '↷');

  constructor(private readonly hooks: ShellHooks) {
    this.undoButton.addEventListener('click', () => hooks.undo(false));
    this.redoButton.addEventListener('click', () => hooks.undo(true));
    this.searchBox.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'ArrowDown') hooks.showView('search');
      if (e.key === 'Escape') {
        this.searchBox.value = '';
        hooks.showView('read');
      }
    });
    this.searchBox.addEventListener('input', () => {
      if (this.searchBox.value.trim()) hooks.showView('search');
    });
  }

  mount(root: HTMLElement, parts: ShellParts, views: Views): void {
    const command = (name: string) => () => this.hooks.command(name);
    const bigger = h('button', { type: 'button', title: 'Larger text (Ctrl +)', 'aria-label': 'Larger text', onclick: command('font-bigger') }, 'A+');
    const smaller = h('button', { type: 'button', title: 'Smaller text (Ctrl −)', 'aria-label': 'Smaller text', onclick: command('font-smaller') }, 'A−');
    this.readLayout.append(
      h('nav', { class: 'articles' }, h('h2', {}, 'Articles'), parts.articleList),
      h('section', { class: 'reader' }, parts.head, parts.banner, parts.reading),
      h('aside', { class: 'sidebar' }, parts.conflicts, h('h2', {}, 'Annotations ', parts.sideCount), parts.sideList),
    );
    const openFolder = h('button', { type: 'button', class: 'open-folder', onclick: command('open-folder') }, 'Open Folder…');
    const tags = h('button', { type: 'button', class: 'edit-tags', onclick: command('tags') }, 'Tags…');
    const topbar = h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'brand', lang: 'fa', dir: 'rtl', title: 'Hashiya: the marginal gloss' }, 'حاشیه'),
      h('span', { class: 'brand-latin' }, 'Hashiya'),
      this.corpusName,
      openFolder,
      tags,
      views.tabs,
      this.searchBox,
      h('span', { class: 'spacer' }),
      this.undoButton,
      this.redoButton,
      smaller,
      bigger,
      parts.analyst,
    );
    // What folds first is what a reader needs least often; the tabs and the search box stay.
    const more = new MoreMenu(topbar, [parts.analyst, bigger, smaller, this.redoButton, this.undoButton, tags, openFolder]);
    topbar.append(more.button);
    root.replaceChildren(
      topbar,
      more.menu,
      views.host,
      parts.popover,
      parts.toast,
    );
  }

  showCorpusName(name: string | null): void {
    this.corpusName.textContent = name ?? 'No folder open';
  }

  showUndoState(state: { canUndo: boolean; canRedo: boolean }): void {
    this.undoButton.disabled = !state.canUndo;
    this.redoButton.disabled = !state.canRedo;
  }
}
