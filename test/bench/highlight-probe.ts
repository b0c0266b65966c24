// Runs in the bench's page only (built by render-rows.ts, never part of the app): a reading
// view of the long article in the reader's place, to time ProseMirror's own part of opening
// it (the yardstick for the app's open) and adding one highlight to it.
import type { Tag } from '../../annotations/model/types';
import { ReadingView, type ReadingParagraph } from '../../renderer/reading/reading-view';
import { tagClass } from '../../renderer/tag-styles';

/** An annotation's span and first tag, coloured here as the app colours it. */
export type ProbeSpan = { id: string; start: number; end: number; tag: string | undefined };

export interface HighlightProbe {
  /** Builds the view with `spans` and waits for its first frame, as the app's open ends (ms). */
  render(paragraphs: ReadingParagraph[], spans: ProbeSpan[], taxonomy: Tag[]): Promise<number>;
  /** Builds the view with `spans`, then times `count` single highlights added to it (ms each). */
  addHighlights(paragraphs: ReadingParagraph[], spans: ProbeSpan[], taxonomy: Tag[], count: number): Promise<number[]>;
}

declare global {
  interface Window {
    hashiyaBenchProbe: HighlightProbe;
  }
}

/** A box like the app's text, in its place; the app's own steps aside until `done`. */
function probeBox(): { container: HTMLElement; done(): void } {
  const own = document.querySelector<HTMLElement>('.reader .reading')!;
  const container = document.createElement('div');
  container.className = 'reading';
  own.after(container);
  own.hidden = true;
  return {
    container,
    done() {
      container.remove();
      own.hidden = false;
    },
  };
}

function newView(container: HTMLElement, paragraphs: ReadingParagraph[], spans: ProbeSpan[], taxonomy: Tag[]): ReadingView {
  const view = new ReadingView(container, paragraphs, { onSelect: () => undefined, onPick: () => undefined, onKey: () => false });
  view.setHighlights(spans.map((s) => ({ id: s.id, start: s.start, end: s.end, colour: tagClass(taxonomy, s.tag) })));
  return view;
}

window.hashiyaBenchProbe = {
  async render(paragraphs, spans, taxonomy) {
    const box = probeBox();
    try {
      const t0 = performance.now();
      const view = newView(box.container, paragraphs, spans, taxonomy);
      void document.body.offsetHeight;
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const ms = performance.now() - t0;
      view.destroy();
      return ms;
    } finally {
      box.done();
    }
  },

  async addHighlights(paragraphs, spans, taxonomy, count) {
    const box = probeBox();
    const view = newView(box.container, paragraphs, spans, taxonomy);
    void document.body.offsetHeight;
    const textLength = paragraphs[paragraphs.length - 1]?.end ?? 0;
    const out: number[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const start = Math.floor(((i + 0.5) / count) * (textLength - 20));
        const t0 = performance.now();
        view.putHighlight({ id: `added-${i}`, start, end: start + 9, colour: 't2' });
        void document.body.offsetHeight;
        out.push(performance.now() - t0);
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      }
    } finally {
      view.destroy();
      box.done();
    }
    return out;
  },
};
