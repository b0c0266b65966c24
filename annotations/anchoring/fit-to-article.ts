// A sidecar written against another version of its article, placed on the text as it is now:
// annotations from their quotes, drafts from their source words. Runs in Node and in the browser.
import type { Rendering, Sidecar } from '../model/types';
import type { Annotation } from '../model/types';
import { reanchorAnnotations } from './reanchor';

/**
 * Offsets written against another version of the text are placed again. What cannot be
 * placed is kept but set aside (orphaned); nothing is left pointing at other words.
 * Offsets written against this very text are still checked: a hand edit or a bad merge
 * can leave the hash right and the offsets on other words (or past the end).
 */
export function fitToArticle(data: Sidecar, article: Sidecar['article'], text: string): Sidecar {
  if (data.article.sha256 === article.sha256) return checkAgainstText(data, text);
  const annotations = data.annotations.length > 0 ? reanchorAnnotations(text, data.annotations) : data.annotations;
  const renderings = data.renderings.map((r) => placeRendering(text, r));
  // The user's segment cuts and the alignment links carry no words to find again: the
  // cuts give way to automatic segmentation. Links that record the texts they were made
  // against are aligned again when the side-by-side view finds the mismatch; older ones go
  // back to the review queue here.
  const { segments: _cuts, ...metadata } = data.metadata;
  const alignments = data.alignments.map((al) =>
    al.versions
      ? al
      : { ...al, links: al.links.filter((l) => l.a[1] <= text.length).map((l) => ({ ...l, confirmed: false })) },
  );
  return { ...data, annotations, renderings, metadata, alignments, article };
}

/** True when the annotation's offsets hold its quote in `text` (never past the end). */
export function holdsItsQuote(text: string, a: Annotation): boolean {
  const { start, end } = a.target.position;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length && text.slice(start, end) === a.target.quote.exact;
}

/**
 * The same version of the text: annotations and drafts stay where they are when their words
 * are there; the others are found again from their quote (or source words), or orphaned.
 * Returns `data` itself when everything holds, as most of the time.
 */
function checkAgainstText(data: Sidecar, text: string): Sidecar {
  const off = data.annotations.map((a) => a.anchor.status !== 'orphaned' && !holdsItsQuote(text, a));
  const offDrafts = data.renderings.map((r) => !r.orphaned && !holdsItsSource(text, r));
  if (!off.includes(true) && !offDrafts.includes(true)) return data;
  const annotations = off.includes(true) ? reanchorAnnotations(text, data.annotations, (_a, i) => off[i]!) : data.annotations;
  const renderings = data.renderings.map((r, i) => (offDrafts[i] ? placeRendering(text, r) : r));
  return { ...data, annotations, renderings };
}

/** A draft made on this text: its source words at its offsets, or (older drafts) offsets inside the text. */
function holdsItsSource(text: string, r: Rendering): boolean {
  if (r.start < 0 || r.end > text.length || r.start > r.end) return false;
  return r.source === undefined || text.slice(r.start, r.end) === r.source;
}

/** A draft placed again on a changed text: where its source words still are, or the nearest place they moved to. */
function placeRendering(text: string, r: Rendering): Rendering {
  const { orphaned: _was, ...rest } = r;
  if (r.source === undefined) return { ...rest, orphaned: true };
  if (text.slice(r.start, r.end) === r.source) return rest;
  let best = -1;
  for (let i = text.indexOf(r.source); i !== -1; i = text.indexOf(r.source, i + 1)) {
    if (best === -1 || Math.abs(i - r.start) < Math.abs(best - r.start)) best = i;
  }
  if (best === -1 || r.source.length === 0) return { ...rest, orphaned: true };
  return { ...rest, start: best, end: best + r.source.length };
}
