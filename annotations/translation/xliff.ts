// XLIFF 2.1 for handing a translation to a CAT tool and taking it back. One <unit> per
// paragraph, one <segment> per sentence (or per rendering, where the user merged or split
// sentences), the text between segments in <ignorable> so that each unit's source is the
// paragraph exactly. Segment ids carry the source offsets (s<start>-<end>), so an XLIFF that
// comes back updates the right drafts. Page furniture goes out as translate="no".
// Analysts' glosses and notes travel as <note>s; who drafted a segment and when, in the
// standard Metadata module. Written and read with fast-xml-parser, never by joining strings.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { furnitureParagraphs } from '../../corpus/metadata/furniture-paragraphs';
import { detectLanguage, paragraphDirection, type Direction, type Language } from '../../corpus/text/language';
import { segmentText, type SegmentedParagraph, type Span } from '../../corpus/text/segment';
import type { Annotation, Rendering, SegmentStatus } from '../model/types';

// ---------------------------------------------------------------------------------------
// The ordered node form of fast-xml-parser (preserveOrder: true), typed. An element is
// { name: children, ':@': attributes }, a text node { '#text': value }. TMX uses these too.

export type XmlNode = { [key: string]: XmlNode[] | Record<string, string> | string };

const ATTR = '@_';

export function el(name: string, attributes: Record<string, string | number | undefined> = {}, children: XmlNode[] = []): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[ATTR + k] = String(v);
  const node: XmlNode = { [name]: children };
  if (Object.keys(attrs).length > 0) node[':@'] = attrs;
  return node;
}

export function textNode(value: string): XmlNode {
  return { '#text': value };
}

/** The tag name of an element node, or null for a text node. */
export function nameOf(node: XmlNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name ? node[name] : undefined;
  return Array.isArray(children) ? children : [];
}

export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'];
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs)) return undefined;
  return (attrs as Record<string, string>)[ATTR + name];
}

export function textOf(node: XmlNode): string | null {
  const t = node['#text'];
  return typeof t === 'string' ? t : null;
}

export function elements(nodes: readonly XmlNode[], name?: string): XmlNode[] {
  return nodes.filter((n) => {
    const tag = nameOf(n);
    return tag !== null && (name === undefined || tag === name);
  });
}

/** The concatenated text of a node's descendants. */
export function flatText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    const t = textOf(n);
    if (t !== null) out += t;
    else out += flatText(childrenOf(n));
  }
  return out;
}

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, line feed and carriage return;
 * lone surrogates; U+FFFE, U+FFFF). XLIFF writes them as <cp hex="…"/>.
 */
const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidXmlChar(text: string): boolean {
  return INVALID_XML_CHAR.test(text);
}

/**
 * Serialises a document. Pretty printing indents the content of every element, which would
 * change mixed content (text beside <cp/>): callers turn it off when a document has any.
 */
export function serialise(document: XmlNode[], pretty: boolean): string {
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    format: pretty,
    indentBy: '  ',
    suppressEmptyNode: true,
    processEntities: true,
  });
  const xml = builder.build(document) as string;
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

