// Building DOM from data: user and article text always goes in as text nodes, never markup.

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value as EventListener);
    else if (key === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** Direction and language attributes for a piece of text shown in an LTR interface. */
export function textAttrs(lang: string | null | undefined): { dir: string; lang: string } {
  const l = lang ?? 'und';
  return { dir: l === 'fa' || l === 'ar' ? 'rtl' : 'auto', lang: l };
}

/** A headline that is the text's first sentence (the text has none) looks and says so. */
export function untitledAttrs(untitled: boolean | undefined): { class?: string; title?: string } {
  return untitled ? { class: 'headline untitled', title: 'No headline in the text: its first sentence' } : {};
}

/**
 * Shows a select's chosen option in that option's direction: a closed select cuts its label at
 * the end side, and for a Persian or Arabic headline that must be the left, where it ends.
 */
export function showChosenDirection(select: HTMLSelectElement): void {
  select.dir = select.selectedOptions[0]?.getAttribute('dir') === 'rtl' ? 'rtl' : 'ltr';
}
