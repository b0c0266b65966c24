// Writes an article's translation as XLIFF 2.1: units per paragraph, segments per sentence
// or rendering, glosses and notes as <note>s, who drafted what in the Metadata module.
import { furnitureParagraphs } from '../../corpus/metadata/furniture-paragraphs';
import { detectLanguage, paragraphDirection, type Direction, type Language } from '../../corpus/text/language';
import { segmentText, type SegmentedParagraph, type Span } from '../../corpus/text/segment';
import type { Annotation, Rendering } from '../model/types';
import { declaration, el, hasInvalidXmlChar, serialise, textNode, XmlFormatError, type XmlNode } from './xml-nodes';
import { HASHIYA_NS, METADATA_NS, segmentId, STATE_OF, unitId, XLIFF_NS } from './xliff';

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
    units.push(el('unit', { id: unitId(unit.start, unit.end), translate: unit.translate ? undefined : 'no', srcDir: unit.dir === fileDir ? undefined : unit.dir }, body));
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
