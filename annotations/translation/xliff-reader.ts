// Reads an XLIFF 2.x document back: the renderings by source offsets (placed by their
// sources where another tool renamed the segments), the notes, and what could not be placed.
import type { Rendering } from '../model/types';
import { attr, childrenOf, el, elements, nameOf, parseDocument, textOf, XmlFormatError, type XmlNode } from './xml-nodes';
import { offsetsOf, STATUS_OF } from './xliff';

export interface XliffNote {
  /** The unit's paragraph, source offsets. */
  unit: [number, number];
  id: string | null;
  category: string | null;
  appliesTo: 'source' | 'target' | null;
  text: string;
  /** The Hashiya annotation the note came from, when it did. */
  annotation: string | null;
  /** The annotation's span, when the note carries it. */
  span: [number, number] | null;
}

export interface XliffImport {
  srcLang: string;
  trgLang: string | null;
  /** The <file original> of the first file. */
  original: string | null;
  /** One rendering per segment that has a target, a state or Hashiya metadata; keyed by source offsets. */
  renderings: Rendering[];
  notes: XliffNote[];
  /** Segments that could not be placed in the article, in words a person understands. */
  problems: string[];
}

export interface XliffImportOptions {
  /** The article text: segment sources are checked against it, and placed by it when ids are lost. */
  text?: string;
}


/** Text of source or target content: text, <cp/> characters, and the text inside <pc>/<mrk>. */
function inlineText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    const t = textOf(n);
    if (t !== null) {
      out += t;
      continue;
    }
    const name = nameOf(n);
    if (name === 'cp') {
      const code = parseInt(attr(n, 'hex') ?? '', 16);
      if (Number.isFinite(code)) out += String.fromCharCode(code);
    } else if (name === 'pc' || name === 'mrk') out += inlineText(childrenOf(n));
  }
  return out;
}

function metadataOf(unit: XmlNode): Map<string, { analyst: string; modified: string }> {
  const out = new Map<string, { analyst: string; modified: string }>();
  for (const metadata of elements(childrenOf(unit), 'metadata')) {
    for (const group of elements(childrenOf(metadata), 'metaGroup')) {
      if (attr(group, 'category') !== 'hashiya:rendering') continue;
      const metas = new Map(elements(childrenOf(group), 'meta').map((m) => [attr(m, 'type') ?? '', inlineText(childrenOf(m))]));
      const segment = metas.get('segment');
      if (segment) out.set(segment, { analyst: metas.get('analyst') ?? '', modified: metas.get('modified') ?? '' });
    }
  }
  return out;
}

function unitsOf(container: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const child of elements(childrenOf(container))) {
    const name = nameOf(child);
    if (name === 'unit') out.push(child);
    else if (name === 'group') out.push(...unitsOf(child));
  }
  return out;
}

/** XML reads every CR LF and lone CR as LF, so a source that had them comes back with LF. */
function sameSource(article: string, source: string): boolean {
  return article === source || article.replace(/\r\n?/g, '\n') === source;
}

/**
 * The largest XLIFF taken in, as UTF-8 bytes. Reading one holds the process (and every other
 * request) while it is parsed and placed: here about 1 s for the 3.8 MB XLIFF of a fully
 * drafted 100,000-word article (1.1 MB of text), 6.5 s at 20 MB. 8 MB leaves that article
 * room for what a CAT tool adds and keeps the wait under about 3 s; a larger file is not one
 * article's drafts. (Parsing off the main thread would lift the wait; not done yet.)
 */
export const MAX_XLIFF_BYTES = 8 * 1024 * 1024;

/** UTF-8 bytes of `s`, counted no further than just past `limit`. */
function utf8BytesUpTo(s: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      n += 4; // a surrogate pair: one character of four bytes
      i++;
    } else n += 3;
  }
  return n;
}

/** What to tell the person of an XLIFF file this large, or null when it may be imported. */
export function xliffSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_XLIFF_BYTES) return null;
  return `this XLIFF is ${(bytes / 1024 / 1024).toFixed(1)} MB; Hashiya imports XLIFF files of up to ${MAX_XLIFF_BYTES / 1024 / 1024} MB (one article's drafts take far less). Nothing was imported or changed.`;
}

