// The corpus settings file (taxonomy, pairings) of the open corpus: read when the corpus is
// opened, written with a merge when a teammate changed it meanwhile.
import type { CorpusSettings, Tag } from '../../annotations/model/types';
import { tagSchema } from '../../annotations/model/schema';
import { ApiError } from '../api/api';
import { mergeCorpusSettings } from '../folder/settings-merge';
import { readCorpusSettings, writeCorpusSettings } from '../folder/settings-files';

export class CorpusSettingsService {
  private constructor(
    private readonly root: string,
    private settings: CorpusSettings,
    /** The settings as last read from or written to disk: the base of a merge. */
    private base: CorpusSettings,
    private readonly readOnly: string | null,
  ) {}

  static async read(root: string): Promise<CorpusSettingsService> {
    const cs = await readCorpusSettings(root);
    return new CorpusSettingsService(root, cs.settings, cs.settings, cs.readOnly);
  }

  current(): CorpusSettings {
    return this.settings;
  }

  /**
   * Writes the corpus settings; if a teammate changed the file since it was read (a git
   * pull), their change is merged in rather than overwritten.
   */
  async save(next: CorpusSettings): Promise<void> {
    if (this.readOnly) throw new ApiError('read-only', this.readOnly);
    const onDisk = await readCorpusSettings(this.root);
    if (onDisk.readOnly) throw new ApiError('read-only', onDisk.readOnly);
    const changedOutside = JSON.stringify(onDisk.settings) !== JSON.stringify(this.base);
    const merged = changedOutside ? mergeCorpusSettings(this.base, next, onDisk.settings) : next;
    await writeCorpusSettings(this.root, merged);
    this.settings = merged;
    this.base = merged;
  }

  taxonomy(): Tag[] {
    return this.settings.taxonomy;
  }

  async setTaxonomy(tags: Tag[]): Promise<Tag[]> {
    if (this.readOnly) throw new ApiError('read-only', this.readOnly);
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
    await this.save({ ...this.settings, taxonomy: tags });
    return this.settings.taxonomy;
  }
}
