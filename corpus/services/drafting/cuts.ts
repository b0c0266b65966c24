// The person's own segment cuts (merge, split, not-for-translation), checked and kept in the
// sidecar; the drafts follow the segments they translate.
import type { Rendering, SegmentStatus } from '../../../annotations/model/types';
import { ApiError, type ArticleDoc } from '../../api/api';
import type { OpenArticle, WorkspaceContext } from '../workspace-context';
import { writeDrafts } from './write-drafts';

export interface SegmentCut {
  start: number;
  end: number;
  skip?: boolean;
}

export class CutService {
  constructor(private readonly ctx: WorkspaceContext) {}

  /** `segments` null or empty: back to the automatic segments. */
  async set(file: string, segments: SegmentCut[] | null): Promise<ArticleDoc> {
    const article = await this.ctx.open(file);
    const cuts = segments && segments.length ? checkCuts(segments, this.ctx.doc(article)) : null;
    await writeDrafts(this.ctx, article, (data) => {
      if (cuts) data.metadata = { ...data.metadata, segments: cuts };
      else {
        const { segments: _drop, ...rest } = data.metadata;
        data.metadata = rest;
      }
    });
    await this.carryRenderings(article, this.ctx.doc(article));
    return this.ctx.doc(article);
  }

  /**
   * Drafts follow the segments they translate: a merge joins the drafts of its parts, a split
   * leaves the draft on the first part. Nothing typed is dropped.
   */
  private async carryRenderings(article: OpenArticle, doc: ArticleDoc): Promise<void> {
    const exact = new Set(doc.renderings.map((r) => `${r.start}:${r.end}`));
    const loose = doc.renderings.filter((r) => !doc.segments.some((s) => s.start === r.start && s.end === r.end));
    if (loose.length === 0) return;
    const moves: Array<{ from: Rendering[]; to: { start: number; end: number } }> = [];
    for (const s of doc.segments) {
      if (exact.has(`${s.start}:${s.end}`)) continue;
      const inside = loose.filter((r) => r.start >= s.start && r.end <= s.end).sort((x, y) => x.start - y.start);
      const around = loose.find((r) => r.start <= s.start && r.end >= s.end && r.start === s.start);
      if (inside.length > 0) moves.push({ from: inside, to: s });
      else if (around) moves.push({ from: [around], to: s });
    }
    if (moves.length === 0) return;
    const analyst = this.ctx.analyst();
    const now = this.ctx.now();
    await writeDrafts(this.ctx, article, (data) => {
      for (const { from, to } of moves) {
        const text = from.map((r) => r.text.trim()).filter(Boolean).join(' ');
        // The segment changed, so a review of its parts stands only if every part was reviewed.
        const status: SegmentStatus = !text ? 'untranslated' : from.every((r) => r.status === 'reviewed') && from.every((r) => r.end <= to.end) ? 'reviewed' : 'draft';
        const gone = new Set(from.map((r) => `${r.start}:${r.end}`));
        data.renderings = data.renderings.filter((r) => !gone.has(`${r.start}:${r.end}`));
        data.renderings.push({ start: to.start, end: to.end, text, status, analyst, modified: now });
      }
      data.renderings.sort((x, y) => x.start - y.start);
    });
  }
}

/**
 * The person's cuts, checked (inside the text, in order, not overlapping). A cut keeps its
 * `skip` only where it differs from what its paragraph gives (boilerplate or not), so that
 * the sidecar records the person's decisions and nothing else.
 */
function checkCuts(segments: SegmentCut[], doc: ArticleDoc): SegmentCut[] {
  const length = doc.text.length;
  const sorted = [...segments].sort((x, y) => x.start - y.start);
  let last = 0;
  for (const s of sorted) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > length) {
      throw new ApiError('bad-request', `segment ${s.start}–${s.end} is not inside the article (length ${length})`);
    }
    if (s.start < last) throw new ApiError('bad-request', `segment ${s.start}–${s.end} overlaps the one before it`);
    last = s.end;
  }
  const boilerplateAt = (offset: number): boolean => {
    let found = false;
    for (const p of doc.paragraphs) {
      if (p.start > offset) break;
      found = p.boilerplate;
    }
    return found;
  };
  return sorted.map((s) => (s.skip === undefined || s.skip === boilerplateAt(s.start) ? { start: s.start, end: s.end } : { start: s.start, end: s.end, skip: s.skip }));
}
