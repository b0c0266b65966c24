// The list's annotation counts and read-only notes, taken from the sidecars the workspace holds
// open: they are newer than what the list's worker read from disk.
import type { SidecarStore } from '../../annotations/store/sidecar-store';
import type { ArticleSummary } from './article-summary';

/** Annotation counts and read-only notes of the sidecars the workspace holds open (newer than disk). */
export async function overlayOpenStores<S extends ArticleSummary>(list: S[], open: Map<string, Promise<SidecarStore>>): Promise<S[]> {
  if (open.size === 0) return list;
  const stores = new Map<string, SidecarStore>();
  for (const [file, held] of open) {
    const store = await held.catch(() => null);
    if (store) stores.set(file, store);
  }
  return list.map((s) => {
    const store = stores.get(s.file);
    return store && s.openable ? { ...s, annotations: store.data.annotations.length, note: store.readOnly ?? s.note } : s;
  });
}
