// What a sidecar store tells its listeners (the window, through the corpus services).
/**
 * What the store did that the user should hear about:
 * - merged: the file had changed on disk; the store merged before saving (see `conflicts`);
 * - reloaded: reload() took in a change made on disk;
 * - removed: the file vanished on disk; what the store holds is kept and saved on the next change;
 * - read-only: the file on disk cannot be read (broken, newer format), or the user marked it or
 *   its folder read-only, or the disk refused the write; it is left untouched;
 * - writable: a file that was read-only can be read and saved again;
 * - renumbered: annotations on disk shared an id; each repeat got its own (saved with the next change).
 */
export interface SidecarEvent {
  kind: 'merged' | 'reloaded' | 'removed' | 'read-only' | 'writable' | 'renumbered';
  /** Conflicts found by this merge, now listed in `data.conflicts` (or marked in renderings). */
  conflicts: number;
  /** One sentence for the user. */
  message: string;
  /** What the merge decided, one line each. */
  details: string[];
  at: string;
}
