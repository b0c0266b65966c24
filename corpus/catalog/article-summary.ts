// One line of the article list, worked out from the article's bytes and its sidecar: what
// detection finds in the text, with the user's corrections from the sidecar on top.
import type { SidecarFacts } from '../../annotations/store/sidecar-facts';
import type { DateValue } from '../../annotations/model/types';
import { articleFormatOf, articleText, type ArticleFormat, type ExtractedTextCache } from '../extract/article-text';
import { canonicalEncoding } from '../text/decode';
import { detectLanguage, type Language } from '../text/language';
import { detectMetadata } from '../metadata/metadata';
import { withDeclared } from '../metadata/declared-metadata';

/** One row of the article list. */
export interface ArticleSummary {
  file: string;
  /** How the file is read: `txt` decoded, a saved page extracted. Optional: the window's list does not use it. */
  format?: ArticleFormat;
  /** Null when the file is not opened as an article (binary, empty, too large). */
  language: Language | null;
  headline: string;
  /** True when the text has no headline: `headline` is then its first sentence. */
  untitled?: boolean;
  outlet: string | null;
  date: DateValue | null;
  annotations: number;
  encoding: string | null;
  /** Why the file is listed but not opened, or why its sidecar is read-only. */
  note: string | null;
  openable: boolean;
  /** Not worked out yet (a big corpus fills in from a worker): the headline is the file name for now. */
  pending?: boolean;
  /** The article's web address (a saved page's canonical address), when it has one. */
  url?: string;
  /** When the page was saved (ISO date or timestamp): the access date a web citation gives. */
  accessed?: string;
  /** The author a saved page's own metadata names (never guessed from the text). */
  author?: string;
  /** A PDF with no text layer: the window offers to read it by OCR. */
  needsOcr?: true;
}

/** What the article's own bytes say (decoded with the sidecar's encoding, if it names one). */
export interface ArticleFacts {
  /** How the file is read (its extension says, whether or not it could be read). */
  format: ArticleFormat;
  openable: boolean;
  language: Language | null;
  encoding: string | null;
  headline: string;
  /** True when the text has no headline (its first sentence stands in). */
  untitled?: boolean;
  outlet: string | null;
  date: DateValue | null;
  /** Why the file is not opened as an article, or null. */
  problem: string | null;
  /** The encoding override the bytes were decoded with. */
  decodedWith: string | null;
  /** The article's web address, when its file gives one (a saved page). */
  url?: string;
  /** When the page was saved (ISO): a web citation's access date. */
  accessed?: string;
  /** The author the page's metadata names. */
  author?: string;
  /** A saved page's entry in the extracted-text cache (its `extractionKey`): entries no page has are removed. */
  pageKey?: string;
  /** A scanned PDF not read by OCR yet: the key its OCR text will be kept under (`ocrKey`). */
  ocrKey?: string;
}

/** Decodes and detects; `text` is handed back so a caller can fold it without decoding twice. */
export async function articleFacts(file: string, bytes: Uint8Array, encoding: string | undefined, options: { metadata?: boolean; cache?: ExtractedTextCache } = {}): Promise<ArticleFacts & { text: string | null }> {
  // A name this build does not know (a typo, a newer Hashiya's) is ignored: the text is detected.
  const decoded = await articleText(file, bytes, encoding && canonicalEncoding(encoding) ? encoding : undefined, options.cache);
  if (!decoded.ok) {
    return { ...unreadableFacts(file, decoded.message, encoding), ...(decoded.needsOcr ? { ocrKey: decoded.needsOcr } : {}), text: null };
  }
  const language = detectLanguage(decoded.text);
  // Without metadata (a quick first listing) nothing is known to lack a headline.
  const found = options.metadata === false ? { headline: '', outlet: null, date: null, headlineParagraph: 0 } : detectMetadata(decoded.text, language);
  // A saved page's head says its headline, site and date: those come first.
  const meta = withDeclared({ headline: found.headline, outlet: found.outlet, date: found.date, untitled: found.headlineParagraph === null }, decoded.format !== 'txt' ? decoded.meta : undefined, language);
  return {
    format: decoded.format,
    openable: true,
    language,
    encoding: decoded.encoding,
    headline: meta.headline,
    ...(meta.untitled ? { untitled: true } : {}),
    outlet: meta.outlet,
    date: meta.date,
    problem: null,
    decodedWith: encoding ?? null,
    // A saved page's address and, when the file records it, the time it was saved: its citation's source.
    ...(decoded.format !== 'txt' && decoded.meta.url ? { url: decoded.meta.url } : {}),
    ...(decoded.format !== 'txt' && decoded.meta.saved ? { accessed: decoded.meta.saved } : {}),
    ...(decoded.format !== 'txt' && decoded.meta.author ? { author: decoded.meta.author } : {}),
    ...(decoded.format !== 'txt' ? { pageKey: decoded.key } : {}),
    text: decoded.text,
  };
}

export function summaryOf(file: string, facts: ArticleFacts, sidecar: SidecarFacts): ArticleSummary {
  if (!facts.openable) {
    return { file, format: facts.format, language: null, headline: file, outlet: null, date: null, annotations: 0, encoding: null, note: facts.problem, openable: false, ...(facts.ocrKey ? { needsOcr: true } : {}) };
  }
  const o = sidecar.overrides;
  return {
    file,
    format: facts.format,
    language: facts.language,
    headline: o.headline ?? (facts.headline || file),
    ...(o.headline === undefined && facts.untitled ? { untitled: true } : {}),
    outlet: o.outlet ?? facts.outlet,
    date: o.date ?? facts.date,
    annotations: sidecar.annotations,
    encoding: facts.encoding,
    note: sidecar.problem,
    openable: true,
    // A person's address (a pasted article's source, a correction) wins over the page's own.
    ...((o.url ?? facts.url) ? { url: o.url ?? facts.url } : {}),
    ...(facts.accessed ? { accessed: facts.accessed } : {}),
    ...(facts.author ? { author: facts.author } : {}),
  };
}

/** A file's format by its name; a name no format claims is read as plain text, as articleText reads it. */
/** A file listed with the reason it cannot be read. */
export function unreadableFacts(file: string, problem: string, encoding: string | undefined): ArticleFacts {
  return { format: formatOf(file), openable: false, language: null, encoding: null, headline: '', outlet: null, date: null, problem, decodedWith: encoding ?? null };
}

function formatOf(file: string): ArticleFormat {
  return articleFormatOf(file) ?? 'txt';
}

/** Listed before the background work reached it: the file name stands in for the headline. */
export function pendingSummary(file: string): ArticleSummary & { pending: true } {
  return { file, format: formatOf(file), language: null, headline: file, outlet: null, date: null, annotations: 0, encoding: null, note: null, openable: true, pending: true };
}
