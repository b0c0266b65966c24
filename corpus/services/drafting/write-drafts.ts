// Sidecar writes of the drafting services: every draft keeps the words it renders, so that a
// changed article can place it again.
import type { Sidecar } from '../../../annotations/model/types';
import type { OpenArticle, WorkspaceContext } from '../workspace-context';

export function writeDrafts<T>(ctx: WorkspaceContext, article: OpenArticle, change: (data: Sidecar) => T): Promise<T> {
  return ctx.write(article, (data) => {
    const out = change(data);
    for (const r of data.renderings) if (r.source === undefined && !r.orphaned) r.source = article.text.slice(r.start, r.end);
    return out;
  });
}
