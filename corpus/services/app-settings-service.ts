// The app's own settings (the analyst's name, the font size, the corpus opened last), kept
// in the app's data folder, not in any corpus.
import type { AppState, CorpusInfo } from '../api/api';
import { readAppSettings, writeAppSettings, type AppSettings } from '../folder/settings-files';

export class AppSettingsService {
  private constructor(
    private readonly dir: string,
    private settings: AppSettings,
  ) {}

  static async load(dir: string): Promise<AppSettingsService> {
    return new AppSettingsService(dir, await readAppSettings(dir));
  }

  get lastCorpus(): string | null {
    return this.settings.lastCorpus;
  }

  state(corpus: CorpusInfo | null): AppState {
    return { analyst: this.settings.analyst, fontSize: this.settings.fontSize, corpus };
  }

  /** Who annotations and drafts are credited to. */
  analyst(): string {
    return this.settings.analyst ?? 'unknown';
  }

  setAnalyst(name: string): Promise<void> {
    return this.save({ analyst: name.trim() });
  }

  setFontSize(size: number): Promise<void> {
    return this.save({ fontSize: size });
  }

  /** Opens this corpus at the next launch. */
  rememberCorpus(root: string): Promise<void> {
    return this.save({ lastCorpus: root });
  }

  private async save(change: Partial<AppSettings>): Promise<void> {
    this.settings = { ...this.settings, ...change };
    await writeAppSettings(this.dir, this.settings);
  }
}
