// Side by side: pairings, alignments, glossary, progress, translation import and export.
import type { AlignmentLink, Pairing, Rendering } from '../annotations/types';
import { ApiError, type AlignmentView, type ArticleDoc, type ExportFile, type GlossaryEntry, type Progress, type TranslationFormat } from './api';
import type { WorkspaceContext } from './workspace-context';

const notYet = () => new ApiError('internal', 'not implemented yet');

export class DraftingService {
  constructor(private readonly ctx: WorkspaceContext) {}

  async setSegments(file: string, segments: Array<{ start: number; end: number; skip?: boolean }> | null): Promise<ArticleDoc> {
    await this.ctx.write(file, (data) => {
      if (segments && segments.length) data.metadata = { ...data.metadata, segments };
      else {
        const { segments: _drop, ...rest } = data.metadata;
        data.metadata = rest;
      }
    });
    return this.ctx.openArticle(file);
  }

  async listPairings(): Promise<Pairing[]> {
    return this.ctx.corpusSettings().pairings;
  }

  async setPairing(p: Pairing): Promise<Pairing[]> {
    await this.ctx.resolve(p.a);
    await this.ctx.resolve(p.b);
    const s = this.ctx.corpusSettings();
    const pairings = [...s.pairings.filter((x) => !(x.a === p.a && x.b === p.b) && !(x.a === p.b && x.b === p.a)), p];
    await this.ctx.saveCorpusSettings({ ...s, pairings });
    return pairings;
  }

  async removePairing(a: string, b: string): Promise<Pairing[]> {
    const s = this.ctx.corpusSettings();
    const pairings = s.pairings.filter((x) => !(x.a === a && x.b === b) && !(x.a === b && x.b === a));
    await this.ctx.saveCorpusSettings({ ...s, pairings });
    return pairings;
  }

  async getAlignment(_a: string, _b: string): Promise<AlignmentView> {
    throw notYet();
  }

  async alignAgain(_a: string, _b: string): Promise<AlignmentView> {
    throw notYet();
  }

  async saveAlignment(_a: string, _b: string, _links: AlignmentLink[]): Promise<AlignmentView> {
    throw notYet();
  }

  async getGlossary(): Promise<GlossaryEntry[]> {
    throw notYet();
  }

  async getProgress(): Promise<{ corpus: Progress; articles: Record<string, Progress> }> {
    throw notYet();
  }

  async exportTranslation(_file: string, _format: TranslationFormat, _other?: string): Promise<ExportFile> {
    throw notYet();
  }

  async importXliff(_file: string, _xml: string): Promise<ArticleDoc> {
    throw notYet();
  }

  async importTranslation(_file: string, _name: string, _base64: string): Promise<{ file: string }> {
    throw notYet();
  }

  renderingsOf(_file: string): Rendering[] {
    return [];
  }
}
