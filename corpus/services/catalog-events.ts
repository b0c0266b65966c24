// Background work and changes on disk, as the catalog reports them, turned into what the
// window needs to hear.
import type { AppEvent } from '../api/api';
import type { CatalogEvent } from '../catalog/article-catalog';
import type { Articles } from './articles';

export async function onCatalogEvent(e: CatalogEvent, articles: Articles, changed: (file: string) => void, emit: (event: AppEvent) => void): Promise<void> {
  if (e.type === 'progress') emit({ type: 'index-progress', done: e.done, total: e.total });
  else if (e.type === 'summaries') emit({ type: 'articles-changed', files: e.files });
  else if (e.type === 'changes') {
    const { added, changed: edited, removed, sidecarsChanged, unreadChanged } = e.batch;
    // Someone else's save (a git pull, another analyst): read it; the store tells the window.
    for (const file of sidecarsChanged) await articles.reloadSidecar(file);
    for (const file of edited) {
      changed(file);
      emit({ type: 'sidecar-changed', file, message: `${file} changed on disk; its annotations were placed again from their quotes.` });
    }
    if (added.length + edited.length + removed.length + sidecarsChanged.length > 0) {
      emit({ type: 'articles-changed', files: [...added, ...edited, ...removed, ...sidecarsChanged] });
    } else if (unreadChanged.length > 0) {
      // No article changed, but the list's "files not read" line did: the list is drawn again.
      emit({ type: 'articles-changed', files: [] });
    }
  }
}
