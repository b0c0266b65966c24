// Drafts to and from other tools: an article's drafts exported in a hand-off format, an
// XLIFF's translations taken back in, a translation file added beside its source.
import { dirname, join, relative, sep } from 'node:path';
import { createFileDurable } from '../../../annotations/store/durable-write';
import { importXliff } from '../../../annotations/translation/xliff-reader';
import { mergeImportedRenderings } from '../../../annotations/translation/xliff-merge';
import { ApiError, type ArticleDoc, type ExportFile, type TranslationFormat } from '../../api/api';
import type { WorkspaceContext } from '../workspace-context';
import type { AlignmentService } from './alignment';
import { exportDraft } from './draft-export';
import type { PairingService } from './pairings';
import { writeDrafts } from './write-drafts';

export class InterchangeService {
  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly alignment: AlignmentService,
    private readonly pairings: PairingService,
  ) {}

  async exportTranslation(file: string, format: TranslationFormat, other?: string): Promise<ExportFile> {
    const article = await this.ctx.open(file);
    const counterpart = other ? await this.ctx.open(other) : null;
    // Only the TMX carries the pairs of the two texts.
    const alignment = counterpart && format === 'tmx' ? await this.alignment.view(article, counterpart) : null;
    return exportDraft({ doc: this.ctx.doc(article), format, other: counterpart && this.ctx.doc(counterpart), links: alignment?.links ?? [] });
  }

  async importXliff(file: string, xml: string): Promise<ArticleDoc> {
    const article = await this.ctx.open(file);
    let imported;
    try {
      imported = importXliff(xml, { text: article.text });
    } catch (error) {
      throw new ApiError('bad-request', (error as Error).message);
    }
    if (imported.renderings.length === 0 && imported.problems.length > 0) {
      throw new ApiError('bad-request', `this XLIFF does not fit ${file}: ${imported.problems.slice(0, 3).join('; ')}`);
    }
    const who = { analyst: this.ctx.analyst(), now: this.ctx.now() };
    await writeDrafts(this.ctx, article, (data) => {
      data.renderings = mergeImportedRenderings(data.renderings, imported.renderings, who).renderings;
    });
    return this.ctx.doc(article);
  }

  async importTranslation(file: string, name: string, base64: string): Promise<{ file: string }> {
    // The folder of the article's real path, already checked to lie inside the corpus.
    const folder = dirname(await this.ctx.resolve(file));
    // A translation saved as a web page is kept as its extracted text, like any other article.
    const decoded = await this.ctx.extract(name, Buffer.from(base64, 'base64'));
    if (!decoded.ok) throw new ApiError('bad-request', `${name.slice(0, 120)} cannot be imported: ${decoded.message}`);
    const root = this.ctx.root();
    const base = safeFileStem(name);
    for (let n = 1; n < 1000; n++) {
      const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}.txt`);
      const rel = relative(root, path).split(sep).join('/');
      // Created whole and never over an existing file, even by an import at the same moment;
      // the watcher must not see it empty (it would be listed as an empty, unopenable article).
      if (!(await createFileDurable(path, decoded.text))) continue;
      // The new file is checked like any name from the window before it is paired.
      await this.ctx.resolve(rel);
      await this.pairings.keep({ a: file, b: rel, kind: 'translation' });
      return { file: rel };
    }
    throw new ApiError('bad-request', `too many files named ${base}`);
  }
}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name stem that is safe on every system: no folders, no control or reserved characters. */
export function safeFileStem(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  let stem = last
    .normalize('NFC')
    .replace(/\.txt$/i, '')
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem.endsWith('.annotations.json')) stem = stem.slice(0, -'.annotations.json'.length);
  if (RESERVED.test(stem)) stem = `_${stem}`;
  if (stem.length > 120) stem = stem.slice(0, 120).trim();
  return stem || 'translation';
}
