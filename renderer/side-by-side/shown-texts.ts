// The texts the side-by-side view shows, as data: their article docs and the alignment of
// every two of them, loaded together; which spans of one answer a span of another. No DOM.
import type { Tag } from '../../annotations/model/types';
import type { GlossIndex } from '../../annotations/translation/draft-checks';
import type { AlignmentView, ArticleDoc, HashiyaApi } from '../../corpus/api/api';
import { AlignmentSet, type Span } from './alignment-set';
import type { SharedMark } from './article-column';
import { entityTagIds, sharedSpans } from './shared-spans';

/** A text's place in the view: the article whose offsets it uses. */
export interface Placed {
  readonly file: string;
}

export class ShownTexts {
  readonly docs = new Map<string, ArticleDoc>();
  /** One alignment per two articles shown, the first two's first. */
  sets: AlignmentSet[] = [];

  constructor(private readonly api: HashiyaApi) {}

  get files(): string[] {
    return [...this.docs.keys()];
  }

  /**
   * Opens these articles and their alignments in place of the ones shown; returns what the
   * user should hear of links thrown away because a text changed on disk.
   */
  async load(files: readonly string[]): Promise<string[]> {
    const docs = await Promise.all(files.map((f) => this.api.openArticle(f)));
    this.docs.clear();
    docs.forEach((d) => this.docs.set(d.file, d));
    const sets: AlignmentSet[] = [];
    const realigned: string[] = [];
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const v = await this.api.getAlignment(files[i]!, files[j]!);
        sets.push(new AlignmentSet(v.a, v.b, v.kind, v.links));
        if (v.realigned) realigned.push(realignedMessage(v.realigned));
      }
    }
    this.sets = sets;
    return realigned;
  }

  /** Whether a shown article changed on disk (or went) since it was opened. */
  async changedOnDisk(): Promise<boolean> {
    for (const [file, doc] of this.docs) {
      const fresh = await this.api.openArticle(file).catch(() => null);
      if (!fresh) return true;
      const sig = (d: ArticleDoc) => JSON.stringify([d.text.length, d.segments, d.annotations.map((a) => [a.id, a.modified]), d.readOnly]);
      if (sig(fresh) !== sig(doc)) return true;
    }
    return false;
  }

  /** Puts an alignment made again in place of the old one. */
  replaceSet(old: AlignmentSet, fresh: AlignmentSet): void {
    this.sets = this.sets.map((s) => (s === old ? fresh : s));
  }

  setFor(x: string, y: string): AlignmentSet | null {
    return this.sets.find((s) => (s.a === x && s.b === y) || (s.a === y && s.b === x)) ?? null;
  }

  /** The spans of `to` linked to `span` of `from` (the same span when both show one article). */
  counterparts(from: Placed, to: Placed, span: Span): Span[] {
    if (from.file === to.file) return [span];
    const set = this.setFor(from.file, to.file);
    if (!set) return [];
    return set.counterparts(set.sideOf(from.file)!, span);
  }

  /** Spans the articles share (same gloss, same tagged entity), per file. */
  sharedMarks(taxonomy: Tag[], glossary: GlossIndex): Map<string, SharedMark[]> {
    const out = new Map<string, SharedMark[]>();
    const entities = entityTagIds(taxonomy);
    const files = this.files;
    const add = (file: string, span: Span, key: string, label: string) => {
      const list = out.get(file) ?? [];
      if (!list.some((m) => m.start < span.end && m.end > span.start)) list.push({ ...span, key, label });
      out.set(file, list);
    };
    for (let i = 0; i < files.length; i++) {
      for (let j = i + 1; j < files.length; j++) {
        const a = this.docs.get(files[i]!)!;
        const b = this.docs.get(files[j]!)!;
        for (const g of sharedSpans(a, b, entities, glossary)) {
          for (const s of g.a) add(a.file, s, g.key, g.label);
          for (const s of g.b) add(b.file, s, g.key, g.label);
        }
      }
    }
    for (const list of out.values()) list.sort((x, y) => x.start - y.start);
    return out;
  }
}

/** What the user hears when kept links were thrown away because a text changed on disk. */
export function realignedMessage(r: NonNullable<AlignmentView['realigned']>): string {
  const confirmed = r.confirmed === 0 ? '' : ` ${r.confirmed === 1 ? 'The link you had confirmed needs' : `The ${r.confirmed} links you had confirmed need`} confirming again.`;
  return `${r.changed.join(' and ')} changed on disk since the links were made, so the texts were aligned again.${confirmed}`;
}
