// A segment's English draft, saved with the source words it renders and who wrote it.
import type { Rendering } from '../../../annotations/model/types';
import { ApiError, type SaveRenderingRequest } from '../../api/api';
import { checkVersion } from '../article-version';
import type { WorkspaceContext } from '../workspace-context';

export class RenderingService {
  constructor(private readonly ctx: WorkspaceContext) {}

  async save(file: string, req: SaveRenderingRequest): Promise<Rendering> {
    const article = await this.ctx.open(file);
    checkVersion(article, req.version);
    if (req.end <= req.start || req.end > article.text.length) throw new ApiError('bad-request', 'segment lies outside the article');
    const { version: _version, ...fields } = req;
    const rendering: Rendering = { ...fields, source: article.text.slice(req.start, req.end), analyst: this.ctx.analyst(), modified: this.ctx.now() };
    return this.ctx.write(article, (data) => {
      const i = data.renderings.findIndex((r) => r.start === req.start && r.end === req.end);
      if (i < 0) data.renderings.push(rendering);
      else data.renderings[i] = rendering;
      return rendering;
    });
  }
}
