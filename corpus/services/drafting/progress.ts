// Translation progress: per article and for the corpus, how many segments have a draft and
// how many are reviewed (kept per article until its drafts change).
import type { ArticleDoc, Progress } from '../../api/api';
import type { WorkspaceContext } from '../workspace-context';

export class ProgressService {
  /** Per article: its translation progress. */
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly ctx: WorkspaceContext) {
    ctx.onChanged((file) => this.progress.delete(file));
  }

  async get(): Promise<{ corpus: Progress; articles: Record<string, Progress> }> {
    const articles: Record<string, Progress> = {};
    const corpus: Progress = { segments: 0, draft: 0, reviewed: 0 };
    for (const summary of await this.ctx.listArticles()) {
      // English texts are the translations, not something to translate.
      if (!summary.openable || summary.language === 'en') continue;
      let p = this.progress.get(summary.file);
      if (!p) {
        try {
          p = progressOf(this.ctx.doc(await this.ctx.open(summary.file)));
        } catch {
          continue;
        }
        this.progress.set(summary.file, p);
      }
      articles[summary.file] = p;
      corpus.segments += p.segments;
      corpus.draft += p.draft;
      corpus.reviewed += p.reviewed;
    }
    return { corpus, articles };
  }
}

function progressOf(doc: ArticleDoc): Progress {
  const status = new Map(doc.renderings.map((r) => [`${r.start}:${r.end}`, r.status]));
  const p: Progress = { segments: 0, draft: 0, reviewed: 0 };
  for (const s of doc.segments) {
    if (s.skip) continue;
    p.segments++;
    const st = status.get(`${s.start}:${s.end}`);
    if (st === 'draft') p.draft++;
    else if (st === 'reviewed') p.reviewed++;
  }
  return p;
}