/** Refuses an XLIFF over MAX_XLIFF_BYTES, before any of it is parsed. */
export function checkXliffSize(xml: string): void {
  // At most 3 bytes a UTF-16 unit: a short string needs no counting.
  if (xml.length * 3 <= MAX_XLIFF_BYTES || utf8BytesUpTo(xml, MAX_XLIFF_BYTES) <= MAX_XLIFF_BYTES) return;
  throw new XmlFormatError(xliffSizeProblem(utf8BytesUpTo(xml, Infinity))!);
}

/** Reads an XLIFF 2.x document back: the drafts by source offsets, the notes, and what did not fit. */
export function importXliff(xml: string, options: XliffImportOptions = {}): XliffImport {
  checkXliffSize(xml);
  const document = parseDocument(xml, 'XLIFF');
  const root = elements(document, 'xliff')[0];
  if (!root) throw new XmlFormatError('not an XLIFF document (no <xliff> element)');
  const version = attr(root, 'version') ?? '';
  if (!/^2\.\d+$/.test(version)) throw new XmlFormatError(`XLIFF ${version || 'without a version'} is not supported; Hashiya reads XLIFF 2.x`);
  const result: XliffImport = {
    srcLang: attr(root, 'srcLang') ?? '',
    trgLang: attr(root, 'trgLang') ?? null,
    original: null,
    renderings: [],
    notes: [],
    problems: [],
  };
  const { text } = options;
  for (const file of elements(childrenOf(root), 'file')) {
    result.original ??= attr(file, 'original') ?? null;
    for (const unit of unitsOf(file)) {
      const unitId = attr(unit, 'id') ?? '?';
      const unitSpan = offsetsOf(unitId, 'u');
      const metadata = metadataOf(unit);
      for (const notes of elements(childrenOf(unit), 'notes')) {
        for (const note of elements(childrenOf(notes), 'note')) {
          const start = Number(attr(note, 'start'));
          const end = Number(attr(note, 'end'));
          const appliesTo = attr(note, 'appliesTo');
          result.notes.push({
            unit: unitSpan ?? [0, 0],
            id: attr(note, 'id') ?? null,
            category: attr(note, 'category') ?? null,
            appliesTo: appliesTo === 'source' || appliesTo === 'target' ? appliesTo : null,
            text: inlineText(childrenOf(note)),
            annotation: attr(note, 'annotation') ?? null,
            span: Number.isInteger(start) && Number.isInteger(end) && attr(note, 'start') !== undefined ? [start, end] : null,
          });
        }
      }
      let searchFrom = unitSpan?.[0] ?? 0;
      for (const segment of elements(childrenOf(unit), 'segment')) {
        const id = attr(segment, 'id');
        const children = childrenOf(segment);
        const source = inlineText(childrenOf(elements(children, 'source')[0] ?? el('source')));
        const targetNode = elements(children, 'target')[0];
        const state = attr(segment, 'state') ?? 'initial';
        let span = offsetsOf(id, 's');
        if (text !== undefined && span && !sameSource(text.slice(span[0], span[1]), source)) {
          result.problems.push(`segment ${id} of unit ${unitId}: its source is not the article's text at ${span[0]}–${span[1]}`);
          continue;
        }
        if (!span && text !== undefined && unitSpan) {
          // A tool that renamed or re-split segments: find the source in the unit's paragraph.
          const at = text.indexOf(source, searchFrom);
          // (A source with line breaks is found only where the article has LF line breaks.)
          if (source !== '' && at >= 0 && at + source.length <= unitSpan[1]) span = [at, at + source.length];
        }
        if (!span) {
          result.problems.push(`segment ${id ?? '(no id)'} of unit ${unitId}: cannot tell where it is in the article`);
          continue;
        }
        searchFrom = span[1];
        const meta = id ? metadata.get(id) : undefined;
        if (!targetNode && state === 'initial' && !meta) continue;
        result.renderings.push({
          start: span[0],
          end: span[1],
          text: targetNode ? inlineText(childrenOf(targetNode)) : '',
          status: STATUS_OF[state] ?? 'draft',
          analyst: meta?.analyst ?? '',
          modified: meta?.modified ?? '',
        });
      }
    }
  }
  return result;
}
