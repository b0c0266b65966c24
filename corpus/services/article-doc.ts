// The article as the window sees it: paragraphs with their boilerplate marks, segments, and
// the details as detected and as corrected, so that the window runs no detector itself.
import { resolveFurnitureMarks } from '../../annotations/model/furniture-marks';
import type { Sidecar } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSource } from '../api/api';
import type { ExtractedFormat, ExtractedMeta } from '../extract/types';
import { articleSegments } from './article-segments';
import { detectArticle, type ArticleDetection } from './article-detection';
import type { LoadedArticle } from './article-file';

/**
 * `readOnly` and `notices` are already without the corpus root; `detection` is what the
 * detectors found in this article's text, when it is kept from an earlier open.
 */
export function articleDoc(article: LoadedArticle, data: Sidecar, readOnly: string | null, notices: string[] = [], detection: ArticleDetection = detectArticle(article)): ArticleDoc {
  const { dir, paragraphs, detected, declared, tails } = detection;
  const boiler = detection.boilerplate;
  const overrides = data.metadata;
  const marks = resolveFurnitureMarks(paragraphs, overrides.furniture, overrides.boilerplate);
  const paras = paragraphs.map((p, i) => {
    const boilerplate = marks.get(i) ?? boiler.has(i);
    const tail = tails.get(i);
    return { ...p, boilerplate, ...(tail !== undefined && !boilerplate ? { furnitureTail: tail } : {}) };
  });
  return {
    file: article.file,
    text: article.text,
    version: article.sha256,
    language: article.language,
    dir,
    encoding: article.encoding,
    paragraphs: paras,
    annotations: data.annotations,
    conflicts: data.conflicts,
    // Drafts whose source words are gone from a changed article stay in the sidecar, unshown.
    renderings: data.renderings.filter((r) => !r.orphaned),
    segments: articleSegments(article.text, paras, overrides),
    metadata: {
      headline: overrides.headline ?? detected.headline,
      ...(overrides.headline === undefined && declared.untitled ? { untitled: true } : {}),
      outlet: overrides.outlet ?? detected.outlet,
      date: overrides.date ?? detected.date,
      dateNote: overrides.date ? null : detected.dateNote ?? null,
      overrides,
      detected: {
        headline: detected.headline,
        outlet: detected.outlet,
        date: detected.date,
        boilerplate: [...boiler].sort((a, b) => a - b),
        outletCandidates: detected.outletCandidates.map((c) => ({
          name: c.name,
          english: c.english,
          publisher: c.score > 0,
          evidence: c.evidence.map((e) => ({ how: e.how, written: e.written, paragraph: e.paragraph })),
        })),
        outletUncertain: detected.outletUncertain,
      },
    },
    // A saved page's address is shown in the header; its charset is its own, not the person's choice.
    ...(article.extractedFrom ? { source: sourceOf(article.extractedFrom, article.pageMeta) } : {}),
    readOnly,
    ...(notices.length > 0 ? { notices } : {}),
  };
}

/** Where an extracted text came from; a PDF's pages ride along for citations. */
function sourceOf(format: ExtractedFormat, meta: ExtractedMeta | undefined): ArticleSource {
  return { format, url: meta?.url ?? null, saved: meta?.saved ?? null, ...(meta?.pages ? { pages: meta.pages } : {}), ...(meta?.ocr ? { ocr: meta.ocr } : {}) };
}
