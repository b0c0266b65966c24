// The person's corrections to an article's details (headline, outlet, date, encoding,
// boilerplate lines), and dates read from what they type.
import { sortedFurnitureMarks } from '../../annotations/model/furniture-marks';
import type { DateValue, MetadataOverrides } from '../../annotations/model/types';
import type { ArticleDoc } from '../api/api';
import { parseDate } from '../metadata/dates';
import type { Language } from '../text/language';
import type { WorkspaceContext } from './workspace-context';

export class MetadataService {
  constructor(private readonly ctx: WorkspaceContext) {}

  async set(file: string, overrides: MetadataOverrides): Promise<ArticleDoc> {
    let article = await this.ctx.open(file);
    await this.ctx.write(article, (data) => {
      const next: MetadataOverrides = { ...data.metadata, ...overrides };
      for (const key of Object.keys(overrides) as Array<keyof MetadataOverrides>) {
        const v = overrides[key];
        // An empty value removes the correction, so detection applies again.
        const emptyDate = key === 'date' && typeof v === 'object' && v !== null && 'original' in v && v.original === '' && v.iso === null;
        const noMarks = key === 'furniture' && Array.isArray(v) && v.length === 0;
        if (v === undefined || v === '' || emptyDate || noMarks || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)) delete next[key];
      }
      if (next.furniture) next.furniture = sortedFurnitureMarks(next.furniture);
      data.metadata = next;
    });
    // Another encoding is another text: decoded again, and its sidecar opened on it.
    if (overrides.encoding !== undefined) article = await this.ctx.reopen(article);
    return this.ctx.doc(article);
  }

  parseDate(text: string, language: Language): DateValue | null {
    const found = parseDate(text, { language });
    return found ? { iso: found.iso, original: found.original } : null;
  }
}
