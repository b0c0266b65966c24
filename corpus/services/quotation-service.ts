// The quotation browser's queries and exports over the open corpus. Rows are built once per
// article and kept until that article's annotations change, so filtering tens of thousands
// of rows costs only the filter.
import { exportQuotations } from '../../annotations/export/index';
import { articleQuotations, type Quotation } from '../../annotations/quotations/quotations';
import { QuotationIndex } from '../../annotations/quotations/quotation-filter';
import { sortQuotations } from '../../annotations/quotations/quotation-sort';
import type { ExportFile, QuotationExportRequest, QuotationPage, QuotationQuery } from '../api/api';
import type { WorkspaceContext } from './workspace-context';
import { withArticleAddress } from './quotation-loader';

export class QuotationService {
  private perFile = new Map<string, Quotation[]>();
  private problems = new Map<string, string>();
  private index: QuotationIndex | null = null;
  private taxonomyKey = '';

  constructor(private readonly ctx: WorkspaceContext) {
    ctx.onChanged((file) => {
      this.perFile.delete(file);
      this.index = null;
    });
  }

  /** Forgets everything (another corpus, or the taxonomy changed). */
  reset(): void {
    this.perFile.clear();
    this.problems.clear();
    this.index = null;
  }

  private async rows(): Promise<QuotationIndex> {
    const taxonomy = this.ctx.corpusSettings().taxonomy;
    const key = JSON.stringify(taxonomy.map((t) => [t.id, t.name]));
    if (key !== this.taxonomyKey) {
      this.taxonomyKey = key;
      this.reset();
    }
    if (this.index) return this.index;
    const tagNames = new Map(taxonomy.map((t) => [t.id, t.name]));
    const articles = await this.ctx.listArticles();
    const present = new Set<string>();
    for (const summary of articles) {
      if (!summary.openable) continue;
      present.add(summary.file);
      if (this.perFile.has(summary.file)) continue;
      if (summary.annotations === 0 && !summary.note) {
        this.perFile.set(summary.file, []);
        continue;
      }
      try {
        const doc = this.ctx.doc(await this.ctx.open(summary.file));
        if (doc.readOnly) this.problems.set(summary.file, doc.readOnly);
        else this.problems.delete(summary.file);
        this.perFile.set(summary.file, articleQuotations(withArticleAddress(doc, summary), tagNames));
      } catch (error) {
        this.problems.set(summary.file, this.ctx.messageForWindow(`${summary.file}: ${(error as Error).message}`));
        this.perFile.set(summary.file, []);
      }
    }
    for (const file of [...this.perFile.keys()]) if (!present.has(file)) this.perFile.delete(file);
    this.index = new QuotationIndex([...this.perFile.values()].flat());
    return this.index;
  }

  async query(q: QuotationQuery): Promise<QuotationPage> {
    const index = await this.rows();
    const matched = index.filter(q.filter);
    const sorted = q.sort ? sortQuotations(matched, q.sort) : matched;
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 500;
    const all = index.quotations;
    const uniq = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))].sort();
    return {
      rows: sorted.slice(offset, offset + limit),
      total: sorted.length,
      facets: { analysts: uniq(all.map((r) => r.analyst)), outlets: uniq(all.map((r) => r.outlet)), files: uniq(all.map((r) => r.file)) },
      problems: [...this.problems.values()],
    };
  }

  async export(request: QuotationExportRequest): Promise<ExportFile> {
    const index = await this.rows();
    let rows: readonly Quotation[] = request.ids
      ? (() => {
          const wanted = new Set(request.ids);
          return index.quotations.filter((q) => wanted.has(q.id));
        })()
      : index.filter(request.filter ?? {});
    if (request.sort) rows = sortQuotations(rows, request.sort);
    const result = await exportQuotations(rows, request.format, { groupBy: request.groupBy, includeSentence: request.includeSentence });
    return { name: result.suggestedName, mime: result.mime, base64: Buffer.from(result.data).toString('base64') };
  }
}
