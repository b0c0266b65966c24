// The list as the cache has it, checked against a scan of the folder: an entry whose files
// changed since is shown pending (the list worker works it out), a handful of new or changed
// ones are worked out at once. Apart from article-catalog.ts, which holds the catalog's threads.
import { pendingSummary, type ArticleSummary } from './article-summary';
import { CatalogState } from './catalog-state';
import type { ScanEntry } from '../search/index-store';

/** Up to `inlineMax` articles missing from the cache are summarised here rather than shown pending. */
export async function listFromCache(root: string, scan: ScanEntry[], state: CatalogState, inlineMax: number): Promise<Array<ArticleSummary & { pending?: boolean }>> {
  const missing = scan.filter((e) => !state.isCurrent(e));
  if (missing.length > 0 && missing.length <= inlineMax) {
    // A handful of new files: work them out now rather than flash a pending line.
    const side = new CatalogState();
    side.writtenAt = state.writtenAt;
    for (const m of missing) {
      const old = state.records.get(m.file);
      if (old) side.records.set(m.file, old);
    }
    await side.refresh(root, missing);
    for (const m of missing) {
      const r = side.records.get(m.file);
      if (r) state.records.set(m.file, r);
    }
  }
  return scan.map((e) => {
    const summary = state.summary(e.file);
    if (summary && state.isCurrent(e)) return summary;
    return summary ? { ...summary, pending: true } : pendingSummary(e.file);
  });
}
