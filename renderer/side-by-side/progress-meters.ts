// How far the translation is: meters for the first text and the corpus above the columns,
// and one in the draft's head; refreshed a moment after the drafts change.
import type { HashiyaApi, Progress } from '../../corpus/api/api';
import { h } from '../dom';

export interface ProgressDeps {
  api: HashiyaApi;
  /** The article measured ('' when none). */
  file(): string;
  /** The draft column's meter, if a draft is shown. */
  draftMeter(): HTMLElement | null;
}

export class ProgressMeters {
  readonly el = h('div', { class: 'sbs-progress' });
  private timer = 0;

  constructor(private readonly deps: ProgressDeps) {}

  /** Refreshes a moment from now (saves come in bursts). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.refresh().catch(() => undefined), 600);
  }

  async refresh(): Promise<void> {
    const file = this.deps.file();
    if (!file) return;
    const p = await this.deps.api.getProgress();
    const article = p.articles[file] ?? { segments: 0, draft: 0, reviewed: 0 };
    this.el.replaceChildren(progressBar('This article', article, 'meter-article'), progressBar('Corpus', p.corpus, 'meter-corpus'));
    this.deps.draftMeter()?.replaceChildren(progressBar('Done', article, 'draft-progress'));
  }
}

function progressBar(label: string, p: Progress, cls: string): HTMLElement {
  const reviewed = h('span', { class: 'bar-reviewed' });
  const draft = h('span', { class: 'bar-draft' });
  const total = Math.max(1, p.segments);
  reviewed.style.width = `${(100 * p.reviewed) / total}%`;
  draft.style.width = `${(100 * p.draft) / total}%`;
  const done = p.draft + p.reviewed;
  return h(
    'div',
    { class: `sbs-meter ${cls}`, title: `${p.reviewed} reviewed, ${p.draft} in draft, ${p.segments - done} untranslated of ${p.segments} segments` },
    h('span', { class: 'progress-label' }, label),
    h('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(p.segments), 'aria-valuenow': String(done) }, reviewed, draft),
    h('span', { class: 'progress-figures' }, `${done}/${p.segments}`, p.reviewed ? ` (${p.reviewed} reviewed)` : ''),
  );
}
