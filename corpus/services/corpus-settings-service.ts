// The corpus settings file (taxonomy, pairings) of the open corpus: read when the corpus is
// opened, and changed the way a sidecar is: one change at a time in this process, under the
// file lock across processes (two windows, two machines on a shared folder), each change
// applied to the file as it is on disk at that moment, then written atomically. Without
// the queue and the lock, 14 of 15 pairings set at once were lost.
import type { CorpusSettings, Tag } from '../../annotations/model/types';
import { tagSchema } from '../../annotations/model/schema';
import { LockedElsewhereError, withFileLock } from '../../annotations/store/file-lock';
import { writeFailureOf } from '../../annotations/store/write-failure';
import { ApiError } from '../api/api';
import { CORPUS_SETTINGS_FILE } from '../folder/corpus-folder';
import { mergeCorpusSettings } from '../folder/settings-merge';
import { readCorpusSettings, writeCorpusSettings } from '../folder/settings-files';
import { basename, join } from 'node:path';

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

export class CorpusSettingsService {
  /** The changes asked for in this process, one after another. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    private readonly root: string,
    private settings: CorpusSettings,
    /** Why the file may not be changed (broken, newer, made read-only), or null. */
    private readOnly: string | null,
  ) {}

  static async read(root: string): Promise<CorpusSettingsService> {
    const cs = await readCorpusSettings(root);
    return new CorpusSettingsService(root, cs.settings, cs.readOnly);
  }

  current(): CorpusSettings {
    return this.settings;
  }

  /**
   * Applies `change` to the settings as they are on disk now (what a teammate or another
   * window wrote is kept), writes the result and resolves with it once it is on disk.
   */
  update(change: (onDisk: CorpusSettings) => CorpusSettings): Promise<CorpusSettings> {
    const run = this.queue.then(async () => {
      // The user may have mended the file or made it writable since: look again before refusing.
      if (this.readOnly) this.readOnly = (await readCorpusSettings(this.root)).readOnly;
      if (this.readOnly) throw new ApiError('read-only', this.readOnly);
      return withFileLock(join(this.root, CORPUS_SETTINGS_FILE), async () => {
        const onDisk = await readCorpusSettings(this.root);
        if (onDisk.readOnly) {
          this.readOnly = onDisk.readOnly;
          throw new ApiError('read-only', onDisk.readOnly);
        }
        const next = change(structuredClone(onDisk.settings));
        if (!same(next, onDisk.settings)) await writeCorpusSettings(this.root, next);
        this.settings = next;
        return next;
      }).catch((error: unknown) => {
        throw plainFailure(error);
      });
    });
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /**
   * Writes settings made from `current()` as a whole: what changed from the settings of that
   * moment is merged into the file as it is when the write's turn comes (tags by id,
   * pairings as a set), so a change made meanwhile, here or elsewhere, is not overwritten.
   */
  save(next: CorpusSettings): Promise<CorpusSettings> {
    const base = structuredClone(this.settings);
    const ours = structuredClone(next);
    return this.update((onDisk) => (same(onDisk, base) ? ours : mergeCorpusSettings(base, ours, onDisk)));
  }

  taxonomy(): Tag[] {
    return this.settings.taxonomy;
  }

  async setTaxonomy(tags: Tag[]): Promise<Tag[]> {
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const t of tags) {
      tagSchema.parse(t);
      if (ids.has(t.id)) throw new ApiError('bad-request', `two tags have the id ${t.id}`);
      ids.add(t.id);
      if (t.shortcut) {
        if (keys.has(t.shortcut)) throw new ApiError('bad-request', `two tags use the shortcut ${t.shortcut}`);
        keys.add(t.shortcut);
      }
    }
    return (await this.save({ ...this.settings, taxonomy: tags })).taxonomy;
  }
}

/** A disk's refusal (read-only, full, no permission) or a lock Hashiya did not make, told as the sidecars tell it. */
function plainFailure(error: unknown): unknown {
  if (error instanceof LockedElsewhereError) {
    const name = basename(error.file);
    return new ApiError('read-only', `${name} ${error.what}, not a lock Hashiya made, so the tags and pairings cannot be changed and nothing was saved. To change them again, delete ${name} (if no other copy of Hashiya is running on this corpus).`);
  }
  const failure = writeFailureOf(error, CORPUS_SETTINGS_FILE);
  if (!failure) return error;
  if (failure.kind === 'read-only') return new ApiError('read-only', failure.readOnlyReason ?? failure.message);
  return new ApiError(failure.kind === 'retry' ? 'stale' : 'bad-request', failure.message);
}
