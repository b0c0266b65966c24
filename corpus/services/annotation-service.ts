// Annotations of an article: made on a span of its text, edited, put back by an undo,
// deleted, and conflicts between two people's versions settled.
import { randomUUID } from 'node:crypto';
import { makeQuote } from '../../annotations/anchoring/quote';
import { resolveConflict } from '../../annotations/store/merge';
import type { Annotation } from '../../annotations/model/types';
import { ApiError, type AnnotationDraft, type AnnotationPatch, type ArticleDoc } from '../api/api';
import { checkVersion } from './article-version';
import type { WorkspaceContext } from './workspace-context';

export class AnnotationService {
  constructor(private readonly ctx: WorkspaceContext) {}

  async create(file: string, draft: AnnotationDraft): Promise<Annotation> {
    const article = await this.ctx.open(file);
    checkVersion(article, draft.version);
    const { text } = article;
    if (draft.end <= draft.start || draft.end > text.length) {
      throw new ApiError('bad-request', `span ${draft.start}–${draft.end} is not inside the article (length ${text.length})`);
    }
    if (isSurrogateSplit(text, draft.start) || isSurrogateSplit(text, draft.end)) {
      throw new ApiError('bad-request', 'span splits a character');
    }
    const now = this.ctx.now();
    const annotation: Annotation = {
      id: randomUUID(),
      analyst: this.ctx.analyst(),
      created: now,
      modified: now,
      target: { position: { start: draft.start, end: draft.end }, quote: makeQuote(text, draft.start, draft.end) },
      anchor: { status: 'exact', score: 1 },
      tags: dedupe(draft.tags),
      gloss: draft.gloss,
      note: draft.note,
    };
    await this.ctx.write(article, (data) => {
      data.annotations.push(annotation);
    });
    return annotation;
  }

  async update(file: string, id: string, patch: AnnotationPatch): Promise<Annotation> {
    const article = await this.ctx.open(file);
    return this.ctx.write(article, (data) => {
      const i = data.annotations.findIndex((a) => a.id === id);
      if (i < 0) throw new ApiError('not-found', `no annotation ${id} in ${file}`);
      const old = data.annotations[i]!;
      const next: Annotation = {
        ...old,
        tags: patch.tags ? dedupe(patch.tags) : old.tags,
        gloss: patch.gloss ?? old.gloss,
        note: patch.note ?? old.note,
        modified: this.ctx.now(),
      };
      data.annotations[i] = next;
      return next;
    });
  }

  async restore(file: string, annotation: Annotation): Promise<Annotation> {
    const article = await this.ctx.open(file);
    const { start, end } = annotation.target.position;
    if (end > article.text.length || end <= start) throw new ApiError('bad-request', 'annotation lies outside the article');
    if (annotation.anchor.status !== 'orphaned' && article.text.slice(start, end) !== annotation.target.quote.exact) {
      throw new ApiError('stale', `${file} changed on disk: the annotation's words are no longer at that place, so it was not put back there`);
    }
    return this.ctx.write(article, (data) => {
      const i = data.annotations.findIndex((a) => a.id === annotation.id);
      if (i < 0) {
        data.annotations.push(annotation);
        return annotation;
      }
      // Who made it and when stay as recorded: an undo puts back content, not authorship.
      const restored = { ...annotation, analyst: data.annotations[i]!.analyst, created: data.annotations[i]!.created };
      data.annotations[i] = restored;
      return restored;
    });
  }

  async resolveConflict(file: string, id: string, keep: Annotation | null): Promise<ArticleDoc> {
    const article = await this.ctx.open(file);
    await this.ctx.write(article, (data) => {
      if (!data.conflicts.some((c) => c.id === id)) throw new ApiError('not-found', `no conflict on annotation ${id} in ${file}`);
      resolveConflict(data, id, keep ? { ...keep, modified: this.ctx.now() } : null);
    });
    return this.ctx.doc(article);
  }

  async delete(file: string, id: string): Promise<void> {
    const article = await this.ctx.open(file);
    await this.ctx.write(article, (data) => {
      const i = data.annotations.findIndex((a) => a.id === id);
      if (i < 0) throw new ApiError('not-found', `no annotation ${id} in ${file}`);
      data.annotations.splice(i, 1);
    });
  }
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags)];
}

function isSurrogateSplit(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}
