// The corpus glossary: every gloss given to annotated words, counted, from each article's
// annotations (kept per article until they change).
import type { GlossaryEntry } from '../../api/api';
import { foldKey } from '../../text/normalise';
import type { WorkspaceContext } from '../workspace-context';

interface GlossUse {
  term: string;
  gloss: string;
}

export class GlossaryService {
  /** Per article: the glossed terms of its annotations. */
  private readonly glosses = new Map<string, GlossUse[]>();

  constructor(private readonly ctx: WorkspaceContext) {
    ctx.onChanged((file) => this.glosses.delete(file));
  }

  async get(): Promise<GlossaryEntry[]> {
    const totals = new Map<string, { terms: Map<string, number>; gloss: string; count: number }>();
    for (const summary of await this.ctx.listArticles()) {
      if (!summary.openable || (summary.annotations === 0 && !this.glosses.has(summary.file))) continue;
      for (const u of await this.usesOf(summary.file)) {
        const key = `${foldKey(u.term, { lenient: true })}\u0000${u.gloss.toLowerCase()}`;
        let t = totals.get(key);
        if (!t) totals.set(key, (t = { terms: new Map(), gloss: u.gloss, count: 0 }));
        t.count++;
        t.terms.set(u.term, (t.terms.get(u.term) ?? 0) + 1);
      }
    }
    return [...totals.values()]
      .map((t) => ({ term: [...t.terms.entries()].sort((x, y) => y[1] - x[1])[0]![0], gloss: t.gloss, count: t.count }))
      .sort((x, y) => y.count - x.count || x.term.localeCompare(y.term) || x.gloss.localeCompare(y.gloss));
  }

  private async usesOf(file: string): Promise<GlossUse[]> {
    let uses = this.glosses.get(file);
    if (uses) return uses;
    try {
      const { store } = await this.ctx.open(file);
      uses = store.data.annotations
        .filter((x) => x.gloss.trim() !== '' && x.target.quote.exact.trim() !== '')
        .map((x) => ({ term: x.target.quote.exact.trim(), gloss: x.gloss.trim().replace(/\s+/g, ' ') }));
    } catch {
      // An article that cannot be opened adds nothing; the list says why elsewhere.
      uses = [];
    }
    this.glosses.set(file, uses);
    return uses;
  }
}
