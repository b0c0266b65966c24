import { h } from '../dom';
import type { View, ViewContext } from '../view-context';

export function createSideBySideView(_ctx: ViewContext): View {
  const el = h('section', { class: 'view side-by-side-view' }, h('p', { class: 'placeholder' }, 'Side by side: coming soon'));
  return { el, show: () => undefined, hide: () => undefined };
}
