// What the search index recorded of each article file (size, time, hash, sidecar, encoding,
// OCR key), kept in the index's header as columns: parsing 20,000 small objects cost more than
// everything else in reopening the index. The names and hashes are one string each, the times
// the bytes of their doubles in base64: as lists of 20,000 strings and of numbers with their
// fractions they cost the parse 10 ms of its 20.
import { Buffer } from 'node:buffer';
import { FOLD_VERSION } from '../text/normalise';
import { splitNulJoined } from './nul-joined';
import type { Fingerprint, KnownFile } from './index-store';

export interface SearchFileRecord extends KnownFile {
  /** The sidecar's encoding override the article was decoded with. */
  encoding: string | null;
  /** A scanned PDF: the key its OCR text is (or will be) kept under; a newer reading is read again. */
  ocrKey?: string;
}

export interface FileColumns {
  /** Joined by NUL, which no file name or hash holds. */
  names: string;
  size: number[];
  /** The times as little-endian doubles, in base64: exactly as they were. */
  mtime: string;
  hash: string;
  /** 0 for no sidecar. */
  sidecar: Array<0 | [number, number]>;
  encoding: Array<string | null>;
  /** 0 for none. */
  ocrKey: Array<string | 0>;
}

function toColumns(records: ReadonlyMap<string, SearchFileRecord>): FileColumns {
  const names: string[] = [];
  const hash: string[] = [];
  const mtime = new Float64Array(records.size);
  const c: Omit<FileColumns, 'names' | 'mtime' | 'hash'> = { size: [], sidecar: [], encoding: [], ocrKey: [] };
  for (const [name, r] of records) {
    mtime[names.length] = r.article.mtimeMs;
    names.push(name);
    c.size.push(r.article.size);
    hash.push(r.article.hash);
    c.sidecar.push(r.sidecar ? [r.sidecar.size, r.sidecar.mtimeMs] : 0);
    c.encoding.push(r.encoding);
    c.ocrKey.push(r.ocrKey ?? 0);
  }
  return { ...c, names: names.join('\0'), hash: hash.join('\0'), mtime: Buffer.from(mtime.buffer).toString('base64') };
}

/** The doubles in base64, or null when there are not `count` of them. */
function doublesColumn(base64: unknown, count: number): Float64Array | null {
  if (typeof base64 !== 'string') return null;
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== count * 8) return null;
  // A copy, aligned for the doubles.
  return new Float64Array(new Uint8Array(bytes).buffer);
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The records the columns hold, or null when they are not what toColumns writes. */
function fromColumns(x: unknown): Map<string, SearchFileRecord> | null {
  if (x === null || typeof x !== 'object') return null;
  const c = x as Partial<FileColumns>;
  const { size, sidecar, encoding, ocrKey } = c;
  if (!Array.isArray(size)) return null;
  const names = splitNulJoined(c.names, size.length);
  const hash = splitNulJoined(c.hash, size.length);
  const mtime = doublesColumn(c.mtime, size.length);
  if (names === null || hash === null || mtime === null || ![sidecar, encoding, ocrKey].every((a) => Array.isArray(a) && a.length === size.length)) return null;
  const out = new Map<string, SearchFileRecord>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const s = size[i];
    const t = mtime[i]!;
    const h = hash[i]!;
    const side = sidecar![i];
    const enc = encoding![i];
    const ocr = ocrKey![i];
    if (!isNumber(s) || !isNumber(t)) return null;
    if (enc !== null && typeof enc !== 'string') return null;
    if (ocr !== 0 && typeof ocr !== 'string') return null;
    let sidecarPrint: Fingerprint | null = null;
    if (side !== 0) {
      if (!Array.isArray(side) || !isNumber(side[0]) || !isNumber(side[1])) return null;
      sidecarPrint = { size: side[0], mtimeMs: side[1] };
    }
    const record: SearchFileRecord = { article: { size: s, mtimeMs: t, hash: h }, sidecar: sidecarPrint, encoding: enc };
    // Set only where there is one (a spread of an empty object per record cost a third of this loop).
    if (ocr) record.ocrKey = ocr;
    out.set(name, record);
  }
  return out;
}

/** What the search engine keeps in the index's header besides the index itself. */
export interface StoredExtra {
  foldVersion: number;
  writtenAt: number;
  files: FileColumns;
}

export function toStoredExtra(records: ReadonlyMap<string, SearchFileRecord>, writtenAt: number): StoredExtra {
  return { foldVersion: FOLD_VERSION, writtenAt, files: toColumns(records) };
}

/** The records and when they were written, or null when they were folded otherwise or are not what toStoredExtra writes. */
export function fromStoredExtra(extra: unknown): { records: Map<string, SearchFileRecord>; writtenAt: number } | null {
  if (extra === null || typeof extra !== 'object') return null;
  const x = extra as Partial<StoredExtra>;
  if (x.foldVersion !== FOLD_VERSION || typeof x.writtenAt !== 'number') return null;
  const records = fromColumns(x.files);
  return records ? { records, writtenAt: x.writtenAt } : null;
}
