// Which texts the columns show: a picker per column (an article, the first text's English
// draft, or no third column), and what the view should open from them.
import type { ArticleSummary } from '../../corpus/api/api';
import { LANGUAGE_NAMES } from '../language-names';
import { clear, h, showChosenDirection } from '../dom';
import { clip } from '../text-clip';

/** What a column shows: an article, or the English draft of the first one. */
export type Spec = { kind: 'article'; file: string } | { kind: 'draft' };

/** A picker's value for the first text's draft (anything else is an article's file). */
export const DRAFT = '#draft';
const NONE = '';

export class TextPickers {
  readonly el: HTMLElement;
  private readonly pickers: HTMLSelectElement[];
  private articles: ArticleSummary[] = [];

  /** `changed`: the user picked another text. */
  constructor(changed: () => void) {
    this.pickers = [0, 1, 2].map((i) => {
      const s = h('select', { class: `pick-text pick-${i}`, 'aria-label': ['First text', 'Second text', 'Third text'][i]! }) as HTMLSelectElement;
      s.addEventListener('change', () => {
        showChosenDirection(s);
        changed();
      });
      return s;
    });
    this.el = h('span', { class: 'sbs-group sbs-texts' }, this.pickers[0]!, h('span', { class: 'sep' }, '|'), this.pickers[1]!, h('span', { class: 'sep third' }, '|'), this.pickers[2]!);
  }

  /** Offers these articles, keeping each picker's choice where it is still offered. */
  fill(articles: ArticleSummary[]): void {
    this.articles = articles;
    const keep = this.pickers.map((p) => p.value);
    this.pickers.forEach((picker, i) => {
      clear(picker);
      if (i === 2) picker.append(h('option', { value: NONE }, '(no third column)'));
      if (i > 0) picker.append(h('option', { value: DRAFT }, 'English draft of the first text'));
      for (const a of articles) {
        picker.append(articleOption(a));
      }
      if (keep[i] && [...picker.options].some((o) => o.value === keep[i])) picker.value = keep[i]!;
    });
    this.showDirections();
  }

  private showDirections(): void {
    for (const p of this.pickers) showChosenDirection(p);
  }

  /** The first choice: a Persian or Arabic article beside its draft. */
  chooseDefaults(): void {
    const first = this.articles.find((a) => a.language === 'fa' || a.language === 'ar') ?? this.articles[0];
    if (!first) return;
    this.pickers[0]!.value = first.file;
    this.pickers[1]!.value = DRAFT;
    this.pickers[2]!.value = NONE;
    this.showDirections();
  }

  /** Picks these texts (article files or DRAFT), one per column; the rest show nothing. */
  choose(files: readonly string[]): void {
    this.pickers.forEach((p, i) => (p.value = files[i] ?? NONE));
    this.showDirections();
  }

  /** Picks this article for the second column. */
  chooseSecond(file: string): void {
    this.pickers[1]!.value = file;
    this.showDirections();
  }

  /** The first text's file ('' when none is picked). */
  get first(): string {
    return this.pickers[0]!.value;
  }

  specs(): Spec[] {
    const out: Spec[] = [];
    const first = this.pickers[0]!.value;
    if (!first) return out;
    out.push({ kind: 'article', file: first });
    for (const p of this.pickers.slice(1)) {
      if (p.value === NONE) continue;
      out.push(p.value === DRAFT ? { kind: 'draft' } : { kind: 'article', file: p.value });
    }
    return out;
  }
}

/**
 * An article as a picker offers it: the headline first, in its own direction, so that where the
 * picker is narrow the headline's start shows and the language and file name are cut instead.
 */
function articleOption(a: ArticleSummary): HTMLOptionElement {
  const rtl = a.language === 'fa' || a.language === 'ar';
  const language = LANGUAGE_NAMES[a.language ?? 'und'] ?? a.language;
  // Isolated, so that a Persian headline does not reorder the language name and file after it.
  const label = `\u2068${clip(a.headline || a.file, 60)}\u2069 · ${language} · ${a.file}`;
  return h('option', { value: a.file, dir: rtl ? 'rtl' : 'ltr', lang: a.language ?? 'und', title: a.headline || a.file }, label) as HTMLOptionElement;
}
