import { h } from '../dom';
import type { View, ViewContext } from '../view-context';

export function createQuotationView(_ctx: ViewContext): View {
  const el = h('section', { class: 'view quotations-view' }, h('p', { class: 'placeholder' }, 'Quotations: coming soon'));
  return { el, show: () => undefined, hide: () => undefined };
}
