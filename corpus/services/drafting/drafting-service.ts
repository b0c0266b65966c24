// Side by side: pairings, alignments, glossary, progress, translation import and export.
import { open, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileDurable } from '../../../annotations/store/durable-write';
import type { FontFaceSource } from '../../../annotations/export/font-faces';
import { loadBundledFonts } from '../../../annotations/export/fonts';
import { exportTmx, pairsFromAlignment, pairsFromRenderings } from '../../../annotations/translation/tmx';
import { exportBilingualHtml, exportMarkdown, exportPlainText } from '../../../annotations/translation/translation-export';
import type { Alignment, AlignmentLink, AlignmentVersions, Pairing, PairingKind, Rendering, SegmentStatus, Sidecar } from '../../../annotations/model/types';
import { exportXliff } from '../../../annotations/translation/xliff-writer';
import { importXliff } from '../../../annotations/translation/xliff-reader';
import { mergeImportedRenderings } from '../../../annotations/translation/xliff-merge';
import { alignTexts } from '../../align/align';
import { ApiError, type AlignmentView, type ArticleDoc, type ExportFile, type GlossaryEntry, type Progress, type TranslationFormat } from '../../api/api';
import { decodeArticle } from '../../text/decode';
import { foldKey } from '../../text/normalise';
import type { SegmentedParagraph } from '../../text/segment';
import type { WorkspaceContext } from '../workspace-context';

interface GlossUse {
  term: string;
  gloss: string;
}

/** Where an alignment of two texts is kept: in the sidecar of `owner`, with `other` as the other text. */
interface StoredAlignment {
  owner: string;
  other: string;
  links: AlignmentLink[];
  versions: AlignmentVersions | undefined;
}

/** Kept links as seen from one of the two texts. */
interface StoredLinks {
  links: AlignmentLink[];
  versions: AlignmentVersions | undefined;
}

/** Kept links, and the texts among the two that changed on disk since they were made. */
interface KeptLinks extends StoredLinks {
  changed: string[];
}

