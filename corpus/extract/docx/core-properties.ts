// What a Word file says of itself in its core properties (docProps/core.xml, written by Word
// and LibreOffice from File → Properties): title, author, and when it was last saved.
import { XMLParser } from 'fast-xml-parser';
import type { ExtractedMeta } from '../types';

export const CORE_PROPERTIES_PART = 'docProps/core.xml';

/** Core properties carry a handful of short fields; more than this is not a properties part. */
const MAX_FIELD = 2_000;

/**
 * The title (dc:title), author (dc:creator) and last-saved time (dcterms:modified, else
 * dcterms:created) as `saved`. Neither date is taken as the publication date: Word stamps
 * `created` when a file is made from a template, copied or converted (LibreOffice writes the
 * conversion's time), so a news article pasted into Word would be dated the day of pasting; the
 * date in the text, which the detectors find, is the one a reader expects. dc:language is left
 * out too: it is the editor's language setting (LibreOffice writes en-US for an Arabic text).
 */
export function readCoreProperties(xml: Uint8Array | undefined): ExtractedMeta {
  if (!xml) return {};
  let root: unknown;
  try {
    // No entity expansion beyond XML's own five, attributes ignored: nothing in the part can grow it.
    const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: true });
    root = parser.parse(new TextDecoder('utf-8').decode(xml));
  } catch {
    return {}; // damaged properties do not stop the text being read
  }
  const props = record(record(root)?.['coreProperties']);
  if (!props) return {};
  const title = field(props['title']);
  const author = field(props['creator']);
  const saved = isoTime(field(props['modified'])) ?? isoTime(field(props['created']));
  return { ...(title ? { title } : {}), ...(author ? { author } : {}), ...(saved ? { saved } : {}) };
}

function record(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** A field's text, spaces folded; absent, empty or not text: undefined. */
function field(v: unknown): string | undefined {
  const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : (record(v)?.['#text'] as unknown);
  if (typeof text !== 'string') return undefined;
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded && folded.length <= MAX_FIELD ? folded : undefined;
}

/** W3CDTF as written (`2024-03-05T10:00:00Z`); anything else is dropped. */
function isoTime(v: string | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
}
