// "Read with OCR": a scanned PDF of the corpus read by Tesseract at the person's request, its
// text kept in the corpus's hidden folder and from then on the article's text (the list and
// search read the PDF again when they see it kept). The programs run as child processes, so
// the thread answering the window is never held; one scan at a time, as OCR takes both cores.
import type { AppEvent, OcrAvailability, OcrDone, OcrLanguage } from '../api/api';
import { extractorLabel, ocrKey } from '../extract/article-text';
import { readArticleBytes } from './article-file';
import { findOcrTools } from '../extract/ocr/ocr-tools';
import { ocrPdf } from '../extract/ocr/ocr-pdf';
import { ExtractionError } from '../extract/types';
import { ApiError } from '../folder/errors';
import { saveOcrText } from '../search/extracted-text-cache';
import type { WorkspaceContext } from './workspace-context';

interface Job {
  file: string;
  root: string;
  controller: AbortController;
}

export type FindOcrTools = typeof findOcrTools;

export class OcrService {
  private job: Job | null = null;

  constructor(
    private readonly ctx: WorkspaceContext,
    private readonly emit: (event: AppEvent) => void,
    private readonly findTools: FindOcrTools = findOcrTools,
  ) {}

  /** Looked up afresh each time: the person may have installed Tesseract since the last try. */
  async availability(): Promise<OcrAvailability> {
    const tools = await this.findTools({ fresh: true });
    return 'missing' in tools ? { available: false, message: tools.missing } : { available: true, engine: `Tesseract ${tools.version}`, languages: tools.languages };
  }

  async read(file: string, languages: OcrLanguage[]): Promise<OcrDone> {
    if (!/\.pdf$/i.test(file)) throw new ApiError('bad-request', `Only a scanned PDF is read by OCR, not ${JSON.stringify(file.slice(0, 80))}.`);
    if (this.job) throw new ApiError('bad-request', `OCR is already reading ${this.job.file}: wait for it to finish, or stop it, before starting another.`);
    // Taken before the first await: a second request arriving meanwhile is refused, not run beside it.
    const job: Job = { file, root: this.ctx.root(), controller: new AbortController() };
    this.job = job;
    try {
      const tools = await this.findTools();
      if ('missing' in tools) throw new ApiError('bad-request', tools.missing);
      const absent = languages.filter((l) => !tools.languages.includes(l));
      if (absent.length > 0) throw new ApiError('bad-request', `Tesseract has no data for ${absent.join(', ')} here: install tesseract-ocr-${absent[0]}.`);
      const root = job.root;
      const path = await this.ctx.resolve(file);
      const bytes = await readArticleBytes(file, path);
      // Only a scan: a PDF with a text layer is read from it, exactly, and OCR would only blur it.
      const now = await this.ctx.extract(file, bytes);
      // A scan read before may be read again (in another language, say); a text layer never is.
      if (now.ok && !(now.format === 'pdf' && now.meta.ocr)) throw new ApiError('bad-request', `${file} has a text layer: its text is read from it.`);
      if (!now.ok && !now.needsOcr) throw new ApiError('bad-request', `${file} cannot be read by OCR: ${now.message}`);
      const started = { done: 0, total: 0 };
      this.emit({ type: 'ocr-progress', file, ...started });
      const read = await ocrPdf(bytes, {
        languages,
        tools,
        signal: job.controller.signal,
        onPage: (done, total) => this.emit({ type: 'ocr-progress', file, done, total }),
      });
      if (job.controller.signal.aborted) throw new ApiError('bad-request', 'OCR was stopped.');
      if (read.text.trim() === '') throw new ApiError('bad-request', `OCR found no text in ${file} (is it a picture, or in a language not chosen?).`);
      // The corpus may have been closed or another opened meanwhile: the text belongs to this one's scan.
      const kept = await saveOcrText(root, ocrKey(bytes), { text: read.text, meta: read.meta, extractor: extractorLabel(read.extractor) });
      if (!kept) throw new ApiError('bad-request', `The text OCR read could not be kept in the corpus's .hashiya folder (is the folder writable?): nothing changed.`);
      // The article's text is new: read again when next opened, its annotations placed from their quotes.
      this.ctx.textChanged(file);
      this.emit({ type: 'articles-changed', files: [file] });
      return { file, pages: Math.max(0, ...(read.meta.pages ?? [0])), characters: read.text.length };
    } catch (error) {
      if (error instanceof ExtractionError) throw new ApiError('bad-request', error.message);
      throw error;
    } finally {
      if (this.job === job) this.job = null;
    }
  }

  /** Stops the run for `file`, if one is under way; its processes are ended and nothing is kept. */
  async stop(file: string): Promise<null> {
    // Resolved as every name the window sends: a name outside the corpus is refused, not ignored.
    await this.ctx.resolve(file);
    if (this.job?.file === file) this.job.controller.abort();
    return null;
  }

  /** The corpus closes: a run under way is stopped (its text would belong to no open corpus). */
  stopAll(): void {
    this.job?.controller.abort();
  }
}
