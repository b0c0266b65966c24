// The article as the window sees it: paragraphs with their boilerplate marks, segments, and
// the details as detected and as corrected, so that the window runs no detector itself.
import { resolveFurnitureMarks } from '../../annotations/model/furniture-marks';
import type { Sidecar } from '../../annotations/model/types';
import type { ArticleDoc, ArticleSource } from '../api/api';
import type { ExtractedFormat, ExtractedMeta } from '../extract/types';
import { nearEdges } from '../metadata/edge-window';
import { detectFurnitureTails } from '../metadata/furniture-tails';
import { detectBoilerplate, detectMetadata } from '../metadata/metadata';
import { withDeclared } from '../metadata/declared-metadata';
import { languageDirection, paragraphDirection } from '../text/language';
import { splitParagraphs } from '../text/paragraphs';
import { articleSegments } from './article-segments';
import type { LoadedArticle } from './article-file';

/** `readOnly` and `notices` are already without the corpus root. */
export function articleDoc(article: LoadedArticle, data: Sidecar, readOnly: string | null, notices: string[] = []): ArticleDoc {
  const dir = article.language === 'und' ? paragraphDirection(article.text, 'rtl') : languageDirection(article.language);
  const paragraphs = splitParagraphs(article.text, dir);
  // Details and furniture of a book-length text are looked for near its edges only.
  const edges = nearEdges(paragraphs, article.text.length);
  const found = detectMetadata(article.text, article.language, edges);
  // A saved page's head says its headline, site and date: those come before the detectors' guesses.
  const declared = withDeclared({ headline: found.headline, outlet: found.outlet, date: found.date, untitled: found.headlineParagraph === null }, article.pageMeta, article.language);
  const detected = { ...found, headline: declared.headline, outlet: declared.outlet, date: declared.date };
  const boiler = detectBoilerplate(edges, article.language);
  const overrides = data.metadata;
  const marks = resolveFurnitureMarks(paragraphs, overrides.furniture, overrides.boilerplate);
  const tails = new Map(detectFurnitureTails(edges, article.language).map((t) => [t.paragraph, t.start]));
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
