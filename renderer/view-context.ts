// What a view (side by side, quotations, search results) gets from the app shell.
import type { Tag } from '../annotations/model/types';
import type { ArticleSummary, ExportFile, HashiyaApi } from '../corpus/api/api';

export interface ViewContext {
  api: HashiyaApi;
  /** Shows a short message to the user (errors, notices). */
  toast(message: string): void;
  /** Switches to the reading view on an article, optionally selecting and showing a span. */
  openInReader(file: string, span?: { start: number; end: number }): Promise<void>;
  /** The article open in the reading view, if any: where side by side starts from. */
  currentFile(): string | undefined;
  taxonomy(): Tag[];
  articles(): ArticleSummary[];
  /** Saves an export where the person chooses (a download in the browser) and says where it went. */
  saveExport(file: ExportFile): Promise<void>;
}

export interface View {
  /** The view's root element, placed by the shell. */
  readonly el: HTMLElement;
  /** Called each time the view is shown (refresh data here). */
  show(): Promise<void> | void;
  hide(): void;
  /** Keys while the view is shown; return true if handled. */
  onKey?(event: KeyboardEvent): boolean;
  /** The Edit menu's undo and redo, for a view with its own history (the draft editor). */
  undo?(): void;
  redo?(): void;
}
