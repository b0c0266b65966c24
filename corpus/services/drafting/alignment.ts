// The alignment of two texts: computed the first time and kept in one of their sidecars with
// the versions of both texts, aligned afresh when either changed on disk since.
import type { Alignment, AlignmentLink, AlignmentVersions } from '../../../annotations/model/types';
import { alignTexts } from '../../align/align';
import { ApiError, type AlignmentView } from '../../api/api';
import type { OpenArticle, WorkspaceContext } from '../workspace-context';
import type { GlossaryService } from './glossary';
import type { PairingService } from './pairings';
import { segmentGroups } from './segment-groups';
import { writeDrafts } from './write-drafts';

/** Kept links as seen from one of the two texts. */
interface StoredLinks {
  links: AlignmentLink[];
  versions: AlignmentVersions | undefined;
}

/** Kept links, and the texts among the two that changed on disk since they were made. */
interface KeptLinks extends StoredLinks {
  changed: string[];
}

/** Where an alignment of two texts is kept: in the sidecar of `owner`, with `other` as the other text. */
interface StoredAlignment extends StoredLinks {
  owner: OpenArticle;
  other: OpenArticle;
}

export class AlignmentService {
  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly pairings: PairingService,
    private readonly glossary: GlossaryService,
  ) {}

  async get(a: string, b: string): Promise<AlignmentView> {
    notSelf(a, b);
    return this.view(await this.ctx.open(a), await this.ctx.open(b));
  }

  /** The kept alignment of two open texts, computed (and kept) when there is none. */
  async view(a: OpenArticle, b: OpenArticle): Promise<AlignmentView> {
    notSelf(a.file, b.file);
    const kept = this.keptLinks(a, b);
    if (kept && kept.changed.length > 0) return this.realign(a, b, kept);
    if (kept) return { a: a.file, b: b.file, kind: this.pairings.kindOf(a, b), links: kept.links };
    return this.compute(a, b, []);
  }

  async again(a: string, b: string): Promise<AlignmentView> {
    notSelf(a, b);
    const [oa, ob] = [await this.ctx.open(a), await this.ctx.open(b)];
    const kept = this.keptLinks(oa, ob);
    if (kept && kept.changed.length > 0) return this.realign(oa, ob, kept);
    return this.compute(oa, ob, kept?.links.filter((l) => l.confirmed) ?? []);
  }

  async save(a: string, b: string, links: AlignmentLink[]): Promise<AlignmentView> {
    notSelf(a, b);
    const [oa, ob] = [await this.ctx.open(a), await this.ctx.open(b)];
    for (const l of links) {
      const inside = (s: [number, number], length: number) => s[0] >= 0 && s[1] > s[0] && s[1] <= length;
      if (!inside(l.a, oa.text.length) || !inside(l.b, ob.text.length)) {
        throw new ApiError('bad-request', `link ${l.a.join('–')} ↔ ${l.b.join('–')} lies outside the texts`);
      }
    }
    const sorted = sortLinks(links.map((l) => ({ a: [l.a[0], l.a[1]], b: [l.b[0], l.b[1]], score: clamp01(l.score), confirmed: l.confirmed })));
    await this.store(oa, ob, sorted);
    return { a, b, kind: this.pairings.kindOf(oa, ob), links: sorted };
  }

  /** The kept links as seen from `a`, and which of the two texts changed since they were made. */
  private keptLinks(a: OpenArticle, b: OpenArticle): KeptLinks | null {
    const stored = this.findStored(a, b);
    if (!stored) return null;
    // Links kept before versions were recorded cannot tell; they are taken as they are.
    if (!stored.versions) return { ...stored, changed: [] };
    return { ...stored, changed: [...(stored.versions.self !== a.sha256 ? [a.file] : []), ...(stored.versions.other !== b.sha256 ? [b.file] : [])] };
  }

  /**
   * Links made against another version of a text point at other words now; nothing keeps
   * what they linked, so the texts are aligned afresh and the person told how many of the old
   * links had been confirmed.
   */
  private async realign(a: OpenArticle, b: OpenArticle, kept: KeptLinks): Promise<AlignmentView> {
    const view = await this.compute(a, b, []);
    return { ...view, realigned: { changed: kept.changed, confirmed: kept.links.filter((l) => l.confirmed).length } };
  }

  private async compute(a: OpenArticle, b: OpenArticle, confirmed: AlignmentLink[]): Promise<AlignmentView> {
    const [da, db] = [this.ctx.doc(a), this.ctx.doc(b)];
    const kind = this.pairings.kindOf(a, b);
    const sa = segmentGroups(da);
    const sb = segmentGroups(db);
    const glossary = (await this.glossary.get()).map(({ term, gloss }) => ({ term, gloss }));
    const links = alignTexts(da.text, db.text, {
      kind,
      confirmed,
      glossary,
      segmentsA: sa.paragraphs,
      segmentsB: sb.paragraphs,
      furnitureA: sa.furniture,
      furnitureB: sb.furniture,
    });
    try {
      await this.store(a, b, links);
    } catch (error) {
      // A read-only sidecar still gets its alignment shown; it is not kept.
      if (!(error instanceof ApiError && error.code === 'read-only')) throw error;
    }
    return { a: a.file, b: b.file, kind, links };
  }

  /** The stored links and text versions as seen from `a` (mirrored when they are kept in `b`'s sidecar). */
  private findStored(a: OpenArticle, b: OpenArticle): StoredLinks | null {
    const found = locate(a, b);
    if (!found) return null;
    if (found.owner === a) return { links: found.links, versions: found.versions };
    const versions = found.versions ? { self: found.versions.other, other: found.versions.self } : undefined;
    return { links: sortLinks(found.links.map(mirror)), versions };
  }

  /** Keeps the links of `a` with `b`, with the versions of both texts they were made against. */
  private async store(a: OpenArticle, b: OpenArticle, links: AlignmentLink[]): Promise<void> {
    const owner = locate(a, b)?.owner ?? a;
    const mine = owner === a;
    const other = mine ? b : a;
    const kept = mine ? links : sortLinks(links.map(mirror));
    const versions: AlignmentVersions = { self: owner.sha256, other: other.sha256 };
    await writeDrafts(this.ctx, owner, (data) => {
      const record: Alignment = { other: other.file, versions, links: kept };
      const i = data.alignments.findIndex((x) => x.other === other.file);
      if (i < 0) data.alignments.push(record);
      else data.alignments[i] = record;
    });
  }
}

function locate(a: OpenArticle, b: OpenArticle): StoredAlignment | null {
  for (const [owner, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const hit = owner.store.data.alignments.find((x) => x.other === other.file);
    if (hit) return { owner, other, links: hit.links, versions: hit.versions };
  }
  return null;
}

function notSelf(a: string, b: string): void {
  if (a === b) throw new ApiError('bad-request', 'an article cannot be aligned with itself');
}

function mirror(l: AlignmentLink): AlignmentLink {
  return { a: [l.b[0], l.b[1]], b: [l.a[0], l.a[1]], score: l.score, confirmed: l.confirmed };
}

function sortLinks(links: AlignmentLink[]): AlignmentLink[] {
  return links.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
