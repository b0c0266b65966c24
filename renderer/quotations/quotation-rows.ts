// The rows of the quotation browser, fetched from the service a page at a time as the table
// scrolls, so that a corpus of tens of thousands of annotations never crosses the bridge at once.
import type { QuotationPage, QuotationQuery } from '../../corpus/api/api';
import type { Quotation } from '../../annotations/quotations/quotations';

export type PageLoader = (query: QuotationQuery) => Promise<QuotationPage>;

export const PAGE_SIZE = 200;
/** Pages kept in memory; the ones farthest from the rows on screen are dropped first. */
const MAX_PAGES = 25;

export class QuotationRows {
  private pages = new Map<number, Quotation[]>();
  private pending = new Set<number>();
  private generation = 0;
  private query: QuotationQuery = { filter: {} };
  private lastWanted = 0;
  total = 0;

  constructor(
    private readonly load: PageLoader,
    /** Called when a page arrives for the current query (the table redraws). */
    private readonly onLoaded: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  /**
   * Starts over with a new filter or sort (or fresh data): resolves with the first page, or
   * null when a newer restart overtook this one (its answer is then of no use).
   */
  async restart(query: Omit<QuotationQuery, 'offset' | 'limit'>, firstRow = 0): Promise<QuotationPage | null> {
    const generation = ++this.generation;
    this.query = { filter: query.filter, sort: query.sort };
    const first = Math.floor(firstRow / PAGE_SIZE);
    const page = await this.load({ ...this.query, offset: first * PAGE_SIZE, limit: PAGE_SIZE });
    if (generation !== this.generation) return null;
    this.pages = new Map([[first, page.rows]]);
    this.pending.clear();
    this.total = page.total;
    return page;
  }

  row(index: number): Quotation | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** Asks for the pages holding rows [from, to); each one that arrives calls onLoaded. */
  want(from: number, to: number): void {
    this.lastWanted = from;
    const last = Math.min(to, this.total) - 1;
    for (let p = Math.floor(Math.max(0, from) / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
      if (!this.pages.has(p) && !this.pending.has(p)) void this.fetch(p);
    }
  }

  private async fetch(p: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(p);
    try {
      const page = await this.load({ ...this.query, offset: p * PAGE_SIZE, limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.pages.set(p, page.rows);
      // The corpus changed under us (an annotation added elsewhere): the count follows.
      this.total = page.total;
      this.evict();
      this.onLoaded();
    } catch (error) {
      if (generation === this.generation) this.onError(error as Error);
    } finally {
      if (generation === this.generation) this.pending.delete(p);
    }
  }

  private evict(): void {
    if (this.pages.size <= MAX_PAGES) return;
    const here = Math.floor(this.lastWanted / PAGE_SIZE);
    const far = [...this.pages.keys()].sort((a, b) => Math.abs(b - here) - Math.abs(a - here));
    for (const p of far.slice(0, this.pages.size - MAX_PAGES)) this.pages.delete(p);
  }

  /** Every row the current query matches (an export of "all but these"), page by page. */
  async all(): Promise<Quotation[]> {
    const out: Quotation[] = [];
    const limit = 5_000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.load({ ...this.query, offset, limit });
      out.push(...page.rows);
      if (page.rows.length < limit || out.length >= page.total) return out;
    }
  }

  get currentQuery(): Omit<QuotationQuery, 'offset' | 'limit'> {
    return { filter: this.query.filter, sort: this.query.sort };
  }
}
