// Microdata a page carries for search engines inside its body, hidden by its style sheet (which
// is not applied here): `<div itemprop="image">https://…jpg</div>`, the publisher's name and
// logo address. A reader never sees them, so they are not article text. Only what schema.org
// defines as an address (and only when the element's whole text is one), and the publisher's
// block, are taken out: a visible byline or date marked up with microdata stays.
import type { HtmlDocument } from './dom';

const ADDRESS_PROPERTIES = ['url', 'image', 'logo', 'thumbnailUrl', 'contentUrl', 'embedUrl', 'sameAs', 'mainEntityOfPage'];
const ADDRESS = /^\s*(?:https?:)?\/\/\S+\s*$/i;

export function removeMachineData(doc: HtmlDocument): number {
  let removed = 0;
  const selector = ADDRESS_PROPERTIES.map((p) => `[itemprop~="${p}"]`).join(', ');
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    if (ADDRESS.test(el.textContent ?? '')) {
      el.remove();
      removed++;
    }
  }
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="publisher"][itemscope]'))) {
    el.remove();
    removed++;
  }
  return removed;
}
