// The tabs and the views they switch between: reading (always there) and the others, made when first shown.
import { h } from '../dom';
import type { View } from '../view-context';

export type ViewName = 'read' | 'side-by-side' | 'quotations' | 'search';

const TABS: Array<[ViewName, string]> = [['read', 'Read'], ['side-by-side', 'Side by side'], ['quotations', 'Quotations']];

export interface ViewsHooks {
  /** Makes a view other than reading, the first time it is shown. */
  make(name: Exclude<ViewName, 'read'>): View;
  /** The shown view is about to change (the annotation editor closes). */
  leaving(): void;
}

export class Views {
  readonly tabs = h('nav', { class: 'tabs', 'aria-label': 'Views' });
  readonly host = h('div', { class: 'view-host' });
  private readonly made = new Map<ViewName, View>();
  private readonly buttons = new Map<ViewName, HTMLButtonElement>();
  private shown: ViewName = 'read';

  constructor(
    private readonly readLayout: HTMLElement,
    private readonly hooks: ViewsHooks,
  ) {
    for (const [name, label] of TABS) {
      const tab = h('button', { type: 'button', class: `tab tab-${name}`, 'aria-pressed': String(name === 'read'), onclick: () => void this.show(name) }, label);
      this.buttons.set(name, tab);
      this.tabs.append(tab);
    }
    this.host.append(readLayout);
  }

  get current(): ViewName {
    return this.shown;
  }

  /** The view shown, unless it is the reading view. */
  active(): View | undefined {
    return this.shown === 'read' ? undefined : this.made.get(this.shown);
  }

  async show(name: ViewName): Promise<void> {
    // Already showing it: the view refreshes itself (search debounces its own typing).
    if (name === this.shown && name !== 'read') return;
    if (name !== this.shown) {
      this.hooks.leaving();
      this.view(this.shown)?.hide();
      const old = this.made.get(this.shown);
      if (old) old.el.hidden = true;
      this.readLayout.hidden = name !== 'read';
      this.shown = name;
      this.pressTab(name);
    }
    const v = this.view(name);
    if (v) {
      v.el.hidden = false;
      await v.show();
    }
  }

  /** A different corpus: the views are dropped (made again when next shown) and reading is shown. */
  reset(): void {
    for (const v of this.made.values()) {
      v.hide();
      v.el.remove();
    }
    this.made.clear();
    this.readLayout.hidden = false;
    this.shown = 'read';
    this.pressTab('read');
  }

  private pressTab(name: ViewName): void {
    for (const [n, tab] of this.buttons) tab.setAttribute('aria-pressed', String(n === name));
  }

  private view(name: ViewName): View | null {
    if (name === 'read') return null;
    let v = this.made.get(name);
    if (!v) {
      v = this.hooks.make(name);
      v.el.hidden = true;
      this.made.set(name, v);
      this.host.append(v.el);
    }
    return v;
  }
}
