// An opened article crosses to the window packed (ArticleDocWire): as it was, 100,000
// characters with 5,000 highlights made 2.6 MB of JSON (or of structured clone over IPC),
// most of it each annotation's field names and its quote, which is the text around its
// offsets again, and each paragraph's text, which is the article's again. Sending, parsing
// and copying that cost the window more than drawing the article. Both transports pack what
// they send (windowAnswer); the renderer's bridge unpacks it (fromWindow) into the same
// ArticleDoc; the services, the CLI and the tests that call `dispatch` see the ArticleDoc itself.
import { makeQuote } from '../../annotations/anchoring/quote';
import type { Annotation } from '../../annotations/model/types';
import type { ApiMethod, ApiResponse, ArticleDoc, ArticleDocWire, HashiyaApi, WireAnnotation } from './api';

type PackedAnnotation = Exclude<WireAnnotation, Annotation>;

type ArticleDocMethod = { [M in ApiMethod]: [Awaited<ReturnType<HashiyaApi[M]>>] extends [ArticleDoc] ? M : never }[ApiMethod];

/** The methods that answer with an ArticleDoc: the compiler holds this list to the contract. */
const ARTICLE_DOC_ANSWERS: Record<ArticleDocMethod, true> = { openArticle: true, resolveConflict: true, setMetadata: true, setSegments: true, importXliff: true };

function answersWithArticle(method: unknown): boolean {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(ARTICLE_DOC_ANSWERS, method);
}

/** A response as a transport sends it to the window. */
export function windowAnswer(method: unknown, response: ApiResponse<unknown>): ApiResponse<unknown> {
  return response.ok && answersWithArticle(method) ? { ok: true, value: packArticleDoc(response.value as ArticleDoc) } : response;
}

/** A value as the window received it, made what the API promises. */
export function fromWindow(method: string, value: unknown): unknown {
  return answersWithArticle(method) ? unpackArticleDoc(value as ArticleDocWire) : value;
}

export function packArticleDoc(doc: ArticleDoc): ArticleDocWire {
  const { text } = doc;
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) => {
      if (p.text !== text.slice(p.start, p.end)) return p;
      const { text: _same, ...rest } = p;
      return rest;
    }),
    annotations: doc.annotations.map((a) => packAnnotation(text, a)),
  };
}

export function unpackArticleDoc(wire: ArticleDocWire): ArticleDoc {
  const { text } = wire;
  return {
    ...wire,
    paragraphs: wire.paragraphs.map(({ start, end, text: own, ...rest }) => ({ start, end, text: own ?? text.slice(start, end), ...rest })),
    annotations: wire.annotations.map((w) => (Array.isArray(w) ? unpackAnnotation(text, w) : w)),
  };
}

function packAnnotation(text: string, a: Annotation): WireAnnotation {
  if (!onlyKnownFields(a)) return a;
  const { position, quote } = a.target;
  const own = makeQuote(text, position.start, position.end);
  const fields: PackedAnnotation = [a.id, a.analyst, a.created, a.modified, position.start, position.end, a.anchor.status, a.anchor.score, a.tags, a.gloss, a.note];
  if (quote.exact !== own.exact || quote.prefix !== own.prefix || quote.suffix !== own.suffix) fields[11] = [quote.exact, quote.prefix, quote.suffix];
  return fields;
}

function unpackAnnotation(text: string, w: PackedAnnotation): Annotation {
  const [id, analyst, created, modified, start, end, status, score, tags, gloss, note, quote] = w;
  return {
    id,
    analyst,
    created,
    modified,
    target: { position: { start, end }, quote: quote ? { exact: quote[0], prefix: quote[1], suffix: quote[2] } : makeQuote(text, start, end) },
    anchor: { status, score },
    tags,
    gloss,
    note,
  };
}

/** Sidecars keep fields this version does not know; an annotation with any goes whole, so none is lost. */
function onlyKnownFields(a: Annotation): boolean {
  return (
    Object.keys(a).length === 9 &&
    Object.keys(a.target).length === 2 &&
    Object.keys(a.target.position).length === 2 &&
    Object.keys(a.target.quote).length === 3 &&
    Object.keys(a.anchor).length === 2
  );
}
