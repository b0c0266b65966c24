// What the hand-off controls do here: export the first text's draft (with the second text
// for a bilingual format), take an XLIFF back into the draft, add a translation as a text.
import type { ArticleDoc, HashiyaApi } from '../../corpus/api/api';
import type { ViewContext } from '../view-context';
import type { HandoffActions } from './handoff';

export interface HandoffDeps {
  ctx: Pick<ViewContext, 'api' | 'toast' | 'saveExport'>;
  /** The first text's file ('' when none). */
  source(): string;
  /** The articles shown. */
  files(): string[];
  /** Saves the draft's unsaved typing. */
  flush(): Promise<void>;
  run(work: () => Promise<void>): Promise<void>;
  /** The source article changed (its drafts imported): show it. */
  replaced(file: string, doc: ArticleDoc): Promise<void>;
  /** A translation was added as a text: list it and show it beside the source. */
  added(file: string): Promise<void>;
}

export function handoffActions(deps: HandoffDeps): HandoffActions {
  const api: HashiyaApi = deps.ctx.api;
  return {
    export: async (format) => {
      const file = deps.source();
      if (!file) return;
      await deps.flush();
      const other = deps.files().find((f) => f !== file);
      // Over a transport an absent argument would arrive as null, which the API refuses.
      await deps.ctx.saveExport(await (other ? api.exportTranslation(file, format, other) : api.exportTranslation(file, format)));
    },
    importXliff: (name, xml) =>
      deps.run(async () => {
        const file = deps.source();
        if (!file) return;
        await deps.flush();
        const doc = await api.importXliff(file, xml);
        await deps.replaced(file, doc);
        const drafted = doc.renderings.filter((r) => r.text.trim() !== '').length;
        deps.ctx.toast(`Imported ${name}: ${drafted} segments have a draft.`);
      }),
    importTranslation: (name, base64) =>
      deps.run(async () => {
        const file = deps.source();
        if (!file) return;
        await deps.flush();
        const created = await api.importTranslation(file, name, base64);
        await deps.added(created.file);
        deps.ctx.toast(`Added ${created.file} as the translation of ${file}, and aligned them.`);
      }),
  };
}
