import { h } from '../dom';
import type { View, ViewContext } from '../view-context';

export function createSearchView(_ctx: ViewContext, _box: HTMLInputElement): View {
  const el = h('section', { class: 'view search-view' }, h('p', { class: 'placeholder' }, 'Search: coming soon'));
  return { el, show: () => undefined, hide: () => undefined };
}
