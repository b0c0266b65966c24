// Every quotation of the open corpus, read through the API (a Workspace, or the CLI's).
import { buildQuotations, type Quotation, type QuotationSourceDoc } from '../../annotations/quotations/quotations';
import type { HashiyaApi } from '../api/api';
import type { ArticleSummary } from '../catalog/article-summary';

export interface LoadProblem {
  file: string;
  message: string;
  /** True when the article's annotations could not be read at all (a broken sidecar). */
  missing: boolean;
}

export interface LoadedQuotations {
  quotations: Quotation[];
  /** Articles or sidecars that could not be read; the rest of the corpus is still there. */
  problems: LoadProblem[];
}

export type QuotationSourceApi = Pick<HashiyaApi, 'listArticles' | 'openArticle' | 'getTaxonomy'>;

/**
 * The article with its address, access date and author, which are the listing's (a saved
 * page's or a Word file's metadata, read once when the list is built): citations carry them.
 */
export function withArticleAddress<D extends QuotationSourceDoc>(doc: D, summary: Pick<ArticleSummary, 'url' | 'accessed' | 'author'>): D {
  return { ...doc, metadata: { ...doc.metadata, url: summary.url ?? null, accessed: summary.accessed ?? null, author: summary.author ?? null } };
}

/** Reads every article of the open corpus (a Workspace, or the renderer's API client). */
export async function loadQuotations(api: QuotationSourceApi): Promise<LoadedQuotations> {
  const [articles, taxonomy] = await Promise.all([api.listArticles(), api.getTaxonomy()]);
  const docs: QuotationSourceDoc[] = [];
  const problems: LoadProblem[] = [];
  for (const summary of articles) {
    if (!summary.openable) continue;
    try {
      const doc = await api.openArticle(summary.file);
      if (doc.readOnly) problems.push({ file: summary.file, message: doc.readOnly, missing: doc.annotations.length === 0 });
      docs.push(withArticleAddress(doc, summary));
    } catch (error) {
      problems.push({ file: summary.file, message: (error as Error).message, missing: true });
    }
  }
  return { quotations: buildQuotations(docs, taxonomy), problems };
}
