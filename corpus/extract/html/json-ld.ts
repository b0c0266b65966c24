// What a page's JSON-LD says about its article: schema.org NewsArticle (or Article,
// ReportageNewsArticle, …) headline, publisher, authors and publication date. Pages in the
// field carry broken JSON, top-level arrays, `@graph` lists and HTML entities left inside
// strings (`&quot;`); none of that may stop the page from being read.
import { decodeEntities } from './entities';

export interface JsonLdArticle {
  headline?: string;
  publisher?: string;
  authors: string[];
  published?: string;
}

const ARTICLE_TYPES = /^(\w+)?(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report)$/;

/** The first article object among the page's JSON-LD blocks (given as their raw text). */
export function readJsonLd(blocks: readonly string[]): JsonLdArticle {
  const article = blocks.flatMap((raw) => nodesOf(parseLenient(raw))).find(isArticle);
  if (!article) return { authors: [] };
  const headline = text(article.headline) ?? text(article.name);
  const publisher = nameOf(article.publisher);
  const published = text(article.datePublished) ?? text(article.dateCreated);
  return {
    ...(headline ? { headline } : {}),
    ...(publisher ? { publisher } : {}),
    authors: listOf(article.author).map(nameOf).filter((n): n is string => !!n),
    ...(published ? { published } : {}),
  };
}

type JsonObject = Record<string, unknown>;

function parseLenient(raw: string): unknown {
  const cleaned = raw.replace(/^\s*<!--/, '').replace(/-->\s*$/, '').trim();
  for (const candidate of [cleaned, cleaned.replace(/,\s*([}\]])/g, '$1'), cleaned.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next repair; a block that none of them parses is left out
    }
  }
  return null;
}

/** Every object in a parsed block: arrays flattened, `@graph` lists opened. */
function nodesOf(value: unknown, depth = 0): JsonObject[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v) => nodesOf(v, depth + 1));
  const obj = value as JsonObject;
  return [obj, ...nodesOf(obj['@graph'], depth + 1)];
}

function isArticle(node: JsonObject): boolean {
  return listOf(node['@type']).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t.replace(/^.*[/:]/, '')));
}

function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value !== 'string') return undefined;
  const s = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return s || undefined;
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return text(value);
  if (value && typeof value === 'object') return text((value as JsonObject).name);
  return undefined;
}
