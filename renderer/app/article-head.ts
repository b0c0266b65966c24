// The header over the article text: headline, byline, the encoding picker (plain text only),
// a saved page's address, and the read-only banner.
import type { ArticleDoc } from '../../corpus/api/api';
import type { DateValue } from '../../annotations/model/types';
import { dateAsShown } from '../../corpus/text/english-date';
import { listEncodings } from '../../corpus/text/encodings';
import { clear, h, textAttrs, untitledAttrs } from '../dom';
import { LANGUAGE_NAMES } from '../language-names';
import { visibleControlsText, withVisibleControls } from '../visible-controls';

export interface ArticleHeadHooks {
  /** "Edit details…" was pressed. */
  editDetails(doc: ArticleDoc): void;
  /** The user chose another encoding for this article. */
  chooseEncoding(doc: ArticleDoc, encoding: string): void;
  /** "Read again…" on a scan read by OCR (the wrong language was chosen, say). */
  readAgainWithOcr(doc: ArticleDoc): void;
}

export class ArticleHead {
  readonly el = h('header', { class: 'article-head' });
  readonly banner = h('div', { class: 'banner', role: 'status', hidden: true });

  constructor(private readonly hooks: ArticleHeadHooks) {}

  /** `extra`: controls of the article's kind (a PDF's "Open PDF at p. N"), before "Edit details…". */
  show(doc: ArticleDoc, extra: HTMLElement[] = []): void {
    const m = doc.metadata;
    clear(this.el);
    this.el.append(
      h('h1', { class: 'headline', ...untitledAttrs(m.untitled), ...textAttrs(doc.language) }, ...withVisibleControls(m.headline)),
      h(
        'p',
        { class: 'byline' },
        m.outlet ? h('bdi', { class: 'outlet', lang: doc.language }, m.outlet) : null,
        m.date ? dateSpan(m.date, doc.language) : h('span', { class: 'date unknown', title: m.dateNote ?? '' }, 'date unknown'),
        h('span', { class: 'lang' }, LANGUAGE_NAMES[doc.language] ?? doc.language),
        // A page declares its own charset and is read in it: there is nothing for the person to choose.
        doc.source ? null : this.encodingPicker(doc),
        h('span', { class: 'file' }, ...withVisibleControls(doc.file)),
        doc.source?.url ? addressSpan(doc.source.url) : null,
        // A scan's text is OCR's reading of it: the person is told before quoting it.
        doc.source?.ocr ? h('span', { class: 'ocr-mark', title: `The text was read from the scan by OCR (${doc.source.ocr}); it may misread letters: check a quotation against the PDF.` }, 'read by OCR') : null,
        doc.source?.ocr
          ? h('button', { type: 'button', class: 'ocr-again', title: 'Read the scan again by OCR, in the languages you choose; annotations are placed again from their quotes', disabled: !!doc.readOnly, onclick: () => this.hooks.readAgainWithOcr(doc) }, 'Read again…')
          : null,
        ...extra,
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

/** `۲۲ شهریور ۱۴۰۰ (2021-09-13)` as the article writes it; a page's timestamp as the day it names (`3 Aug 2013`). */
function dateSpan(date: DateValue, language: string): HTMLElement {
  const shown = dateAsShown(date);
  return h(
    'span',
    { class: 'date', ...(shown.timestamp ? { title: `The page gives ${shown.timestamp}` } : {}) },
    shown.written ? h('bdi', { lang: language }, shown.written) : null,
    shown.written && shown.day ? ` (${shown.day})` : (shown.day ?? ''),
  );
}

/**
 * The page's address, drawn as a link is but not one: the app never navigates (see
 * electron/navigation.ts), so a click selects it whole, for copying into a browser. Each part
 * between slashes is isolated, so that an Arabic or Persian slug reads in place and the parts
 * after it (`/6574622`) stay after it; the text copied is the address as the page gives it.
 */
function addressSpan(url: string): HTMLElement {
  const parts = url.split(/(\/)/).map((part) => (part === '/' || !/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(part) ? part : h('bdi', {}, part)));
  return h('bdi', { class: 'address', dir: 'ltr', lang: 'en', title: `${url}\nThe page’s address: a click selects it, to copy into a browser` }, ...parts);
}
