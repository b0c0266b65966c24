// A toolbar in a small window: the controls that do not fit are folded away, the least needed
// first, and offered in a "More" menu (a button opening a list of them, worked by mouse or keys).
import { clear, h } from './dom';

export class MoreMenu {
  readonly button = h('button', { type: 'button', class: 'more-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', hidden: true }, 'More ▾');
  readonly menu = h('div', { class: 'more-menu', role: 'menu', 'aria-label': 'More', hidden: true });
  private scheduled = false;

  /**
   * `foldable`: the bar's buttons that may fold, the first to fold first; `fits`: whether the
   * bar as it stands fits (by default: it is no wider than its box).
   */
  constructor(
    bar: HTMLElement,
    private readonly foldable: readonly HTMLElement[],
    private readonly fits: () => boolean = () => bar.scrollWidth <= bar.clientWidth + 1,
  ) {
    // A click from the keyboard (Enter, Space) has no mouse position: focus goes into the menu.
    this.button.addEventListener('click', (e) => (this.menu.hidden ? this.open(e.detail === 0) : this.close(false)));
    this.button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') this.open(true);
      else if (e.key === 'Escape' && !this.menu.hidden) this.close(true);
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
    this.menu.addEventListener('keydown', (e) => this.menuKey(e));
    document.addEventListener('pointerdown', (e) => {
      if (!this.menu.hidden && !this.menu.contains(e.target as Node) && !this.button.contains(e.target as Node)) this.close(false);
    });
    // A control's label changing (the analyst's name) changes what fits, as the window does.
    const observer = new ResizeObserver(() => this.schedule());
    // (The bar may be hidden, in a view not shown: it measures nothing until it is shown.)
    observer.observe(bar);
    for (const el of foldable) observer.observe(el);
  }

  /** Folds what does not fit, at the next frame (so that a resize notice does not loop). */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.fold();
    });
  }

  private fold(): void {
    for (const el of this.foldable) el.classList.remove('in-more');
    this.button.hidden = true;
    if (this.fits()) return;
    this.button.hidden = false;
    for (const el of this.foldable) {
      el.classList.add('in-more');
      if (this.fits()) break;
    }
    if (!this.menu.hidden) this.fill();
  }

  private folded(): HTMLElement[] {
    // In the bar's order, as a person reads it.
    return this.foldable.filter((el) => el.classList.contains('in-more')).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** The menu's items: one per folded control, doing what a click on it does. */
  private fill(): void {
    clear(this.menu);
    for (const control of this.folded()) {
      const item = h('button', { type: 'button', role: 'menuitem', class: 'more-item', tabindex: '-1' }, labelOf(control));
      item.disabled = (control as HTMLButtonElement).disabled === true;
      item.addEventListener('click', () => {
        this.close(true);
        control.click();
      });
      this.menu.append(item);
    }
  }

  private open(focusFirst: boolean): void {
    this.fill();
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    // Under the button, as far to its left as the window lets it be.
    const r = this.button.getBoundingClientRect();
    const width = this.menu.getBoundingClientRect().width;
    this.menu.style.top = `${r.bottom + 2}px`;
    this.menu.style.left = `${Math.max(4, Math.min(r.left, document.documentElement.clientWidth - width - 4))}px`;
    this.menu.style.maxHeight = `${Math.max(120, window.innerHeight - r.bottom - 8)}px`;
    if (focusFirst) this.items()[0]?.focus();
  }

  private close(refocus: boolean): void {
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
  }

  private items(): HTMLButtonElement[] {
    return [...this.menu.querySelectorAll<HTMLButtonElement>('.more-item:not(:disabled)')];
  }

  private menuKey(e: KeyboardEvent): void {
    // The menu's keys are its own: the views' shortcuts (J, K, Escape) must not act too.
    e.stopPropagation();
    const items = this.items();
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = (d: number) => items[(at + d + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') step(1);
    else if (e.key === 'ArrowUp') step(-1);
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    else if (e.key === 'Escape') this.close(true);
    else if (e.key === 'Tab') this.close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  }
}

/** What a control says: its accessible name, else its words, else its tooltip. */
function labelOf(control: HTMLElement): string {
  const text = control.textContent?.trim() ?? '';
  return control.getAttribute('aria-label') ?? (/\p{L}{2}/u.test(text) ? text : control.title || text);
}