export function declaration(): XmlNode {
  return { '?xml': [textNode('')], ':@': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' } };
}

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/** Parses a document in ordered form, namespace prefixes removed, no value coercion. */
export function parseDocument(xml: string, what: string): XmlNode[] {
  // XLIFF 2 and TMX need no entity definitions; refusing them keeps entity-expansion attacks
  // out of a file that came from elsewhere.
  if (/<!ENTITY/i.test(xml)) throw new XmlFormatError(`${what}: entity declarations are not accepted`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new XmlFormatError(`${what}: not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return parser.parse(xml) as XmlNode[];
}

// ---------------------------------------------------------------------------------------

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const METADATA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** Hashiya's own attributes on <note>: the annotation and the span it comes from. */
export const HASHIYA_NS = 'urn:x-hashiya:xliff:1';

const STATE_OF: Record<SegmentStatus, string> = { untranslated: 'initial', draft: 'translated', reviewed: 'reviewed' };
const STATUS_OF: Record<string, SegmentStatus> = { initial: 'untranslated', translated: 'draft', reviewed: 'reviewed', final: 'reviewed' };

export interface XliffExportInput {
  /** The article's file name, relative to the corpus root (the <file original>). */
  file: string;
  /** The article text as decoded; segment sources are exact slices of it. */
  text: string;
  /** Source and target languages (BCP 47); the source is detected when missing. */
  srcLang?: string;
  trgLang?: string;
  renderings: readonly Rendering[];
  /** Glosses and notes of these annotations become <note>s of their paragraph's unit. */
  annotations?: readonly Annotation[];
  /** The segmentation to use (the user's, with merged or split segments); automatic otherwise. */
  paragraphs?: readonly SegmentedParagraph[];
  /** Indexes of paragraphs not for translation; page furniture is detected when missing. */
  notForTranslation?: ReadonlySet<number>;
}

interface Piece {
  kind: 'segment' | 'ignorable';
  start: number;
  end: number;
  rendering?: Rendering;
}

interface PlannedUnit {
  start: number;
  end: number;
  translate: boolean;
  dir: Direction;
  pieces: Piece[];
}

function languageDir(lang: string): Direction {
  return /^(fa|ar|he|ur|ps|ckb|ku-Arab|yi|dv|sd|ug)(-|$)/i.test(lang) ? 'rtl' : 'ltr';
}

function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/**
 * The segments of one paragraph: where a rendering exists its span is the segment (so merged
 * and split segments survive), elsewhere the sentences; whatever lies between is ignorable.
 */
function planPieces(text: string, paragraph: SegmentedParagraph, renderings: readonly Rendering[]): Piece[] {
  const inside = renderings
    .filter((r) => r.start >= paragraph.start && r.end <= paragraph.end && r.end > r.start)
    .slice()
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const chosen: Rendering[] = [];
  for (const r of inside) if (!chosen.length || r.start >= chosen[chosen.length - 1]!.end) chosen.push(r);

  const segments: Piece[] = chosen.map((r) => ({ kind: 'segment', start: r.start, end: r.end, rendering: r }));
  const sentences = paragraph.sentences.length > 0 ? paragraph.sentences : [{ start: paragraph.start, end: paragraph.end }];
  for (const s of sentences) {
    // The parts of the sentence that no rendering covers are segments of their own.
    let from = s.start;
    for (const r of chosen) {
      if (r.end <= from || r.start >= s.end) continue;
      const gap = trimmed(text, from, Math.min(r.start, s.end));
      if (gap) segments.push({ kind: 'segment', ...gap });
      from = Math.max(from, r.end);
    }
    const rest = trimmed(text, from, s.end);
    if (rest) segments.push({ kind: 'segment', ...rest });
  }
  segments.sort((x, y) => x.start - y.start);

  const pieces: Piece[] = [];
  let at = paragraph.start;
  for (const seg of segments) {
    if (seg.start > at) pieces.push({ kind: 'ignorable', start: at, end: seg.start });
    pieces.push(seg);
    at = seg.end;
  }
  if (paragraph.end > at) pieces.push({ kind: 'ignorable', start: at, end: paragraph.end });
  return pieces;
}

/**
 * Paragraph indexes grouped into units: one paragraph each, except where a rendering runs
 * across a paragraph break (a headline and its sub-headline drafted as one sentence), which
 * keeps those paragraphs in one unit so that the segment can hold the whole span.
 */
function unitGroups(paragraphs: readonly SegmentedParagraph[], renderings: readonly Rendering[]): number[][] {
  const groups: number[][] = [];
  paragraphs.forEach((p, k) => {
    const previous = groups[groups.length - 1];
    const joined = previous !== undefined && renderings.some((r) => r.start < paragraphs[k - 1]!.end && r.end > p.start && r.end > r.start);
    if (joined) previous.push(k);
    else groups.push([k]);
  });
  return groups;
}

function contentNodes(value: string): XmlNode[] {
  if (!hasInvalidXmlChar(value)) return value === '' ? [] : [textNode(value)];
  const nodes: XmlNode[] = [];
  let run = '';
  for (const ch of value) {
    if (hasInvalidXmlChar(ch)) {
      if (run) nodes.push(textNode(run));
      run = '';
      for (let k = 0; k < ch.length; k++) nodes.push(el('cp', { hex: ch.charCodeAt(k).toString(16).toUpperCase().padStart(4, '0') }));
    } else run += ch;
  }
  if (run) nodes.push(textNode(run));
  return nodes;
}

function segmentId(start: number, end: number): string {
  return `s${start}-${end}`;
}

function unitNotes(unit: PlannedUnit, annotations: readonly Annotation[]): XmlNode[] {
  const notes: XmlNode[] = [];
  for (const a of annotations) {
    const { start, end } = a.target.position;
    if (a.anchor.status === 'orphaned' || start < unit.start || start >= unit.end) continue;
    for (const [category, value] of [
      ['gloss', a.gloss],
      ['note', a.note],
    ] as const) {
      if (value.trim() === '') continue;
      const attributes = {
        id: `n${notes.length + 1}`,
        appliesTo: 'source',
        category,
        'hs:annotation': a.id,
        'hs:start': start,
        'hs:end': end,
      };
      notes.push(el('note', attributes, contentNodes(value)));
    }
  }
  return notes;
}

function renderingMetadata(pieces: readonly Piece[]): XmlNode[] {
  const groups: XmlNode[] = [];
  for (const p of pieces) {
    const r = p.rendering;
    if (!r) continue;
    const metas = [el('mda:meta', { type: 'segment' }, [textNode(segmentId(p.start, p.end))])];
    if (r.analyst) metas.push(el('mda:meta', { type: 'analyst' }, contentNodes(r.analyst)));
    if (r.modified) metas.push(el('mda:meta', { type: 'modified' }, contentNodes(r.modified)));
    groups.push(el('mda:metaGroup', { category: 'hashiya:rendering' }, metas));
  }
  return groups.length > 0 ? [el('mda:metadata', {}, groups)] : [];
}

/** An XLIFF 2.1 document of the article with its renderings, glosses and notes. */
export function exportXliff(input: XliffExportInput): string {
  const { text } = input;
  const srcLang = input.srcLang ?? sourceLanguage(text);
  const trgLang = input.trgLang ?? 'en';
  const fileDir = languageDir(srcLang);
  const paragraphs = input.paragraphs ?? segmentText(text);
  const skip = input.notForTranslation ?? furnitureParagraphs(text, paragraphs);
  let pretty = !hasInvalidXmlChar(text);

  const units: XmlNode[] = [];
  for (const group of unitGroups(paragraphs, input.renderings)) {
    const first = paragraphs[group[0]!]!;
    const last = paragraphs[group[group.length - 1]!]!;
    const span: SegmentedParagraph = { start: first.start, end: last.end, sentences: group.flatMap((k) => paragraphs[k]!.sentences) };
    if (span.end <= span.start) continue;
    const unit: PlannedUnit = {
      start: span.start,
      end: span.end,
      translate: !group.every((k) => skip.has(k)),
      dir: paragraphDirection(text.slice(first.start, first.end), fileDir),
      pieces: planPieces(text, span, input.renderings),
    };
    const body: XmlNode[] = [...renderingMetadata(unit.pieces)];
    const notes = unitNotes(unit, input.annotations ?? []);
    if (notes.length > 0) body.push(el('notes', {}, notes));
    for (const piece of unit.pieces) {
      const source = el('source', { 'xml:space': 'preserve' }, contentNodes(text.slice(piece.start, piece.end)));
      if (piece.kind === 'ignorable') {
        body.push(el('ignorable', {}, [source]));
        continue;
      }
      const r = piece.rendering;
      const children = [source];
      if (r && r.text !== '') {
        children.push(el('target', { 'xml:space': 'preserve' }, contentNodes(r.text)));
        if (hasInvalidXmlChar(r.text)) pretty = false;
      }
      body.push(el('segment', { id: segmentId(piece.start, piece.end), state: STATE_OF[r?.status ?? 'untranslated'] }, children));
    }
    units.push(el('unit', { id: `u${unit.start}-${unit.end}`, translate: unit.translate ? undefined : 'no', srcDir: unit.dir === fileDir ? undefined : unit.dir }, body));
  }
  if (units.length === 0) throw new XmlFormatError('the article has no text to translate');

  const file = el('file', { id: 'f1', original: input.file, canResegment: 'no', srcDir: fileDir, trgDir: languageDir(trgLang) }, units);
  const root = el('xliff', { xmlns: XLIFF_NS, 'xmlns:mda': METADATA_NS, 'xmlns:hs': HASHIYA_NS, version: '2.1', srcLang, trgLang }, [file]);
  return serialise([declaration(), root], pretty);
}

function sourceLanguage(text: string): string {
  const lang: Language = detectLanguage(text);
  return lang === 'und' ? 'und' : lang;
}

// ---------------------------------------------------------------------------------------

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

function offsetsOf(id: string | undefined, prefix: string): [number, number] | null {
  const m = id ? new RegExp(`^${prefix}(\\d+)-(\\d+)$`).exec(id) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start ? [start, end] : null;
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

/** Reads an XLIFF 2.x document back: the drafts by source offsets, the notes, and what did not fit. */
export function importXliff(xml: string, options: XliffImportOptions = {}): XliffImport {
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

/**
 * Applies the renderings of an imported XLIFF to the article's current ones: a segment whose
 * text or status changed is taken from the import, credited to `who` at `now`; the others
 * keep their history. Renderings the import does not mention are kept.
 */
export function mergeImportedRenderings(
  current: readonly Rendering[],
  imported: readonly Rendering[],
  who: { analyst: string; now: string },
): { renderings: Rendering[]; changed: number } {
  const byKey = new Map(current.map((r) => [`${r.start}:${r.end}`, r]));
  let changed = 0;
  for (const r of imported) {
    const key = `${r.start}:${r.end}`;
    const old = byKey.get(key);
    if (old && old.text === r.text && old.status === r.status) continue;
    // A new segmentation replaces the renderings it overlaps.
    for (const [k, other] of byKey) if (k !== key && other.start < r.end && r.start < other.end) byKey.delete(k);
    byKey.set(key, { start: r.start, end: r.end, text: r.text, status: r.status, analyst: who.analyst, modified: who.now });
    changed++;
  }
  return { renderings: [...byKey.values()].sort((x, y) => x.start - y.start), changed };
}
