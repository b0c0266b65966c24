// TMX 1.4b of the pairs a person has confirmed: alignment links marked confirmed, and
// renderings marked reviewed. One <tu> per pair, one <tuv xml:lang> <seg> per language, the
// header attributes the DTD requires. Built with fast-xml-parser like the XLIFF.
import { replaceXmlForbiddenChars } from '../../corpus/text/control-characters';
import type { AlignmentLink, Rendering, SegmentStatus } from '../model/types';
import { attr, childrenOf, declaration, el, elements, nameOf, parseDocument, serialise, textNode, textOf, XmlFormatError, type XmlNode } from './xml-nodes';

export interface TmxPair {
  source: string;
  target: string;
  /** Where the pair comes from (article and offsets), kept as a <prop>. */
  origin?: string;
  /** ISO date-time of the last change. */
  changed?: string;
  /** Who made or confirmed it. */
  changedBy?: string;
}

export interface TmxInput {
  srcLang: string;
  trgLang: string;
  pairs: readonly TmxPair[];
  /** Creation time of the file; now when missing. */
  created?: Date;
  toolVersion?: string;
}

/** TMX dates: YYYYMMDDThhmmssZ. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function seg(value: string): XmlNode {
  // XML 1.0 cannot carry some characters, and TMX has no escape for them.
  const clean = replaceXmlForbiddenChars(value);
  return el('seg', {}, clean === '' ? [] : [textNode(clean)]);
}

export function exportTmx(input: TmxInput): string {
  const created = input.created ?? new Date();
  const header = el('header', {
    creationtool: 'Hashiya',
    creationtoolversion: input.toolVersion ?? '0.1.0',
    segtype: 'sentence',
    'o-tmf': 'Hashiya',
    adminlang: 'en',
    srclang: input.srcLang,
    datatype: 'plaintext',
    creationdate: tmxDate(created),
  });
  const units = input.pairs.map((p, k) => {
    const props: XmlNode[] = [];
    if (p.origin) props.push(el('prop', { type: 'x-hashiya-origin' }, [textNode(replaceXmlForbiddenChars(p.origin))]));
    const changed = p.changed && !Number.isNaN(Date.parse(p.changed)) ? tmxDate(new Date(p.changed)) : undefined;
    return el('tu', { tuid: String(k + 1), changedate: changed, changeid: p.changedBy || undefined }, [
      ...props,
      el('tuv', { 'xml:lang': input.srcLang }, [seg(p.source)]),
      el('tuv', { 'xml:lang': input.trgLang }, [seg(p.target)]),
    ]);
  });
  const root = el('tmx', { version: '1.4' }, [header, el('body', {}, units)]);
  return serialise([declaration(), root], true);
}

/** The confirmed links between two texts as pairs (the unconfirmed ones are guesses, not memory). */
export function pairsFromAlignment(textA: string, textB: string, links: readonly AlignmentLink[], origin?: { a: string; b: string }): TmxPair[] {
  return links
    .filter((l) => l.confirmed && l.a[1] > l.a[0] && l.b[1] > l.b[0])
    .map((l) => ({
      source: textA.slice(l.a[0], l.a[1]),
      target: textB.slice(l.b[0], l.b[1]),
      ...(origin ? { origin: `${origin.a}#${l.a[0]}-${l.a[1]} ${origin.b}#${l.b[0]}-${l.b[1]}` } : {}),
    }));
}

/** Renderings of the given statuses (reviewed ones by default) as pairs with their source segments. */
export function pairsFromRenderings(text: string, renderings: readonly Rendering[], file?: string, statuses: readonly SegmentStatus[] = ['reviewed']): TmxPair[] {
  return renderings
    .filter((r) => statuses.includes(r.status) && r.text.trim() !== '' && r.end > r.start)
    .slice()
    .sort((x, y) => x.start - y.start)
    .map((r) => ({
      source: text.slice(r.start, r.end),
      target: r.text,
      changed: r.modified || undefined,
      changedBy: r.analyst || undefined,
      ...(file ? { origin: `${file}#${r.start}-${r.end}` } : {}),
    }));
}

/** Text of a <seg>: its characters and those inside <hi>, without the native codes of <bpt>, <ph> and the like. */
function segText(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const n of nodes) {
    const t = textOf(n);
    if (t !== null) out += t;
    else if (nameOf(n) === 'hi') out += segText(childrenOf(n));
  }
  return out;
}

export interface TmxUnit {
  /** Segment text by language. */
  variants: Record<string, string>;
  props: Record<string, string>;
}

/** Reads the translation units of a TMX file. */
export function importTmx(xml: string): { srcLang: string | null; units: TmxUnit[] } {
  const root = elements(parseDocument(xml, 'TMX'), 'tmx')[0];
  if (!root) throw new XmlFormatError('not a TMX document (no <tmx> element)');
  const header = elements(childrenOf(root), 'header')[0];
  const body = elements(childrenOf(root), 'body')[0];
  const units: TmxUnit[] = [];
  for (const tu of body ? elements(childrenOf(body), 'tu') : []) {
    const variants: Record<string, string> = {};
    const props: Record<string, string> = {};
    for (const child of elements(childrenOf(tu))) {
      if (nameOf(child) === 'prop') props[attr(child, 'type') ?? ''] = segText(childrenOf(child));
      if (nameOf(child) !== 'tuv') continue;
      // removeNSPrefix turns xml:lang into lang; TMX 1.3 files may have the old lang attribute too.
      const lang = attr(child, 'lang') ?? '';
      const s = elements(childrenOf(child), 'seg')[0];
      variants[lang] = s ? segText(childrenOf(s)) : '';
    }
    units.push({ variants, props });
  }
  return { srcLang: header ? (attr(header, 'srclang') ?? null) : null, units };
}