export class DraftingService {
  /** Per article: the glossed terms of its annotations. */
  private readonly glosses = new Map<string, GlossUse[]>();
  /** Per article: its translation progress. */
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly ctx: WorkspaceContext) {
    ctx.onChanged((file) => {
      this.glosses.delete(file);
      this.progress.delete(file);
    });
  }

  async setSegments(file: string, segments: Array<{ start: number; end: number; skip?: boolean }> | null): Promise<ArticleDoc> {
    const before = await this.ctx.openArticle(file);
    const cuts = segments && segments.length ? checkCuts(segments, before) : null;
    await this.ctx.write(file, (data) => {
      if (cuts) data.metadata = { ...data.metadata, segments: cuts };
      else {
        const { segments: _drop, ...rest } = data.metadata;
        data.metadata = rest;
      }
    });
    const after = await this.ctx.openArticle(file);
    await this.carryRenderings(file, after);
    return this.ctx.openArticle(file);
  }

  /**
   * Drafts follow the segments they translate: a merge joins the drafts of its parts, a split
   * leaves the draft on the first part. Nothing typed is dropped.
   */
  private async carryRenderings(file: string, doc: ArticleDoc): Promise<void> {
    const exact = new Set(doc.renderings.map((r) => `${r.start}:${r.end}`));
    const loose = doc.renderings.filter((r) => !doc.segments.some((s) => s.start === r.start && s.end === r.end));
    if (loose.length === 0) return;
    const moves: Array<{ from: Rendering[]; to: { start: number; end: number } }> = [];
    for (const s of doc.segments) {
      if (exact.has(`${s.start}:${s.end}`)) continue;
      const inside = loose.filter((r) => r.start >= s.start && r.end <= s.end).sort((x, y) => x.start - y.start);
      const around = loose.find((r) => r.start <= s.start && r.end >= s.end && r.start === s.start);
      if (inside.length > 0) moves.push({ from: inside, to: s });
      else if (around) moves.push({ from: [around], to: s });
    }
    if (moves.length === 0) return;
    const analyst = this.ctx.analyst();
    const now = this.ctx.now();
    await this.ctx.write(file, (data) => {
      for (const { from, to } of moves) {
        const text = from.map((r) => r.text.trim()).filter(Boolean).join(' ');
        // The segment changed, so a review of its parts stands only if every part was reviewed.
        const status: SegmentStatus = !text ? 'untranslated' : from.every((r) => r.status === 'reviewed') && from.every((r) => r.end <= to.end) ? 'reviewed' : 'draft';
        const gone = new Set(from.map((r) => `${r.start}:${r.end}`));
        data.renderings = data.renderings.filter((r) => !gone.has(`${r.start}:${r.end}`));
        data.renderings.push({ start: to.start, end: to.end, text, status, analyst, modified: now });
      }
      data.renderings.sort((x, y) => x.start - y.start);
    });
  }

  async listPairings(): Promise<Pairing[]> {
    return this.ctx.corpusSettings().pairings;
  }

  async setPairing(p: Pairing): Promise<Pairing[]> {
    if (p.a === p.b) throw new ApiError('bad-request', 'an article cannot be paired with itself');
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

  // ---- alignment

  async getAlignment(a: string, b: string): Promise<AlignmentView> {
    if (a === b) throw new ApiError('bad-request', 'an article cannot be aligned with itself');
    const kept = await this.keptLinks(a, b);
    if (kept && kept.changed.length > 0) return this.realign(a, b, kept);
    if (kept) return { a, b, kind: await this.kindOf(a, b), links: kept.links };
    return this.compute(a, b, []);
  }

  async alignAgain(a: string, b: string): Promise<AlignmentView> {
    if (a === b) throw new ApiError('bad-request', 'an article cannot be aligned with itself');
    const kept = await this.keptLinks(a, b);
    if (kept && kept.changed.length > 0) return this.realign(a, b, kept);
    return this.compute(a, b, kept?.links.filter((l) => l.confirmed) ?? []);
  }

  async saveAlignment(a: string, b: string, links: AlignmentLink[]): Promise<AlignmentView> {
    if (a === b) throw new ApiError('bad-request', 'an article cannot be aligned with itself');
    const [da, db] = await Promise.all([this.ctx.openArticle(a), this.ctx.openArticle(b)]);
    for (const l of links) {
      const inside = (s: [number, number], length: number) => s[0] >= 0 && s[1] > s[0] && s[1] <= length;
      if (!inside(l.a, da.text.length) || !inside(l.b, db.text.length)) {
        throw new ApiError('bad-request', `link ${l.a.join('–')} ↔ ${l.b.join('–')} lies outside the texts`);
      }
    }
    const sorted = sortLinks(links.map((l) => ({ a: [l.a[0], l.a[1]], b: [l.b[0], l.b[1]], score: clamp01(l.score), confirmed: l.confirmed })));
    await this.store(da, db, sorted);
    return { a, b, kind: await this.kindOf(a, b, da, db), links: sorted };
  }

  /** The kept links as seen from `a`, and which of the two texts changed since they were made. */
  private async keptLinks(a: string, b: string): Promise<KeptLinks | null> {
    const stored = await this.findStored(a, b);
    if (!stored) return null;
    // Links kept before versions were recorded cannot tell; they are taken as they are.
    if (!stored.versions) return { ...stored, changed: [] };
    const [va, vb] = await Promise.all([this.ctx.version(a), this.ctx.version(b)]);
    return { ...stored, changed: [...(stored.versions.self !== va ? [a] : []), ...(stored.versions.other !== vb ? [b] : [])] };
  }

  /**
   * Links made against another version of a text point at other words now; nothing keeps
   * what they linked, so the texts are aligned afresh and the user told how many of the old
   * links had been confirmed.
   */
  private async realign(a: string, b: string, kept: KeptLinks): Promise<AlignmentView> {
    const view = await this.compute(a, b, []);
    return { ...view, realigned: { changed: kept.changed, confirmed: kept.links.filter((l) => l.confirmed).length } };
  }

  private async compute(a: string, b: string, confirmed: AlignmentLink[]): Promise<AlignmentView> {
    const [da, db] = await Promise.all([this.ctx.openArticle(a), this.ctx.openArticle(b)]);
    const kind = await this.kindOf(a, b, da, db);
    const sa = segmented(da);
    const sb = segmented(db);
    const glossary = (await this.getGlossary()).map(({ term, gloss }) => ({ term, gloss }));
    const links = alignTexts(da.text, db.text, {
      kind,
      confirmed,
      glossary,
      segmentsA: sa.paragraphs,
      segmentsB: sb.paragraphs,
      furnitureA: sa.furniture,
      furnitureB: sb.furniture,
    });
    try {
      await this.store(da, db, links);
    } catch (error) {
      // A read-only sidecar still gets its alignment shown; it is not kept.
      if (!(error instanceof ApiError && error.code === 'read-only')) throw error;
    }
    return { a, b, kind, links };
  }

  /** The stored links and text versions as seen from `a` (mirrored when they are kept in `b`'s sidecar). */
  private async findStored(a: string, b: string): Promise<StoredLinks | null> {
    const found = await this.locate(a, b);
    if (!found) return null;
    if (found.owner === a) return { links: found.links, versions: found.versions };
    const versions = found.versions ? { self: found.versions.other, other: found.versions.self } : undefined;
    return { links: sortLinks(found.links.map(mirror)), versions };
  }

  private async locate(a: string, b: string): Promise<StoredAlignment | null> {
    for (const [owner, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const store = await this.ctx.store(owner);
      const hit = store.data.alignments.find((x) => x.other === other);
      if (hit) return { owner, other, links: hit.links, versions: hit.versions };
    }
    return null;
  }

  /** Keeps the links of `da` with `db`, with the versions of both texts they were made against. */
  private async store(da: ArticleDoc, db: ArticleDoc, links: AlignmentLink[]): Promise<void> {
    const found = await this.locate(da.file, db.file);
    const owner = found?.owner ?? da.file;
    const mine = owner === da.file;
    const other = mine ? db.file : da.file;
    const kept = mine ? links : sortLinks(links.map(mirror));
    const versions: AlignmentVersions = mine ? { self: da.version, other: db.version } : { self: db.version, other: da.version };
    await this.ctx.write(owner, (data: Sidecar) => {
      const record: Alignment = { other, versions, links: kept };
      const i = data.alignments.findIndex((x) => x.other === other);
      if (i < 0) data.alignments.push(record);
      else data.alignments[i] = record;
    });
  }

  private async kindOf(a: string, b: string, da?: ArticleDoc, db?: ArticleDoc): Promise<PairingKind> {
    const pairing = this.ctx.corpusSettings().pairings.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    if (pairing) return pairing.kind;
    let la = da?.language;
    let lb = db?.language;
    if (!la || !lb) {
      const summaries = await this.ctx.listArticles();
      la ??= summaries.find((s) => s.file === a)?.language ?? 'und';
      lb ??= summaries.find((s) => s.file === b)?.language ?? 'und';
    }
    // An English text beside a Persian or Arabic one is taken for its translation; two
    // sources are two reports of the same event.
    return (la === 'en') !== (lb === 'en') ? 'translation' : 'comparable';
  }

  // ---- glossary and progress

  async getGlossary(): Promise<GlossaryEntry[]> {
    const totals = new Map<string, { terms: Map<string, number>; gloss: string; count: number }>();
    for (const summary of await this.ctx.listArticles()) {
      if (!summary.openable || (summary.annotations === 0 && !this.glosses.has(summary.file))) continue;
      let uses = this.glosses.get(summary.file);
      if (!uses) {
        try {
          const doc = await this.ctx.openArticle(summary.file);
          uses = doc.annotations
            .filter((x) => x.gloss.trim() !== '' && x.target.quote.exact.trim() !== '')
            .map((x) => ({ term: x.target.quote.exact.trim(), gloss: x.gloss.trim().replace(/\s+/g, ' ') }));
        } catch {
          // An article that cannot be opened adds nothing; the list says why elsewhere.
          uses = [];
        }
        this.glosses.set(summary.file, uses);
      }
      for (const u of uses) {
        const key = `${foldKey(u.term, { lenient: true })}\u0000${u.gloss.toLowerCase()}`;
        let t = totals.get(key);
        if (!t) totals.set(key, (t = { terms: new Map(), gloss: u.gloss, count: 0 }));
        t.count++;
        t.terms.set(u.term, (t.terms.get(u.term) ?? 0) + 1);
      }
    }
    return [...totals.values()]
      .map((t) => ({ term: [...t.terms.entries()].sort((x, y) => y[1] - x[1])[0]![0], gloss: t.gloss, count: t.count }))
      .sort((x, y) => y.count - x.count || x.term.localeCompare(y.term) || x.gloss.localeCompare(y.gloss));
  }

  async getProgress(): Promise<{ corpus: Progress; articles: Record<string, Progress> }> {
    const articles: Record<string, Progress> = {};
    const corpus: Progress = { segments: 0, draft: 0, reviewed: 0 };
    for (const summary of await this.ctx.listArticles()) {
      // English texts are the translations, not something to translate.
      if (!summary.openable || summary.language === 'en') continue;
      let p = this.progress.get(summary.file);
      if (!p) {
        try {
          const doc = await this.ctx.openArticle(summary.file);
          p = progressOf(doc);
        } catch {
          continue;
        }
        this.progress.set(summary.file, p);
      }
      articles[summary.file] = p;
      corpus.segments += p.segments;
      corpus.draft += p.draft;
      corpus.reviewed += p.reviewed;
    }
    return { corpus, articles };
  }

  // ---- hand-off

  async exportTranslation(file: string, format: TranslationFormat, other?: string): Promise<ExportFile> {
    const doc = await this.ctx.openArticle(file);
    const counterpart = other ? await this.ctx.openArticle(other) : null;
    // Only the TMX carries the pairs of the two texts.
    const alignment = other && format === 'tmx' ? await this.getAlignment(file, other) : null;
    return await exportDraft({ doc, format, other: counterpart, links: alignment?.links ?? [] });
  }

  async importXliff(file: string, xml: string): Promise<ArticleDoc> {
    const doc = await this.ctx.openArticle(file);
    let imported;
    try {
      imported = importXliff(xml, { text: doc.text });
    } catch (error) {
      throw new ApiError('bad-request', (error as Error).message);
    }
    if (imported.renderings.length === 0 && imported.problems.length > 0) {
      throw new ApiError('bad-request', `this XLIFF does not fit ${file}: ${imported.problems.slice(0, 3).join('; ')}`);
    }
    const who = { analyst: this.ctx.analyst(), now: this.ctx.now() };
    await this.ctx.write(file, (data) => {
      data.renderings = mergeImportedRenderings(data.renderings, imported.renderings, who).renderings;
    });
    return this.ctx.openArticle(file);
  }

  async importTranslation(file: string, name: string, base64: string): Promise<{ file: string }> {
    // The folder of the article's real path, already checked to lie inside the corpus.
    const folder = dirname(await this.ctx.resolve(file));
    const decoded = decodeArticle(Buffer.from(base64, 'base64'));
    if (!decoded.ok) throw new ApiError('bad-request', `${name.slice(0, 120)} cannot be imported: ${decoded.message}`);
    const root = this.ctx.root();
    const base = safeFileStem(name);
    for (let n = 1; n < 1000; n++) {
      const path = join(folder, `${base}${n === 1 ? '' : `-${n}`}.txt`);
      const rel = relative(root, path).split(sep).join('/');
      // Claiming the name with an exclusive create means an existing file is never replaced,
      // even by an import running at the same moment.
      let claim;
      try {
        claim = await open(path, 'wx');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      await claim.close();
      try {
        await writeFileDurable(path, decoded.text);
      } catch (error) {
        await unlink(path).catch(() => undefined);
        throw error;
      }
      await this.ctx.resolve(rel);
      await this.setPairing({ a: file, b: rel, kind: 'translation' });
      return { file: rel };
    }
    throw new ApiError('bad-request', `too many files named ${base}`);
  }
}

function progressOf(doc: ArticleDoc): Progress {
  const status = new Map(doc.renderings.map((r) => [`${r.start}:${r.end}`, r.status]));
  const p: Progress = { segments: 0, draft: 0, reviewed: 0 };
  for (const s of doc.segments) {
    if (s.skip) continue;
    p.segments++;
    const st = status.get(`${s.start}:${s.end}`);
    if (st === 'draft') p.draft++;
    else if (st === 'reviewed') p.reviewed++;
  }
  return p;
}

/** The article's segments grouped by paragraph for the aligner; wholly skipped paragraphs are furniture. */
function segmented(doc: ArticleDoc): { paragraphs: SegmentedParagraph[]; furniture: Set<number> } {
  const paragraphs: SegmentedParagraph[] = [];
  const furniture = new Set<number>();
  let current = -1;
  let all: typeof doc.segments = [];
  const flush = () => {
    if (current < 0 || all.length === 0) return;
    const p = doc.paragraphs[current]!;
    const kept = all.filter((s) => !s.skip);
    if (kept.length === 0) furniture.add(paragraphs.length);
    const spans = (kept.length ? kept : all).map((s) => ({ start: s.start, end: s.end }));
    paragraphs.push({ start: Math.min(p.start, spans[0]!.start), end: Math.max(p.end, spans[spans.length - 1]!.end), sentences: spans });
  };
  for (const s of doc.segments) {
    if (s.paragraph !== current) {
      flush();
      current = s.paragraph;
      all = [];
    }
    all.push(s);
  }
  flush();
  return { paragraphs, furniture };
}

/**
 * The user's cuts, checked (inside the text, in order, not overlapping). A cut keeps its
 * `skip` only where it differs from what its paragraph gives (boilerplate or not), so that
 * the sidecar records the user's decisions and nothing else.
 */
function checkCuts(segments: Array<{ start: number; end: number; skip?: boolean }>, doc: ArticleDoc): Array<{ start: number; end: number; skip?: boolean }> {
  const length = doc.text.length;
  const sorted = [...segments].sort((x, y) => x.start - y.start);
  let last = 0;
  for (const s of sorted) {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end <= s.start || s.end > length) {
      throw new ApiError('bad-request', `segment ${s.start}–${s.end} is not inside the article (length ${length})`);
    }
    if (s.start < last) throw new ApiError('bad-request', `segment ${s.start}–${s.end} overlaps the one before it`);
    last = s.end;
  }
  const boilerplateAt = (offset: number): boolean => {
    let found = false;
    for (const p of doc.paragraphs) {
      if (p.start > offset) break;
      found = p.boilerplate;
    }
    return found;
  };
  return sorted.map((s) => (s.skip === undefined || s.skip === boilerplateAt(s.start) ? { start: s.start, end: s.end } : { start: s.start, end: s.end, skip: s.skip }));
}

function mirror(l: AlignmentLink): AlignmentLink {
  return { a: [l.b[0], l.b[1]], b: [l.a[0], l.a[1]], score: l.score, confirmed: l.confirmed };
}

function sortLinks(links: AlignmentLink[]): AlignmentLink[] {
  return links.sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
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

// ---- hand-off formats

interface ExportInput {
  doc: ArticleDoc;
  format: TranslationFormat;
  other: ArticleDoc | null;
  links: AlignmentLink[];
}

/**
 * The Arabic-script subsets of the bundled fonts, so that the saved page shows Persian and
 * Arabic (the source column, and words quoted in the English) on its own.
 */
async function embeddedFonts(): Promise<FontFaceSource[]> {
  try {
    return (await loadBundledFonts()).filter((f) => f.unicodeRange.includes('U+0600'));
  } catch {
    // Without the font files the page only names the fonts, and the reader's own stand in.
    return [];
  }
}

const MIME: Record<TranslationFormat, string> = {
  xliff: 'application/xliff+xml',
  tmx: 'application/x-tmx+xml',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

function languageTag(language: string): string | undefined {
  return language === 'und' ? undefined : language;
}

async function exportDraft({ doc, format, other, links }: ExportInput): Promise<ExportFile> {
  const stem = doc.file.replace(/^.*\//, '').replace(/\.txt$/i, '');
  const { paragraphs, furniture } = segmented(doc);
  let name: string;
  let content: string;
  switch (format) {
    case 'xliff':
      name = `${stem}.xlf`;
      content = exportXliff({
        file: doc.file,
        text: doc.text,
        srcLang: languageTag(doc.language),
        trgLang: 'en',
        renderings: doc.renderings,
        annotations: doc.annotations,
        paragraphs,
        notForTranslation: furniture,
      });
      break;
    case 'tmx': {
      // One target language per file: the other text's pairs when it is English (or there are
      // no drafts to add), the reviewed drafts when they are.
      const trgLang = other && other.language !== 'en' ? other.language : 'en';
      const pairs = [
        ...(other ? pairsFromAlignment(doc.text, other.text, links, { a: doc.file, b: other.file }) : []),
        ...(trgLang === 'en' ? pairsFromRenderings(doc.text, doc.renderings, doc.file) : []),
      ];
      name = other && trgLang !== 'en' ? `${stem}.${trgLang}.tmx` : `${stem}.tmx`;
      content = exportTmx({ srcLang: languageTag(doc.language) ?? 'und', trgLang, pairs });
      break;
    }
    case 'txt':
      name = `${stem}.en.txt`;
      content = exportPlainText({ text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture });
      break;
    case 'md':
      name = `${stem}.en.md`;
      content = exportMarkdown({ text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture });
      break;
    case 'html':
      name = `${stem}.bilingual.html`;
      content = exportBilingualHtml(
        { text: doc.text, renderings: doc.renderings, paragraphs, notForTranslation: furniture },
        { sourceLang: doc.language === 'ar' ? 'ar' : 'fa', fonts: await embeddedFonts(), untranslated: 'marker' },
      );
      break;
  }
  return { name, mime: MIME[format], base64: Buffer.from(content, 'utf8').toString('base64') };
}
